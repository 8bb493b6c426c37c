// Evaluates alert rules: finds what each rule is about (failed runs, new dead letters, approvals
// waiting too long, failing connections), records one firing per subject so nothing alerts twice,
// and sends one message per rule and evaluation listing what is new.
import type { AlertEvent, AlertRule, Db, SecretBox } from '@conduit/db';
import { type Alert, deliver } from './channels';

interface Subject {
  key: string;
  line: string;
}

const MAX_LINES = 20;

async function subjectsOf(db: Db, rule: AlertRule, now: Date): Promise<Subject[]> {
  const since = rule.checkedAt ?? rule.createdAt;
  const env = rule.environmentId ? { environmentId: rule.environmentId } : {};
  const inWorkspace = { environment: { workspaceId: rule.workspaceId }, ...env };
  const finders: Record<AlertEvent, () => Promise<Subject[]>> = {
    run_failed: async () =>
      (
        await db.run.findMany({
          where: { ...inWorkspace, status: { in: ['failed', 'dead_lettered'] }, finishedAt: { gte: since } },
          include: { flow: { select: { name: true } } },
          take: 500,
        })
      ).map((r) => ({
        key: `run:${r.id}`,
        line: `Run of “${r.flow.name}” ${r.status.replace('_', ' ')}${r.searchKeys.length ? ` (${r.searchKeys.join(', ')})` : ''}: ${r.error ?? 'see the run'} — /runs/${r.id}`,
      })),
    dead_letter_added: async () =>
      (
        await db.deadLetter.findMany({
          where: { createdAt: { gte: since }, status: 'open', run: inWorkspace },
          take: 500,
        })
      ).map((d) => ({
        key: `dead-letter:${d.id}`,
        line: `${d.reasonCode}: ${d.message} Fix: ${d.suggestion} — /dead-letters`,
      })),
    approval_waiting: async () =>
      (
        await db.approval.findMany({
          where: {
            status: 'pending',
            requestedAt: { lte: new Date(now.getTime() - rule.thresholdMinutes * 60_000) },
            run: inWorkspace,
          },
          take: 500,
        })
      ).map((a) => ({
        key: `approval:${a.id}`,
        line: `Approval waiting since ${a.requestedAt.toISOString()}: ${a.reason || 'see the inbox'} — /approvals/${a.id}`,
      })),
    connection_failing: async () =>
      (
        await db.connection.findMany({
          where: {
            lastTestOk: false,
            environment: { workspaceId: rule.workspaceId },
            ...(rule.environmentId ? { environmentId: rule.environmentId } : {}),
          },
        })
      ).map((c) => ({
        key: `connection:${c.id}:${c.lastTestedAt?.toISOString() ?? ''}`,
        line: `Connection “${c.name}” fails: ${c.lastTestError ?? 'test it on the Connections page'}`,
      })),
  };
  return finders[rule.event]();
}

const TITLES: Record<AlertEvent, string> = {
  run_failed: 'Runs failed',
  dead_letter_added: 'New dead letters',
  approval_waiting: 'Approvals waiting too long',
  connection_failing: 'Connections failing',
};

/** Keeps only subjects this rule has not fired for; claiming them first makes concurrent evaluations safe. */
async function claim(db: Db, ruleId: string, subjects: Subject[]): Promise<Subject[]> {
  const fresh: Subject[] = [];
  for (const s of subjects) {
    const { count } = await db.alertFiring.createMany({
      data: [{ ruleId, subjectKey: s.key, ok: false }],
      skipDuplicates: true,
    });
    if (count === 1) fresh.push(s);
  }
  return fresh;
}

export async function evaluateAlerts(
  db: Db,
  secrets: SecretBox,
  opts: { now?: Date; workspaceId?: string } = {},
): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const rules = await db.alertRule.findMany({
    where: { enabled: true, ...(opts.workspaceId ? { workspaceId: opts.workspaceId } : {}) },
    include: { channel: true },
  });
  let sent = 0;
  let failed = 0;
  for (const rule of rules) {
    const fresh = await claim(db, rule.id, await subjectsOf(db, rule, now));
    let error: string | null = null;
    if (fresh.length > 0) {
      const alert: Alert = {
        title: `${TITLES[rule.event]} (${fresh.length})`,
        lines: [
          ...fresh.slice(0, MAX_LINES).map((s) => s.line),
          ...(fresh.length > MAX_LINES ? [`…and ${fresh.length - MAX_LINES} more`] : []),
        ],
        details: { event: rule.event, ruleId: rule.id, subjects: fresh.map((s) => s.key) },
      };
      try {
        await deliver(rule.channel, secrets, alert);
        sent += 1;
      } catch (err) {
        error = `${rule.channel.name}: ${(err as Error).message}`;
        failed += 1;
      }
      await db.alertFiring.updateMany({
        where: { ruleId: rule.id, subjectKey: { in: fresh.map((s) => s.key) } },
        data: { ok: error === null, error },
      });
    }
    await db.alertRule.update({ where: { id: rule.id }, data: { checkedAt: now, lastError: error } });
  }
  return { sent, failed };
}
