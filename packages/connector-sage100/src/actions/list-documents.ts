// Posted documents since a point in time share one input and paging rule.
import { z } from 'zod';
import { callGateway, customerSubject, shownCustomer } from '../api/gateway';
import { customerKeyInput, hints, sinceInput } from './common';
import type { Sage100Auth } from '../auth';
import type { HttpClient } from '@conduit/connector-kit';

export const documentsInput = z.object({
  since: sinceInput,
  customerKey: customerKeyInput.optional().meta({ title: 'Customer', description: 'Only this customer' }),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const documentsUi = { fields: { customerKey: hints.customer } };

export const documentsOutput = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    highWaterMark: z.string().nullable().meta({ description: 'Stamp of the last item (Sage server time); pass as `since` next time — items stamped exactly then come again' }),
  });

export async function listDocuments<T>(ctx: { http: HttpClient; auth: Sage100Auth; input: z.output<typeof documentsInput> }, what: { path: string; noun: string }) {
  const { since, customerKey, limit } = ctx.input;
  return (await callGateway<{ items: T[]; highWaterMark: string | null }>(ctx, {
    path: what.path,
    query: { since, customer: customerKey, limit },
    subject: customerKey ? customerSubject(customerKey) : { type: what.noun },
    what: `${what.noun} since ${since}${customerKey ? ` of customer ${shownCustomer(customerKey)}` : ''}`,
  })).data;
}
