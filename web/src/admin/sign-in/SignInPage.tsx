import { useState } from 'preact/hooks';
import { signInWithEmailAndPassword } from 'firebase/auth';
import s from './sign-in.module.css';
import { auth } from '../boot/firebase-client.ts';
import { Field, inputClass, ui } from '../ui/Field.tsx';
import { signInErrorMessage } from './sign-in-errors.ts';

/** E-mail and password (accounts are made by `npm run staff -- add`); the role is checked after. */
export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithEmailAndPassword(auth, email.trim(), password);
    } catch (err) {
      setError(signInErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main class={s.wrap}>
      <form class={`${ui.card} ${s.card}`} onSubmit={(e) => void submit(e)} noValidate>
        <h1 class={s.title}>เข้าสู่ระบบเจ้าหน้าที่</h1>
        <Field id="email" label="อีเมล">
          <input id="email" type="email" class={inputClass()} autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
        </Field>
        <Field id="password" label="รหัสผ่าน">
          <input
            id="password"
            type="password"
            class={inputClass()}
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </Field>
        {error && (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert">
            {error}
          </p>
        )}
        <button type="submit" class={`${ui.primary} ${s.submit}`} disabled={busy}>
          {busy ? 'กำลังเข้าสู่ระบบ…' : 'เข้าสู่ระบบ'}
        </button>
        <p class={ui.hint}>สำหรับเจ้าหน้าที่เทศบาลเท่านั้น ลืมรหัสผ่านหรือยังไม่มีบัญชี กรุณาติดต่อผู้ดูแลระบบ</p>
      </form>
    </main>
  );
}
