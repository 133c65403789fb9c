// Runs the AfterShip simulator alone:
//   node --import tsx sandbox/aftership/main.ts --port 4101 [--webhook-url URL] [--parcels 50] [--seed 7]
// Journeys start now; the clock then follows real time at --speed simulated hours per second.
import { parseArgs } from 'node:util';
import { startAfterShipSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4101' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'webhook-url': { type: 'string' },
    parcels: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    speed: { type: 'string', default: '6' },
  },
});

const sandbox = await startAfterShipSandbox({
  port: Number(values.port), host: values.host, apiKey: values['api-key'], webhookSecret: values['webhook-secret'],
  webhookUrl: values['webhook-url'] ?? null, seed: Number(values.seed),
});
const journeys = sandbox.playJourneys({ count: Number(values.parcels), register: true });
console.log(`AfterShip sandbox on ${sandbox.url}/tracking/2025-04 (as-api-key: ${sandbox.apiKey}, webhook secret: ${sandbox.webhookSecret})`);
console.log(`${journeys.length} parcels registered, e.g. ${journeys.slice(0, 3).map((j) => j.trackingNumber).join(', ')}`);
const hoursPerSecond = Number(values.speed);
const timer = setInterval(() => sandbox.advanceBy(hoursPerSecond * 3_600_000), 1000);
const stop = async () => {
  clearInterval(timer);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
