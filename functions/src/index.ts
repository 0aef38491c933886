/**
 * Entry point: wiring only. In production every function runs in its own instance, which sets
 * FUNCTION_TARGET to its name; such an instance loads only its own bundle (the Firestore trigger
 * provider alone costs ~250 ms of cold start, the webhook must answer LINE within 2 s). Deploy
 * discovery sets no target and loads them all. Handlers load on first call (docs/decisions/005).
 */
import { createRequire } from 'node:module';
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { municipality } from './municipality.js';
import type * as LineAuthBundle from './entry-points/line-auth.js';
import type * as LineWebhookBundle from './entry-points/line-webhook.js';
import type * as ComplaintTriggersBundle from './entry-points/complaint-triggers.js';
import type * as RetentionBundle from './entry-points/retention.js';
import type * as DeliverySweeperBundle from './entry-points/delivery-sweeper.js';
import type * as StaffDeskBundle from './entry-points/staff-desk.js';
import type * as FeedbackSweepBundle from './entry-points/feedback-sweep.js';
import type * as ReportsBundle from './entry-points/reports.js';
import type * as GroupAlertsBundle from './entry-points/group-alerts.js';

setGlobalOptions({ region: municipality.region });

// The bundles sit next to this file in lib/ (build.mjs); createRequire keeps esbuild from inlining them.
const loadBundle = createRequire(__filename);
const target = process.env.FUNCTION_TARGET;
const wanted = (...names: string[]) => target === undefined || names.includes(target);

type LineAuth = typeof LineAuthBundle;
type LineWebhook = typeof LineWebhookBundle;
type ComplaintTriggers = typeof ComplaintTriggersBundle;
type Retention = typeof RetentionBundle;
type DeliverySweeper = typeof DeliverySweeperBundle;
type StaffDesk = typeof StaffDeskBundle;
type FeedbackSweep = typeof FeedbackSweepBundle;
type Reports = typeof ReportsBundle;
type GroupAlerts = typeof GroupAlertsBundle;

const triggers = wanted('onComplaintCreated', 'onComplaintUpdated') ? (loadBundle('./complaint-triggers.js') as ComplaintTriggers) : undefined;
const reports = wanted('exportCases', 'messageQuota') ? (loadBundle('./reports.js') as Reports) : undefined;
const groupAlerts = wanted('onCaseNumbered', 'postOverdueDigests') ? (loadBundle('./group-alerts.js') as GroupAlerts) : undefined;
const staffDesk = wanted('revealReporter', 'findCasesByPhone', 'resendMessage') ? (loadBundle('./staff-desk.js') as StaffDesk) : undefined;

export const lineAuth = wanted('lineAuth') ? (loadBundle('./line-auth.js') as LineAuth).lineAuth : undefined;
export const lineWebhook = wanted('lineWebhook') ? (loadBundle('./line-webhook.js') as LineWebhook).lineWebhook : undefined;
export const onComplaintCreated = triggers?.onComplaintCreated;
export const onComplaintUpdated = triggers?.onComplaintUpdated;
export const anonymiseExpiredCases = wanted('anonymiseExpiredCases') ? (loadBundle('./retention.js') as Retention).anonymiseExpiredCases : undefined;
export const sweepDeliveries = wanted('sweepDeliveries') ? (loadBundle('./delivery-sweeper.js') as DeliverySweeper).sweepDeliveries : undefined;
export const confirmSilentCases = wanted('confirmSilentCases') ? (loadBundle('./feedback-sweep.js') as FeedbackSweep).confirmSilentCases : undefined;
export const revealReporter = staffDesk?.revealReporter;
export const findCasesByPhone = staffDesk?.findCasesByPhone;
export const resendMessage = staffDesk?.resendMessage;
export const exportCases = reports?.exportCases;
export const messageQuota = reports?.messageQuota;
export const onCaseNumbered = groupAlerts?.onCaseNumbered;
export const postOverdueDigests = groupAlerts?.postOverdueDigests;
