// What the benchmark and the fault suite share once their stack is up: the dev environment with its
// webhook token, the demo pipeline's fields, and deploying a Closed-Won flow as the only active one.
import { describeConnector } from '@conduit/connector-kit';
import { createSecretBox, type Db } from '@conduit/db';
import { CONNECTORS } from '@conduit/engine';
import { closedWonGraph } from '@conduit/engine/test-flows';
import { catalogFromDescriptions, compileFlow, type FlowGraph, hashFlow } from '@conduit/flow';
import { demoSeed } from '@conduit/streak-sandbox';

export interface StackSetup {
  env: { id: string; workspaceId: string; webhookEndpointId: string };
  webhookToken: string;
  seed: ReturnType<typeof demoSeed>;
  fields: { po: string; products: string; orderNo: string };
  closedWon(extraMaps: number): FlowGraph;
  /** Deploys the graph to dev as the only active deployment; resolves once the ingress sees it. */
  deploy(graph: FlowGraph): Promise<string>;
}

export async function stackSetup(db: Db, secretKeys: string): Promise<StackSetup> {
  const env = await db.environment.findFirstOrThrow({ where: { key: 'dev' } });
  const seed = demoSeed();
  const catalog = catalogFromDescriptions(CONNECTORS.map((c) => describeConnector(c)));
  const fieldKey = (name: string) => {
    const key = seed.fields[name];
    if (!key) throw new Error(`the demo pipeline has no field "${name}"`);
    return key;
  };
  const fields = { po: fieldKey('PO reference'), products: fieldKey('Products'), orderNo: fieldKey('Sage sales order no') };
  return {
    env,
    webhookToken: createSecretBox(secretKeys).decrypt(env.webhookSecretEnc),
    seed,
    fields,
    closedWon: (extraMaps) => closedWonGraph({ pipelineKey: seed.pipelineKey, customerKey: '01-ACMEIND', fields, extraMaps }),
    async deploy(graph) {
      const compiled = compileFlow(graph, catalog);
      if (!compiled.ok) throw new Error(`flow does not compile: ${JSON.stringify(compiled.problems)}`);
      await db.deployment.updateMany({ data: { active: false } });
      const flow = await db.flow.create({ data: { workspaceId: env.workspaceId, name: `bench ${graph.nodes.length} nodes ${Date.now()}`, draft: graph as object } });
      const version = await db.flowVersion.create({ data: { flowId: flow.id, number: 1, graph: graph as object, plan: compiled.plan as object, contentHash: hashFlow(graph) } });
      await db.deployment.create({ data: { environmentId: env.id, flowId: flow.id, flowVersionId: version.id } });
      await new Promise((r) => setTimeout(r, 2_100)); // the ingress caches deployments for 2 s
      return flow.id;
    },
  };
}
