import { DELIVERY_SCHEDULE } from '../functions/src/delivery/delivery-schedule.ts';

/**
 * `npm start`'s stand-in for Cloud Scheduler: the emulators cannot fire a schedule offline (that needs
 * the Pub/Sub emulator), so the delivery sweeper's own code runs here every minute against the
 * emulators and the LINE stand-in, as the deployed `sweepDeliveries` does (docs/decisions/014).
 */
export async function startLocalSweeper(env: NodeJS.ProcessEnv): Promise<() => void> {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.GCLOUD_PROJECT ??= env.GCLOUD_PROJECT;
  process.env.FUNCTIONS_EMULATOR = 'true';
  process.env.LINE_API_BASE_URL = env.LINE_STANDIN_URL;
  process.env.LIFF_BASE_URL = env.HOSTING_ORIGIN;
  process.env.LINE_CHANNEL_ACCESS_TOKEN = env.LINE_CHANNEL_ACCESS_TOKEN;
  const [{ sweepDeliveries }, { db }, { messagingClient }] = await Promise.all([
    import('../functions/src/delivery/sweep-deliveries.ts'),
    import('../functions/src/firebase-admin.ts'),
    import('../functions/src/line/messaging-client.ts'),
  ]);
  const run = () =>
    void Promise.all([db(), messagingClient()])
      .then(([firestore, client]) => sweepDeliveries(firestore, client))
      .catch((err: unknown) => console.warn('local delivery sweep failed:', err));
  const timer = setInterval(run, DELIVERY_SCHEDULE.sweepEveryMinutes * 60_000);
  return () => clearInterval(timer);
}
