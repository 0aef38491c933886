/**
 * What went wrong with a webhook event, as a short fixed-form name ("line_400", "firestore_3"): error
 * messages can quote what the citizen sent (a query value, a message), so they are not kept.
 */
export function failureKind(err: unknown): string {
  if (err && typeof err === 'object') {
    const { status, code } = err as { status?: unknown; code?: unknown };
    if (typeof status === 'number' && Number.isInteger(status)) return `line_${status}`; // the SDK's HTTPFetchError
    if (typeof code === 'number' && Number.isInteger(code)) return `firestore_${code}`; // a gRPC status code
  }
  return err instanceof TypeError ? 'network' : 'error';
}

/** LINE's event types are short words; anything else is named "other" so it cannot mint problem IDs. */
export function eventTypeName(type: unknown): string {
  return typeof type === 'string' && /^[A-Za-z]{1,40}$/.test(type) ? type : 'other';
}
