import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { reopenWindowEndsAt, type Status } from '@banmae/domain';
import { municipality } from '../municipality.js';
import { newFeedbackToken } from '../line/feedback-postback.js';

/**
 * complaints/{id}.feedback as a case becomes done (decision 018): the entry the buttons belong to, their
 * token, the end of the reopen window, and no answer yet. A later "done" replaces it, so a button of an
 * earlier "done" message no longer matches.
 */
export function feedbackOnDone(entryId: string, doneAt: Date) {
  return {
    entryId,
    token: newFeedbackToken(),
    windowEndsAt: Timestamp.fromDate(reopenWindowEndsAt(doneAt, municipality.feedback.reopenWindowDays)),
    answer: null,
    answeredAt: null,
    rating: null,
    confirmedBy: null,
  };
}

/**
 * Who made a move that is the citizen's own (decision 018), for the timeline entry and the audit: the
 * owner (cancel, with the reason as the step's note; reopen) or, for a confirmation by silence, the
 * system. null for every other status: the desk or the console moved it.
 */
export function citizenAuthorship(to: Status, after: QueryDocumentSnapshot): { desk: false; note: string | null; by: 'citizen' | 'system' } | null {
  switch (to) {
    case 'cancelled': {
      const reason: unknown = after.get('cancelReason');
      return { desk: false, note: typeof reason === 'string' && reason.trim() !== '' ? reason : null, by: 'citizen' };
    }
    case 'reopened':
      return { desk: false, note: null, by: 'citizen' };
    case 'confirmed':
      return { desk: false, note: null, by: after.get('feedback.confirmedBy') === 'window' ? 'system' : 'citizen' };
    default:
      return null;
  }
}
