// G/L, A/P, P/O and system lookup tables. GL_Journal*, AP_InvoiceHeader and PO_* column sets are [INFER]:
// the reference lists only GL_Account in detail, so these keep to the columns every install is known to have.
import { defineTable } from './columns';

export const GL_Account = defineTable({
  name: 'GL_Account',
  columns: `AccountKey:S9 Account:S41 RawAccount:S32 AccountDesc:S50 MainAccountCode:S15 Status:S1 AccountType:S2 AccountGroup:S15
    AccountCategory:S1 DateStart:D DateEnd:D ClearBalance:S1 CashFlowsType:S1 RollupCode1:S15 RollupCode2:S15 RollupCode3:S15 RollupCode4:S15`,
  key: ['AccountKey'],
  defaults: { Status: 'A' },
});

export const GL_JournalHeader = defineTable({
  name: 'GL_JournalHeader',
  columns: 'SourceJournal:S2 EntryNo:S8 PostingDate:D Comment:S30 Reversing:Y TotalDebitAmt:N14.2 TotalCreditAmt:N14.2',
  key: ['SourceJournal', 'EntryNo'],
});

export const GL_JournalDetail = defineTable({
  name: 'GL_JournalDetail',
  columns: 'SourceJournal:S2 EntryNo:S8 LineKey:S6 AccountKey:S9 Comment:S30 DebitAmt:N14.2 CreditAmt:N14.2',
  key: ['SourceJournal', 'EntryNo', 'LineKey'],
  audit: 'updated',
});

const address = 'AddressLine1:S30 AddressLine2:S30 AddressLine3:S30 City:S20 State:S2 ZipCode:S10 CountryCode:S3';

export const AP_Vendor = defineTable({
  name: 'AP_Vendor',
  columns: `APDivisionNo:S2 VendorNo:S7 VendorName:S30 ${address} TelephoneNo:S17 EmailAddress:S250 TermsCode:S2 VendorStatus:S1 CurrentBalance:N14.2!`,
  key: ['APDivisionNo', 'VendorNo'],
  defaults: { VendorStatus: 'A', CountryCode: 'USA' },
});

export const AP_InvoiceHeader = defineTable({
  name: 'AP_InvoiceHeader',
  columns: 'APDivisionNo:S2 VendorNo:S7 InvoiceNo:S10 InvoiceDate:D InvoiceDueDate:D PurchaseOrderNo:S7 InvoiceAmt:N14.2 TaxableAmt:N14.2 NonTaxableAmt:N14.2 Comment:S30',
  key: ['APDivisionNo', 'VendorNo', 'InvoiceNo'],
});

export const PO_PurchaseOrderHeader = defineTable({
  name: 'PO_PurchaseOrderHeader',
  columns: `PurchaseOrderNo:S7 PurchaseOrderDate:D OrderType:S1 OrderStatus:S1 APDivisionNo:S2 VendorNo:S7 WarehouseCode:S3 TermsCode:S2
    RequiredExpireDate:D TaxableAmt:N14.2 NonTaxableAmt:N14.2 FreightAmt:N12.2 Comment:S30`,
  key: ['PurchaseOrderNo'],
});

export const PO_PurchaseOrderDetail = defineTable({
  name: 'PO_PurchaseOrderDetail',
  columns: 'PurchaseOrderNo:S7 LineKey:S6 ItemCode:S30 ItemType:S1 ItemCodeDesc:S30 WarehouseCode:S3 QuantityOrdered:N16.6 QuantityReceived:N16.6 UnitCost:N16.6 ExtensionAmt:N12.2 RequiredDate:D',
  key: ['PurchaseOrderNo', 'LineKey'],
  audit: 'none',
  indexes: { byOrder: ['PurchaseOrderNo'] },
});

export const SY_Country = defineTable({ name: 'SY_Country', columns: 'CountryCode:S3 CountryName:S30', key: ['CountryCode'], audit: 'none' });
export const SY_ZipCode = defineTable({ name: 'SY_ZipCode', columns: 'ZipCode:S10 City:S20 State:S2 CountryCode:S3', key: ['ZipCode'], audit: 'none' });
// Simplification: one flat rate per schedule stands in for Sage's schedule → tax code → rate chain.
export const SY_SalesTaxSchedule = defineTable({ name: 'SY_SalesTaxSchedule', columns: 'TaxSchedule:S9 TaxScheduleDesc:S30 TaxRate:N9.3', key: ['TaxSchedule'], audit: 'none' });
