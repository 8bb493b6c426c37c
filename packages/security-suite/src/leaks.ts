// Looks for secrets where they must not be: a pg_dump of a database, captured logs, any text.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The whole database as plain SQL (schema and data), the way an attacker with a backup would see it. */
export async function dumpDatabase(url: string): Promise<string> {
  const { stdout } = await run('pg_dump', ['--no-owner', '--no-privileges', '--dbname', url], { maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/** Each secret that occurs in `text` (as is, or base64/URL-encoded), named by its label. */
export function leaked(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets).flatMap(([label, value]) => {
    const forms = [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)];
    return forms.some((f) => f.length >= 8 && text.includes(f)) ? [label] : [];
  });
}

/** The lines of `text` that hold a secret, the secret masked, to say where a leak came from. */
export function leakingLines(text: string, secrets: Record<string, string>): string[] {
  return text.split('\n').flatMap((line) => {
    const found = leaked(line, secrets);
    return found.length ? [`${found.join(', ')}: ${line.slice(0, 200).replace(/[A-Za-z0-9+/_=-]{12,}/g, '…')}`] : [];
  });
}

/** Captures everything the process writes to stdout/stderr (console included) until `stop()`. */
export function captureOutput(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tap = (write: typeof out) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof out;
  process.stdout.write = tap(out);
  process.stderr.write = tap(err);
  return {
    text: () => chunks.join(''),
    stop: () => {
      process.stdout.write = out;
      process.stderr.write = err;
    },
  };
}
