import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, disableLogging, log, withLogContext } from './log';
import { traceUrl } from './trace-url';

afterEach(() => disableLogging());

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  configureLogging({ level, service: 'test', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return lines;
}

describe('JSON logs', () => {
  it('writes one object per line with level, time, message, the run context and the fields', async () => {
    const lines = capture();
    await withLogContext({ runId: 'r1', workflowId: 'run:dev:f1:e1' }, async () => {
      await Promise.resolve();
      withLogContext({ flowId: 'f1', environment: 'dev' }, () => log.info('run finished', { status: 'succeeded' }));
    });
    log.warn('outside');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'test', msg: 'run finished', runId: 'r1', workflowId: 'run:dev:f1:e1', flowId: 'f1', environment: 'dev', status: 'succeeded' });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
    expect(lines[1]).not.toHaveProperty('runId');
  });

  it('drops lines below the level and writes nothing until configured', () => {
    log.error('before configuration');
    const lines = capture('warn');
    log.info('too chatty');
    log.debug('even more');
    log.error('kept');
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });

  it('masks secret-looking fields, query parameters and error messages', () => {
    const lines = capture();
    log.info('call', { headers: { authorization: 'Bearer abc123', apiKey: 'k-999' }, password: 'hunter22', url: 'https://x.test/p?token=t0k3n&page=2', error: new Error('bad ?api_key=zzz9') });
    const text = JSON.stringify(lines);
    for (const secret of ['abc123', 'k-999', 'hunter22', 't0k3n', 'zzz9']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ url: 'https://x.test/p?token=[REDACTED]&page=2', error: { name: 'Error' } });
  });
});

describe('trace links', () => {
  it('fills the template with a well-formed trace id only', () => {
    const id = '0af7651916cd43dd8448eb211c80319c';
    expect(traceUrl('http://jaeger:16686/trace/{traceId}', id)).toBe(`http://jaeger:16686/trace/${id}`);
    expect(traceUrl(undefined, id)).toBeUndefined();
    expect(traceUrl('http://jaeger/trace/{traceId}', null)).toBeUndefined();
    expect(traceUrl('http://jaeger/trace/{traceId}', '"><script>')).toBeUndefined();
  });
});
