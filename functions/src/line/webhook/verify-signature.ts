import { validateSignature } from '@line/bot-sdk';

/**
 * x-line-signature = base64(HMAC-SHA256(channel secret, raw body)), checked by the SDK on the raw
 * bytes before anything is parsed (one re-serialised space breaks it) and in constant time. A
 * missing or repeated header is "not valid", never an exception, so never a 5xx.
 */
export function isValidSignature(rawBody: Buffer | undefined, channelSecret: string, header: unknown): boolean {
  if (!rawBody || typeof header !== 'string' || header === '') return false;
  return validateSignature(rawBody, channelSecret, header);
}
