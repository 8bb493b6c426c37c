// oLines of SO_SalesOrder_bus: lines are staged in the order object and reach the files only with the header Write.
import type { Row, Value } from '../../schema/columns';
import type { BoiLines } from '../../types';
import { BusObject, type ObjectContext } from '../bus-object';
import { fail, type Outcome } from '../outcome';
import { blankRow } from '../store';
import { extension } from './so-effects';

/** Price level discount ladder: level 1 (or blank) is the standard price, each level above takes 5 % off. */
export function levelPrice(standard: number, priceLevel: string): number {
  const level = Number(priceLevel) || 1;
  return standard * (1 - (Math.min(Math.max(level, 1), 5) - 1) * 0.05);
}

export interface LineHost {
  header(): Row | null;
  customer(): Row | undefined;
  /** Header totals follow the staged lines, so a preview can read them before any Write. */
  linesChanged(): void;
}

export class SalesOrderLines extends BusObject implements BoiLines {
  staged: Row[] = [];
  private pos = -1;
  private nextLine = 1;

  constructor(
    ctx: ObjectContext,
    private readonly host: LineHost,
  ) {
    super(ctx);
  }

  override get nEOF(): number {
    return this.pos >= this.staged.length ? 1 : 0;
  }

  reset(lines: Row[]): void {
    this.staged = lines.map((l) => ({ ...l }));
    this.nextLine = lines.reduce((m, l) => Math.max(m, Number(l.LineKey)), 0) + 1;
    this.record = null;
    this.nEditState = 0;
    this.pos = -1;
  }

  nAddLine(): number {
    this.ctx.session.assertAlive();
    const header = this.host.header();
    if (!header) return this.answer(fail('CI_NoEdit', 'No sales order is being edited.'));
    const emu = this.ctx.session.emu;
    if (emu.faults.sessionLossMidOrder > 0 && this.staged.length > 0) {
      emu.faults.sessionLossMidOrder--;
      this.ctx.session.kill();
      this.ctx.session.assertAlive();
    }
    const lineKey = String(this.nextLine++).padStart(6, '0');
    this.record = { ...blankRow(this.table.def), SalesOrderNo: header.SalesOrderNo ?? '', LineKey: lineKey, LineSeqNo: lineKey.padStart(14, '0'), WarehouseCode: header.WarehouseCode ?? '' };
    this.nEditState = 2;
    return this.answer(null, 2);
  }

  nEditLine(lineKey: string): number {
    const i = this.staged.findIndex((l) => l.LineKey === lineKey.padStart(6, '0'));
    if (i < 0) return this.answer(fail('CI_NoKey', `Line ${lineKey} is not on this order.`));
    this.pos = i;
    this.record = { ...(this.staged[i] as Row) };
    this.nEditState = 1;
    return this.answer(null);
  }

  protected override setColumn(name: string, value: Value): Outcome | void {
    const line = this.record as Row;
    if (name === 'ItemCode') return this.setItem(line, String(value));
    if (name === 'QuantityOrdered' && Number(value) < 0) return fail('CI_Invalid', 'The Quantity Ordered cannot be negative.');
    if (name === 'QuantityOrdered' && line.ItemType === '4' && Number(value) !== 0) return fail('CI_Invalid', 'A comment line cannot have a quantity.');
    if (name === 'UnitPrice' && value !== line.UnitPrice) line.PriceOverridden = 'Y';
    line[name] = value;
  }

  /** Setting ItemCode$ first loads the item's defaults (description, price, warehouse, UoM, type). */
  private setItem(line: Row, code: string): Outcome | void {
    const items = this.company.table('CI_Item');
    const item = items.get(items.keyOf([code]));
    if (!item) return fail('CI_NOF', `The Item Code ${code} is not on file.`);
    if (item.InactiveItem === 'Y') return fail('CI_Inactive', `Item ${code} is inactive.`);
    if (item.UseInSO === 'N') return fail('CI_Invalid', `Item ${code} is not available for sales orders.`);
    const isComment = item.ItemType === '4';
    const customer = this.host.customer();
    Object.assign(line, {
      ItemCode: code,
      ItemType: item.ItemType,
      ItemCodeDesc: item.ItemCodeDesc,
      UnitOfMeasure: item.SalesUnitOfMeasure,
      UnitOfMeasureConvFactor: item.SalesUMConvFctr,
      UnitPrice: isComment ? 0 : Math.round(levelPrice(Number(item.StandardUnitPrice), String(customer?.PriceLevel ?? '')) * 1e6) / 1e6,
      UnitCost: item.StandardUnitCost,
      TaxClass: item.TaxClass,
      ProductLine: item.ProductLine,
      SalesAcctKey: item.SalesAcctKey,
      PriceLevel: customer?.PriceLevel ?? '',
      PriceOverridden: 'N',
      WarehouseCode: item.ItemType === '1' ? line.WarehouseCode || item.DefaultWarehouseCode : '',
    });
    if (isComment) line.QuantityOrdered = 0;
  }

  /** Stages the line inside the order; nothing is stored until the header's nWrite. */
  override nWrite(): number {
    this.ctx.session.assertAlive();
    const line = this.record;
    if (!line || this.nEditState === 0) return this.answer(fail('CI_NoEdit', 'No line is being edited; call nAddLine first.'));
    if (line.ItemCode === '') return this.answer(fail('CI_Required', 'The Item Code is required.'));
    if (line.ItemType === '1' && line.WarehouseCode === '') return this.answer(fail('CI_Required', 'The Warehouse Code is required.'));
    if (line.ItemType === '1' && Number(line.QuantityOrdered) <= 0) return this.answer(fail('CI_Required', 'The Quantity Ordered must be greater than zero.'));
    line.ExtensionAmt = extension(line);
    const i = this.staged.findIndex((l) => l.LineKey === line.LineKey);
    if (i >= 0) this.staged[i] = line;
    else this.staged.push(line);
    this.host.linesChanged();
    this.record = null;
    this.nEditState = 0;
    return this.answer(null);
  }

  override nDelete(): number {
    if (!this.record || this.nEditState !== 1) return this.answer(fail('CI_NoEdit', 'No line is current.'));
    const key = this.record.LineKey;
    this.staged = this.staged.filter((l) => l.LineKey !== key);
    this.host.linesChanged();
    this.record = null;
    this.nEditState = 0;
    return this.answer(null);
  }

  override nClear(): number {
    this.record = null;
    this.nEditState = 0;
    return this.answer(null);
  }

  override nMoveFirst(): number {
    this.pos = -1;
    return this.nMoveNext();
  }

  override nMoveNext(): number {
    this.pos++;
    const line = this.staged[this.pos];
    if (!line) {
      this.record = null;
      this.nEditState = 0;
      return this.answer(fail('CI_EOF', 'End of file.'));
    }
    this.record = { ...line };
    this.nEditState = 1;
    return this.answer(null);
  }

  override nSetKey(): number {
    return this.answer(fail('CI_Invalid', 'Use nAddLine or nEditLine on oLines.'));
  }
  override nFind(): number {
    return this.nSetKey();
  }
}
