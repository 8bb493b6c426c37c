// Public surface of @conduit/sage100-boi: the BOI interface, the emulator, the COM binding and shared encodings.
export * from './types';
export * from './values';
export * from './keys';
export { TABLES, type ColumnDef, type Row, type TableDef, type Value } from './schema';
export { Sage100Emulator, NO_FAULTS, type Faults, type UserDef, type EmulatorSnapshot } from './emulator/emulator';
export { Company, DEFAULT_OPTIONS, type CompanyOptions, type CreditPolicy } from './emulator/company';
export { TASKS } from './emulator/objects/registry';
export { DUPLICATE_PO_MESSAGE } from './emulator/objects/sales-order';
export { orderTotal } from './emulator/objects/so-effects';
export { emulatorProvider } from './emulator/provider';
export { PostingError, shipOrder, invoiceOrder, postCashReceipt, setStock, bulkUpdate, purgeRows, type ReceiptInput } from './emulator/posting';
export { runSql, SqlError } from './emulator/sql';
export { JsonSnapshotFile } from './persist';
export { comProvider, type ComProviderOptions } from './com/com-provider';
