// The Sage 100 connector declaration: auth, actions, trigger, pickers and discovery in one place.
import { defineConnector } from '@conduit/connector-kit';
import { type Sage100Auth, sage100AuthSchema, sage100Http } from './auth';
import { cancelSalesOrder } from './actions/cancel-sales-order';
import { contactActions } from './actions/contacts';
import { createCustomer } from './actions/create-customer';
import { createSalesOrder } from './actions/create-sales-order';
import { findCustomers } from './actions/find-customers';
import { findItems } from './actions/find-items';
import { findSalesOrders } from './actions/find-sales-orders';
import { getAvailability } from './actions/get-availability';
import { getCustomer } from './actions/get-customer';
import { getCustomerCredit } from './actions/get-customer-credit';
import { getInvoice } from './actions/get-invoice';
import { getItem } from './actions/get-item';
import { getItemPrice } from './actions/get-item-price';
import { getSalesOrder } from './actions/get-sales-order';
import { listAvailability } from './actions/list-availability';
import { listCashReceipts } from './actions/list-cash-receipts';
import { listInvoices } from './actions/list-invoices';
import { previewSalesOrder } from './actions/preview-sales-order';
import { reserveCustomerNo } from './actions/reserve-customer-no';
import { shipToActions } from './actions/ship-to';
import { updateCustomer } from './actions/update-customer';
import { updateSalesOrder } from './actions/update-sales-order';
import { testSage100 } from './connection-test';
import { discoverSage100 } from './discover';
import { sage100Pickers } from './pickers';
import { recordChanged } from './triggers/record-changed';

export const sage100Connector = defineConnector<Sage100Auth>({
  id: 'sage100',
  version: '1',
  title: 'Sage 100',
  description: 'Sage 100 (US, formerly MAS 90/200) through the Conduit on-prem gateway: customers, items, stock, sales orders, invoices, receipts and a change feed.',
  auth: {
    schema: sage100AuthSchema,
    test: testSage100,
    ui: { fields: { token: { label: 'Gateway token', widget: 'password' }, allowPrivateHost: { advanced: true } }, order: ['baseUrl', 'token', 'company'] },
  },
  http: sage100Http,
  actions: [
    getCustomer, findCustomers, createCustomer, updateCustomer, reserveCustomerNo, getCustomerCredit,
    contactActions.list, contactActions.create, contactActions.update,
    shipToActions.list, shipToActions.create, shipToActions.update,
    getItem, findItems, getItemPrice, getAvailability, listAvailability,
    getSalesOrder, findSalesOrders, previewSalesOrder, createSalesOrder, updateSalesOrder, cancelSalesOrder,
    listInvoices, getInvoice, listCashReceipts,
  ],
  triggers: [recordChanged],
  pickers: sage100Pickers,
  discover: discoverSage100,
});
