// Every library function, through the language itself, with the context a flow run would pass.
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, FUNCTIONS, type EvalContext } from '../index';
import { companyNameKey } from './matching';

const ctx: EvalContext = {
  now: Date.UTC(2025, 2, 7, 15, 30),
  timeZone: 'America/New_York',
  rates: { base: 'USD', rates: { EUR: 0.9, GBP: 0.8, JPY: 150 } },
  tables: { terms: { '30': '03', '60': '06' }, stages: { 'Closed Won': 'A' } },
};
const scope = { trigger: { box: { name: 'Acme', fields: { '1001': '12.50' }, lines: [{ q: 2, p: 1.25 }, { q: 3, p: 2 }] } } };

function run(src: string, data: unknown = scope) {
  return evaluateExpression(compileExpression(src), data, ctx);
}

// [expression, expected value]
const OK: Array<[string, unknown]> = [
  ['upper("abc")', 'ABC'],
  ['lower("ÀBC")', 'àbc'],
  ['trim("  a b  ")', 'a b'],
  ['companyNameKey("ACME INDUSTRIAL SUPPLY INC")', 'acmeindustrialsupply'],
  ['companyNameKey("Summit Ridge Constr.")', companyNameKey('Summit Ridge Construction')],
  ['companyNameKey("R & S Supply Corp.")', 'randssupply'],
  ['companyNameKey("North Wind Traders")', companyNameKey('Northwind Traders')],
  ['required(trigger.box.name, "Fill in the deal name")', 'Acme'],
  ['parseAddress("1200 Industrial Parkway, Suite 100, Cleveland, OH 44114")', { street: '1200 Industrial Parkway, Suite 100', city: 'Cleveland', state: 'OH', zip: '44114' }],
  ['parseAddress("5 Orchard Road,Northampton , Massachusetts 01060-1234").state | stateCode', 'MA'],
  ['median([3, 1, 2])', 2],
  ['median([4, null, 1], 3, 2)', 2.5],
  ['median([])', null],
  ['collapseSpaces("  a \\n\\t b  c ")', 'a b c'],
  ['titleCase("mary-ann o\'neil SMITH")', "Mary-Ann O'Neil Smith"],
  ['digits("(555) 123-4567")', '5551234567'],
  ['alphanumeric("A-1 b_2!")', 'A1b2'],
  ['left("abcdef", 3)', 'abc'],
  ['right("abcdef", 2)', 'ef'],
  ['right("ab", 5)', 'ab'],
  ['substring("abcdef", 1, 3)', 'bc'],
  ['substring("abcdef", 4)', 'ef'],
  ['padStart(42, 7)', '0000042'],
  ['padStart("7", 3, " ")', '  7'],
  ['padEnd("ab", 4)', 'ab  '],
  ['replace("a.b.c", ".", "-")', 'a-b-c'],
  ['split("a,b,,c", ",")', ['a', 'b', '', 'c']],
  ['concat("a", null, 1, true)', 'a1true'],
  ['contains("Hello", "ell")', true],
  ['contains(null, "x")', false],
  ['startsWith("SO-1", "SO")', true],
  ['endsWith("SO-1", "2")', false],
  ['string(12.5)', '12.5'],
  ['number("$1,234.50")', 1234.5],
  ['number("(12.00)")', -12],
  ['number(trigger.box.fields.1001)', 12.5],
  ['round(1.005, 2)', 1.01],
  ['round(-2.5)', -3],
  ['round(2.675, 2)', 2.68],
  ['floor(2.7)', 2],
  ['ceil(2.1)', 3],
  ['abs(-4)', 4],
  ['formatNumber(3.5, 2)', '3.50'],
  ['formatNumber(1.005, 2)', '1.01'],
  ['sum(0.1, 0.2)', 0.3],
  ['sum(trigger.box.lines[].q, 1)', 6],
  ['min([3, 1, null], 2)', 1],
  ['max(3, "7")', 7],
  ['min()', null],
  ['multiply(trigger.box.lines[].q, trigger.box.lines[].p)', [2.5, 6]],
  ['toSageDate(1741361400000)', '20250307'],
  ['toSageDate(1741316400000, "UTC")', '20250307'],
  ['toSageDate(1741316400000)', '20250306'],
  ['toSageDate("2025-03-07")', '20250307'],
  ['toSageDate("03/07/2025")', '20250307'],
  ['toSageDate("2025-03-07T02:00:00Z")', '20250306'],
  ['fromSageDate("20250307", "UTC")', Date.UTC(2025, 2, 7)],
  ['fromSageDate("20250307")', Date.UTC(2025, 2, 7, 5)],
  ['fromSageDate("20250710")', Date.UTC(2025, 6, 10, 4)],
  ['parseDate("2025-03-07T10:15:00")', Date.UTC(2025, 2, 7, 15, 15)],
  ['parseDate("2025-03-07T10:15:00+01:00")', Date.UTC(2025, 2, 7, 9, 15)],
  ['parseDate("20250101", "Asia/Tokyo")', Date.UTC(2024, 11, 31, 15)],
  ['parseDate("2025-03-09T02:30")', Date.UTC(2025, 2, 9, 7, 30)], // DST gap in New York: the later side
  ['parseDate("2025-11-02T01:30")', Date.UTC(2025, 10, 2, 5, 30)], // DST overlap: the earlier instant
  ['parseDate("2025-03-30T02:30", "Europe/London")', Date.UTC(2025, 2, 30, 1, 30)],
  ['formatDate(parseDate("0099-12-31T23:00", "UTC"), "YYYY-MM-DD HH", "UTC")', '0099-12-31 23'],
  ['formatDate($now, "YYYY-MM-DD HH:mm")', '2025-03-07 10:30'],
  ['formatDate($now, "M/D/YY", "Europe/Berlin")', '3/7/25'],
  ['toSageDate(addDays("2025-03-08", 1))', '20250309'],
  ['formatDate(addDays(parseDate("2025-03-08T12:00"), 1), "DD HH")', '09 12'],
  ['toSageDate(addDays("2024-02-28", 1))', '20240229'],
  ['toSageDate(addDays("2023-02-28", 1))', '20230301'],
  ['formatDate(startOfDay($now), "HH:mm")', '00:00'],
  ['daysBetween("2024-12-30", "2025-03-01")', 61],
  ['daysBetween("2025-03-01", "2024-12-30")', -61],
  ['epochSeconds(1741361400)', 1741361400000],
  ['stateCode("california")', 'CA'],
  ['stateCode(" New  York ")', 'NY'],
  ['stateCode("tx")', 'TX'],
  ['stateCode("Washington, D.C.")', 'DC'],
  ['stateCode("Puerto Rico")', 'PR'],
  ['zip("02134")', '02134'],
  ['zip("021341234")', '02134-1234'],
  ['zip("02134 1234")', '02134-1234'],
  ['zip(2134)', '02134'],
  ['isZip("12345-6789")', true],
  ['isZip("1234")', false],
  ['isZip(null)', false],
  ['countryCode("United States")', 'USA'],
  ['countryCode("usa", "alpha2")', 'US'],
  ['countryCode("U.K.")', 'GBR'],
  ['countryCode("Deutschland", "alpha2")', 'DE'],
  ['countryCode("côte d\'ivoire")', 'CIV'],
  ['countryCode("The Netherlands")', 'NLD'],
  ['countryCode("ca", "alpha2")', 'CA'],
  ['splitAddress("1234 North Industrial Parkway Suite 500 Building C")', ['1234 North Industrial Parkway', 'Suite 500 Building C']],
  ['splitAddress("123 Main St")', ['123 Main St']],
  ['splitAddress("Attn: Receiving\\n55 Long Road", 20)', ['Attn: Receiving, 55', 'Long Road']],
  ['addressLine("1234 North Industrial Parkway Suite 500 Building C", 2)', 'Suite 500 Building C'],
  ['addressLine("123 Main St", 2)', null],
  ['mapValue("Won", {"Won": "A", "Lost": "I"})', 'A'],
  ['mapValue(" won ", {"Won": "A"})', 'A'],
  ['mapValue("Other", {"Won": "A"}, "P")', 'P'],
  ['mapValue(null, {"Won": "A"}, "P")', 'P'],
  ['lookup(30, "terms")', '03'],
  ['lookup("closed won", "stages")', 'A'],
  ['lookup(90, "terms", "00")', '00'],
  ['convertCurrency(100, "EUR", "USD")', 111.11],
  ['convertCurrency(100, "usd", "JPY", 0)', 15000],
  ['convertCurrency(10, "GBP", "EUR")', 11.25],
  ['coalesce(null, "", "x", "y")', 'x'],
  ['default("", "n/a")', 'n/a'],
  ['default(0, 5)', 0],
  ['isEmpty([])', true],
  ['isEmpty({})', true],
  ['isEmpty(" ")', false],
  ['boolean("Yes")', true],
  ['boolean("off")', false],
  ['count("abc")', 3],
  ['count(trigger.box.lines)', 2],
  ['first([1, 2])', 1],
  ['last([])', null],
  ['join(["a", null, "b"])', 'a, b'],
  ['join(["a", "b"], "|")', 'a|b'],
  ['compact(["a", "", null, 0])', ['a', 0]],
  ['unique([1, 1, "1", 2])', [1, '1', 2]],
  ['flatten([[1], 2, [3, [4]]])', [1, 2, 3, [4]]],
  ['parseLineItems("WIDGET-100 x 3 @ 12.50")', [{ itemCode: 'WIDGET-100', quantity: 3, unitPrice: 12.5, amount: 37.5 }]],
  ['parseLineItems("- 2 x gadget @ $1,000.00\\n\\nBOLT-7 X 10")', [{ itemCode: 'GADGET', quantity: 2, unitPrice: 1000, amount: 2000 }, { itemCode: 'BOLT-7', quantity: 10, unitPrice: null, amount: null }]],
  ['parseLineItems("A x 1 @ 1; B*2@2.5")', [{ itemCode: 'A', quantity: 1, unitPrice: 1, amount: 1 }, { itemCode: 'B', quantity: 2, unitPrice: 2.5, amount: 5 }]],
  ['sageCustomerNo("Acme Corp.")', 'ACMECORP'],
  ['sageCustomerNo("123")', '0000123'],
  ['sageCustomerNo(42)', '0000042'],
  ['sageCustomerNo("12345678")', '12345678'],
  ['sageCustomerNo("abc-123")', 'ABC123'],
  ['sageDivisionNo("1")', '01'],
  ['sageDivisionNo(2)', '02'],
  ['sageCustomerKey("01-ABF")', { ARDivisionNo: '01', CustomerNo: 'ABF' }],
  ['sageCustomerKey("2 - 77")', { ARDivisionNo: '02', CustomerNo: '0000077' }],
  ['sageCustomerKey("acme")', { ARDivisionNo: '01', CustomerNo: 'ACME' }],
  ['sageCustomerKey("acme", "00")', { ARDivisionNo: '00', CustomerNo: 'ACME' }],
  ['sageOrderNo("1042")', '0001042'],
  ['sageOrderNo("so-12")', 'SO-12'],
  ['yesNo(true)', 'Y'],
  ['yesNo("no")', 'N'],
  ['formatEach(trigger.box.lines, "{q} x {p}")', '2 x 1.25, 3 x 2'],
  ['formatEach([{ "w": "000", "n": null }], "{w}: {n}", "; ")', '000: '],
  ['formatEach(["a", 2], "<{value}>", "")', '<a><2>'],
];

