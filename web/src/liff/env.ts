import type { MunicipalityConfig } from '@banmae/domain';
// Named imports of the config's top-level keys: Vite leaves the rest (holidays, the desk's settings)
// out of the citizen bundle. The whole file is validated by the functions when they load (a broken
// config stops `firebase deploy`), by the desk, and by domain/src/config.spec.ts, so the citizen pages
// do not ship the validator.
import { categories, limits, line, municipality, privacyNotice } from '../../../config/municipality.json';

export { EMULATOR } from '../shared/build-mode.ts';

/** The part of the municipality's configuration the citizen pages use. */
export const config: Pick<MunicipalityConfig, 'categories' | 'limits' | 'line' | 'municipality' | 'privacyNotice'> = {
  categories,
  limits,
  line,
  municipality,
  privacyNotice,
};

export const STANDIN_URL: string = import.meta.env.VITE_LINE_STANDIN_URL ?? 'http://127.0.0.1:9200';
