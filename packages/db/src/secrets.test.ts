import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKey, SecretKeyError } from './secrets';

describe('secret box', () => {
  const k1 = generateSecretKey();
  const k2 = generateSecretKey();

  it('round-trips and never stores the plaintext', () => {
    const box = createSecretBox(`k1:${k1}`);
    const enc = box.encrypt('strk_live_super_secret');
    expect(enc).not.toContain('strk_live_super_secret');
    expect(box.decrypt(enc)).toBe('strk_live_super_secret');
    expect(box.encrypt('x')).not.toBe(box.encrypt('x'));
  });

  it('rotates: old ciphertexts stay readable, rotate() moves them to the active key', () => {
    const old = createSecretBox(`k1:${k1}`).encrypt('token');
    const box = createSecretBox(`k2:${k2},k1:${k1}`);
    expect(box.decrypt(old)).toBe('token');
    const rotated = box.rotate(old);
    expect(rotated.split('.')[1]).toBe('k2');
    expect(createSecretBox(`k2:${k2}`).decrypt(rotated)).toBe('token');
  });

  it('detects tampering and unknown keys with a clear message', () => {
    const box = createSecretBox(`k1:${k1}`);
    const enc = box.encrypt('token').split('.');
    enc[3] = Buffer.from('other').toString('base64url');
    expect(() => box.decrypt(enc.join('.'))).toThrow(/wrong key or tampered/);
    expect(() => createSecretBox(`k2:${k2}`).decrypt(box.encrypt('t'))).toThrow(/key "k1", which is not in CONDUIT_SECRET_KEYS/);
  });

  it('rejects malformed keyrings', () => {
    expect(() => createSecretBox('')).toThrow(SecretKeyError);
    expect(() => createSecretBox('k1:c2hvcnQ=')).toThrow(/must be 32 bytes/);
    expect(() => createSecretBox(`bad id:${k1}`)).toThrow(/letters, digits/);
  });
});
