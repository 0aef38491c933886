/**
 * Whether the functions run on the local emulator suite, where LINE is the local stand-in. The
 * emulator flag alone is not enough: FUNCTIONS_EMULATOR is an ordinary variable that a deployable
 * functions/.env can set. The project ID is not: the Firebase CLI reserves GCLOUD_PROJECT,
 * GOOGLE_CLOUD_PROJECT and FIREBASE_CONFIG (it refuses a .env that names one) and fills them in with
 * the project deployed to, a real one; `demo-` is the prefix of projects that exist only on the
 * emulators, which is how this project runs them (PLATFORM-FACTS.md). So both must hold, and every
 * project ID the runtime names must be a demo one.
 */
export interface EmulatorCheck {
  ok: boolean;
  /** What was seen, for the refusal message. */
  seen: string;
}

function projectIdsSeen(env: NodeJS.ProcessEnv): string[] {
  const ids = [env.GCLOUD_PROJECT, env.GOOGLE_CLOUD_PROJECT];
  if (env.FIREBASE_CONFIG) {
    try {
      ids.push((JSON.parse(env.FIREBASE_CONFIG) as { projectId?: string }).projectId ?? 'FIREBASE_CONFIG without projectId');
    } catch {
      ids.push('unreadable FIREBASE_CONFIG');
    }
  }
  return ids.filter((id): id is string => id !== undefined && id !== '');
}

export function checkDemoEmulator(env: NodeJS.ProcessEnv = process.env): EmulatorCheck {
  const flag = env.FUNCTIONS_EMULATOR === 'true';
  const ids = projectIdsSeen(env);
  const demo = ids.length > 0 && ids.every((id) => id.startsWith('demo-'));
  return {
    ok: flag && demo,
    seen: `FUNCTIONS_EMULATOR=${env.FUNCTIONS_EMULATOR ?? '(unset)'}, project ${ids.length ? [...new Set(ids)].join(' / ') : '(none)'}`,
  };
}
