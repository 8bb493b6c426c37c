// A minimal SMTP client (RFC 5321): enough to hand one plain-text alert to a relay, with optional
// implicit TLS and AUTH PLAIN. Alerts need nothing more, and this avoids a mail library dependency.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465). */
  secure?: boolean;
  username?: string;
  password?: string;
}

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Reads complete SMTP replies ("250-..." continuation lines end with "250 ..."). */
function replies(socket: Socket) {
  let buffer = '';
  const waiting: Array<{ resolve: (r: { code: number; text: string }) => void; reject: (e: Error) => void }> =
    [];
  const ready: Array<{ code: number; text: string }> = [];
  let failure: Error | null = null;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let m = /(^|\n)(\d{3}) [^\n]*\n/.exec(buffer); m; m = /(^|\n)(\d{3}) [^\n]*\n/.exec(buffer)) {
      const end = m.index + m[0].length;
      const reply = { code: Number(m[2]), text: buffer.slice(0, end).trim() };
      buffer = buffer.slice(end);
      const w = waiting.shift();
      if (w) w.resolve(reply);
      else ready.push(reply);
    }
  });
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the mail server closed the connection')));
  return (): Promise<{ code: number; text: string }> => {
    const r = ready.shift();
    if (r) return Promise.resolve(r);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

const header = (s: string) => s.replace(/[\r\n]+/g, ' ');

export async function sendMail(settings: SmtpSettings, mail: Mail): Promise<void> {
  const socket = settings.secure
    ? tlsConnect({ host: settings.host, port: settings.port, servername: settings.host })
    : netConnect({ host: settings.host, port: settings.port });
  socket.setTimeout(15_000, () =>
    socket.destroy(new Error(`the mail server ${settings.host}:${settings.port} did not answer in time`)),
  );
  const next = replies(socket);
  const expect = async (codes: number[], command?: string) => {
    if (command !== undefined) socket.write(`${command}\r\n`);
    const r = await next();
    if (!codes.includes(r.code))
      throw new Error(`the mail server refused ${command?.split(' ')[0] ?? 'the connection'}: ${r.text}`);
  };
  try {
    await expect([220]);
    await expect([250], 'EHLO conduit');
    if (settings.username)
      await expect(
        [235],
        `AUTH PLAIN ${Buffer.from(`\0${settings.username}\0${settings.password ?? ''}`).toString('base64')}`,
      );
    await expect([250], `MAIL FROM:<${mail.from}>`);
    for (const to of mail.to) await expect([250, 251], `RCPT TO:<${to}>`);
    await expect([354], 'DATA');
    const body = mail.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    const message = [
      `From: ${header(mail.from)}`,
      `To: ${mail.to.map(header).join(', ')}`,
      `Subject: ${header(mail.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
    ].join('\r\n');
    await expect([250], `${message}\r\n.`);
    socket.write('QUIT\r\n');
  } finally {
    socket.end();
  }
}
