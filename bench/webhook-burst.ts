import { adminDb } from '../test/support/admin.ts';
import { CHANNEL_SECRET, lineUserId, WEBHOOK_URL } from '../test/support/stack.ts';
import { postWebhook, webhookEventId } from '../test/line-standin/webhook-sender.ts';
import { percentile } from './stats.ts';

/**
 * 1,000 signed webhook requests, one event each from 1,000 citizens, 10% of them redeliveries of an
 * earlier event, sent `concurrency` at a time (bounded, loopback only), after a warm-up that lets the
 * Functions emulator start its workers. Unfollow events: each is a Firestore transaction, no reply.
 */
export async function measureWebhookBurst(
  total = 1000,
  concurrency = 20,
): Promise<{ eventsPerSec: number; p50Ms: number; p99Ms: number; unique: number; handled: number }> {
  const users = Array.from({ length: total }, lineUserId);
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const repeat = i > 0 && i % 10 === 0;
    events.push(
      repeat
        ? { ...events[i - 5]!, deliveryContext: { isRedelivery: true } }
        : {
            type: 'unfollow',
            mode: 'active',
            timestamp: Date.now() + i,
            webhookEventId: webhookEventId(),
            deliveryContext: { isRedelivery: false },
            source: { type: 'user', userId: users[i % users.length] },
          },
    );
  }
  const unique = new Set(events.map((e) => e.webhookEventId)).size;
  await Promise.all(
    Array.from({ length: concurrency }, () =>
      postWebhook({ url: WEBHOOK_URL, body: JSON.stringify({ destination: 'U0', events: [] }), channelSecret: CHANNEL_SECRET }),
    ),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < events.length) {
      const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [events[next++]] });
      const r = await postWebhook({ url: WEBHOOK_URL, body, channelSecret: CHANNEL_SECRET });
      if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
      latencies.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const handled = (await adminDb.collection('processedEvents').where('type', '==', 'unfollow').count().get()).data().count;
  return { eventsPerSec: total / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), unique, handled };
}

/**
 * The first signed request with an event after the emulators started: a cold worker loads the module,
 * the handler, the LINE SDK and Firestore before answering (LINE gives up after 2 s).
 */
export async function measureFirstWebhook(): Promise<number> {
  const event = {
    type: 'unfollow',
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: webhookEventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: lineUserId() },
  };
  const r = await postWebhook({
    url: WEBHOOK_URL,
    body: JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [event] }),
    channelSecret: CHANNEL_SECRET,
  });
  if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
  return r.ms;
}
