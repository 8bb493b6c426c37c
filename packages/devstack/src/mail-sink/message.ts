// Turns a received message into what the mail page shows: decoded subject, headers and text body.
// Enough MIME for what mail clients send as plain text (base64, quoted-printable, RFC 2047 words).
import type { Envelope } from './smtp-receiver';

export interface ReceivedMail {
  id: number;
  receivedAt: string;
  /** Envelope sender and recipients (what the client asked for, whatever the headers say). */
  from: string;
  to: string[];
  subject: string;
  headers: Record<string, string>;
  text: string;
}

/** `=?utf-8?B?...?=` and `=?utf-8?Q?...?=` words in headers. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function parseMail(envelope: Envelope, meta: { id: number; receivedAt: Date }): ReceivedMail {
  const split = envelope.data.indexOf('\r\n\r\n');
  const head = split < 0 ? envelope.data : envelope.data.slice(0, split);
  const body = split < 0 ? '' : envelope.data.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return {
    id: meta.id,
    receivedAt: meta.receivedAt.toISOString(),
    from: envelope.from,
    to: envelope.to,
    subject: headers.subject ?? '',
    headers,
    text: text.replace(/\r\n/g, '\n'),
  };
}
