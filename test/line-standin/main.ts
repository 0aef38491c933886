import { startLineStandin } from './server.ts';

/** Runs the stand-in as a process for `npm start` and the test suite; settings come from the environment. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`LINE stand-in: environment variable ${name} is required`);
  return value;
}

const { url } = await startLineStandin({
  port: Number(process.env.LINE_STANDIN_PORT ?? 9200),
  channelSecret: required('LINE_CHANNEL_SECRET'),
  channelAccessToken: required('LINE_CHANNEL_ACCESS_TOKEN'),
  loginChannelId: required('LINE_LOGIN_CHANNEL_ID'),
  webhookUrl: process.env.LINE_WEBHOOK_URL,
});
console.log(`LINE stand-in listening on ${url}`);
