import type { ComplaintKind, LocationInput } from './complaint.ts';
import type { Status } from './statuses.ts';

/**
 * Where things live in Firestore (docs/data-model.md explains each). Shared by the functions, the web
 * app, the rules tests and the scripts so that a collection name is written once.
 */
export const COLLECTIONS = {
  complaints: 'complaints',
  timeline: 'timeline',
  audit: 'audit',
  counters: 'counters',
  lineUsers: 'lineUsers',
  processedEvents: 'processedEvents',
  problems: 'problems',
} as const;

export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The outbox record of the LINE message a timeline entry caused: nothing fails silently. */
export interface Delivery {
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  /** Why a message was skipped: notifications off, the user unfollowed the OA, a newer status came first. */
  reason?: 'disabled' | 'unfollowed' | 'not_notified_status' | 'superseded';
  retryKey?: string;
  requestId?: string | null;
}

/** A complaint as stored, with timestamps as Dates (each side converts its own Timestamp type). */
export interface CaseRecord {
  owner: string;
  kind: ComplaintKind;
  category: string;
  subject: string;
  details: string;
  location?: { lat: number; lng: number; accuracyM: number };
  reporter: { name: string; nationalId: string; phone: string; email?: string };
  privacyNoticeVersion: string;
  status: Status;
  statusNote?: string | null;
  trackingNo?: string;
  createdAt: Date;
  updatedAt?: Date;
}

export interface TimelineEntry {
  status: Status;
  note: string | null;
  at: Date;
  /** "system" for the automatic first entry, "staff" (admin page) or "console"; the uid is in audit/. */
  by: 'system' | 'staff' | 'console';
  delivery: Delivery;
}

export type { LocationInput };
