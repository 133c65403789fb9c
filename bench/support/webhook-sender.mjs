import { parentPort, workerData } from 'node:worker_threads';

// The load generator, in its own thread so it does not share the server's event loop.
// Plain JavaScript: worker threads do not inherit the tsx loader.
const { url, requests, concurrency } = workerData;
const latencies = [];
let next = 0;
let failed = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const t0 = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': r.sig }, body: r.body });
      await response.arrayBuffer();
      if (response.status !== 200) failed++;
      latencies.push(performance.now() - t0);
    }
  }),
);
parentPort.postMessage({ latencies, failed, seconds: (performance.now() - started) / 1000 });
