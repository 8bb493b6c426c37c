// Parses inputs, configs and outputs with their zod schemas and reports failures as typed errors.
import type { z } from 'zod';
import { type ErrorSubject, PermanentError } from './errors';

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Parses `value`; on failure throws a validation PermanentError listing every bad path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, ctx: { connector: string; what: string; subject?: ErrorSubject }): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new PermanentError('validation', {
    connector: ctx.connector,
    subject: ctx.subject,
    issues,
    message: `${ctx.connector}: ${ctx.what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
  });
}

/** Output of an action or event payload: must match its schema and survive JSON (it crosses Temporal). */
export function checkOutput<S extends z.ZodType>(schema: S, value: unknown, ctx: { connector: string; what: string }): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error);
    throw new PermanentError('internal', {
      connector: ctx.connector,
      issues,
      message: `${ctx.connector}: ${ctx.what} does not match its declared schema (connector bug): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    });
  }
  return JSON.parse(JSON.stringify(result.data)) as z.output<S>;
}
