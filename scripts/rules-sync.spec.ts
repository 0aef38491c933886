import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, RULES_PATH, syncedRules } from './rules-sync.ts';

describe('firestore.rules generated block', () => {
  it('matches config/municipality.json and the domain (run `npm run rules:sync` after editing them)', () => {
    const rules = readFileSync(RULES_PATH, 'utf8');
    expect(syncedRules(rules, loadConfig())).toBe(rules);
  });

  it('changes when a category is added to the config, so a stale rules file cannot pass', () => {
    const rules = readFileSync(RULES_PATH, 'utf8');
    const config = loadConfig();
    const edited = { ...config, categories: [...config.categories, { id: 'newcat', labelTh: 'ใหม่', dueWorkingDays: 3 }] };
    expect(syncedRules(rules, edited)).not.toBe(rules);
    expect(syncedRules(rules, edited)).toContain("'newcat'");
  });
});
