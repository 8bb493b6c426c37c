import type { z } from 'zod';
import { defineAction } from '../auth';
import { cashReceiptRecord } from '../model/records';
import { documentsInput, documentsOutput, documentsUi, listDocuments } from './list-documents';

const output = documentsOutput(cashReceiptRecord);

export const listCashReceipts = defineAction({
  key: 'listCashReceipts',
  title: 'List cash receipts since',
  description: 'Posted cash receipts (one row per invoice paid) stamped since a point in time, oldest first.',
  input: documentsInput,
  output,
  idempotent: true,
  ui: documentsUi,
  run: (ctx) => listDocuments<z.input<typeof cashReceiptRecord>>(ctx, { path: 'cash-receipts', noun: 'cash receipts' }),
});
