import type { LocationInput } from '@banmae/domain';

/** Loaded only when the citizen taps the location button (kept out of the first paint). */
const MESSAGES: Record<number, string> = {
  1: 'ไม่ได้รับอนุญาตให้ใช้ตำแหน่ง กรุณาอนุญาตการเข้าถึงตำแหน่งในการตั้งค่าโทรศัพท์ หรือข้ามขั้นตอนนี้',
  2: 'ไม่สามารถระบุตำแหน่งได้ กรุณาเปิด GPS แล้วลองอีกครั้ง',
  3: 'ระบุตำแหน่งนานเกินไป กรุณาลองอีกครั้งในที่โล่ง',
};

export function currentLocation(): Promise<LocationInput> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('โทรศัพท์เครื่องนี้ไม่รองรับการระบุตำแหน่ง'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }),
      (e) => reject(new Error(MESSAGES[e.code] ?? MESSAGES[2])),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  });
}
