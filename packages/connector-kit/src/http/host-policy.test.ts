import { describe, expect, it } from 'vitest';
import { HostBlockedError, createHostPolicy } from './host-policy';

const lookup = (policy: ReturnType<typeof createHostPolicy>, host: string) =>
  new Promise<string>((resolve, reject) => policy.lookup(host, {}, (err, address) => (err ? reject(err) : resolve(String(address)))));

describe('createHostPolicy', () => {
  it('refuses hosts outside the allowlist and plain http to anything but an allowed private own host', () => {
    const policy = createHostPolicy({ ownHost: 'api.streak.com', allowedHosts: ['*.googleusercontent.com'] });
    expect(() => policy.checkUrl(new URL('https://api.streak.com/api/v1/users/me'))).not.toThrow();
    expect(() => policy.checkUrl(new URL('https://files.googleusercontent.com/x'))).not.toThrow();
    expect(() => policy.checkUrl(new URL('https://evil.example/x'))).toThrow(HostBlockedError);
    expect(() => policy.checkUrl(new URL('http://api.streak.com/api'))).toThrow(/plain http/);
    expect(() => policy.checkUrl(new URL('file:///etc/passwd'))).toThrow(/protocol/);
  });

  it('checks literal and resolved addresses: private only for the own host when allowed, metadata never', async () => {
    const own = createHostPolicy({ ownHost: 'localhost', allowPrivateHost: true, allowedHosts: ['169.254.169.254', '10.0.0.8'] });
    expect(await lookup(own, 'localhost')).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(() => own.checkUrl(new URL('http://169.254.169.254/latest'))).toThrow(HostBlockedError);
    expect(() => own.checkUrl(new URL('https://10.0.0.8/'))).toThrow(/private address/);
    const strict = createHostPolicy({ ownHost: 'gateway.example.com', allowedHosts: ['localhost'] });
    await expect(lookup(strict, 'localhost')).rejects.toThrow(HostBlockedError);
  });
});
