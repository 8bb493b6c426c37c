// The logger connectors receive in their context. Engines plug their own logger in; nothing here
// writes anywhere by itself.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogEntry {
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

function loggerFrom(write: (entry: LogEntry) => void): Logger {
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => write({ level, message, ...(fields ? { fields } : {}) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const noopLogger: Logger = loggerFrom(() => {});

/** A logger that keeps entries in memory: for run histories that store a step's log, and for tests. */
export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return Object.assign(loggerFrom((e) => entries.push(e)), { entries });
}

/** Wraps a logger so every message and field passes through `scrub` first. */
export function scrubbedLogger(log: Logger, scrub: <T>(value: T) => T): Logger {
  return loggerFrom(({ level, message, fields }) => log[level](scrub(message), fields ? scrub(fields) : undefined));
}
