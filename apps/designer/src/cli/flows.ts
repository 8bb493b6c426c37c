// conduit-flows: export and import flows as files for git and CI pipelines, against the database
// directly (DATABASE_URL). Run with `pnpm --filter @conduit/designer exec tsx src/cli/flows.ts <command>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, type Db } from '@conduit/db';
import { seedDemoScenario } from '../server/routers/operate/demo-data';
import { exportFlow, flowFileSchema, importFlow, toFileText } from '../server/routers/operate/flow-file';

const USAGE = `usage: conduit-flows <command> [options]   (reads DATABASE_URL)

  export --workspace <slug> --flow <name> [--out <file>]   one flow and its versions (stdout without --out)
  export --workspace <slug> --all --dir <dir>              every flow, one <name>.flow.json each
  import --workspace <slug> <file>...                      add new versions; importing twice changes nothing
  demo-runs --workspace <slug> --tag <tag>                 example runs, a dead letter and an approval (demos, browser tests)
`;

class UsageError extends Error {}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'flow';

async function workspaceId(db: Db, workspace: string | undefined): Promise<string> {
  if (!workspace) throw new UsageError('--workspace is required (the workspace slug, e.g. demo)');
  const w = await db.workspace.findUnique({ where: { slug: workspace } });
  if (!w) throw new UsageError(`No workspace with slug "${workspace}".`);
  return w.id;
}

async function run(db: Db, argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      flow: { type: 'string' },
      out: { type: 'string' },
      all: { type: 'boolean' },
      dir: { type: 'string' },
      tag: { type: 'string' },
    },
  });
  const [command, ...files] = positionals;
  const ws = () => workspaceId(db, values.workspace);
  switch (command) {
    case 'export': {
      const id = await ws();
      const flows = await db.flow.findMany({
        where: { workspaceId: id, archivedAt: null, ...(values.all ? {} : { name: values.flow }) },
      });
      if (!values.all && !values.flow) throw new UsageError('export needs --flow <name> or --all');
      if (flows.length === 0)
        throw new UsageError(values.all ? 'This workspace has no flows.' : `No flow named "${values.flow}".`);
      if (values.all && !values.dir) throw new UsageError('export --all needs --dir <directory>');
      const written: string[] = [];
      for (const f of flows) {
        const file = await exportFlow(db, { workspaceId: id, flowId: f.id });
        if (!file) continue;
        const text = toFileText(file);
        const target = values.all ? join(values.dir!, `${slug(f.name)}.flow.json`) : values.out;
        if (!target) return text;
        if (values.dir) mkdirSync(values.dir, { recursive: true });
        writeFileSync(target, text);
        written.push(`${target} (${file.versions.length} versions)`);
      }
      return `${written.join('\n')}\n`;
    }
    case 'import': {
      const id = await ws();
      if (files.length === 0) throw new UsageError('import needs at least one file');
      const lines: string[] = [];
      for (const path of files) {
        const parsed = flowFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        if (!parsed.success)
          throw new UsageError(
            `${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
          );
        const r = await importFlow(db, { workspaceId: id, file: parsed.data, userId: null });
        await db.auditLog.create({
          data: {
            workspaceId: id,
            actorEmail: 'conduit-flows CLI',
            action: 'flow.import',
            targetType: 'flow',
            targetId: r.flowId,
            after: { file: path, added: r.added, skipped: r.skipped },
          },
        });
        lines.push(
          `${path}: ${r.createdFlow ? 'new flow, ' : ''}${r.added.length} version(s) added${r.added.length ? ` (v${r.added.join(', v')})` : ''}, ${r.skipped} already present`,
        );
      }
      return `${lines.join('\n')}\n`;
    }
    case 'demo-runs': {
      if (!values.tag) throw new UsageError('demo-runs needs --tag <tag> (keeps names unique)');
      return `${JSON.stringify(await seedDemoScenario(db, { workspaceId: await ws(), tag: values.tag }))}\n`;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL is not set; point it at the Conduit database.\n');
    process.exit(2);
  }
  const db = createDb({ databaseUrl, maxConnections: 2 });
  try {
    process.stdout.write(await run(db, process.argv.slice(2)));
  } catch (err) {
    process.stderr.write(
      err instanceof UsageError ? `${err.message}\n\n${USAGE}` : `${(err as Error).message}\n`,
    );
    process.exitCode = err instanceof UsageError ? 1 : 2;
  } finally {
    await db.$disconnect();
  }
}

await main();
