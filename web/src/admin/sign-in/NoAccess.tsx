import { DESK_MESSAGES } from '@banmae/domain';
import s from './sign-in.module.css';
import { signOut } from '../boot/staff-session.ts';
import { ui } from '../ui/Field.tsx';

/** Signed in without a staff role (a LINE citizen, a removed member): no desk, and no query was made. */
export function NoAccess({ email }: { email: string | null }) {
  return (
    <main class={s.wrap}>
      <div class={`${ui.card} ${s.card}`} data-testid="no-access">
        <h1 class={s.title}>ไม่มีสิทธิ์เข้าใช้งาน</h1>
        <p>{DESK_MESSAGES.notStaff}</p>
        {email && <p class={ui.muted}>บัญชีที่ใช้อยู่: {email}</p>}
        <button type="button" class={`${ui.primary} ${s.submit}`} onClick={() => void signOut()}>
          ออกจากระบบ
        </button>
      </div>
    </main>
  );
}
