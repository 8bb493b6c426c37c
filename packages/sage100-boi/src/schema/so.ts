// Sales Order tables (reference §3.3–§3.5).
import { defineTable } from './columns';

const lk = (table: string, ...from: string[]) => ({ table, from });
const shipTo = 'ShipToName:S30 ShipToAddress1:S30 ShipToAddress2:S30 ShipToAddress3:S30 ShipToCity:S20 ShipToState:S2 ShipToZipCode:S10 ShipToCountryCode:S3';
const billTo = 'BillToName:S30 BillToAddress1:S30 BillToAddress2:S30 BillToAddress3:S30 BillToCity:S20 BillToState:S2 BillToZipCode:S10 BillToCountryCode:S3';

export const SO_ShipToAddress = defineTable({
  name: 'SO_ShipToAddress',
  columns: `ARDivisionNo:S2 CustomerNo:S20 ShipToCode:S4 ${shipTo} TelephoneNo:S17 TelephoneExt:S5 EmailAddress:S250 ContactCode:S10
    SalespersonDivisionNo:S2 SalespersonNo:S4 WarehouseCode:S3 TaxSchedule:S9 ShipVia:S15 ResidentialAddress:Y`,
  key: ['ARDivisionNo', 'CustomerNo', 'ShipToCode'],
  defaults: { ShipToCountryCode: 'USA' },
  required: ['ShipToName'],
  lookups: {
    CustomerNo: lk('AR_Customer', 'ARDivisionNo', 'CustomerNo'),
    WarehouseCode: lk('IM_Warehouse', 'WarehouseCode'),
    TaxSchedule: lk('SY_SalesTaxSchedule', 'TaxSchedule'),
    SalespersonNo: lk('AR_Salesperson', 'SalespersonDivisionNo', 'SalespersonNo'),
    ShipToCountryCode: lk('SY_Country', 'ShipToCountryCode'),
    ShipToZipCode: { table: 'SY_ZipCode', from: ['ShipToZipCode'], when: 'validateZipCodes' },
  },
});

const headerColumns = `SalesOrderNo:S7 OrderDate:D OrderType:S1 OrderStatus:S1 MasterRepeatingOrderNo:S7 ShipExpireDate:D
  ARDivisionNo:S2 CustomerNo:S20 BillToDivisionNo:S2 BillToCustomerNo:S20 ${billTo} ShipToCode:S4 ${shipTo}
  ShipVia:S15 ShipZone:S5 ShipWeight:S5 FOB:S15 WarehouseCode:S3 CustomerPONo:S15 ConfirmTo:S30 Comment:S30 EmailAddress:S250
  TermsCode:S2 TaxSchedule:S9 TaxExemptNo:S15 SalespersonDivisionNo:S2 SalespersonNo:S4 PaymentType:S5 CancelReasonCode:S5
  LastInvoiceOrderDate:D! LastInvoiceOrderNo:S7! CurrentInvoiceNo:S7! FreightCalculationMethod:S1
  PrintSalesOrders:Y PrintPickingSheets:Y SalesOrderPrinted:Y PickingSheetPrinted:Y BatchFax:Y BatchEmail:Y
  DiscountRate:N9.3 DiscountAmt:N12.2 TaxableAmt:N13.2! NonTaxableAmt:N13.2! SalesTaxAmt:N12.2! FreightAmt:N12.2 DepositAmt:N13.2
  Weight:N12.2! CommissionRate:N9.3`;

export const SO_SalesOrderHeader = defineTable({
  name: 'SO_SalesOrderHeader',
  columns: headerColumns,
  key: ['SalesOrderNo'],
  defaults: { OrderType: 'S', OrderStatus: 'N', FreightCalculationMethod: 'A' },
  required: ['OrderDate', 'ShipExpireDate', 'CustomerNo'],
  lookups: {
    ARDivisionNo: lk('AR_Division', 'ARDivisionNo'),
    TermsCode: lk('AR_TermsCode', 'TermsCode'),
    TaxSchedule: lk('SY_SalesTaxSchedule', 'TaxSchedule'),
    SalespersonNo: lk('AR_Salesperson', 'SalespersonDivisionNo', 'SalespersonNo'),
    WarehouseCode: lk('IM_Warehouse', 'WarehouseCode'),
    ShipToCountryCode: lk('SY_Country', 'ShipToCountryCode'),
    BillToCountryCode: lk('SY_Country', 'BillToCountryCode'),
    ShipToZipCode: { table: 'SY_ZipCode', from: ['ShipToZipCode'], when: 'validateZipCodes' },
  },
  // KDUPLICATEPO drives the duplicate customer PO warning.
  indexes: { byCustomer: ['ARDivisionNo', 'CustomerNo'], KDUPLICATEPO: ['ARDivisionNo', 'CustomerNo', 'CustomerPONo'] },
});

const detailColumns = `SalesOrderNo:S7! LineKey:S6! LineSeqNo:S14! ItemCode:S30 ItemType:S1 ItemCodeDesc:S30 ExtendedDescriptionKey:S10
  Discount:Y Commissionable:Y SubjectToExemption:Y DropShip:Y PriceOverridden:Y WarehouseCode:S3 PriceLevel:S1 UnitOfMeasure:S4
  TaxClass:S2 ProductLine:S4 SalesAcctKey:S9 CostOfGoodsSoldAcctKey:S9 PromiseDate:D AliasItemNo:S30 CommentText:S2048
  QuantityOrdered:N16.6 QuantityShipped:N16.6 QuantityBackordered:N16.6 UnitPrice:N16.6 UnitCost:N16.6 ExtensionAmt:N12.2!
  UnitOfMeasureConvFactor:N12.4 LineDiscountPercent:N9.3`;

export const SO_SalesOrderDetail = defineTable({
  name: 'SO_SalesOrderDetail',
  columns: detailColumns,
  key: ['SalesOrderNo', 'LineKey'],
  audit: 'none',
  defaults: { UnitOfMeasureConvFactor: 1 },
  lookups: { WarehouseCode: lk('IM_Warehouse', 'WarehouseCode') },
  indexes: { byOrder: ['SalesOrderNo'] },
});

export const SO_SalesOrderHistoryHeader = defineTable({
  name: 'SO_SalesOrderHistoryHeader',
  columns: headerColumns.replace('OrderStatus:S1', 'OrderStatus:S1 CancelledDate:D'),
  key: ['SalesOrderNo'],
  indexes: { byCustomer: ['ARDivisionNo', 'CustomerNo'] },
});

export const SO_SalesOrderHistoryDetail = defineTable({
  name: 'SO_SalesOrderHistoryDetail',
  columns: detailColumns,
  key: ['SalesOrderNo', 'LineKey'],
  audit: 'none',
  indexes: { byOrder: ['SalesOrderNo'] },
});
