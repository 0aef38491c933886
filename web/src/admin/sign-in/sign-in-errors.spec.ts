import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-errors.ts';

describe('what a clerk reads when sign-in fails', () => {
  const table = [
    { description: 'a wrong password (e-mail enumeration protection on)', code: 'auth/invalid-credential', want: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
    { description: 'a wrong password (protection off)', code: 'auth/wrong-password', want: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
    { description: 'an unknown e-mail reads the same as a wrong password', code: 'auth/user-not-found', want: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
    { description: 'no network', code: 'auth/network-request-failed', want: 'ไม่สามารถเชื่อมต่ออินเทอร์เน็ตได้' },
    { description: 'too many attempts', code: 'auth/too-many-requests', want: 'ลองเข้าสู่ระบบผิดหลายครั้งเกินไป' },
    { description: 'anything else', code: 'auth/internal-error', want: 'เข้าสู่ระบบไม่สำเร็จ กรุณาลองใหม่อีกครั้ง' },
  ];
  it.each(table)('$description', ({ code, want }) => {
    expect(signInErrorMessage({ code })).toContain(want);
  });
});
