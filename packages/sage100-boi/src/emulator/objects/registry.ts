// Which business objects exist, the table each maintains and the task (role security) that guards it.
// Edit when the emulator gains an object.
import { BoiError } from '../../types';
import { BusObject, type ObjectContext } from '../bus-object';
import { NO_ACCESS } from '../outcome';
import type { EmulatorSession } from '../session';
import { CustomerBus } from './customer';
import { SalesOrderBus } from './sales-order';

export const TASKS = [
  'AR_Customer_ui',
  'AR_CustomerContact_ui',
  'SO_ShipToAddress_ui',
  'SO_SalesOrder_ui',
  'CI_ItemCode_ui',
  'IM_ItemInquiry_ui',
  'AR_InvoiceHistoryInquiry_ui',
  'AR_CashReceipts_ui',
  'GL_Account_ui',
  'AP_Vendor_ui',
  'PO_PurchaseOrder_ui',
  'GL_GeneralJournal_ui',
];

interface ObjectSpec {
  table: string;
  task: string;
  make?: (ctx: ObjectContext) => BusObject;
}

const BUS: Record<string, ObjectSpec> = {
  AR_Customer_bus: { table: 'AR_Customer', task: 'AR_Customer_ui', make: (ctx) => new CustomerBus(ctx) },
  AR_CustomerContact_bus: { table: 'AR_CustomerContact', task: 'AR_CustomerContact_ui' },
  SO_ShipToAddress_bus: { table: 'SO_ShipToAddress', task: 'SO_ShipToAddress_ui' },
  SO_SalesOrder_bus: { table: 'SO_SalesOrderHeader', task: 'SO_SalesOrder_ui', make: (ctx) => new SalesOrderBus(ctx) },
  CI_ItemCode_bus: { table: 'CI_Item', task: 'CI_ItemCode_ui' },
};

/** Read-only service objects: lookups without edit locks. */
const SVC: Record<string, ObjectSpec> = {
  AR_Customer_svc: { table: 'AR_Customer', task: 'AR_Customer_ui' },
  AR_CustomerContact_svc: { table: 'AR_CustomerContact', task: 'AR_CustomerContact_ui' },
  SO_ShipToAddress_svc: { table: 'SO_ShipToAddress', task: 'SO_ShipToAddress_ui' },
  SO_SalesOrder_svc: { table: 'SO_SalesOrderHeader', task: 'SO_SalesOrder_ui' },
  CI_ItemCode_svc: { table: 'CI_Item', task: 'CI_ItemCode_ui' },
  IM_ItemWarehouse_svc: { table: 'IM_ItemWarehouse', task: 'IM_ItemInquiry_ui' },
  AR_OpenInvoice_svc: { table: 'AR_OpenInvoice', task: 'AR_InvoiceHistoryInquiry_ui' },
  AR_InvoiceHistoryInquiry_bus: { table: 'AR_InvoiceHistoryHeader', task: 'AR_InvoiceHistoryInquiry_ui' },
  GL_Account_svc: { table: 'GL_Account', task: 'GL_Account_ui' },
};

export function createObject(session: EmulatorSession, name: string): BusObject {
  const company = session.company;
  const bus = BUS[name];
  const spec = bus ?? SVC[name];
  if (!spec || !company) throw new BoiError('com', `Object ${name} is not defined.`);
  // Entry objects need the matching _ui program set first; service objects only need View rights.
  if (bus ? session.program !== spec.task : !session.rights(spec.task).includes('V')) throw new BoiError('com', `${NO_ACCESS} (${spec.task}).`);
  const ctx: ObjectContext = { session, table: company.table(spec.table), task: spec.task, readOnly: !bus };
  return bus?.make ? bus.make(ctx) : new BusObject(ctx);
}
