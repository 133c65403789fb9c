// A tiny webhook endpoint for tests and demos: keeps each delivery's raw bytes and headers, and
// answers with whatever status `respond` picks (to exercise the sender's retries).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook { rawBody: Buffer; headers: IncomingHttpHeaders; status: number }

export async function startWebhookReceiver(respond: (rawBody: Buffer, attemptIndex: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (part: Buffer) => chunks.push(part));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const status = respond(rawBody, received.length);
      received.push({ rawBody, headers: request.headers, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    /** deliveries the receiver accepted (2xx) */
    accepted: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
