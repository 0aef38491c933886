import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_GROUP_ALERTS, formatThaiDateTime, QUOTA_TIGHT_SHARE, type GroupAlertSettings } from '@banmae/domain';
import s from './groups.module.css';
import { config } from '../env.ts';
import { fetchAlertSettings, fetchGroups, linkGroup, saveAlertSettings, type GroupRow } from '../data/line-groups.ts';
import { Banner, ConfigOptions, ui } from '../ui/Field.tsx';

/** The last characters of a group ID: enough to tell groups apart, LINE shows no name to the OA here. */
const shortId = (id: string) => `…${id.slice(-8)}`;

/**
 * For admins: the LINE groups the OA was added to, which department each one serves, and which alerts
 * each department gets (docs/decisions/020). Each change is saved at once, as the rules allow it.
 */
export function GroupsPage({ uid }: { uid: string }) {
  const [groups, setGroups] = useState<GroupRow[] | null>(null);
  const [settings, setSettings] = useState<Map<string, GroupAlertSettings>>(new Map());
  const [failed, setFailed] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = async () => {
    try {
      const [g, a] = await Promise.all([fetchGroups(), fetchAlertSettings()]);
      setGroups(g);
      setSettings(a);
    } catch {
      setFailed('โหลดข้อมูลกลุ่มไม่สำเร็จ กรุณาลองใหม่');
    }
  };
  useEffect(() => void load(), []);

  const save = async (what: () => Promise<void>, done: string) => {
    setFailed(null);
    setSaved(null);
    try {
      await what();
      setSaved(done);
      await load();
    } catch {
      setFailed('บันทึกไม่สำเร็จ กรุณาลองใหม่');
      await load();
    }
  };

  const switchesOf = (departmentId: string) => settings.get(departmentId) ?? DEFAULT_GROUP_ALERTS;
  const linkedTo = (departmentId: string) => (groups ?? []).filter((g) => g.state === 'joined' && g.departmentId === departmentId).length;

  return (
    <main class={ui.page}>
      <h1 class={s.title}>กลุ่มไลน์ของเจ้าหน้าที่</h1>
      <p class={ui.hint}>
        เชิญบัญชีทางการของเทศบาลเข้ากลุ่มไลน์ของกอง แล้วเลือกกองที่กลุ่มนั้นรับผิดชอบ ระบบจะส่งการ์ดเรื่องใหม่ (เลขที่ ประเภท เรื่อง เวลา ไม่มีข้อมูลส่วนบุคคล) และสรุปเรื่องเกินกำหนดทุกเช้า 08:00 น.
        ทุกข้อความนับรวมในโควตาข้อความรายเดือน เมื่อใช้ไปถึง {Math.round(QUOTA_TIGHT_SHARE * 100)}% ระบบจะงดการ์ดเรื่องใหม่ของกองที่รับสรุปประจำวันอยู่แล้ว
      </p>
      {failed && <Banner kind="error">{failed}</Banner>}
      {saved && <Banner kind="ok">{saved}</Banner>}
      {groups === null && !failed && <p class="boot">กำลังโหลด…</p>}

      {groups && (
        <section class={ui.card}>
          <h2>กลุ่มที่บัญชีทางการอยู่</h2>
          {groups.length === 0 ? (
            <p data-testid="no-groups">ยังไม่มีกลุ่ม เชิญบัญชีทางการเข้ากลุ่มไลน์ของกองก่อน</p>
          ) : (
            <table class={s.table} data-testid="groups">
              <thead>
                <tr>
                  <th>กลุ่ม</th>
                  <th>เข้ากลุ่มเมื่อ</th>
                  <th>กองที่รับผิดชอบ</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.id} data-testid={`group-${g.id}`}>
                    <td class={s.mono} title={g.id}>
                      {shortId(g.id)}
                    </td>
                    <td>{formatThaiDateTime(g.joinedAt)}</td>
                    <td>
                      {g.state === 'left' ? (
                        <span class={s.left}>ออกจากกลุ่มแล้ว{g.leftAt && ` (${formatThaiDateTime(g.leftAt)})`}</span>
                      ) : (
                        <select
                          class={s.select}
                          aria-label={`กองที่รับผิดชอบของกลุ่ม ${shortId(g.id)}`}
                          value={g.departmentId ?? ''}
                          onChange={(e) => {
                            const departmentId = e.currentTarget.value || null;
                            setGroups(groups.map((x) => (x.id === g.id ? { ...x, departmentId } : x)));
                            void save(() => linkGroup(g.id, departmentId, uid), departmentId ? 'เชื่อมกลุ่มกับกองแล้ว' : 'ยกเลิกการเชื่อมกลุ่มแล้ว');
                          }}
                        >
                          <option value="">— ยังไม่เชื่อม —</option>
                          <ConfigOptions items={config.departments} />
                        </select>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {groups && (
        <section class={ui.card}>
          <h2>การแจ้งเตือนของแต่ละกอง</h2>
          <table class={s.table} data-testid="alert-settings">
            <thead>
              <tr>
                <th>กอง</th>
                <th>กลุ่มที่เชื่อม</th>
                <th>การ์ดเรื่องใหม่</th>
                <th>สรุปเรื่องเกินกำหนด 08:00 น.</th>
              </tr>
            </thead>
            <tbody>
              {config.departments.map((d) => {
                const current = switchesOf(d.id);
                const toggle = (key: keyof GroupAlertSettings) => (e: Event) => {
                  const next = { ...current, [key]: (e.currentTarget as HTMLInputElement).checked };
                  setSettings(new Map(settings).set(d.id, next)); // shown at once; a refusal reloads what is stored
                  void save(() => saveAlertSettings(d.id, next, uid), `บันทึกการแจ้งเตือนของ${d.labelTh}แล้ว`);
                };
                return (
                  <tr key={d.id} data-testid={`alerts-${d.id}`}>
                    <td>{d.labelTh}</td>
                    <td>{linkedTo(d.id) === 0 ? <span class={s.left}>ไม่มี</span> : `${linkedTo(d.id)} กลุ่ม`}</td>
                    <td>
                      <input
                        type="checkbox"
                        class={s.check}
                        aria-label={`การ์ดเรื่องใหม่ของ${d.labelTh}`}
                        checked={current.newCaseCards}
                        onChange={toggle('newCaseCards')}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        class={s.check}
                        aria-label={`สรุปเรื่องเกินกำหนดของ${d.labelTh}`}
                        checked={current.digest}
                        onChange={toggle('digest')}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
