// The SMTP side of the mail sink (RFC 5321, the subset mail clients use): EHLO/HELO, AUTH PLAIN,
// MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT. It accepts everything it is given, unless
// told to demand a login or to refuse recipients (to test a client's error handling).
import { createServer, type Server, type Socket } from 'node:net';

export interface Envelope {
  from: string;
  to: string[];
  /** The message as received (headers and body, CRLF line ends, dots unstuffed). */
  data: string;
}

export interface ReceiverOptions {
  onMessage: (envelope: Envelope) => void;
  /** When set, MAIL needs a successful AUTH PLAIN with these credentials first. */
  credentials?: { username: string; password: string };
  /** A reply to every RCPT instead of accepting it, e.g. `451 4.3.0 mailbox busy`. */
  refuseRecipients?: string;
  maxBytes?: number;
}

const NAME = 'conduit-mail-sink';

export function createSmtpReceiver(options: ReceiverOptions): Server {
  return createServer((socket) => session(socket, options));
}

const address = (arg: string) => /<([^>]*)>/.exec(arg)?.[1] ?? arg.trim();

function session(socket: Socket, options: ReceiverOptions): void {
  const max = options.maxBytes ?? 10 * 1024 * 1024;
  let buffer = '';
  let from: string | undefined;
  let to: string[] = [];
  let authed = !options.credentials;
  let data: string[] | undefined;
  let dataBytes = 0;
  let awaitingAuth = false;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  const reset = () => ((from = undefined), (to = []));

  const checkAuth = (b64: string) => {
    const [, user, pass] = Buffer.from(b64, 'base64').toString('utf8').split('\0');
    authed = user === options.credentials?.username && pass === options.credentials?.password;
    reply(authed ? '235 2.7.0 Authentication successful' : '535 5.7.8 Authentication credentials invalid');
  };

  const command = (line: string) => {
    if (awaitingAuth) {
      awaitingAuth = false;
      return checkAuth(line.trim());
    }
    const [verb = '', ...rest] = line.split(' ');
    const arg = rest.join(' ');
    switch (verb.toUpperCase()) {
      case 'EHLO':
        return socket.write(`250-${NAME}\r\n250-SIZE ${max}\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n`);
      case 'HELO':
        return reply(`250 ${NAME}`);
      case 'AUTH': {
        const [mech = '', initial] = rest;
        if (mech.toUpperCase() !== 'PLAIN') return reply('504 5.5.4 only AUTH PLAIN is supported');
        if (initial) return checkAuth(initial);
        awaitingAuth = true;
        return reply('334 ');
      }
      case 'MAIL':
        if (!authed) return reply('530 5.7.0 Authentication required');
        reset();
        from = address(arg.replace(/^FROM:/i, ''));
        return reply('250 2.1.0 OK');
      case 'RCPT':
        if (from === undefined) return reply('503 5.5.1 MAIL first');
        if (options.refuseRecipients) return reply(options.refuseRecipients);
        to.push(address(arg.replace(/^TO:/i, '')));
        return reply('250 2.1.5 OK');
      case 'DATA':
        if (!to.length) return reply('503 5.5.1 RCPT first');
        data = [];
        dataBytes = 0;
        return reply('354 End data with <CR><LF>.<CR><LF>');
      case 'RSET':
        reset();
        return reply('250 2.0.0 OK');
      case 'NOOP':
        return reply('250 2.0.0 OK');
      case 'QUIT':
        reply('221 2.0.0 Bye');
        return socket.end();
      default:
        return reply('502 5.5.2 Command not recognized');
    }
  };

  const dataLine = (line: string) => {
    if (line !== '.') {
      dataBytes += line.length + 2;
      if (dataBytes <= max) data!.push(line.startsWith('.') ? line.slice(1) : line);
      return;
    }
    const lines = data!;
    data = undefined;
    if (dataBytes > max) return reply('552 5.3.4 Message too big');
    options.onMessage({ from: from ?? '', to, data: lines.join('\r\n') });
    reset();
    reply('250 2.0.0 OK: queued');
  };

  socket.setEncoding('utf8');
  socket.setTimeout(60_000, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i).replace(/\r$/, '');
      buffer = buffer.slice(i + 1);
      if (data) dataLine(line);
      else command(line);
    }
  });
  reply(`220 ${NAME} ESMTP ready`);
}
