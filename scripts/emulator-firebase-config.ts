import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withConnectSources } from './content-security-policy.ts';

/**
 * The Hosting emulator serves the headers of the Firebase config it runs with. The emulator build of
 * the pages talks to the Auth, Firestore and Functions emulators and the LINE stand-in on other local
 * ports, which the production Content-Security-Policy refuses, as it should. So the local stack runs
 * the emulators with a copy of firebase.json (firebase.emulator.json, written at every start, never
 * committed) whose policies add exactly those local origins to connect-src; nothing else differs.
 * firebase.json itself, the file `firebase deploy` reads, names no local origin (docs/decisions/010).
 */
export const EMULATOR_CONFIG_FILE = 'firebase.emulator.json';

interface HostingHeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

interface FirebaseConfig {
  hosting: { headers: HostingHeaderRule[] };
  emulators: Record<string, { host?: string; port?: number } | boolean>;
}

export function readFirebaseConfig(root: string): FirebaseConfig {
  return JSON.parse(readFileSync(resolve(root, 'firebase.json'), 'utf8')) as FirebaseConfig;
}

/** The origins the emulator build calls besides its own: the pages use the host they were opened on, 127.0.0.1 or localhost. */
export function emulatorConnectSources(config: FirebaseConfig, standinPort: number): string[] {
  const ports = (['auth', 'firestore', 'functions'] as const).map((name) => {
    const emulator = config.emulators[name];
    if (typeof emulator !== 'object' || emulator.port === undefined) throw new Error(`firebase.json names no port for the ${name} emulator`);
    return emulator.port;
  });
  return ['127.0.0.1', 'localhost'].flatMap((host) => [...ports, standinPort].map((port) => `http://${host}:${port}`));
}

export function emulatorFirebaseConfig(config: FirebaseConfig, connectSources: readonly string[]): FirebaseConfig {
  const headers = config.hosting.headers.map((rule) => ({
    ...rule,
    headers: rule.headers.map((h) => (h.key === 'Content-Security-Policy' ? { ...h, value: withConnectSources(h.value, connectSources) } : h)),
  }));
  return { ...config, hosting: { ...config.hosting, headers } };
}

export function writeEmulatorFirebaseConfig(root: string, standinPort: number): void {
  const config = readFirebaseConfig(root);
  const local = emulatorFirebaseConfig(config, emulatorConnectSources(config, standinPort));
  writeFileSync(resolve(root, EMULATOR_CONFIG_FILE), `${JSON.stringify(local, null, 2)}\n`);
}
