// Accounts Receivable tables (reference §3.1, §3.2, §3.8, §3.9).
import { defineTable } from './columns';

const address = 'AddressLine1:S30 AddressLine2:S30 AddressLine3:S30 City:S20 State:S2 ZipCode:S10 CountryCode:S3';
const lk = (table: string, ...from: string[]) => ({ table, from });
const zip = { table: 'SY_ZipCode', from: ['ZipCode'], when: 'validateZipCodes' as const };

export const AR_Division = defineTable({ name: 'AR_Division', columns: 'ARDivisionNo:S2 DivisionDesc:S30', key: ['ARDivisionNo'] });
export const AR_TermsCode = defineTable({ name: 'AR_TermsCode', columns: 'TermsCode:S2 TermsCodeDesc:S30 DaysBeforeDue:N3 DiscountDays:N3 DiscountPercent:N5.3', key: ['TermsCode'] });
export const AR_Salesperson = defineTable({
  name: 'AR_Salesperson',
  columns: 'SalespersonDivisionNo:S2 SalespersonNo:S4 SalespersonName:S30 EmailAddress:S250 CommissionRate:N9.3',
  key: ['SalespersonDivisionNo', 'SalespersonNo'],
});

export const AR_Customer = defineTable({
  name: 'AR_Customer',
  columns: `ARDivisionNo:S2 CustomerNo:S20 CustomerName:S30 ${address}
    TelephoneNo:S17 TelephoneExt:S5 FaxNo:S17 EmailAddress:S250 URLAddress:S50 ContactCode:S10 ShipMethod:S15
    TaxSchedule:S9 TaxExemptNo:S15 TermsCode:S2 SalespersonDivisionNo:S2 SalespersonNo:S4 Comment:S30 SortField:S10
    CustomerStatus:S1 InactiveReasonCode:S5 OpenItemCustomer:Y CustomerType:S4 PriceLevel:S1 CreditHold:Y CreditLimit:N14.2
    CurrentBalance:N14.2! AgingCategory1:N14.2! AgingCategory2:N14.2! AgingCategory3:N14.2! AgingCategory4:N14.2!
    BalanceForward:N14.2! OpenOrderAmt:N14.2! HighestStmntBalance:N14.2! LastPaymentAmt:N14.2!
    PrimaryShipToCode:S4 DefaultPaymentType:S5 DateEstablished:D DateLastActivity:D! DateLastPayment:D! DateLastStatement:D!
    EmailStatements:Y ResidentialAddress:Y BatchFax:Y`,
  key: ['ARDivisionNo', 'CustomerNo'],
  defaults: { CustomerStatus: 'A', TermsCode: '00', CountryCode: 'USA', OpenItemCustomer: 'Y' },
  required: ['CustomerName'],
  lookups: {
    ARDivisionNo: lk('AR_Division', 'ARDivisionNo'),
    TermsCode: lk('AR_TermsCode', 'TermsCode'),
    SalespersonNo: lk('AR_Salesperson', 'SalespersonDivisionNo', 'SalespersonNo'),
    TaxSchedule: lk('SY_SalesTaxSchedule', 'TaxSchedule'),
    CountryCode: lk('SY_Country', 'CountryCode'),
    PrimaryShipToCode: lk('SO_ShipToAddress', 'ARDivisionNo', 'CustomerNo', 'PrimaryShipToCode'),
    ContactCode: lk('AR_CustomerContact', 'ARDivisionNo', 'CustomerNo', 'ContactCode'),
    ZipCode: zip,
  },
  indexes: { byCustomerNo: ['CustomerNo'] },
});

export const AR_CustomerContact = defineTable({
  name: 'AR_CustomerContact',
  columns: `ARDivisionNo:S2 CustomerNo:S20 ContactCode:S10 ContactName:S30 ${address} Salutation:S10 ContactTitle:S15
    TelephoneNo1:S17 TelephoneExt1:S5 TelephoneNo2:S17 TelephoneExt2:S5 FaxNo:S17 EmailAddress:S50 ContactNotes:S2048`,
  key: ['ARDivisionNo', 'CustomerNo', 'ContactCode'],
  defaults: { CountryCode: 'USA' },
  required: ['ContactName'],
  lookups: { CustomerNo: lk('AR_Customer', 'ARDivisionNo', 'CustomerNo'), CountryCode: lk('SY_Country', 'CountryCode'), ZipCode: zip },
});

