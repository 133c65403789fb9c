import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

// The load generator, in its own thread so it does not share the server's event loop. Plain
// node:http with keep-alive (lighter than fetch, so the sender takes less of the 2 cores).
// Plain JavaScript: worker threads do not inherit the tsx loader.
const { url, requests, concurrency } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let next = 0;
let failed = 0;

function post(body, sig) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'aftership-hmac-sha256': sig } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const t0 = performance.now();
      const status = await post(r.body, r.sig);
      if (status !== 200) failed++;
      latencies.push(performance.now() - t0);
    }
  }),
);
agent.destroy();
parentPort.postMessage({ latencies, failed, seconds: (performance.now() - started) / 1000 });
