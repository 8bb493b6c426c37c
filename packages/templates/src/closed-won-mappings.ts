// The expressions of the Closed-Won → Sales Order template, by step. Streak fields are read by name from the
// box (getBox's fieldsByName), so the template works in any pipeline that has fields of these names.
// Environment variables (all optional): baseCurrency (USD), rate_<CUR> (base per 1 <CUR>), approvalThreshold
// (10000), arDivisionNo (01), warehouseCode (000), anomalyTotalTolerancePct (5), anomalyHistoryFactor (5),
// anomalyQuantityFactor (50).
import type { mapConfig } from './graph-parts';

type Field = Parameters<typeof mapConfig>[0][number];

/** A Streak field of the deal by name. */
export const field = (name: string) => `steps.box.fieldsByName[${JSON.stringify(name)}]`;
/** A Streak field that must be filled in; the failure tells a person which field and what to do. */
const mustHave = (name: string, what: string) => `required(${field(name)}, ${JSON.stringify(`Fill in the Streak field "${name}" on the deal (${what}), then replay.`)})`;

export const BASE = 'coalesce(env.baseCurrency, "USD")';
export const DIVISION = 'coalesce(env.arDivisionNo, "01")';
const RATE = `steps.deal.currency == ${BASE} ? 1 : required(env["rate_" + steps.deal.currency], "No exchange rate for " + steps.deal.currency + ": add the environment variable rate_" + steps.deal.currency + " (" + ${BASE} + " per 1 " + steps.deal.currency + ") under Environments, then replay.")`;
const ORG = 'steps.deal.organization';
const ADDRESS = `parseAddress(first(${ORG}.addresses))`;
export const money = (expression: string) => `formatNumber(${expression}, 2) + " " + ${BASE}`;

/** Validate and read the deal: a missing mandatory field fails here, before anything is written. */
export const deal: Field[] = [
  { target: 'boxKey', source: 'steps.box.key', required: true },
  { target: 'name', source: 'steps.box.name' },
  { target: 'poReference', expression: mustHave('PO reference', "the customer's purchase order number") },
  { target: 'lines', expression: `parseLineItems(string(${mustHave('Products', 'one line per item, e.g. "ELEC-1001 x 4", with "@ price" to override Sage\'s price')}))` },
  { target: 'dealValue', expression: `number(${mustHave('Deal value', 'the amount agreed with the customer')})` },
  { target: 'currency', expression: `upper(coalesce(${field('Currency')}, ${BASE}))` },
  { target: 'link', expression: `upper(trim(${field('Sage customer no')} ?? ""))`, when: `(${field('Sage customer no')} ?? "") != ""` },
  { target: 'orderNo', source: field('Sage sales order no') },
  { target: 'organization', expression: 'required(first(steps.parties.organizations), "Link the deal to its company: add the organization to the box in Streak, then replay.")' },
];

/** The organization as Sage would hold it: standardised address, comparison keys and a normalised customer number. */
export const party: Field[] = [
  { target: 'name', expression: `required(${ORG}.name, "Give the deal's organization a name in Streak, then replay.")` },
  { target: 'nameKey', expression: `companyNameKey(${ORG}.name)` },
  { target: 'searchWord', expression: `first(split(collapseSpaces(${ORG}.name), " "))` },
  { target: 'domain', expression: `lower(first(${ORG}.domains))` },
  { target: 'phone', expression: `right(digits(first(${ORG}.phoneNumbers)), 10)` },
  { target: 'telephoneNo', expression: `first(${ORG}.phoneNumbers)` },
  { target: 'email', expression: 'first(first(steps.parties.contacts).emailAddresses)' },
  { target: 'addressLine1', expression: `addressLine(${ADDRESS}.street, 1)` },
  { target: 'addressLine2', expression: `addressLine(${ADDRESS}.street, 2)` },
  { target: 'city', expression: `titleCase(${ADDRESS}.city)` },
  { target: 'state', expression: `stateCode(${ADDRESS}.state)` },
  { target: 'zipCode', expression: `zip(${ADDRESS}.zip)` },
  { target: 'customerNo', expression: `sageCustomerNo(left(upper(companyNameKey(${ORG}.name)), 20))` },
];

const SAME_NAME = 'companyNameKey($item.customerName) == steps.party.nameKey';
const SAME_DOMAIN = '(steps.party.domain != null && endsWith(lower($item.emailAddress), "@" + steps.party.domain))';
const SAME_PHONE = '(steps.party.phone != null && right(digits($item.telephoneNo), 10) == steps.party.phone)';
const SAME_ZIP = '(steps.party.zipCode != null && left($item.zipCode, 5) == left(steps.party.zipCode, 5))';

/** Each candidate customer: a match (same normalised name, e-mail domain or phone) or only a possible duplicate (same ZIP). */
export const match: Field[] = [
  { target: 'candidates[].customerKey', source: 'steps.pool.all[]', expression: '$item.customerKey' },
  { target: 'candidates[].matchKey', source: 'steps.pool.all[]', expression: `(${SAME_NAME} || ${SAME_DOMAIN} || ${SAME_PHONE}) ? $item.customerKey : null` },
  { target: 'candidates[].nearKey', source: 'steps.pool.all[]', expression: `${SAME_ZIP} ? $item.customerKey : null` },
];

export const decide: Field[] = [
  { target: 'customerKey', expression: 'first(compact(steps.match.candidates[].matchKey ?? []))' },
  { target: 'possibleKey', expression: 'first(compact(steps.match.candidates[].nearKey ?? []))' },
];

