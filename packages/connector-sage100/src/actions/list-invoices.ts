import type { z } from 'zod';
import { defineAction } from '../auth';
import { invoiceRecord } from '../model/records';
import { documentsInput, documentsOutput, documentsUi, listDocuments } from './list-documents';

const output = documentsOutput(invoiceRecord);

export const listInvoices = defineAction({
  key: 'listInvoices',
  title: 'List invoices since',
  description: 'Posted A/R invoices (with lines and total) stamped since a point in time, oldest first.',
  input: documentsInput,
  output,
  idempotent: true,
  ui: documentsUi,
  run: (ctx) => listDocuments<z.input<typeof invoiceRecord>>(ctx, { path: 'invoices', noun: 'invoices' }),
});
