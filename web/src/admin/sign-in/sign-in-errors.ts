/**
 * Firebase Auth error codes → what a clerk reads. With e-mail enumeration protection (the default for
 * new projects) a wrong password and an unknown e-mail both come back as auth/invalid-credential, and
 * the page says the same for both.
 */
const MESSAGES: Record<string, string> = {
  'auth/invalid-credential': 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
  'auth/wrong-password': 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
  'auth/user-not-found': 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
  'auth/invalid-email': 'รูปแบบอีเมลไม่ถูกต้อง',
  'auth/missing-password': 'กรุณากรอกรหัสผ่าน',
  'auth/too-many-requests': 'ลองเข้าสู่ระบบผิดหลายครั้งเกินไป บัญชีถูกระงับการเข้าสู่ระบบชั่วคราว กรุณารอสักครู่แล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ',
  'auth/network-request-failed': 'ไม่สามารถเชื่อมต่ออินเทอร์เน็ตได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
  'auth/user-disabled': 'บัญชีนี้ถูกปิดการใช้งาน กรุณาติดต่อผู้ดูแลระบบ',
};

export function signInErrorMessage(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && MESSAGES[code]) || 'เข้าสู่ระบบไม่สำเร็จ กรุณาลองใหม่อีกครั้ง';
}
