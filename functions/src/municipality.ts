import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../../config/municipality.json' with { type: 'json' };

/** Validated once at module load: a broken config stops the deployment with a message naming the field. */
export const municipality = parseMunicipalityConfig(raw);
