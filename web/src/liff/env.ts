import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../../../config/municipality.json';

/** Built with `vite --mode emulator`: LIFF mock, local emulators and the LINE stand-in. */
export const EMULATOR = import.meta.env.MODE === 'emulator';

export const config = parseMunicipalityConfig(raw);

export const STANDIN_URL: string = import.meta.env.VITE_LINE_STANDIN_URL ?? 'http://127.0.0.1:9200';
