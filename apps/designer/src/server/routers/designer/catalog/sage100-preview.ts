// Stand-in description of the Sage 100 connector's actions, used only while @conduit/connector-sage100
// exports no connector: it lets people draw and map Sage 100 steps now. It describes (never runs) actions;
// once the real connector is registered, catalog.ts ignores this file and it should be deleted.
import { jsonSchemaOf, type ConnectorDescription } from '@conduit/connector-kit';
import { z } from 'zod';

const division = z.string().length(2).meta({ title: 'AR division', description: 'Two digits, e.g. 01' });
const customerNo = z.string().min(1).max(20).meta({ title: 'Customer number', description: 'e.g. ABF (without the division)' });

const line = z.object({
  ItemCode: z.string().min(1).max(30).meta({ title: 'Item code' }),
  QuantityOrdered: z.number().positive().meta({ title: 'Quantity ordered' }),
  UnitPrice: z.number().min(0).optional().meta({ title: 'Unit price' }),
  WarehouseCode: z.string().max(3).optional().meta({ title: 'Warehouse' }),
  CommentText: z.string().max(2048).optional().meta({ title: 'Line comment' }),
});

const salesOrderInput = z.object({
  ARDivisionNo: division,
  CustomerNo: customerNo,
  OrderDate: z.string().regex(/^\d{8}$/).optional().meta({ title: 'Order date', description: 'YYYYMMDD; today when empty' }),
  CustomerPONo: z.string().max(15).optional().meta({ title: 'Customer PO' }),
  ShipVia: z.string().max(15).optional().meta({ title: 'Ship via' }),
  WarehouseCode: z.string().max(3).optional().meta({ title: 'Default warehouse' }),
  Comment: z.string().max(30).optional().meta({ title: 'Comment' }),
  Lines: z.array(line).min(1).meta({ title: 'Lines' }),
});

const customerInput = z.object({
  ARDivisionNo: division,
  CustomerNo: customerNo,
  CustomerName: z.string().min(1).max(30).meta({ title: 'Customer name' }),
  AddressLine1: z.string().max(30).optional().meta({ title: 'Address line 1' }),
  City: z.string().max(20).optional().meta({ title: 'City' }),
  State: z.string().max(2).optional().meta({ title: 'State' }),
  ZipCode: z.string().max(10).optional().meta({ title: 'ZIP code' }),
  TelephoneNo: z.string().max(17).optional().meta({ title: 'Telephone' }),
  EmailAddress: z.string().max(250).optional().meta({ title: 'E-mail' }),
});

const customer = z.object({ ARDivisionNo: z.string(), CustomerNo: z.string(), CustomerName: z.string(), CreditHold: z.string(), CreditLimit: z.number(), CurrentBalance: z.number() });

const action = (key: string, title: string, description: string, input: z.ZodType, output: z.ZodType, idempotent: boolean | 'key') => ({
  key, title, description, idempotent, input: jsonSchemaOf(input), output: jsonSchemaOf(output, 'output'),
  // No picker hints: pickers need the installed connector (companies, warehouses, items come with it).
  ui: {},
});

export const sage100Preview: ConnectorDescription = {
  id: 'sage100',
  version: '1',
  title: 'Sage 100',
  description: 'Sage 100 through the Conduit gateway (preview description: the connector is not installed yet).',
  auth: { schema: {}, ui: {} },
  actions: [
    action('createSalesOrder', 'Create sales order', 'Creates an SO_SalesOrder with its lines; a retry returns the order already created for the same event.', salesOrderInput, z.object({ SalesOrderNo: z.string(), OrderTotal: z.number() }), 'key'),
    action('upsertCustomer', 'Create or update customer', 'Creates the AR customer or updates its name, address and contact details.', customerInput, customer, true),
    action('getCustomer', 'Get customer', 'Reads an AR customer with credit hold, limit and balance.', z.object({ ARDivisionNo: division, CustomerNo: customerNo }), customer, true),
  ],
  triggers: [],
  pickers: [],
  discovers: false,
};
