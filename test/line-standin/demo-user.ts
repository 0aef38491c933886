/**
 * The LINE user of `npm start`: the LIFF app in mock mode signs in as this user unless `?as=` names
 * another, and the demo cases belong to it.
 */
export const DEMO_LINE_USER = 'U0123456789abcdef0123456789abcdef';
