// Records kept under a customer by a code — contacts and ship-to addresses — share one set of actions.
import { z } from 'zod';
import { callGateway, customerSubject, enc, shownCustomer } from '../api/gateway';
import { defineAction } from '../auth';
import { udfInput } from '../model/fields';
import { written } from '../model/records';
import { customerKeyInput, hints } from './common';

interface ChildSpec<R extends z.ZodObject> {
  /** "contact", "ship-to address". */
  noun: string;
  plural: string;
  segment: string;
  codeField: string;
  codeMax: number;
  /** Required on create. */
  nameField: string;
  fields: Record<string, z.ZodOptional<z.ZodType>>;
  record: R;
  keys: { list: string; create: string; update: string };
}

export function childActions<R extends z.ZodObject>(spec: ChildSpec<R>) {
  const codeInput = z.string().trim().min(1).max(spec.codeMax).meta({ title: `${spec.noun} code` });
  const what = (customerKey: string, c: string) => `${spec.noun} ${c.toUpperCase()} of customer ${shownCustomer(customerKey)}`;
  const subject = (customerKey: string, c: string) => ({ type: spec.noun, key: `${shownCustomer(customerKey)}/${c.toUpperCase()}` });
  const base = (customerKey: string) => `customers/${enc(customerKey)}/${spec.segment}`;
  const ui = { fields: { customerKey: hints.customer, udf: hints.udf } };
  const out = written(spec.record);

  const list = defineAction({
    key: spec.keys.list,
    title: `List ${spec.plural} of a customer`,
    description: `All ${spec.plural} of one customer.`,
    input: z.object({ customerKey: customerKeyInput }),
    output: z.object({ items: z.array(spec.record) }),
    idempotent: true,
    ui: { fields: { customerKey: hints.customer } },
    run: async (ctx) => (await callGateway<{ items: z.input<R>[] }>(ctx, { path: base(ctx.input.customerKey), subject: customerSubject(ctx.input.customerKey), what: `${spec.plural} of customer ${shownCustomer(ctx.input.customerKey)}` })).data,
  });

  const create = defineAction({
    key: spec.keys.create,
    title: `Create ${spec.noun}`,
    description: `Adds a ${spec.noun} to a customer. The code is the key: creating an existing one fails as a conflict.`,
    input: z.strictObject({ customerKey: customerKeyInput, [spec.codeField]: codeInput, ...spec.fields, [spec.nameField]: z.string().trim().min(1), udf: udfInput }),
    output: out,
    // The code is the key, so a resent create cannot make a second record; it reports a conflict instead.
    idempotent: false,
    ui,
    run: async (ctx) => {
      const { customerKey, ...body } = ctx.input as { customerKey: string } & Record<string, unknown>;
      const c = String(body[spec.codeField]);
      const res = await callGateway<z.input<R>>(ctx, { method: 'POST', path: base(customerKey), json: body, subject: subject(customerKey, c), what: what(customerKey, c) });
      return { ...res.data, warnings: res.warnings };
    },
  });

  const update = defineAction({
    key: spec.keys.update,
    title: `Update ${spec.noun}`,
    description: `Sets the given fields on one ${spec.noun}; fields left out keep their values.`,
    input: z.strictObject({ customerKey: customerKeyInput, [spec.codeField]: codeInput, ...spec.fields, udf: udfInput }),
    output: out,
    idempotent: true,
    ui,
    run: async (ctx) => {
      const { customerKey, [spec.codeField]: code, ...fields } = ctx.input as { customerKey: string } & Record<string, unknown>;
      const c = String(code);
      const res = await callGateway<z.input<R>>(ctx, { method: 'PATCH', path: `${base(customerKey)}/${enc(c)}`, json: fields, idempotent: true, subject: subject(customerKey, c), what: what(customerKey, c) });
      return { ...res.data, warnings: res.warnings };
    },
  });

  return { list, create, update };
}