// [expression, fragment of the error message]
const FAILS: Array<[string, string]> = [
  ['upper(trigger.box)', 'upper: expected text, got an object'],
  ['left("abc", -1)', 'left: length must be between 0'],
  ['padStart("a", 100000)', 'padStart: length must be between'],
  ['replace("abc", "", "x")', 'replace: the text to find is empty'],
  ['number("12abc")', 'number: "12abc" is not a number'],
  ['number("0x1A")', 'number: "0x1A" is not a number'],
  ['round("Infinity")', 'round: expected a number'],
  ['round(1.234, 11)', 'decimals must be between 0 and 10'],
  ['round("x")', 'round: expected a number, got text "x"'],
  ['multiply([1, 2], [1])', 'lists differ in length'],
  ['toSageDate("2025-02-30")', 'is not a valid date'],
  ['toSageDate("yesterday")', 'cannot read "yesterday" as a date'],
  ['toSageDate(1e20)', 'outside the supported date range'],
  ['toSageDate(0, "Mars/Olympus")', 'unknown time zone "Mars/Olympus"'],
  ['fromSageDate("2025-03-07")', 'is not YYYYMMDD'],
  ['parseDate("2025-03-07T25:00")', 'is not a valid time'],
  ['addDays("2025-01-01", 1.5)', 'expected a whole number'],
  ['daysBetween(null, "2025-01-01")', 'a date is null'],
  ['stateCode("Atlantis")', '"Atlantis" is not a US state'],
  ['zip("1234")', '"1234" is not a US ZIP'],
  ['countryCode("Narnia")', '"Narnia" is not a known country'],
  ['countryCode("US", "iso")', 'format must be "alpha2" or "alpha3"'],
  ['splitAddress("a very long address line that will not fit in the space", 10, 2)', 'needs 7 lines of 10 characters but only 2'],
  ['splitAddress("x", 0)', 'width must be between 1 and 200'],
  ['mapValue("Open", {"Won": "A"})', 'no entry for "Open" in the table and no default'],
  ['mapValue("x", "not a table")', 'mapValue: expected an object'],
  ['lookup(1, "nope")', 'there is no table named "nope"'],
  ['lookup(90, "terms")', 'no entry for "90" in table "terms"'],
  ['convertCurrency(1, "USD", "CHF")', 'no rate for CHF'],
  ['convertCurrency(1, "dollars", "EUR")', 'is not a three-letter currency code'],
  ['boolean("maybe")', 'cannot read text "maybe" as yes/no'],
  ['count(5)', 'count: expected a list'],
  ['parseLineItems("WIDGET x 2 @ 1\\nthree widgets please")', 'line 2 "three widgets please" is not like'],
  ['sageCustomerNo("!!!")', 'has no letters or digits'],
  ['sageCustomerNo("ABCDEFGHIJKLMNOPQRSTU")', "longer than Sage's 20 characters"],
  ['sageDivisionNo("ABC")', 'is not a division number'],
  ['sageOrderNo("12345678")', 'is not a 1–7 character order number'],
  ['yesNo("perhaps")', 'cannot read text "perhaps" as yes/no'],
  ['formatEach(trigger.box.lines, "{q} of {sku}")', 'element 0 has no field "sku"'],
  ['formatEach([1], "{q}")', 'element 0 is number 1; only objects fill named placeholders'],
  ['formatEach(trigger.box.lines, "{constructor}")', 'element 0 has no field "constructor"'],
  ['required(trigger.box.fields.1002, "Fill in the Streak field PO reference")', 'Fill in the Streak field PO reference'],
  ['required("  ", "Fill in the Streak field PO reference")', 'Fill in the Streak field PO reference'],
  ['parseAddress("Cleveland OH 44114")', 'is not "street, city, state ZIP"'],
  ['median(["a"])', 'median: expected a number'],
];

