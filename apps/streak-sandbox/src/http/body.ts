// Streak accepts JSON bodies, legacy form bodies (the v1 PUT creates) and the old node wrapper's
// form field `json=<JSON string>`. One parser for every content type handles all three.
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

function parseForm(raw: string): unknown {
  const form = Object.fromEntries(new URLSearchParams(raw));
  if (Object.keys(form).length === 1 && typeof form.json === 'string') return parseJson(form.json);
  return form;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('Invalid JSON in request body');
  }
}

export function parseBody(contentType: string, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) return parseForm(text);
  if (contentType.includes('json') || text.startsWith('{') || text.startsWith('[')) return parseJson(text);
  return parseForm(text);
}

export function registerBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (req, body, done) => {
    try {
      done(null, parseBody(String(req.headers['content-type'] ?? ''), body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
