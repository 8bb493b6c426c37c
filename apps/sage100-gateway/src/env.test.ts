import { describe, expect, it } from 'vitest';
import { readEnv } from './env';
import { DEFAULT_DATA_FILE } from './paths';

describe('readEnv', () => {
  it('applies the documented defaults and requires a token', () => {
    const env = readEnv({ SAGE100_GATEWAY_TOKEN: 'conduit-demo-sage100-gateway-token' });
    expect(env).toMatchObject({ SAGE100_GATEWAY_PORT: 4020, SAGE100_GATEWAY_HOST: '127.0.0.1', SAGE100_BACKEND: 'emulator', SAGE100_EMULATOR_DATA_FILE: DEFAULT_DATA_FILE });
    expect(DEFAULT_DATA_FILE).toMatch(/\/\.conduit\/data\/sage100-emulator\.json$/);
    expect(() => readEnv({})).toThrow(/SAGE100_GATEWAY_TOKEN/);
    expect(() => readEnv({ SAGE100_GATEWAY_TOKEN: 'conduit-demo-sage100-gateway-token', SAGE100_BACKEND: 'com' })).toThrow(/SAGE100_HOME/);
  });
});
