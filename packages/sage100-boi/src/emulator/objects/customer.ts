// AR_Customer_bus: next customer number, status rules, and refusing to delete a customer with open documents.
import type { Row, Value } from '../../schema/columns';
import type { BoiRef } from '../../types';
import { BusObject } from '../bus-object';
import { fail, type Outcome } from '../outcome';

export class CustomerBus extends BusObject {
  override nGetNextCustomerNo(out: BoiRef<string>): number {
    const index = this.company.table('AR_Customer');
    let no: string;
    do no = this.company.next('CustomerNo');
    while (index.find('byCustomerNo', [no]).length > 0);
    this.emu.changed();
    out.value = no;
    return this.answer(null);
  }

  protected override initNew(): void {
    const r = this.record as Row;
    r.DateEstablished = this.ctx.session.date('A/R');
    r.SalespersonDivisionNo = r.ARDivisionNo ?? '';
  }

  protected override setColumn(name: string, value: Value): Outcome | void {
    if (name === 'CustomerStatus' && !['A', 'I', 'T'].includes(String(value))) return fail('CI_Invalid', `The Customer Status ${value} is not valid (A, I, T).`);
    (this.record as Row)[name] = value;
  }

  protected override beforeDelete(r: Row): Outcome | void {
    const key = [r.ARDivisionNo ?? '', r.CustomerNo ?? ''];
    if (this.company.table('SO_SalesOrderHeader').find('byCustomer', key).length > 0)
      return fail('AR_CannotDelete', `Customer ${key.join('-')} has open sales orders and cannot be deleted.`);
    if (this.company.table('AR_OpenInvoice').find('byCustomer', key).some((i) => Number(i.Balance) !== 0))
      return fail('AR_CannotDelete', `Customer ${key.join('-')} has open invoices and cannot be deleted.`);
  }

  /** Contacts and ship-to addresses go with the customer. */
  protected override remove(r: Row): void {
    super.remove(r);
    for (const name of ['AR_CustomerContact', 'SO_ShipToAddress']) {
      const t = this.company.table(name);
      for (const row of [...t.scan(t.keyOf([r.ARDivisionNo ?? '', r.CustomerNo ?? '']).trimEnd())])
        if (row.ARDivisionNo === r.ARDivisionNo && row.CustomerNo === r.CustomerNo) t.delete(t.keyOf(row));
    }
  }
}