export const createCustomer: Field[] = [
  { target: 'arDivisionNo', expression: DIVISION },
  { target: 'customerNo', source: 'steps.party.customerNo' },
  { target: 'externalId', source: `${ORG}.key` },
  { target: 'customerName', expression: 'left(steps.party.name, 30)' },
  ...['addressLine1', 'addressLine2', 'city', 'state', 'zipCode', 'telephoneNo'].map((k) => ({ target: k, source: `steps.party.${k}` })),
  { target: 'countryCode', expression: '"USA"' },
  { target: 'emailAddress', source: 'steps.party.email' },
];

/** Whichever way the customer was found. */
export const customer: Field[] = [
  { target: 'customerKey', expression: 'coalesce(steps.byLink.customerKey, steps.decide.customerKey, steps.create.customerKey)', required: true },
  { target: 'how', expression: 'steps.byLink != null ? "by the stored link" : steps.create != null ? "new customer" : "matched by name, e-mail or phone"' },
];

/** Lines in the base currency: Sage prices each item unless the deal overrides the price ("@ 12.50"). */
export const orderLines: Field[] = [
  { target: 'rate', expression: RATE },
  { target: 'dealValueBase', expression: `round(steps.deal.dealValue * (${RATE}), 2)` },
  { target: 'lines[].itemCode', source: 'steps.deal.lines[]', expression: '$item.itemCode' },
  { target: 'lines[].quantityOrdered', source: 'steps.deal.lines[]', expression: '$item.quantity' },
  { target: 'lines[].unitPrice', source: 'steps.deal.lines[]', expression: `$item.unitPrice == null ? null : round($item.unitPrice * (${RATE}), 2)` },
  { target: 'lines[].warehouseCode', source: 'steps.deal.lines[]', expression: 'coalesce(env.warehouseCode, "000")' },
];

export const orderInputs = (withPo: boolean): Field[] => [
  { target: 'customerKey', source: 'steps.customer.customerKey' },
  ...(withPo ? [{ target: 'customerPONo', source: 'steps.deal.poReference' }, { target: 'externalId', source: 'steps.deal.boxKey' }] : []),
  { target: 'warehouseCode', expression: 'coalesce(env.warehouseCode, "000")' },
  { target: 'lines', source: 'steps.orderLines.lines' },
];

/** The figures the checks compare, each with what it is measured against. */
export const figures: Field[] = [
  { target: 'linesTotal', expression: 'round(sum(steps.pricing.lines[].extensionAmt), 2)' },
  { target: 'invoices', expression: 'count(steps.history.items ?? [])' },
  { target: 'medianInvoice', expression: 'median(steps.history.items[].invoiceTotal ?? [])' },
  { target: 'maxQuantity', expression: 'max(steps.deal.lines[].quantity)' },
  { target: 'medianQuantity', expression: 'median(flatten(steps.history.items[].lines[].quantityShipped ?? []))' },
];

const DV = 'steps.orderLines.dealValueBase';
const GAP = `abs(steps.figures.linesTotal - ${DV}) / max(${DV}, 1) * 100`;
const TOL = 'coalesce(env.anomalyTotalTolerancePct, 5)';
const K = 'coalesce(env.anomalyHistoryFactor, 5)';
const Q = 'coalesce(env.anomalyQuantityFactor, 50)';
const THRESHOLD = 'coalesce(env.approvalThreshold, 10000)';

/** Why a person should look before the order is written; an empty list writes it straight away. */
export const checks: Field[] = [
  {
    target: 'reasons',
    expression: `compact([
      ${DV} > ${THRESHOLD} ? "Deal value " + ${money(DV)} + " is over the approval threshold of " + ${money(THRESHOLD)} + "." : null,
      ${GAP} > ${TOL} ? "Sage prices the order at " + ${money('steps.figures.linesTotal')} + ", " + formatNumber(${GAP}, 1) + "% away from the deal value " + ${money(DV)} + " (tolerance " + string(${TOL}) + "%): check the products and quantities on the deal." : null,
      steps.figures.invoices >= 3 && (${DV} > steps.figures.medianInvoice * ${K} || ${DV} * ${K} < steps.figures.medianInvoice) ? "Deal value " + ${money(DV)} + " is far from this customer's history: the median of its last " + string(steps.figures.invoices) + " invoices is " + ${money('steps.figures.medianInvoice')} + " (flagged beyond " + string(${K}) + "× either way)." : null,
      steps.figures.medianQuantity != null && steps.figures.maxQuantity >= steps.figures.medianQuantity * ${Q} ? "A line orders " + string(steps.figures.maxQuantity) + " units, about " + string(round(steps.figures.maxQuantity / steps.figures.medianQuantity)) + "× this customer's usual line quantity (median " + string(steps.figures.medianQuantity) + "): was it mistyped?" : null,
      steps.credit.creditHold ? "Customer " + steps.customer.customerKey + " is on credit hold in Sage 100: an approved order is saved on hold." : null
    ])`,
  },
];

export const approvalMessage = `"Sales order for " + steps.deal.name + " (" + steps.customer.customerKey + ", " + ${money(DV)} + "): " + join(steps.checks.reasons, " ")`;

export const ORDER_STATUS = 'mapValue(steps.order.orderStatus, { "H": "On Hold", "C": "Completed" }, "Open")';

export const summary = `"Sage 100 sales order " + steps.order.salesOrderNo + " created for customer " + steps.customer.customerKey + " (" + steps.customer.how + "): " + string(count(steps.order.lines)) + " lines, " + ${money('steps.order.orderTotal')} + ", PO " + steps.deal.poReference + ". Status: " + ${ORDER_STATUS} + "." + (steps.approve != null ? " Approved by " + (steps.approve.by ?? "an approver") + "." : "")`;
