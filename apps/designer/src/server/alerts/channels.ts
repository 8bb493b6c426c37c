// Delivers one alert to one channel: email over SMTP, a Slack-compatible incoming webhook, or a
// generic JSON webhook signed with HMAC-SHA256 when a signing secret is set.
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from '@conduit/connector-kit';
import type { AlertChannel, SecretBox } from '@conduit/db';
import { z } from 'zod';
import { sendMail } from './smtp';

export const channelConfig = {
  email: z
    .object({
      host: z.string().trim().min(1),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean().default(false),
      username: z.string().trim().max(200).optional(),
      from: z.string().trim().email('enter the sender address, e.g. conduit@example.com'),
      to: z.array(z.string().trim().email()).min(1, 'add at least one recipient').max(50),
    })
    .strict(),
  slack: z.object({}).strict(),
  webhook: z.object({ url: z.string().url('enter the full https:// URL of the receiver') }).strict(),
};

export interface Alert {
  title: string;
  lines: string[];
  /** Machine-readable details for webhooks. */
  details: Record<string, unknown>;
}

/**
 * Alert receivers may live on the LAN (an internal chat server, a local mail relay), but never at a cloud
 * metadata address: a request there is how SSRF turns into stolen instance credentials.
 */
async function refuseMetadata(host: string): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((a) => a.address);
  for (const a of addresses) if (classifyAddress(a) === 'metadata') throw new Error(`${host} is a cloud metadata address; alerts are never sent there`);
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`${target.protocol} URLs cannot receive alerts; use https://`);
  await refuseMetadata(target.hostname);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    signal: AbortSignal.timeout(10_000),
    redirect: 'error',
  });
  if (!res.ok) throw new Error(`the receiver answered HTTP ${res.status}`);
}

export async function deliver(channel: AlertChannel, secrets: SecretBox, alert: Alert): Promise<void> {
  const secret = channel.secretEnc ? secrets.decrypt(channel.secretEnc) : undefined;
  switch (channel.kind) {
    case 'email': {
      const c = channelConfig.email.parse(channel.config);
      await refuseMetadata(c.host);
      await sendMail(
        { host: c.host, port: c.port, secure: c.secure, username: c.username, password: secret },
        { from: c.from, to: c.to, subject: `[Conduit] ${alert.title}`, text: alert.lines.join('\n') },
      );
      return;
    }
    case 'slack':
      if (!secret) throw new Error('the Slack webhook URL is missing; edit the channel and paste it');
      await post(secret, JSON.stringify({ text: `*${alert.title}*\n${alert.lines.join('\n')}` }));
      return;
    case 'webhook': {
      const c = channelConfig.webhook.parse(channel.config);
      const body = JSON.stringify({ title: alert.title, lines: alert.lines, ...alert.details });
      await post(
        c.url,
        body,
        secret
          ? { 'x-conduit-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` }
          : {},
      );
      return;
    }
  }
}
