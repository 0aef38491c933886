import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipality } from './municipality.ts';

/**
 * firebase.json cannot read config/municipality.json, so the Hosting rewrites name the functions'
 * region a second time. This keeps the two from drifting: change both together (README "Deploy").
 */
describe('firebase.json', () => {
  const firebase = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../firebase.json'), 'utf8')) as {
    hosting: { rewrites: { source: string; function?: { functionId: string; region: string } }[] };
    functions: { runtime: string }[];
  };
  it("routes /api/* to functions in the config's region", () => {
    const fns = firebase.hosting.rewrites.filter((r) => r.function);
    expect(fns.map((r) => r.function!.functionId).sort()).toEqual(['exportCases', 'lineAuth', 'lineWebhook']);
    for (const r of fns) expect(r.function!.region).toBe(municipality.region);
  });
  it('deploys on Node 22, matching functions/package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { engines: { node: string } };
    expect(firebase.functions[0]!.runtime).toBe('nodejs22');
    expect(pkg.engines.node).toBe('22');
  });
});

/**
 * The emulator never asks for an index; production refuses a query that has none. The desk's queue
 * (web/src/admin/data/queue-query.ts) filters by equality on these fields, newest first, and merges
 * one (field, createdAt DESC) index per filter; findCasesByPhone needs a collection-group index.
 */
describe('firestore.indexes.json', () => {
  const indexes = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../firestore.indexes.json'), 'utf8')) as {
    indexes: { collectionGroup: string; queryScope: string; fields: { fieldPath: string; order?: string }[] }[];
    fieldOverrides: { collectionGroup: string; fieldPath: string; indexes: { queryScope: string; order?: string }[] }[];
  };
  for (const field of ['owner', 'status', 'category', 'department', 'kind', 'assigneeUid']) {
    it(`serves complaints filtered by ${field}, newest first`, () => {
      const found = indexes.indexes.some(
        (i) =>
          i.collectionGroup === 'complaints' &&
          i.queryScope === 'COLLECTION' &&
          JSON.stringify(i.fields) ===
            JSON.stringify([
              { fieldPath: field, order: 'ASCENDING' },
              { fieldPath: 'createdAt', order: 'DESCENDING' },
            ]),
      );
      expect(found).toBe(true);
    });
  }
  it("serves the delivery sweeper's query across every case's deliveries, due first", () => {
    const due = indexes.fieldOverrides.find((o) => o.collectionGroup === 'deliveries' && o.fieldPath === 'nextAttemptAt');
    expect(due?.indexes).toContainEqual({ order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' });
  });
  it("serves the dashboard's overdue count: open statuses of a category filed before its cut-off", () => {
    const want = JSON.stringify(['category', 'status', 'createdAt'].map((fieldPath) => ({ fieldPath, order: 'ASCENDING' })));
    expect(indexes.indexes.some((i) => i.collectionGroup === 'complaints' && i.queryScope === 'COLLECTION' && JSON.stringify(i.fields) === want)).toBe(true);
  });
  it("serves the quota card's failed messages of the month across every case's deliveries", () => {
    const want = JSON.stringify([
      { fieldPath: 'state', order: 'ASCENDING' },
      { fieldPath: 'settledAt', order: 'DESCENDING' },
    ]);
    expect(indexes.indexes.some((i) => i.collectionGroup === 'deliveries' && i.queryScope === 'COLLECTION_GROUP' && JSON.stringify(i.fields) === want)).toBe(
      true,
    );
  });
  it('serves the phone search across every private/reporter document', () => {
    const phone = indexes.fieldOverrides.find((o) => o.collectionGroup === 'private' && o.fieldPath === 'phone');
    expect(phone?.indexes).toContainEqual({ order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' });
  });
});
