// /openapi.json, generated from the route declarations so the document cannot drift from the code.
import { z } from 'zod';
import { ERROR_CODES } from './errors';
import type { RouteDef } from './route';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const s = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, sch]) => ({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: sch }));
}

export function openApi(routes: RouteDef[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    const okSchema = { type: 'object', properties: { ok: { const: true }, data: r.response ? json(r.response) : {}, warnings: { type: 'array', items: { $ref: '#/components/schemas/Warning' } } }, required: ['ok', 'data', 'warnings'] };
    (paths[path] as Record<string, unknown>)[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(r.body) } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: okSchema } } },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  paths['/health'] = { get: { summary: 'Liveness and backend (no auth)', tags: ['ops'], security: [], responses: { 200: { description: 'Up' } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Conduit Sage 100 gateway',
      version,
      description:
        'Allowlisted operations over Sage 100 (BOI for writes, ODBC-style reads). Records use Sage column names in camelCase; dates are YYYY-MM-DD (null when blank), Y/N flags are booleans, UDF_* columns appear under `udf`. Creates are idempotent by `Idempotency-Key` header or `externalId`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Warning: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, required: ['code', 'message'] },
        Error: {
          type: 'object',
          properties: {
            ok: { const: false },
            error: {
              type: 'object',
              properties: { code: { enum: [...ERROR_CODES] }, message: { type: 'string' }, sageMessage: { type: ['string', 'null'] }, field: { type: 'string' }, retryable: { type: 'boolean' } },
              required: ['code', 'message', 'sageMessage', 'retryable'],
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