describe('function library', () => {
  it.each(OK)('%s', (src, expected) => {
    expect(run(src)).toEqual({ ok: true, value: expected });
  });

  it.each(FAILS)('%s fails clearly', (src, fragment) => {
    const r = run(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it('has a test case for every catalogued function', () => {
    const tested = new Set([...OK, ...FAILS].flatMap(([src]) => [...src.matchAll(/([A-Za-z]+)\(/g)].map((m) => m[1])));
    expect(FUNCTIONS.map((f) => f.name).filter((n) => !tested.has(n))).toEqual([]);
  });

  it('nullSafe functions pass null through so a missing source stays missing', () => {
    expect(run('upper(trigger.missing)')).toEqual({ ok: true, value: null });
    expect(run('trigger.missing | trim | sageCustomerNo')).toEqual({ ok: true, value: null });
  });

  it('has no current-time function: time comes only from $now in the context', () => {
    expect(FUNCTIONS.some((f) => /^(now|today|date|time)$/i.test(f.name))).toBe(false);
    const r = evaluateExpression(compileExpression('toSageDate($now)'), {}, {});
    expect(r).toEqual({ ok: false, error: expect.stringContaining('$now is not available') });
  });

  it('catalogs each function with a description and a signature for autocomplete', () => {
    for (const f of FUNCTIONS) {
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.signature.startsWith(`${f.name}(`)).toBe(true);
    }
    expect(FUNCTIONS.find((f) => f.name === 'padStart')?.signature).toBe('padStart(value: string, length: number, fill?: string): string');
  });
});
