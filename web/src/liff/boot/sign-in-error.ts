/** A sign-in that failed, with the Thai text the page shows. Apart from firebase-client.ts so the form's first chunk can test for it without loading Firebase. */
export class SignInError extends Error {
  constructor(readonly thaiMessage: string) {
    super(thaiMessage);
  }
}
