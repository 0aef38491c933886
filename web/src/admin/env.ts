import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../../../config/municipality.json';

/** Built with `--mode emulator` (npm start, tests): the local Auth, Firestore and Functions emulators. */
export const EMULATOR = import.meta.env.MODE === 'emulator';

export const config = parseMunicipalityConfig(raw);
