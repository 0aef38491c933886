import type { Firestore } from 'firebase/firestore/lite';
import { REPORTER_PHOTO_IDS } from '@banmae/domain';
import { compressPhoto, PhotoReadError, type CompressedPhoto } from '../../shared/photos/compress-photo.ts';
import { savePhoto } from '../../shared/photos/photo-docs.ts';

export interface QueuedPhoto {
  key: number;
  /** Object URL of the compressed JPEG: the thumbnail shows exactly what will be sent. */
  preview: string;
  photo: CompressedPhoto;
  /** The document it was stored as, once sent; a sent photo is never sent again nor removed. */
  sentAs: string | null;
}

export interface QueueState {
  photos: readonly QueuedPhoto[];
  /** Photos still being resized on the phone. */
  preparing: number;
  error: string | null;
  /** While sending: how many of this round's photos are stored. */
  sending: { done: number; total: number } | null;
}

let nextKey = 1;

/**
 * The photos a citizen picked, compressed on the phone as soon as they are picked, kept in memory until
 * they are stored: a lost connection keeps them, and the next attempt sends only those not yet stored.
 * `ids` are the document IDs the rules allow for this use (the form: r1..r3); another use, such as
 * adding information to a case later, makes its own queue with its own IDs.
 */
export class PhotoQueue {
  private state: QueueState = { photos: [], preparing: 0, error: null, sending: null };
  private readonly listeners = new Set<(s: QueueState) => void>();
  private pending: Promise<unknown> = Promise.resolve();

  constructor(readonly ids: readonly string[]) {}

  get snapshot(): QueueState {
    return this.state;
  }

  get capacity(): number {
    return this.ids.length - this.state.photos.length - this.state.preparing;
  }

  subscribe(listener: (s: QueueState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<QueueState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l(this.state);
  }

  /** Resizes and re-encodes each file (EXIF gone) and adds it, as many as there is room for. */
  add(files: readonly Blob[]): Promise<void> {
    const taken = files.slice(0, Math.max(0, this.capacity));
    const tooMany = files.length > taken.length;
    this.set({ preparing: this.state.preparing + taken.length, error: tooMany ? `เลือกได้ไม่เกิน ${this.ids.length} รูป` : null });
    const work = Promise.all(
      taken.map(async (file) => {
        const key = nextKey++; // the strip keeps the order they were picked in, whichever is resized first
        try {
          const photo = await compressPhoto(file);
          const preview = URL.createObjectURL(new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
          this.set({ photos: [...this.state.photos, { key, preview, photo, sentAs: null }].sort((x, y) => x.key - y.key) });
        } catch (err) {
          console.warn('photo not added:', err);
          this.set({ error: err instanceof PhotoReadError ? err.thaiMessage : 'ย่อรูปไม่สำเร็จ กรุณาลองเลือกรูปอีกครั้ง' });
        } finally {
          this.set({ preparing: this.state.preparing - 1 });
        }
      }),
    );
    this.pending = Promise.all([this.pending, work]);
    return work.then(() => undefined);
  }

  remove(key: number): void {
    const gone = this.state.photos.find((p) => p.key === key && p.sentAs === null);
    if (!gone) return;
    URL.revokeObjectURL(gone.preview);
    this.set({ photos: this.state.photos.filter((p) => p !== gone), error: null });
  }

  /**
   * Stores every photo not yet stored, one by one (progress shown), under the case. Waits for photos
   * still being resized. Throws the first failure (each use says it in its own words: the form wraps it
   * in PhotoSendError); what was stored stays stored. Imports nothing of the form, so the case page's
   * "add information" can use it without the form's code.
   */
  async send(db: Firestore, caseId: string): Promise<void> {
    await this.pending;
    const unsent = this.state.photos.filter((p) => p.sentAs === null);
    if (unsent.length === 0) return;
    const used = new Set(this.state.photos.map((p) => p.sentAs));
    const free = this.ids.filter((id) => !used.has(id));
    this.set({ sending: { done: 0, total: unsent.length }, error: null });
    try {
      for (const [i, p] of unsent.entries()) {
        const id = free[i];
        if (!id) break; // cannot happen: capacity keeps photos ≤ ids
        await savePhoto(db, caseId, id, 'reporter', p.photo);
        this.set({ photos: this.state.photos.map((q) => (q === p ? { ...q, sentAs: id } : q)), sending: { done: i + 1, total: unsent.length } });
      }
    } finally {
      this.set({ sending: null });
    }
  }
}

/** The complaint form's photos: the citizen's r1..r3 on the new case. */
export const formPhotos = new PhotoQueue(REPORTER_PHOTO_IDS);
