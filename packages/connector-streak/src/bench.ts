// Prints what each Streak action costs against the seeded sandbox (~200 boxes): HTTP requests and
// wall time per call, at the connector's real rate limit (10 requests/s per connection).
// Run: pnpm --filter @conduit/connector-streak exec tsx src/bench.ts
import { memoryLogger, openConnection } from '@conduit/connector-kit';
import { demoSeed, startSandbox } from '@conduit/streak-sandbox';
import { streakConnector } from './index';

const sb = await startSandbox({ dataFile: null, seed: true });
const log = memoryLogger();
const conn = openConnection(streakConnector, { apiKey: sb.apiKey, baseUrl: `${sb.url}/api`, allowPrivateHost: true }, { log });
const seed = demoSeed();
const ROUNDS = 5;

async function bench(label: string, call: (i: number) => Promise<unknown>): Promise<void> {
  let requests = 0;
  let ms = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // A quiet second refills the token bucket so each round measures the action, not the previous one.
    await new Promise((r) => setTimeout(r, 1000));
    log.entries.length = 0;
    const t0 = performance.now();
    await call(i);
    ms += performance.now() - t0;
    requests += log.entries.filter((e) => e.message === 'http').length;
  }
  console.log(`${label.padEnd(44)} ${(requests / ROUNDS).toFixed(1).padStart(5)} requests  ${(ms / ROUNDS).toFixed(0).padStart(5)} ms`);
}

const pipelineKey = seed.pipelineKey;
const { key: boxKey } = (await conn.runAction('createBox', { pipelineKey, name: 'Bench box' }, { idempotencyKey: 'b' })) as { key: string };
await bench('getBox', () => conn.runAction('getBox', { boxKey }));
await bench('updateBox (stage + 2 fields)', () => conn.runAction('updateBox', { boxKey, stage: 'Proposal', fields: { Currency: 'CAD', 'Deal value': '10' } }));
await bench('createBox, no reference', (i) => conn.runAction('createBox', { pipelineKey, name: `Plain ${i}` }, { idempotencyKey: `p${i}` }));
await bench('createBox, new reference (scan ~200 boxes)', (i) => conn.runAction('createBox', { pipelineKey, name: `Ref ${i}`, externalRef: { field: 'Sage customer no', value: `NEW-${i}` } }, { idempotencyKey: `r${i}` }));
await bench('createBox, retried (reference exists)', (i) => conn.runAction('createBox', { pipelineKey, name: `Ref ${i}`, externalRef: { field: 'Sage customer no', value: `NEW-${i}` } }, { idempotencyKey: `r${i}` }));
await bench('findBoxes by field value (full scan)', () => conn.runAction('findBoxes', { pipelineKey, field: 'Currency', value: 'EUR', limit: 100 }));
await bench('upsertContact (existing e-mail)', () => conn.runAction('upsertContact', { email: 'bench@example.com', title: 'Buyer' }));
await conn.close();
await sb.close();
