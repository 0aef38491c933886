import type { Page } from 'playwright-core';

/**
 * A picture drawn in the browser's canvas and encoded there: a colour gradient with shapes and, with
 * `noise`, per-pixel grain like a phone camera's sensor noise (which is what makes real photos large).
 */
export async function drawnImage(
  page: Page,
  { width, height, type = 'image/jpeg', quality = 0.92, noise = 0 }: { width: number; height: number; type?: string; quality?: number; noise?: number },
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, type, quality, noise }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, width, height);
      g.addColorStop(0, '#3b7dd8');
      g.addColorStop(0.5, '#e8c547');
      g.addColorStop(1, '#2f8f4e');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#7a4b2a';
      ctx.fillRect(width * 0.1, height * 0.55, width * 0.8, height * 0.3); // a road
      ctx.fillStyle = '#222';
      ctx.beginPath();
      ctx.arc(width * 0.5, height * 0.7, Math.min(width, height) * 0.08, 0, Math.PI * 2); // a pothole
      ctx.fill();
      if (noise > 0) {
        const img = ctx.getImageData(0, 0, width, height);
        let seed = 12345;
        for (let i = 0; i < img.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const n = ((seed >> 8) % (2 * noise)) - noise;
          img.data[i] = img.data[i]! + n;
          img.data[i + 1] = img.data[i + 1]! + n;
          img.data[i + 2] = img.data[i + 2]! + n;
        }
        ctx.putImageData(img, 0, 0);
      }
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, quality));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    { width, height, type, quality, noise },
  );
  return Buffer.from(base64, 'base64');
}
