import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import type { webhook } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';
import { db } from '../../firebase-admin.js';
import { lineChannelSecret } from '../../params.js';
import { recordRecurringProblem } from '../../problems/record-problem.js';
import { messagingClient } from '../messaging-client.js';
import { claimEvent, settleEvent } from './event-ledger.js';
import { eventTypeName, failureKind } from './failure-kind.js';
import { handleEvent, type EventContext } from './handle-event.js';
import { isValidSignature } from './verify-signature.js';

async function processEvent(event: webhook.Event, ctx: EventContext): Promise<void> {
  if (!(await claimEvent(ctx.db, event.webhookEventId, event.type))) return; // a redelivery or a twin in flight
  try {
    const handled = event.mode === 'standby' ? false : await handleEvent(event, ctx); // standby: another channel answers
    await settleEvent(ctx.db, event.webhookEventId, handled ? 'done' : 'ignored');
  } catch (err) {
    // One entry per kind of failure, not per event: events are the citizens' to send, as many as they like.
    const failure = failureKind(err);
    const eventType = eventTypeName(event.type);
    await settleEvent(ctx.db, event.webhookEventId, 'failed', failure);
    await recordRecurringProblem(ctx.db, `webhook-${eventType}-${failure}`, 'webhook_event_failed', { eventType, failure, lastEventId: event.webhookEventId });
  }
}

/**
 * LINE's webhook: signature on the raw bytes first (401 and nothing stored otherwise), then each
 * event once by webhookEventId. Events are independent: one that fails is recorded for staff (one
 * entry per kind of failure, without the error's text) and the others still run. LINE gets its 200 as soon as the events are handled (it waits 2 s), or a
 * 500 when the ledger could not be written, so that LINE redelivers.
 */
export async function handleWebhook(req: Request, res: Response): Promise<void> {
  if (req.method !== 'POST') {
    res.status(405).set('allow', 'POST').send('method not allowed');
    return;
  }
  if (!isValidSignature(req.rawBody, lineChannelSecret.value(), req.headers['x-line-signature'])) {
    res.status(401).send('invalid signature');
    return;
  }
  const events = (req.body as { events?: webhook.Event[] } | undefined)?.events;
  if (!Array.isArray(events) || events.length === 0) {
    res.status(200).send('ok'); // LINE's "Verify" button sends no events
    return;
  }
  const firestore = await db();
  const client = await messagingClient();
  const ctx: EventContext = { db: firestore, reply: (replyToken, messages) => client.replyMessage({ replyToken, messages }) };
  const ordered = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const results = await Promise.allSettled(ordered.map((e) => processEvent(e, ctx)));
  const crashed = results.filter((r) => r.status === 'rejected');
  if (crashed.length === 0) {
    res.status(200).send('ok');
    return;
  }
  // The ledger itself could not be written (Firestore unavailable): let LINE redeliver; events that
  // were settled are skipped then, the others get another chance.
  logger.error('webhook events could not be recorded', { count: crashed.length, reason: String((crashed[0] as PromiseRejectedResult).reason) });
  res.status(500).send('retry later');
}
