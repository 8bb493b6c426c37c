import { demoSeed } from '@conduit/streak-sandbox';
import { describe, expect, it } from 'vitest';
import { DEMO_PIPELINE } from './demo-pipeline';

describe('DEMO_PIPELINE', () => {
  it('is the pipeline and the stages the sandbox seeds', () => {
    expect(DEMO_PIPELINE).toEqual({ key: demoSeed().pipelineKey, stages: demoSeed().stages });
  });
});
