import { Header } from './Header.tsx';
import s from './ui.module.css';

/** LIFF could not start (most often no signal while its code or LINE's servers were reached). */
export function BootError() {
  return (
    <>
      <Header title="เปิดหน้านี้ไม่สำเร็จ" />
      <div class={s.page} role="alert">
        <p>ระบบยังเชื่อมต่อกับ LINE ไม่ได้ ลองทำตามนี้:</p>
        <ol>
          <li>ตรวจสอบสัญญาณอินเทอร์เน็ต (Wi-Fi หรือเน็ตมือถือ) แล้วกด “ลองใหม่”</li>
          <li>ถ้ายังไม่ได้ ปิดหน้านี้ แล้วเปิดจากเมนูในห้องแชท LINE ของเทศบาลอีกครั้ง</li>
          <li>ถ้าเปิดนอกแอป LINE ให้เปิดลิงก์นี้ในแอป LINE แทน</li>
        </ol>
        <button type="button" class={s.primary} onClick={() => location.reload()}>
          ลองใหม่
        </button>
      </div>
    </>
  );
}
