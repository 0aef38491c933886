import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../../../config/municipality.json';

export { EMULATOR } from '../shared/build-mode.ts';

export const config = parseMunicipalityConfig(raw);
