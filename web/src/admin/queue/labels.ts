import { config } from '../env.ts';

/** Thai labels of configuration IDs; an ID no longer in the configuration shows as itself. */
export const categoryLabel = (id: string) => config.categories.find((c) => c.id === id)?.labelTh ?? id;
export const departmentLabel = (id: string | null) => (id ? (config.departments.find((d) => d.id === id)?.labelTh ?? id) : '');
