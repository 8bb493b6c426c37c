// The local mail sink: an SMTP receiver that keeps what it receives (in memory, and in a JSON file
// when given one) and a small HTTP page listing it, so a demo shows the e-mails flows send.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { parseMail, type ReceivedMail } from './message';
import { mailPage } from './page';
import { createSmtpReceiver, type ReceiverOptions } from './smtp-receiver';

export interface MailSinkOptions extends Pick<ReceiverOptions, 'credentials' | 'refuseRecipients'> {
  /** 0 picks a free port. */
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** Where received mail survives restarts; null keeps it in memory only. */
  dataFile: string | null;
}

export interface MailSink {
  smtpPort: number;
  httpPort: number;
  /** The mail page; `/messages` is the same list as JSON. */
  url: string;
  messages(): ReceivedMail[];
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Old mail is dropped past this many messages; a sink is for looking, not archiving. */
const KEEP = 500;

export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const mail: ReceivedMail[] = options.dataFile && existsSync(options.dataFile) ? (JSON.parse(readFileSync(options.dataFile, 'utf8')) as ReceivedMail[]) : [];
  const waiters = new Set<(m: ReceivedMail) => void>();
  const save = () => options.dataFile && writeFileSync(options.dataFile, JSON.stringify(mail));

  const smtp = createSmtpReceiver({
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.refuseRecipients ? { refuseRecipients: options.refuseRecipients } : {}),
    onMessage: (envelope) => {
      const m = parseMail(envelope, { id: (mail.at(-1)?.id ?? 0) + 1, receivedAt: new Date() });
      mail.push(m);
      mail.splice(0, Math.max(0, mail.length - KEEP));
      save();
      for (const w of waiters) w(m);
    },
  });
  const http = createServer((req, res) => route(req, res));
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://sink').pathname;
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (req.method === 'GET' && path === '/health') return send(200, 'application/json', '{"ok":true}');
    if (req.method === 'GET' && path === '/messages') return send(200, 'application/json', JSON.stringify([...mail].reverse()));
    if (req.method === 'DELETE' && path === '/messages') {
      mail.length = 0;
      save();
      return send(204, 'text/plain', '');
    }
    if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', mailPage([...mail].reverse()));
    return send(404, 'application/json', '{"error":"not found"}');
  };

  const smtpPort = await listen(smtp, options.smtpPort, host);
  const httpPort = await listen(http, options.httpPort, host);
  return {
    smtpPort,
    httpPort,
    url: `http://${host}:${httpPort}`,
    messages: () => [...mail],
    waitFor(match, timeoutMs = 10_000) {
      const found = mail.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`no matching mail arrived at the sink within ${timeoutMs} ms`))), timeoutMs);
        const check = (m: ReceivedMail) => {
          if (!match(m)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        };
        waiters.add(check);
      });
    },
    async close() {
      await Promise.all([close(smtp), close(http)]);
    },
  };
}

function listen(server: Server | HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

function close(server: Server | HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
