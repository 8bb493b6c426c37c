// GET /v1/boxes/{k}/md: a box rendered as markdown (timestamps ISO-8601 UTC), §4.6.
import type { Ctx } from '../domain/ctx';
import { RawReply } from '../http/api';
import { badRequest } from '../http/errors';
import type { BoxRec, PipelineRec } from '../store/types';

const iso = (ms: number): string => new Date(ms).toISOString();

function formatValue(p: PipelineRec, key: string, value: unknown): string {
  const f = p.fields.find((x) => x.key === key);
  if (!f) return String(value);
  const options = [
    ...(f.dropdownSettings?.items ?? []),
    ...(f.tagSettings?.tags ?? []).map((t) => ({ key: t.key, name: t.tag })),
  ];
  if (f.type === 'DATE') return iso(value as number);
  if (f.type === 'DROPDOWN' || f.type === 'TAG')
    return [value]
      .flat()
      .map((k) => options.find((o) => o.key === k)?.name ?? k)
      .join(', ');
  return String(value).replace(/\n/g, '; ');
}

export function boxMarkdown(ctx: Ctx, b: BoxRec, maxTokens: string | undefined): RawReply {
  const p = ctx.store.find('pipelines', b.pipelineKey);
  const fieldName = (k: string): string => p.fields.find((f) => f.key === k)?.name ?? k;
  const comments = Object.values(ctx.store.state.comments)
    .filter((c) => c.boxKey === b.key)
    .sort((x, y) => x.timestamp - y.timestamp);
  const lines = [
    `# ${b.name}`,
    '',
    `- Pipeline: ${p.name}`,
    `- Stage: ${p.stages[b.stageKey]?.name ?? b.stageKey}`,
    `- Created: ${iso(b.creationTimestamp)}`,
    `- Last updated: ${iso(b.lastUpdatedTimestamp)}`,
    '',
    '## Fields',
    ...Object.entries(b.fields).map(([k, v]) => `- ${fieldName(k)}: ${formatValue(p, k, v)}`),
    ...(b.notes ? ['', '## Notes', b.notes] : []),
    ...(comments.length
      ? ['', '## Comments', ...comments.map((c) => `- ${iso(c.timestamp)}: ${c.message}`)]
      : []),
  ];
  const text = `${lines.join('\n')}\n`;
  // Roughly four characters per token, as LLM tokenizers average on English text.
  if (maxTokens !== undefined) {
    const cap = Number(maxTokens);
    if (!Number.isInteger(cap) || cap < 1) throw badRequest(`Invalid value for maxTokens: ${maxTokens}`);
    if (text.length / 4 > cap) throw badRequest('Box does not fit in maxTokens');
  }
  return new RawReply('text/markdown; charset=utf-8', text);
}
