import { describe, expect, it } from 'vitest';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { retryKeyFor } from '../line/retry-key.js';
import { deliveryRefFor, retryKeyOf } from './delivery-record.js';

describe('the delivery record of a timeline entry', () => {
  // References only: nothing here talks to Firestore.
  const db = getFirestore(initializeApp({ projectId: 'demo-delivery-record' }, 'delivery-record-spec'));
  const entry = db.doc('complaints/case-1/timeline/event-1');

  it('sits beside the timeline under the same ID, where citizens cannot read it', () => {
    expect(deliveryRefFor(entry).path).toBe('complaints/case-1/deliveries/event-1');
  });
  it('keeps the retry key that was derived from the timeline entry before the record moved (decision 003)', () => {
    expect(retryKeyOf(deliveryRefFor(entry))).toBe(retryKeyFor('complaints/case-1/timeline/event-1'));
  });
  it('gives each message its own key', () => {
    expect(retryKeyOf(db.doc('complaints/case-1/deliveries/event-2'))).not.toBe(retryKeyOf(db.doc('complaints/case-1/deliveries/event-1')));
  });
});
