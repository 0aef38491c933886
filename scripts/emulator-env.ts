import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds what the Firebase emulators need on this machine (ENVIRONMENT.md): a Java ≥ 21 and a Firestore
 * emulator JAR. With internet, firebase-tools downloads its JAR as usual; offline, the Cloud SDK's
 * Debian package or the copy in ../shared is used through a small runner JAR.
 */
const ROOT = resolve(import.meta.dirname, '..');
const MIN_JAVA = 21;

export class SetupError extends Error {}

function parseJavaVersion(text: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/** `java -version` prints to stderr. */
function javaMajor(javaBin: string): number | null {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  return parseJavaVersion(`${r.stderr ?? ''}${r.stdout ?? ''}`);
}

function javaCandidates(): string[] {
  const list: string[] = [];
  if (process.env.JAVA_HOME) list.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) list.push(join(dir, 'java'));
  if (existsSync('/usr/lib/jvm')) for (const d of readdirSync('/usr/lib/jvm').sort().reverse()) list.push(join('/usr/lib/jvm', d, 'bin', 'java'));
  // /usr/bin/java is a chain of symlinks: resolve it so JAVA_HOME is the real JDK (with its `jar`).
  return [...new Set(list.filter((p) => existsSync(p)).map((p) => realpathSync(p)))];
}

export function findJava(): { javaHome: string; bin: string; major: number } {
  const seen: string[] = [];
  for (const bin of javaCandidates()) {
    const major = javaMajor(bin);
    seen.push(`${bin} (${major ?? '?'})`);
    if (major !== null && major >= MIN_JAVA) return { bin, major, javaHome: dirname(dirname(bin)) };
  }
  throw new SetupError(
    `The Firebase emulators need Java ${MIN_JAVA} or newer; found ${seen.length ? seen.join(', ') : 'no Java'}.\n` +
      `Install one (Debian: apt-get install -y openjdk-21-jre-headless, or any JDK ${MIN_JAVA}+) or set JAVA_HOME.`,
  );
}

const SDK_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const SHARED_RUNNER = resolve(ROOT, '..', 'shared', 'emulators', 'firestore', 'firestore-emulator-runner.jar');
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

function cachedDownload(): boolean {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  return existsSync(dir) && readdirSync(dir).some((f) => /^cloud-firestore-emulator-.*\.jar$/.test(f));
}

async function canDownload(): Promise<boolean> {
  try {
    const res = await fetch('https://storage.googleapis.com/', { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** The Cloud SDK JAR has no Main-Class: a manifest-only JAR pointing at it lets firebase-tools `java -jar` it. */
function sdkRunner(javaHome: string): string | null {
  const jarTool = join(javaHome, 'bin', 'jar');
  if (!existsSync(SDK_JAR) || !existsSync(jarTool)) return null;
  const dir = join(ROOT, '.cache', 'firestore-emulator');
  const runner = join(dir, 'firestore-emulator-runner.jar');
  if (existsSync(runner)) return runner;
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'MANIFEST.MF');
  writeFileSync(manifest, `Main-Class: ${MAIN_CLASS}\nClass-Path: file:${SDK_JAR}\n`);
  execFileSync(jarTool, ['cfm', runner, manifest], { cwd: dir });
  return runner;
}

export async function firestoreEmulatorJar(javaHome: string): Promise<string | undefined> {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (cachedDownload() || (await canDownload())) return undefined; // firebase-tools' own download
  const local = sdkRunner(javaHome) ?? (existsSync(SHARED_RUNNER) ? SHARED_RUNNER : null);
  if (local) return local;
  throw new SetupError(
    'No Firestore emulator JAR: storage.googleapis.com cannot be reached and no local copy was found.\n' +
      'Install Debian package google-cloud-cli-firestore-emulator, or set FIRESTORE_EMULATOR_BINARY_PATH to a runnable JAR.',
  );
}

/** Environment for `firebase emulators:*`: the right Java first on PATH and, offline, a local JAR. */
export async function emulatorEnv(): Promise<NodeJS.ProcessEnv> {
  const java = findJava();
  const jar = await firestoreEmulatorJar(java.javaHome);
  return {
    ...process.env,
    JAVA_HOME: java.javaHome,
    PATH: `${join(java.javaHome, 'bin')}:${process.env.PATH ?? ''}`,
    ...(jar ? { FIRESTORE_EMULATOR_BINARY_PATH: jar } : {}),
  };
}
