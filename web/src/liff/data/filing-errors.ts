import { filingLimitMessage, type FilingCheck } from '@banmae/domain';
import { config } from '../env.ts';

// Apart from complaints.ts (which loads Firestore) so the form's first chunk can tell failures apart.

export type SubmitFailure = 'offline' | 'refused' | 'unknown';

export class SubmitError extends Error {
  constructor(
    readonly failure: SubmitFailure,
    cause: unknown,
  ) {
    super(`submit failed: ${failure}`, { cause });
  }
}

/** The citizen reached the number of cases one LINE account may file per hour or day. */
export class FilingLimitError extends Error {
  readonly thaiMessage: string;
  constructor(refusal: Extract<FilingCheck, { ok: false }>) {
    super(`filing limit reached (${refusal.window})`);
    this.thaiMessage = filingLimitMessage(refusal, config);
  }
}
