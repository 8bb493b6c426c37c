// A real SMTP conversation with the sink over loopback (port 0), then its page and JSON list.
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MailSink, type MailSinkOptions, startMailSink } from './index';

const sinks: MailSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

async function sink(options: Partial<MailSinkOptions> = {}): Promise<MailSink> {
  const s = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile: null, ...options });
  sinks.push(s);
  return s;
}

/** A scripted client: sends each line and collects the server's complete replies. */
async function converse(port: number, lines: string[]): Promise<string[]> {
  const socket: Socket = connect({ port, host: '127.0.0.1' });
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  socket.on('data', (c: string) => {
    buffer += c;
    for (let m = /(^|\n)\d{3} [^\n]*\n/.exec(buffer); m; m = /(^|\n)\d{3} [^\n]*\n/.exec(buffer)) {
      replies.push(buffer.slice(0, m.index + m[0].length).trim());
      buffer = buffer.slice(m.index + m[0].length);
    }
    wake?.();
  });
  const next = async (count: number) => {
    while (replies.length < count) await new Promise<void>((r) => (wake = r));
  };
  await next(1);
  for (const [i, line] of lines.entries()) {
    socket.write(`${line}\r\n`);
    await next(i + 2);
  }
  socket.end();
  return replies;
}

/** The code of each reply's last line (multi-line replies end with `250 ...`). */
const codes = (replies: string[]) => replies.map((r) => Number(r.split('\n').at(-1)!.slice(0, 3)));

describe('mail sink', () => {
  it('takes a message over SMTP and lists it on its page and as JSON', async () => {
    const s = await sink();
    const replies = await converse(s.smtpPort, [
      'EHLO test',
      'MAIL FROM:<conduit@example.com>',
      'RCPT TO:<finance@example.com>',
      'RCPT TO:<cfo@example.com>',
      'DATA',
      'From: Conduit <conduit@example.com>\r\nTo: finance@example.com\r\nSubject: =?utf-8?B?QXBwcm92YWwgbmVlZGVkIOKAkyBBY21l?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nApprove the order for <Acme>.\r\n..a line that starts with a dot\r\n.',
      'QUIT',
    ]);
    expect(codes(replies)).toEqual([220, 250, 250, 250, 250, 354, 250, 221]);
    expect(replies[1]).toContain('AUTH PLAIN');
    const [mail] = s.messages();
    expect(mail).toMatchObject({ from: 'conduit@example.com', to: ['finance@example.com', 'cfo@example.com'], subject: 'Approval needed – Acme', text: 'Approve the order for <Acme>.\n.a line that starts with a dot' });
    const list = (await fetch(`${s.url}/messages`).then((r) => r.json())) as Array<{ subject: string }>;
    expect(list.map((m) => m.subject)).toEqual(['Approval needed – Acme']);
    const page = await fetch(s.url).then((r) => r.text());
    expect(page).toContain('Approval needed – Acme');
    expect(page).toContain('Approve the order for &#60;Acme&#62;.');
    expect((await fetch(`${s.url}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(s.messages()).toEqual([]);
    expect((await fetch(`${s.url}/nothing`)).status).toBe(404);
  });

  it('refuses out-of-order commands and, when asked, unauthenticated senders and recipients', async () => {
    const open = await sink();
    expect(codes(await converse(open.smtpPort, ['RCPT TO:<a@example.com>', 'DATA', 'VRFY x', 'HELO x', 'MAIL FROM:<a@example.com>', 'DATA']))).toEqual([220, 503, 503, 502, 250, 250, 503]);
    const locked = await sink({ credentials: { username: 'conduit', password: 's3cret' } });
    const plain = (u: string, p: string) => Buffer.from(`\0${u}\0${p}`).toString('base64');
    expect(codes(await converse(locked.smtpPort, ['EHLO x', 'MAIL FROM:<a@example.com>', `AUTH PLAIN ${plain('conduit', 'wrong')}`, 'AUTH PLAIN', plain('conduit', 's3cret'), 'MAIL FROM:<a@example.com>']))).toEqual([220, 250, 530, 535, 334, 235, 250]);
    const busy = await sink({ refuseRecipients: '451 4.3.0 mailbox busy' });
    expect(codes(await converse(busy.smtpPort, ['EHLO x', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>']))).toEqual([220, 250, 250, 451]);
    expect([...open.messages(), ...locked.messages(), ...busy.messages()]).toEqual([]);
  });

  it('waits for mail that has not arrived yet, and says so when none comes', async () => {
    const s = await sink();
    const waiting = s.waitFor((m) => m.subject === 'later');
    await converse(s.smtpPort, ['HELO x', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'DATA', 'Subject: later\r\n\r\nhi\r\n.']);
    expect((await waiting).text).toBe('hi');
    await expect(s.waitFor((m) => m.subject === 'never', 50)).rejects.toThrow(/no matching mail arrived/);
  });

  it('keeps received mail across restarts when given a data file', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'mail-sink-')), 'mail.json');
    const first = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile });
    await converse(first.smtpPort, ['HELO x', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'DATA', 'Subject: kept\r\n\r\nstill here\r\n.']);
    await first.close();
    const second = await sink({ dataFile });
    expect(second.messages().map((m) => [m.id, m.subject, m.text])).toEqual([[1, 'kept', 'still here']]);
  });
});
