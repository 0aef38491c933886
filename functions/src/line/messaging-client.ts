import type { messagingApi } from '@line/bot-sdk';
import { lineChannelAccessToken } from '../params.js';
import { lineApiBaseUrl } from './line-endpoint.js';

let client: messagingApi.MessagingApiClient | undefined;

/** The SDK is loaded on first use so that functions that never talk to LINE do not pay for it at cold start. */
export async function messagingClient(): Promise<messagingApi.MessagingApiClient> {
  if (!client) {
    const { messagingApi } = await import('@line/bot-sdk');
    client = new messagingApi.MessagingApiClient({ channelAccessToken: lineChannelAccessToken.value(), baseURL: lineApiBaseUrl() });
  }
  return client;
}
