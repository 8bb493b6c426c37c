// A real local webhook endpoint for tests: records Streak deliveries and answers 200.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDelivery } from '@conduit/connector-kit';

export async function startReceiver(): Promise<{ url: string; deliveries: WebhookDelivery[]; next(count?: number): Promise<WebhookDelivery[]>; close(): Promise<void> }> {
  const deliveries: WebhookDelivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: JSON.parse(body) as unknown });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    // Waits (bounded) until `count` deliveries have arrived; the deadline only guards against hanging.
    next: async (count = 1) => {
      for (let waited = 0; deliveries.length < count; waited += 50) {
        if (waited > 15_000) throw new Error(`expected ${count} webhook deliveries, got ${deliveries.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return deliveries.splice(0, count);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
