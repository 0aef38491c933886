import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../../../config/municipality.json';

/** Built with `vite --mode emulator`: LIFF mock, local emulators and the LINE stand-in. */
export const EMULATOR = import.meta.env.MODE === 'emulator';

export const config = parseMunicipalityConfig(raw);

export const STANDIN_URL: string = import.meta.env.VITE_LINE_STANDIN_URL ?? 'http://127.0.0.1:9200';

/** The LINE user the mock LIFF signs in as; `?as=U…` lets a tester act as another citizen. */
export const DEMO_LINE_USER = 'U0123456789abcdef0123456789abcdef';
