// Turns a stored Connection row (non-secret config + encrypted secret) into the auth settings its
// connector parses. Shared by the worker and the designer; decrypts only in server processes.
import type { SecretBox } from '@conduit/db';

/** Which auth field of each connector holds the secret that is stored encrypted and never shown again. */
export const SECRET_FIELD = { streak: 'apiKey', sage100: 'token' } as const;

export type ConnectorKindName = keyof typeof SECRET_FIELD;

export function authSettings(options: { kind: ConnectorKindName; config: unknown; secretEnc: string; secrets: SecretBox }): Record<string, unknown> {
  const config = options.config && typeof options.config === 'object' ? (options.config as Record<string, unknown>) : {};
  return { ...config, [SECRET_FIELD[options.kind]]: options.secrets.decrypt(options.secretEnc) };
}