const invoiceAmounts = 'TaxableSalesAmt:N13.2 NonTaxableSalesAmt:N13.2 FreightAmt:N12.2 SalesTaxAmt:N12.2 CostOfSalesAmt:N13.2 DiscountAmt:N12.2 DepositAmt:N13.2';
const shipBill = `BillToName:S30 BillToAddress1:S30 BillToAddress2:S30 BillToAddress3:S30 BillToCity:S20 BillToState:S2 BillToZipCode:S10 BillToCountryCode:S3
  ShipToCode:S4 ShipToName:S30 ShipToAddress1:S30 ShipToAddress2:S30 ShipToAddress3:S30 ShipToCity:S20 ShipToState:S2 ShipToZipCode:S10 ShipToCountryCode:S3`;

export const AR_InvoiceHistoryHeader = defineTable({
  name: 'AR_InvoiceHistoryHeader',
  columns: `InvoiceNo:S7 HeaderSeqNo:S6 ModuleCode:S3 InvoiceType:S2 InvoiceDate:D TransactionDate:D ARDivisionNo:S2 CustomerNo:S20
    TermsCode:S2 TaxSchedule:S9 SalespersonDivisionNo:S2 SalespersonNo:S4 CustomerPONo:S15 ApplyToInvoiceNo:S7 InvoiceDueDate:D
    DiscountDueDate:D SourceJournal:S2 SalesOrderNo:S7 OrderType:S1 OrderDate:D ${shipBill} ShipDate:D ShipVia:S15 FOB:S15
    PaymentType:S5 ${invoiceAmounts}`,
  key: ['InvoiceNo', 'HeaderSeqNo'],
  audit: 'full',
  indexes: { byCustomer: ['ARDivisionNo', 'CustomerNo'], byPo: ['ARDivisionNo', 'CustomerNo', 'CustomerPONo'], bySalesOrder: ['SalesOrderNo'] },
});

export const AR_InvoiceHistoryDetail = defineTable({
  name: 'AR_InvoiceHistoryDetail',
  columns: `InvoiceNo:S7 HeaderSeqNo:S6 DetailSeqNo:S6 ItemCode:S30 ItemType:S1 ItemCodeDesc:S30 WarehouseCode:S3 UnitOfMeasure:S4
    QuantityOrdered:N16.6 QuantityShipped:N16.6 QuantityBackordered:N16.6 UnitPrice:N16.6 UnitCost:N16.6 ExtensionAmt:N12.2 SalesAcctKey:S9`,
  key: ['InvoiceNo', 'HeaderSeqNo', 'DetailSeqNo'],
  audit: 'none',
  indexes: { byInvoice: ['InvoiceNo', 'HeaderSeqNo'] },
});

export const AR_OpenInvoice = defineTable({
  name: 'AR_OpenInvoice',
  columns: `ARDivisionNo:S2 CustomerNo:S20 InvoiceNo:S7 InvoiceType:S2 InvoiceDate:D InvoiceDueDate:D DiscountDueDate:D TermsCode:S2
    CustomerPONo:S15 Balance:N13.2 InvoiceAmt:N13.2 TaxableAmt:N13.2 NonTaxableAmt:N13.2 SalesTaxAmt:N12.2 FreightAmt:N12.2`,
  key: ['ARDivisionNo', 'CustomerNo', 'InvoiceNo', 'InvoiceType'],
  audit: 'updated',
  indexes: { byCustomer: ['ARDivisionNo', 'CustomerNo'] },
});

export const AR_CashReceiptsHistory = defineTable({
  name: 'AR_CashReceiptsHistory',
  columns: `BankCode:S1 DepositDate:D DepositNo:S5 DepositType:S1 ARDivisionNo:S2 CustomerNo:S20 CreditCardEntryNo:S6 CheckNo:S10
    SequenceNo:S6 PostingDate:D CustomerName:S30 TransactionType:S2 InvoiceNo:S7 InvoiceType:S2 AccountKey:S9 DepositDesc:S30
    BatchNo:S5 CashAmountApplied:N13.2 DiscountAmountApplied:N13.2 InvoiceBalance:N13.2 PaymentType:S5`,
  key: ['BankCode', 'DepositDate', 'DepositNo', 'DepositType', 'ARDivisionNo', 'CustomerNo', 'CreditCardEntryNo', 'CheckNo', 'SequenceNo'],
  audit: 'full',
  indexes: { byCustomer: ['ARDivisionNo', 'CustomerNo'] },
});

export const AR_TransactionPaymentHistory = defineTable({
  name: 'AR_TransactionPaymentHistory',
  columns: 'ARDivisionNo:S2 CustomerNo:S20 InvoiceNo:S7 InvoiceType:S2 TransactionDate:D SequenceNo:S6 TransactionType:S1 CheckNo:S10 TransactionAmt:N13.2',
  key: ['ARDivisionNo', 'CustomerNo', 'InvoiceNo', 'InvoiceType', 'TransactionDate', 'SequenceNo'],
  audit: 'none',
});
