/**
 * A Content-Security-Policy header value as directives and their sources, in the order written, so a
 * policy can be checked directive by directive and widened without rewriting it by hand.
 */
export type Csp = Map<string, string[]>;

export function parseCsp(value: string): Csp {
  const csp: Csp = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (csp.has(directive)) throw new Error(`Content-Security-Policy names ${directive} twice (browsers ignore the second)`);
    csp.set(directive, sources);
  }
  return csp;
}

export function formatCsp(csp: Csp): string {
  return [...csp].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The same policy with `sources` added to connect-src (which must exist: widening default-src would open every other directive too). */
export function withConnectSources(value: string, sources: readonly string[]): string {
  const csp = parseCsp(value);
  const connect = csp.get('connect-src');
  if (!connect) throw new Error(`the policy has no connect-src to widen: ${value}`);
  csp.set('connect-src', [...connect, ...sources.filter((s) => !connect.includes(s))]);
  return formatCsp(csp);
}
