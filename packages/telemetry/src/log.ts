// Structured logs: one JSON object per line (level, time, msg, the run fields of the current async
// context, traceId, then the caller's fields). Off until an app calls configureLogging, so libraries and
// tests stay quiet; secret-looking keys and query parameters are masked by the connector kit's redactor.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRedactor, type Logger, type LogFields, type LogLevel } from '@conduit/connector-kit';
import { currentTraceId } from './tracing';

export type { LogFields, LogLevel };

/** The run a piece of work belongs to; every line logged inside `withLogContext` carries it. */
export interface RunLogContext {
  runId?: string;
  workflowId?: string;
  flowId?: string;
  environment?: string;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const redact = createRedactor();
const context = new AsyncLocalStorage<RunLogContext>();

let threshold = Number.POSITIVE_INFINITY;
let service = 'conduit';
let write: (line: string) => void = () => {};

export function configureLogging(options: { level: LogLevel; service: string; write?: (line: string) => void }): void {
  threshold = RANK[options.level];
  service = options.service;
  write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
}

/** Turns logging off again (tests that captured lines restore the quiet default). */
export function disableLogging(): void {
  threshold = Number.POSITIVE_INFINITY;
  write = () => {};
}

export function withLogContext<T>(fields: RunLogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

function emit(level: LogLevel, msg: string, fields?: LogFields): void {
  if (RANK[level] < threshold) return;
  const traceId = currentTraceId();
  const line = { level, time: new Date().toISOString(), service, msg, ...context.getStore(), ...(traceId ? { traceId } : {}), ...fields };
  write(JSON.stringify(redact(line), errorToJSON));
}

const errorToJSON = (_key: string, value: unknown) => (value instanceof Error ? { name: value.name, message: redact(value.message) } : value);

export const log: Logger = {
  debug: (msg, fields) => emit('debug', msg, fields),
  info: (msg, fields) => emit('info', msg, fields),
  warn: (msg, fields) => emit('warn', msg, fields),
  error: (msg, fields) => emit('error', msg, fields),
};

/** Cheap check for callers that would build expensive fields. */
export const logs = (level: LogLevel): boolean => RANK[level] >= threshold;
