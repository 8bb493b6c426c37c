// Input fields the gateway accepts, by Sage column (camelCase, as the gateway's records name them). Lengths
// are not checked here: they differ between Sage versions, so Sage's own length message surfaces instead.
import { z } from 'zod';

const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

/** A zod shape of optional fields from space-separated names, by kind. */
export function sageFields(spec: { text?: string; number?: string; flag?: string; date?: string }): Record<string, z.ZodOptional<z.ZodType>> {
  const shape: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const k of words(spec.text)) shape[k] = z.string().optional();
  for (const k of words(spec.number)) shape[k] = z.number().optional();
  for (const k of words(spec.flag)) shape[k] = z.boolean().optional();
  for (const k of words(spec.date)) shape[k] = z.union([z.iso.date(), z.literal('')]).optional().meta({ description: 'YYYY-MM-DD; empty clears it' });
  return shape;
}

export const udfInput = z
  .record(z.string().regex(/^[A-Z0-9_]+$/, 'UDF names are upper-case, without the UDF_ prefix'), z.union([z.string(), z.number()]))
  .optional()
  .meta({ title: 'User-defined fields', description: 'By name without UDF_, e.g. { "EXT_REF": "box-123" }' });

export const customerFields = sageFields({
  text: `customerName addressLine1 addressLine2 addressLine3 city state zipCode countryCode telephoneNo telephoneExt faxNo emailAddress
    urlAddress shipMethod taxSchedule taxExemptNo termsCode salespersonDivisionNo salespersonNo comment sortField customerStatus customerType
    priceLevel primaryShipToCode contactCode defaultPaymentType`,
  number: 'creditLimit',
  flag: 'creditHold emailStatements residentialAddress openItemCustomer',
});

export const contactFields = sageFields({
  text: `contactName addressLine1 addressLine2 addressLine3 city state zipCode countryCode salutation contactTitle telephoneNo1
    telephoneExt1 telephoneNo2 telephoneExt2 faxNo emailAddress contactNotes`,
});

export const shipToFields = sageFields({
  text: `shipToName shipToAddress1 shipToAddress2 shipToAddress3 shipToCity shipToState shipToZipCode shipToCountryCode telephoneNo
    telephoneExt emailAddress contactCode salespersonDivisionNo salespersonNo warehouseCode taxSchedule shipVia`,
  flag: 'residentialAddress',
});

export const orderHeaderFields = {
  shipToCode: z.string().optional().meta({ description: 'Loads that ship-to address; explicit shipTo* fields override it' }),
  udf: udfInput,
  ...sageFields({
    text: `customerPONo shipToName shipToAddress1 shipToAddress2 shipToAddress3 shipToCity shipToState shipToZipCode shipToCountryCode
      shipVia fob warehouseCode confirmTo comment emailAddress termsCode salespersonDivisionNo salespersonNo paymentType taxExemptNo`,
    number: 'freightAmt discountRate discountAmt',
    date: 'orderDate shipExpireDate',
  }),
};

const lineFields = sageFields({ text: 'warehouseCode itemCodeDesc commentText unitOfMeasure', number: 'quantityOrdered unitPrice lineDiscountPercent', date: 'promiseDate' });
export const orderLine = z.strictObject({ itemCode: z.string().trim().min(1).meta({ description: 'CI_Item code; /C comment, /xxx misc charge' }), ...lineFields });
export const orderLineUpdate = z.strictObject({ lineKey: z.string().min(1).meta({ description: 'LineKey of the line, e.g. 000002' }), itemCode: z.string().trim().min(1).optional(), ...lineFields });
