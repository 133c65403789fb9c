// Runs the CJdropshipping simulator alone with a few paid orders:
//   node --import tsx sandbox/cjdropshipping/main.ts --port 4104 [--qps 1]
import { parseArgs } from 'node:util';
import { startCjSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4104' },
    host: { type: 'string', default: '127.0.0.1' },
    email: { type: 'string' },
    'api-key': { type: 'string' },
    qps: { type: 'string', default: '1' },
  },
});

const sandbox = await startCjSandbox({ port: Number(values.port), host: values.host, email: values.email, apiKey: values['api-key'], qps: Number(values.qps) });
for (let i = 0; i < 3; i++) {
  sandbox.addOrder({
    orderNum: `#${1001 + i}`, status: i === 0 ? 'UNSHIPPED' : 'SHIPPED', postageMinor: 450, trackNumber: i === 0 ? null : `CJPKL${7160102171 + i}YQ`,
    lines: [{ sku: `CJSJ104174${i}`, name: 'Wireless Earbuds', supplierName: 'banggood', unitPriceMinor: 2300, quantity: 1 }],
  });
}
console.log(`CJdropshipping sandbox on ${sandbox.baseUrl}`);
console.log(`email ${sandbox.email}  apiKey ${sandbox.apiKey}  (getAccessToken once per 5 min; CJ-Access-Token ${sandbox.issueAccessToken()})`);
const timer = setInterval(() => sandbox.setNow(new Date()), 1000);
const stop = async () => {
  clearInterval(timer);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
