// Alert rules delivered to a local SMTP sink and a local HTTP receiver (both on port 0): one message
// per new subject, never twice, and a failing channel is reported on the rule.
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoGraph,
  seedFlow,
  seedRun,
  setupOperateTest,
  type OperateTest,
} from '../routers/operate/test-support';

interface Received {
  mails: Array<{ from: string; to: string[]; data: string }>;
  posts: Array<{ path: string; body: string; signature?: string }>;
}
const got: Received = { mails: [], posts: [] };

/** Speaks just enough SMTP to accept mail, like a local mail catcher. */
function smtpSink(): NetServer {
  return createNetServer((socket) => {
    let mail = { from: '', to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i !== -1; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            got.mails.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else mail.data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-sink\r\n250 AUTH PLAIN\r\n');
        else if (/^AUTH PLAIN/i.test(line)) socket.write('235 ok\r\n');
        else if (/^MAIL FROM:/i.test(line)) {
          mail.from = line.slice(10);
          socket.write('250 ok\r\n');
        } else if (/^RCPT TO:/i.test(line)) {
          mail.to.push(line.slice(8));
          socket.write('250 ok\r\n');
        } else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('500 what\r\n');
      }
    });
  });
}

let t: OperateTest;
let smtp: NetServer;
let http: Server;
let smtpPort = 0;
let httpUrl = '';

beforeAll(async () => {
  t = await setupOperateTest();
  smtp = smtpSink();
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.address() as { port: number }).port;
  http = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.posts.push({
        path: req.url ?? '',
        body,
        signature: req.headers['x-conduit-signature'] as string | undefined,
      });
      res.statusCode = req.url === '/broken' ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpUrl = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
});
afterAll(async () => {
  await t.db.$disconnect();
  await t.tdb.drop();
  await new Promise((r) => smtp.close(r));
  await new Promise((r) => http.close(r));
});

describe('alerts', () => {
  it('emails failed runs once, posts dead letters to Slack and signed webhooks, and reports a broken receiver', async () => {
    const admin = t.caller('admin');
    const email = await admin.alerts.createChannel({
      kind: 'email',
      name: 'Ops mail',
      config: {
        host: '127.0.0.1',
        port: smtpPort,
        secure: false,
        username: 'ops',
        from: 'conduit@example.com',
        to: ['ops@example.com', 'finance@example.com'],
      },
      secret: 'smtp-pass',
    });
    const slack = await admin.alerts.createChannel({
      kind: 'slack',
      name: 'Slack #ops',
      secret: `${httpUrl}/slack`,
    });
    const hook = await admin.alerts.createChannel({
      kind: 'webhook',
      name: 'Pager',
      config: { url: `${httpUrl}/hook` },
      secret: 'signing-key-1',
    });
    const broken = await admin.alerts.createChannel({
      kind: 'webhook',
      name: 'Broken',
      config: { url: `${httpUrl}/broken` },
    });
    expect(JSON.stringify(await admin.alerts.channels())).not.toMatch(/smtp-pass|signing-key-1|\/slack/);

    await admin.alerts.createRule({ channelId: email.id, event: 'run_failed' });
    await admin.alerts.createRule({
      channelId: slack.id,
      event: 'dead_letter_added',
      environmentId: t.env.dev,
    });
    await admin.alerts.createRule({ channelId: hook.id, event: 'approval_waiting', thresholdMinutes: 30 });
    const brokenRule = await admin.alerts.createRule({ channelId: broken.id, event: 'run_failed' });

    const { versions } = await seedFlow(t.db, {
      workspaceId: t.workspaceId,
      name: 'Closed-Won → Sales Order',
      graphs: [demoGraph()],
    });
    const dl = {
      reasonCode: 'CREDIT_HOLD',
      message: 'Customer is on credit hold',
      suggestion: 'Release the hold, then replay.',
    };
    await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: versions[0]!,
      status: 'dead_lettered',
      searchKeys: ['box:B-1'],
      deadLetter: dl,
    });
    await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: versions[0]!,
      status: 'waiting',
      approval: { summary: {} },
    });
    await t.db.approval.updateMany({ data: { requestedAt: new Date(Date.now() - 3_600_000) } });

    expect(await admin.alerts.evaluateNow({})).toEqual({ sent: 3, failed: 1 });
    expect(got.mails).toHaveLength(1);
    expect(got.mails[0]!.to).toEqual(['<ops@example.com>', '<finance@example.com>']);
    expect(got.mails[0]!.data).toMatch(/Subject: \[Conduit\] Runs failed \(1\)/);
    expect(got.mails[0]!.data).toContain('box:B-1');
    const slackPost = got.posts.find((p) => p.path === '/slack')!;
    expect(JSON.parse(slackPost.body).text).toContain('Release the hold, then replay.');
    const hookPost = got.posts.find((p) => p.path === '/hook')!;
    expect(JSON.parse(hookPost.body)).toMatchObject({ event: 'approval_waiting' });
    expect(hookPost.signature).toBe(
      `sha256=${createHmac('sha256', 'signing-key-1').update(hookPost.body).digest('hex')}`,
    );
    expect((await t.db.alertRule.findUniqueOrThrow({ where: { id: brokenRule.id } })).lastError).toMatch(
      /Broken: the receiver answered HTTP 500/,
    );

    expect(await admin.alerts.evaluateNow({})).toEqual({ sent: 0, failed: 0 });
    expect(got.mails).toHaveLength(1);
  });

  it('sends a test message and explains a failing channel', async () => {
    const channels = await t.caller('owner').alerts.channels();
    expect(
      await t.caller('owner').alerts.testChannel({ id: channels.find((c) => c.name === 'Ops mail')!.id }),
    ).toMatchObject({ ok: true });
    expect(got.mails.at(-1)!.data).toContain(
      'This is a test from Conduit, sent by owner@demo.conduit.local.',
    );
    const r = await t
      .caller('owner')
      .alerts.testChannel({ id: channels.find((c) => c.name === 'Broken')!.id });
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/HTTP 500.*Check the channel settings/),
    });
  });
});
