import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminProject, AdminProjectError } from './admin-project.ts';

function rootWith(firebaserc: object | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'admin-project-'));
  if (firebaserc) writeFileSync(join(dir, '.firebaserc'), JSON.stringify(firebaserc));
  return dir;
}
const EMULATORS = { FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099', FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' };

describe('adminProject', () => {
  const good: { description: string; env: NodeJS.ProcessEnv; firebaserc: object | null; want: { projectId: string; emulator: boolean } }[] = [
    {
      description: 'the emulators with the demo project of .firebaserc',
      env: EMULATORS,
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: { projectId: 'demo-banmae', emulator: true },
    },
    {
      description: 'the emulators with GCLOUD_PROJECT first',
      env: { ...EMULATORS, GCLOUD_PROJECT: 'demo-x' },
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: { projectId: 'demo-x', emulator: true },
    },
    {
      description: 'a real project from GCLOUD_PROJECT',
      env: { GCLOUD_PROJECT: 'banmae-prod' },
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: { projectId: 'banmae-prod', emulator: false },
    },
    {
      description: 'a real project from .firebaserc',
      env: {},
      firebaserc: { projects: { default: 'banmae-prod' } },
      want: { projectId: 'banmae-prod', emulator: false },
    },
  ];
  for (const c of good) {
    it(`targets ${c.description}`, () => {
      expect(adminProject(c.env, rootWith(c.firebaserc))).toMatchObject(c.want);
    });
  }

  const bad: { description: string; env: NodeJS.ProcessEnv; firebaserc: object | null; want: RegExp }[] = [
    {
      description: 'only the Auth emulator set',
      env: { FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' },
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: /set both/,
    },
    {
      description: 'only the Firestore emulator set',
      env: { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' },
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: /set both/,
    },
    {
      description: 'a demo project without the emulators',
      env: {},
      firebaserc: { projects: { default: 'demo-banmae' } },
      want: /exists only on the emulators/,
    },
    { description: 'no project at all', env: {}, firebaserc: null, want: /no project/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.description}`, () => {
      expect(() => adminProject(c.env, rootWith(c.firebaserc))).toThrow(AdminProjectError);
      expect(() => adminProject(c.env, rootWith(c.firebaserc))).toThrow(c.want);
    });
  }
});
