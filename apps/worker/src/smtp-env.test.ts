import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env';

const base = { CONDUIT_SECRET_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };

describe('worker mail settings', () => {
  it('reads CONDUIT_SMTP_URL into a transport, and no mail without it', () => {
    expect(readWorkerEnv({ ...base, CONDUIT_SMTP_URL: 'smtps://relay:s3cret@mail.example.com?from=ops@example.com', CONDUIT_DESIGNER_URL: 'https://conduit.example.com' })).toMatchObject({
      CONDUIT_SMTP_URL: { host: 'mail.example.com', port: 465, secure: true, username: 'relay', password: 's3cret', from: 'ops@example.com' },
      CONDUIT_DESIGNER_URL: 'https://conduit.example.com',
    });
    expect(readWorkerEnv(base).CONDUIT_SMTP_URL).toBeUndefined();
  });

  it('stops with one sentence naming the variable, without the password', () => {
    const problem = (url: string) => {
      try {
        readWorkerEnv({ ...base, CONDUIT_SMTP_URL: url });
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(problem('smtp://relay:s3cret@mail.example.com')).toBe('CONDUIT_SMTP_URL: the SMTP URL needs the sender address, e.g. ?from=conduit@example.com.');
    expect(problem('http://relay:s3cret@mail.example.com?from=a@b.co')).toBe('CONDUIT_SMTP_URL: the SMTP URL starts with http://; use smtp:// (or smtps:// for implicit TLS).');
  });
});
