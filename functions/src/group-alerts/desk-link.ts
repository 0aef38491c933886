import { liffBaseUrlParam } from '../params.js';
import { municipality } from '../municipality.js';
import { checkDemoEmulator } from '../line/emulator-only.js';

/**
 * The desk's page of a case, for the "เปิดในระบบ" button of a group alert: the configured site
 * (config desk.siteUrl) in production; under the demo emulator the local Hosting origin, which
 * LIFF_BASE_URL already names there (the LIFF app and the desk share that origin locally).
 */
export function deskUrl(path: string): string {
  const local = liffBaseUrlParam.value().replace(/\/+$/, '');
  const origin = local !== '' && checkDemoEmulator().ok ? local : municipality.desk.siteUrl;
  return `${origin}/admin${path}`;
}

export const deskCaseUrl = (caseId: string) => deskUrl(`/cases/${encodeURIComponent(caseId)}`);
