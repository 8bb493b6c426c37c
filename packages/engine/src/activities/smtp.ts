// A minimal SMTP client (RFC 5321): hands one plain-text message to a relay, over implicit TLS for
// smtps:// and with AUTH PLAIN when a user is set. Replies are classified where they arrive: 4xx and
// network trouble are retryable, 5xx is permanent. No mail library: this is all notify needs.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { PermanentError, RetryableError } from '@conduit/connector-kit';
import type { MailTransport } from './mail-transport';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

interface Reply {
  code: number;
  text: string;
}

/** Complete replies off the socket ("250-..." continuation lines end with "250 ..."). */
function replies(socket: Socket, fail: (cause: Error) => Error) {
  let buffer = '';
  const ready: Reply[] = [];
  const waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  let failure: Error | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let m = /(^|\n)(\d{3}) [^\n]*\n/.exec(buffer); m; m = /(^|\n)(\d{3}) [^\n]*\n/.exec(buffer)) {
      const end = m.index + m[0].length;
      const reply = { code: Number(m[2]), text: buffer.slice(0, end).trim().replace(/\r?\n\d{3}-?/g, ' ') };
      buffer = buffer.slice(end);
      const w = waiting.shift();
      if (w) w.resolve(reply);
      else ready.push(reply);
    }
  });
  const stop = (e: Error) => {
    failure ??= fail(e);
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  socket.on('error', stop);
  socket.on('close', () => stop(new Error('the mail server closed the connection')));
  return (): Promise<Reply> => {
    const r = ready.shift();
    if (r) return Promise.resolve(r);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

/** Header values stay on one line; non-ASCII ones are RFC 2047 encoded. */
const header = (s: string) => {
  const flat = s.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?utf-8?B?${Buffer.from(flat).toString('base64')}?=`;
};

export async function sendMail(transport: MailTransport, mail: Mail): Promise<void> {
  const where = `${transport.host}:${transport.port}`;
  const subject = { type: 'mail server', name: where };
  const socket = transport.secure
    ? tlsConnect({ host: transport.host, port: transport.port, servername: transport.host })
    : netConnect({ host: transport.host, port: transport.port });
  socket.setTimeout(transport.timeoutMs ?? 15_000, () => socket.destroy(new Error('it did not answer in time')));
  const next = replies(socket, (cause) => new RetryableError('network', { connector: 'smtp', subject, message: `the mail server ${where} cannot be reached: ${cause.message}`, cause }));
  const expect = async (codes: number[], command?: string, shown = command?.split(' ')[0]) => {
    if (command !== undefined) socket.write(`${command}\r\n`);
    const r = await next();
    if (codes.includes(r.code)) return;
    const init = { connector: 'smtp', subject, status: r.code, remoteMessage: r.text, message: `the mail server ${where} refused ${shown ?? 'the connection'}: ${r.text}` };
    throw r.code >= 400 && r.code < 500 ? new RetryableError('server', init) : new PermanentError(r.code === 535 || r.code === 530 ? 'auth' : 'validation', init);
  };
  try {
    await expect([220]);
    await expect([250], 'EHLO conduit');
    // The password never reaches an error message: the command shown is just "AUTH".
    if (transport.username) await expect([235], `AUTH PLAIN ${Buffer.from(`\0${transport.username}\0${transport.password ?? ''}`).toString('base64')}`, 'AUTH');
    await expect([250], `MAIL FROM:<${transport.from}>`);
    for (const to of mail.to) await expect([250, 251], `RCPT TO:<${to}>`, `RCPT TO:<${to}>`);
    await expect([354], 'DATA');
    // Every line end becomes CRLF (a lone CR must not hide a line from dot-stuffing), then dots are stuffed.
    const body = mail.text.replace(/\r\n?|\n/g, '\r\n').replace(/^\./gm, '..');
    const message = [
      `From: Conduit <${transport.from}>`,
      `To: ${mail.to.join(', ')}`,
      `Subject: ${header(mail.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
    ].join('\r\n');
    await expect([250], `${message}\r\n.`, 'the message');
    socket.write('QUIT\r\n');
  } finally {
    socket.end();
  }
}
