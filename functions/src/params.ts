import { defineInt, defineSecret, defineString } from 'firebase-functions/params';

/** LINE credentials: Secret Manager in production, functions/.secret.local under the emulator. */
export const lineChannelSecret = defineSecret('LINE_CHANNEL_SECRET');
export const lineChannelAccessToken = defineSecret('LINE_CHANNEL_ACCESS_TOKEN');

/**
 * Where LINE lives. Only the emulator may point it elsewhere (the local LINE stand-in): see
 * lineApiBaseUrl() for the guard that keeps a production deployment on LINE's own host.
 */
export const lineApiBaseUrlParam = defineString('LINE_API_BASE_URL', { default: 'https://api.line.me' });

/** The LIFF app's origin, for the "รายละเอียด" buttons in LINE messages (https://liff.line.me/{liffId} in production). */
export const liffBaseUrlParam = defineString('LIFF_BASE_URL', { default: '' });

/**
 * How long messageQuota keeps LINE's quota answer (the desk asks every few minutes). The local stack
 * sets 0 so that a test or a demo that changes the stand-in's quota sees it at once.
 */
export const quotaCacheSecondsParam = defineInt('QUOTA_CACHE_SECONDS', { default: 180 });

/**
 * The Firebase web API key (the public one in the web app's config). With it lineAuth signs the
 * citizen in on the server and saves the phone a round trip (auth/server-sign-in.ts); without it, or
 * if the key is restricted to browsers by HTTP referrer, the page signs in itself, one round trip later.
 */
export const webApiKeyParam = defineString('WEB_API_KEY', { default: '' });
