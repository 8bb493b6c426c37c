// Input pieces and hints shared by the Sage 100 actions.
import { z } from 'zod';
import type { FieldHint } from '@conduit/connector-kit';

export const customerKeyInput = z.string().trim().min(1).max(23).meta({ title: 'Customer', description: 'DD-CUSTNO, e.g. 01-ABF (numbers are zero-padded as Sage does: 1-123 → 01-0000123)' });
export const itemCodeInput = z.string().trim().min(1).max(30).meta({ title: 'Item code' });
export const salesOrderNoInput = z.string().trim().min(1).max(7).meta({ title: 'Sales order number' });
export const limitInput = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback).meta({ title: 'Page size' });
export const afterInput = z.string().optional().meta({ title: 'After', description: 'nextAfter from the previous page' });
export const sinceInput = z.string().trim().min(1).meta({ title: 'Since', description: 'ISO date or date-time; without a zone it is the Sage server’s local time' });

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextAfter: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last' }) });

export const hints = {
  customer: { label: 'Customer', placeholder: '01-ABF' },
  warehouse: { label: 'Warehouse', picker: { source: 'warehouses' } },
  udf: { label: 'User-defined fields', widget: 'json', advanced: true },
  lines: { label: 'Lines', widget: 'json' },
} satisfies Record<string, FieldHint>;
