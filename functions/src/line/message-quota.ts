import type { messagingApi } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';

export interface MessageQuota {
  /** The month's allowance, or null when the plan has none. */
  limit: number | null;
  used: number;
}

type QuotaClient = Pick<messagingApi.MessagingApiClient, 'getMessageQuota' | 'getMessageQuotaConsumption'>;

/** This month's allowance and usage from the Messaging API (GET /v2/bot/message/quota and /quota/consumption; both free). */
export async function fetchMessageQuota(client: QuotaClient): Promise<MessageQuota> {
  const [quota, consumption] = await Promise.all([client.getMessageQuota(), client.getMessageQuotaConsumption()]);
  return { limit: quota.type === 'limited' && typeof quota.value === 'number' ? quota.value : null, used: consumption.totalUsage };
}

/**
 * The same, or null when LINE did not answer: a group alert is then sent as usual rather than
 * withheld on a guess.
 */
export async function readMessageQuota(client: QuotaClient): Promise<MessageQuota | null> {
  try {
    return await fetchMessageQuota(client);
  } catch (err) {
    logger.warn('message quota unavailable', { error: err instanceof Error ? err.name : 'unknown' });
    return null;
  }
}
