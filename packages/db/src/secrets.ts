// Encryption at rest for connection secrets and webhook secrets: AES-256-GCM with a keyring so keys
// can be rotated (new writes use the first key; old ciphertexts stay readable until re-encrypted).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  activeKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Re-encrypts under the active key; returns the input when it already uses it. */
  rotate(ciphertext: string): string;
}

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/**
 * Parses `CONDUIT_SECRET_KEYS`: `id:base64key[,id:base64key...]`, each key 32 bytes. A bare base64
 * key (no id) is accepted as id `k1`.
 */
export function parseKeyring(spec: string): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const [id, b64] = colon === -1 ? ['k1', part] : [part.slice(0, colon), part.slice(colon + 1)];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new SecretKeyError(`Secret key id "${id}" must be 1-32 letters, digits, - or _.`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new SecretKeyError(`Secret key "${id}" must be 32 bytes of base64 (got ${key.length} bytes).`);
    if (ring.has(id)) throw new SecretKeyError(`Secret key id "${id}" appears twice.`);
    ring.set(id, key);
  }
  if (ring.size === 0) throw new SecretKeyError('No secret key given.');
  return ring;
}

export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

export function createSecretBox(keyringSpec: string): SecretBox {
  const ring = parseKeyring(keyringSpec);
  // parseKeyring guarantees at least one key; the first one listed encrypts new secrets.
  const activeId = ring.keys().next().value as string;
  const keyOf = (id: string): Buffer => {
    const key = ring.get(id);
    if (!key) throw new SecretKeyError(`This secret was encrypted with key "${id}", which is not in CONDUIT_SECRET_KEYS.`);
    return key;
  };
  const box: SecretBox = {
    activeKeyId: activeId,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(activeId), iv);
      cipher.setAAD(Buffer.from(activeId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', activeId, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(ciphertext) {
      const [version, id, iv, body, tag] = ciphertext.split('.');
      if (version !== 'v1' || !id || !iv || body === undefined || !tag) throw new SecretKeyError('Stored secret is not in a format this version understands.');
      const decipher = createDecipheriv('aes-256-gcm', keyOf(id), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new SecretKeyError(`Stored secret could not be decrypted with key "${id}" (wrong key or tampered data).`, { cause });
      }
    },
    rotate(ciphertext) {
      return ciphertext.split('.')[1] === activeId ? ciphertext : box.encrypt(box.decrypt(ciphertext));
    },
  };
  return box;
}
