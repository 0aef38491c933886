import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Which Firebase project an administrator's command talks to, and how: the emulators when their
 * hosts are set (as `firebase emulators:exec` and `npm start` set them), otherwise the real project
 * with Application Default Credentials. No silent fallback: a half-set emulator environment or a
 * `demo-` project outside the emulators stops the command with a message.
 */
export interface AdminProject {
  projectId: string;
  emulator: boolean;
  /** For messages: "the emulators (demo-banmae)" or "project banmae-prod". */
  description: string;
}

export class AdminProjectError extends Error {}

function firebasercDefault(root: string): string | undefined {
  const file = resolve(root, '.firebaserc');
  if (!existsSync(file)) return undefined;
  const rc = JSON.parse(readFileSync(file, 'utf8')) as { projects?: { default?: string } };
  return rc.projects?.default;
}

export function adminProject(env: NodeJS.ProcessEnv, root: string): AdminProject {
  const authHost = env.FIREBASE_AUTH_EMULATOR_HOST;
  const firestoreHost = env.FIRESTORE_EMULATOR_HOST;
  if (Boolean(authHost) !== Boolean(firestoreHost)) {
    throw new AdminProjectError(
      `FIREBASE_AUTH_EMULATOR_HOST is ${authHost ? 'set' : 'not set'} but FIRESTORE_EMULATOR_HOST is ${firestoreHost ? 'set' : 'not set'}: ` +
        'set both (emulators) or neither (a real project), or the role and the staff directory would end up in different places.',
    );
  }
  const emulator = Boolean(authHost);
  const projectId = env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? firebasercDefault(root);
  if (!projectId) throw new AdminProjectError('no project: set GCLOUD_PROJECT or run `npx firebase use --add`.');
  if (!emulator && projectId.startsWith('demo-')) {
    throw new AdminProjectError(
      `${projectId} is a demo project, which exists only on the emulators: start them (npm start) and set ` +
        'FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 FIRESTORE_EMULATOR_HOST=127.0.0.1:8080, or set GCLOUD_PROJECT to the real project.',
    );
  }
  return { projectId, emulator, description: emulator ? `the emulators (${projectId})` : `project ${projectId}` };
}
