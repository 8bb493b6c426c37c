import { describe, expect, it } from 'vitest';
import { parseSmtpUrl } from './mail-transport';

describe('SMTP URLs', () => {
  it('reads host, port, TLS, login and sender', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:4030?from=conduit@demo.conduit.local')).toEqual({ host: '127.0.0.1', port: 4030, secure: false, from: 'conduit@demo.conduit.local' });
    expect(parseSmtpUrl('smtps://relay%40corp:p%3Ass@mail.example.com?from=ops@example.com')).toEqual({ host: 'mail.example.com', port: 465, secure: true, username: 'relay@corp', password: 'p:ss', from: 'ops@example.com' });
    expect(parseSmtpUrl('smtp://u@mail.example.com?from=ops@example.com', { password: 'stored', passwordInUrl: false })).toMatchObject({ port: 25, username: 'u', password: 'stored' });
  });

  it('says what is wrong without repeating the password', () => {
    const bad = (url: string, options?: { passwordInUrl: boolean }) => {
      try {
        parseSmtpUrl(url, options);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad('mail.example.com:25')).toBe('the SMTP URL starts with mail.example.com://; use smtp:// (or smtps:// for implicit TLS)');
    expect(bad('not a url')).toBe('the SMTP URL is not a URL; write it like smtp://user@mail.example.com:587?from=conduit@example.com');
    expect(bad('https://mail.example.com?from=a@b.co')).toMatch(/starts with https:\/\/; use smtp:\/\//);
    expect(bad('smtp://mail.example.com:25')).toBe('the SMTP URL needs the sender address, e.g. ?from=conduit@example.com');
    expect(bad('smtp://u:hunter2@mail.example.com?from=a@b.co', { passwordInUrl: false })).not.toContain('hunter2');
  });
});
