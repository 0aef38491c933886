import type { messagingApi } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';

export interface MessageQuota {
  /** The month's allowance, or null when the plan has none. */
  limit: number | null;
  used: number;
}

/**
 * This month's allowance and usage from the Messaging API (both calls are free). Null when LINE did
 * not answer: the caller then sends as usual rather than withhold an alert on a guess.
 */
export async function readMessageQuota(
  client: Pick<messagingApi.MessagingApiClient, 'getMessageQuota' | 'getMessageQuotaConsumption'>,
): Promise<MessageQuota | null> {
  try {
    const [quota, consumption] = await Promise.all([client.getMessageQuota(), client.getMessageQuotaConsumption()]);
    return { limit: quota.type === 'limited' && typeof quota.value === 'number' ? quota.value : null, used: consumption.totalUsage };
  } catch (err) {
    logger.warn('message quota unavailable', { error: err instanceof Error ? err.name : 'unknown' });
    return null;
  }
}
