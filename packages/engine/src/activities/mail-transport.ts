// Where e-mail goes: the environment's own SMTP URL (password stored encrypted beside it), else the
// worker's CONDUIT_SMTP_URL. URLs look like smtp://user@host:587?from=conduit@example.com (smtps:// for
// implicit TLS). Errors name the setting to fix and never contain the password.
import { PermanentError } from '@conduit/connector-kit';
import type { Db, Role, SecretBox } from '@conduit/db';

export interface MailTransport {
  host: string;
  port: number;
  /** Implicit TLS (smtps://). */
  secure: boolean;
  username?: string;
  password?: string;
  /** The sender address. */
  from: string;
  timeoutMs?: number;
}

export const EMAIL = /^[^\s@,<>]+@[^\s@,<>]+\.[^\s@,<>]+$/;

/** Parses an SMTP URL; `passwordInUrl: false` refuses a password in it (it must be stored encrypted instead). */
export function parseSmtpUrl(text: string, options: { password?: string; passwordInUrl?: boolean } = {}): MailTransport {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('the SMTP URL is not a URL; write it like smtp://user@mail.example.com:587?from=conduit@example.com');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`the SMTP URL starts with ${url.protocol}//; use smtp:// (or smtps:// for implicit TLS)`);
  if (!url.hostname) throw new Error('the SMTP URL has no host');
  if (url.password && options.passwordInUrl === false) throw new Error('the SMTP URL holds a password; remove it from the URL and store it as the encrypted SMTP password');
  const from = url.searchParams.get('from') ?? '';
  if (!EMAIL.test(from)) throw new Error('the SMTP URL needs the sender address, e.g. ?from=conduit@example.com');
  const secure = url.protocol === 'smtps:';
  const password = options.password ?? (url.password ? decodeURIComponent(url.password) : undefined);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(password !== undefined ? { password } : {}),
    from,
  };
}

const notConfigured = (message: string) => new PermanentError('validation', { connector: 'smtp', subject: { type: 'mail settings' }, message });

export async function mailTransportFor(deps: { db: Db; secrets: SecretBox; mail?: MailTransport }, environmentId: string): Promise<MailTransport | undefined> {
  const env = await deps.db.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { key: true, smtpUrl: true, smtpPasswordEnc: true } });
  if (!env.smtpUrl) return deps.mail;
  try {
    return parseSmtpUrl(env.smtpUrl, { passwordInUrl: false, ...(env.smtpPasswordEnc ? { password: deps.secrets.decrypt(env.smtpPasswordEnc) } : {}) });
  } catch (error) {
    throw notConfigured(`the mail settings of environment ${env.key} are unusable: ${(error as Error).message}`);
  }
}

/** The transport, or a permanent error saying how to configure one. */
export async function requireMailTransport(deps: { db: Db; secrets: SecretBox; mail?: MailTransport }, environmentId: string): Promise<MailTransport> {
  const transport = await mailTransportFor(deps, environmentId);
  if (transport) return transport;
  throw notConfigured('no mail server is configured: set CONDUIT_SMTP_URL for the worker (smtp://host:port?from=conduit@example.com) or an SMTP URL on the environment');
}

const ROLES = new Set<string>(['owner', 'admin', 'builder', 'approver', 'viewer'] satisfies Role[]);

/** E-mail addresses for a list of e-mails and workspace roles (a role means every member holding it). */
export async function recipientsFor(db: Db, workspaceId: string, names: readonly string[]): Promise<string[]> {
  const roles = names.filter((n) => ROLES.has(n));
  const members = roles.length
    ? await db.membership.findMany({ where: { workspaceId, role: { in: roles as Role[] } }, select: { user: { select: { email: true } } } })
    : [];
  return [...new Set([...names.filter((n) => EMAIL.test(n)), ...members.map((m) => m.user.email)].map((e) => e.toLowerCase()))];
}
