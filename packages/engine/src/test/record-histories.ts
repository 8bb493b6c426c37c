// Records histories of real runs for the replay test (workflows/replay.test.ts). Run it after a
// deliberate, patched() change to the interpreter, and commit the new files next to the old ones:
//   pnpm --filter @conduit/engine record-histories [scenario ...]   (no names: all of them)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareTemplateDatabase } from '@conduit/db/tools';
import { demoSeed } from '@conduit/streak-sandbox';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { chain, createHarness } from './harness';

const databaseUrl = process.env.CONDUIT_TEST_DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/postgres';
const temporalTestServerPath = execFileSync('sh', ['-c', 'command -v temporal-test-server'], { encoding: 'utf8' }).trim();
const dir = fileURLToPath(new URL('../workflows/histories/', import.meta.url));

await prepareTemplateDatabase(databaseUrl);
const h = await createHarness({ databaseUrl, temporalTestServerPath });
try {
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  const boxKey = boxes[0]!.key;
  const scenarios = {
    'map-write': chain([
      { id: 'prepare', kind: 'map', config: { mapping: { fields: [{ target: 'text', expression: 'concat("Won: ", trigger.name)' }] } } },
      { id: 'comment', kind: 'write', config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', source: 'steps.prepare.text' }] } } },
    ]),
    'dead-letter': chain([{ id: 'move', kind: 'write', config: { connector: 'streak@1', action: 'updateBox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'stage', expression: '"No Such Stage"' }] } } }]),
    'for-each': chain([{ id: 'lines', kind: 'forEach', config: { items: 'trigger.lines' } }]),
    // Nobody decides: the approval escalates after an hour, then expires (the test server skips the time).
    'approval-escalated': chain([{ id: 'approve', kind: 'approval', config: { message: 'concat("Approve ", trigger.name)', approvers: ['approver'], timeoutMs: 7_200_000, onTimeout: 'reject', escalateAfterMs: 3_600_000, escalateTo: ['cfo@example.com'] } }]),
  };
  const wanted = process.argv.slice(2);
  for (const [name, graph] of Object.entries(scenarios).filter(([n]) => !wanted.length || wanted.includes(n))) {
    const flow = await h.deploy(graph);
    const { workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `record-${name}`, payload: { boxKey, name: 'Acme', lines: [1, 2, 3] } });
    await h.result(workflowId);
    const history = await h.temporal.client.workflow.getHandle(workflowId).fetchHistory();
    writeFileSync(`${dir}${name}.json`, historyToJSON(history));
    console.log(`recorded ${name}`);
  }
} finally {
  await h.close();
}
