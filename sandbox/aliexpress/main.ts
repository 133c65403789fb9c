// Runs the AliExpress simulator alone:
//   node --import tsx sandbox/aliexpress/main.ts --port 4103 [--app-key K --app-secret S] [--push-url URL]
// Prints an access token ready to use; the clock follows real time.
import { parseArgs } from 'node:util';
import { startAliExpressSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4103' },
    host: { type: 'string', default: '127.0.0.1' },
    'app-key': { type: 'string' },
    'app-secret': { type: 'string' },
    'push-url': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const sandbox = await startAliExpressSandbox({
  port: Number(values.port), host: values.host, appKey: values['app-key'], appSecret: values['app-secret'], seed: Number(values.seed),
});
if (values['push-url']) sandbox.setPushUrl(values['push-url']);
const token = sandbox.issueAccessToken();
console.log(`AliExpress sandbox on ${sandbox.url} (/sync, /rest/auth/token/create|refresh)`);
console.log(`app_key ${sandbox.appKey}  app_secret ${sandbox.appSecret}`);
console.log(`access_token ${token.accessToken} (until ${token.expiresAt.toISOString()})  auth code for /auth/token/create: ${sandbox.issueAuthCode()}`);
const timer = setInterval(() => sandbox.setNow(new Date()), 1000);
const stop = async () => {
  clearInterval(timer);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
