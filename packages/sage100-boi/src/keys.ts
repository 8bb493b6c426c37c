// Key normalisation exactly as Sage applies it (reference §4): the gateway and the emulator share these.

/** `1` → `01`; divisions off → always `00`. */
export function normalizeDivision(value: string, divisionsEnabled = true): string {
  if (!divisionsEnabled) return '00';
  const v = value.trim().toUpperCase();
  return /^\d$/.test(v) ? `0${v}` : v;
}

/** Uppercase; numeric-only values shorter than 7 are zero-padded to 7; alpha/mixed kept. */
export function normalizeCustomerNo(value: string): string {
  const v = value.trim().toUpperCase();
  return /^\d{1,6}$/.test(v) ? v.padStart(7, '0') : v;
}

/** Sales order / invoice / PO numbers (CHARNUM): numeric values zero-padded to 7. */
export function normalizeDocumentNo(value: string, width = 7): string {
  const v = value.trim().toUpperCase();
  return /^\d+$/.test(v) && v.length < width ? v.padStart(width, '0') : v;
}

/** Codes (terms, warehouse, ship-to, contact …) are uppercase; numeric codes are zero-filled to their width. */
export function normalizeCode(value: string, width: number, zeroFill = false): string {
  const v = value.trim().toUpperCase();
  return zeroFill && /^\d+$/.test(v) && v.length < width ? v.padStart(width, '0') : v;
}

export interface CustomerKey {
  arDivisionNo: string;
  customerNo: string;
}

/** Parses the display form `DD-CUSTNO` (`01-ABF`, `1-123` → `01-0000123`). Without a dash the division is `00`. */
export function parseCustomerKey(display: string, divisionsEnabled = true): CustomerKey {
  const dash = display.indexOf('-');
  const div = dash > 0 && dash <= 2 ? display.slice(0, dash) : '00';
  const no = dash > 0 && dash <= 2 ? display.slice(dash + 1) : display;
  return { arDivisionNo: normalizeDivision(div, divisionsEnabled), customerNo: normalizeCustomerNo(no) };
}

export function formatCustomerKey(key: CustomerKey): string {
  return `${key.arDivisionNo}-${key.customerNo}`;
}
