// The dead-letter backlog /metrics reports (designer and worker): open dead letters per environment key,
// zero for environments without any, so a cleared backlog shows as 0 rather than a vanished series.
import type { Db } from '@conduit/db';

export async function openDeadLetters(db: Db): Promise<Array<{ environment: string; open: number }>> {
  return db.$queryRaw<Array<{ environment: string; open: number }>>`
    SELECT e.key AS environment, COALESCE(SUM(x.open), 0)::int AS open
    FROM environment e
    LEFT JOIN (SELECT r.environment_id, count(*) AS open FROM dead_letter d JOIN run r ON r.id = d.run_id WHERE d.status = 'open' GROUP BY r.environment_id) x ON x.environment_id = e.id
    GROUP BY e.key`;
}
