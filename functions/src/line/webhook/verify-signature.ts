import { validateSignature } from '@line/bot-sdk';

/** A SHA-256 HMAC in base64 is exactly 43 characters and one "=". */
const SIGNATURE_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

/**
 * x-line-signature = base64(HMAC-SHA256(channel secret, raw body)), checked by the SDK on the raw
 * bytes before anything is parsed (one re-serialised space breaks it) and in constant time. A
 * missing or repeated header is "not valid", never an exception, so never a 5xx. The format check
 * comes first because Node's base64 decoder stops at "=": the SDK alone accepts a valid signature
 * with anything appended.
 */
export function isValidSignature(rawBody: Buffer | undefined, channelSecret: string, header: unknown): boolean {
  if (!rawBody || typeof header !== 'string' || !SIGNATURE_FORMAT.test(header)) return false;
  return validateSignature(rawBody, channelSecret, header);
}
