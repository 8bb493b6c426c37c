// Structured logs: one JSON object per line (level, time, msg, the run fields of the current async
// context, traceId, then the caller's fields). Off until an app calls configureLogging, so libraries and
// tests stay quiet; secret-looking keys and query parameters are masked by the connector kit's redactor.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRedactor, type Logger, type LogFields, type LogLevel } from '@conduit/connector-kit';
import { processState } from './process-state';
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
const quiet = () => {};
const state = processState('log', () => ({ threshold: Number.POSITIVE_INFINITY, service: 'conduit', write: quiet as (line: string) => void, context: new AsyncLocalStorage<RunLogContext>() }));

export function configureLogging(options: { level: LogLevel; service: string; write?: (line: string) => void }): void {
  state.threshold = RANK[options.level];
  state.service = options.service;
  state.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
}

/** Turns logging off again (tests that captured lines restore the quiet default). */
export function disableLogging(): void {
  state.threshold = Number.POSITIVE_INFINITY;
  state.write = quiet;
}

export function withLogContext<T>(fields: RunLogContext, fn: () => T): T {
  return state.context.run({ ...state.context.getStore(), ...fields }, fn);
}

function emit(level: LogLevel, msg: string, fields?: LogFields): void {
  if (RANK[level] < state.threshold) return;
  const traceId = currentTraceId();
  const line = { level, time: new Date().toISOString(), service: state.service, msg, ...state.context.getStore(), ...(traceId ? { traceId } : {}), ...fields };
  state.write(JSON.stringify(redact(line), errorToJSON));
}

const errorToJSON = (_key: string, value: unknown) => (value instanceof Error ? { name: value.name, message: redact(value.message) } : value);

export const log: Logger = {
  debug: (msg, fields) => emit('debug', msg, fields),
  info: (msg, fields) => emit('info', msg, fields),
  warn: (msg, fields) => emit('warn', msg, fields),
  error: (msg, fields) => emit('error', msg, fields),
};
