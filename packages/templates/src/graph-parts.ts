// Building blocks the lead-to-cash templates share: node and edge shorthands, the "skipped, and why" end of a
// branch, and the table that moves a deal to a stage when its Sage order reaches a status.
import type { FlowEdge, FlowNode } from '@conduit/flow';

type Config<K extends FlowNode['kind']> = Extract<FlowNode, { kind: K }>['config'];
type Field = { target: string; source?: string; expression?: string; when?: string; required?: boolean };

/** Nodes are laid out top to bottom in the order given, one column per branch. */
export class GraphBuilder {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];

  add<K extends FlowNode['kind']>(id: string, kind: K, label: string, config: Config<K>, column = 0): this {
    this.nodes.push({ id, kind, label, position: { x: column * 320, y: this.nodes.filter((n) => n.position.x === column * 320).length * 140 }, config } as FlowNode);
    return this;
  }

  link(source: string, target: string, sourcePort = 'out'): this {
    this.edges.push({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });
    return this;
  }

  /** Links the nodes in order along their `out` ports. */
  chain(...ids: string[]): this {
    ids.slice(1).forEach((id, i) => this.link(ids[i]!, id));
    return this;
  }

  graph() {
    return { schemaVersion: 1 as const, nodes: this.nodes, edges: this.edges };
  }
}

export const mapConfig = (fields: Field[]): Config<'map'> => ({ mapping: { fields } });
export const call = (connector: 'streak@1' | 'sage100@1', action: string, fields: Field[]): Config<'lookup'> => ({ connector, action, inputs: { fields } });

/**
 * The end of a branch that has nothing to do: the run succeeds and its last step says why, so a person
 * reading the run history sees a reason instead of an error (and nothing retries).
 */
export const skipped = (reason: string): Config<'map'> => mapConfig([{ target: 'skipped', expression: 'true' }, { target: 'reason', expression: reason }]);

/** `(path ?? "") != ""`: a reference that is present and not blank. */
export const present = (path: string) => `(${path} ?? "") != ""`;

/**
 * Where a deal moves when its order reaches a status. Edit the table to match the pipeline (stage names or
 * keys); a status without an entry leaves the stage alone. A shipped order means the deal is won.
 */
export const STAGE_FOR_STATUS: Record<string, string> = { Shipped: 'Closed-Won', Invoiced: 'Closed-Won', Completed: 'Closed-Won' };
export const stageFor = (statusExpression: string) => `mapValue(${statusExpression}, ${JSON.stringify(STAGE_FOR_STATUS)}, null)`;

/** Money as Streak text fields show it: 1234.5 → "1234.50". */
export const money = (expression: string) => `formatNumber(${expression}, 2)`;
