// The sink's HTML page: received mail, newest first, refreshed every few seconds. No scripts.
import type { ReceivedMail } from './message';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function mailPage(mail: ReceivedMail[]): string {
  const items = mail
    .map(
      (m) => `<article data-testid="mail">
  <h2>${escape(m.subject || '(no subject)')}</h2>
  <p class="meta">${escape(m.receivedAt)} · from ${escape(m.headers.from ?? m.from)} · to ${escape(m.to.join(', '))}</p>
  <pre>${escape(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Mail sink · Conduit</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#0f172a}h1{font-size:1.3rem}
article{border:1px solid #e2e8f0;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}h2{font-size:1rem;margin:0}
.meta{color:#64748b;margin:.3rem 0}pre{white-space:pre-wrap;margin:0;font:13px ui-monospace,monospace}</style></head>
<body><h1>Mail sink</h1><p>Every e-mail the local stack sends lands here instead of a real mailbox (${mail.length} kept; JSON at <a href="/messages">/messages</a>).</p>
${items || '<p data-testid="no-mail">No mail yet.</p>'}
</body></html>`;
}
