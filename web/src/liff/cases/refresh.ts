/** How often the status pages look for news while open (polling: decision 004). */
export const REFRESH_MS = 8000;
