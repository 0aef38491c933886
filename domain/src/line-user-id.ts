/** A LINE userId: "U" and 32 lower-case hex digits (firestore.rules checks the same pattern). */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

export function isLineUserId(value: unknown): value is string {
  return typeof value === 'string' && LINE_USER_ID.test(value);
}
