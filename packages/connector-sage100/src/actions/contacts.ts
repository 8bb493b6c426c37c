import { contactFields } from '../model/fields';
import { contactRecord } from '../model/records';
import { childActions } from './customer-children';

export const contactActions = childActions({
  noun: 'contact',
  plural: 'contacts',
  segment: 'contacts',
  codeField: 'contactCode',
  codeMax: 10,
  nameField: 'contactName',
  fields: contactFields,
  record: contactRecord,
  keys: { list: 'listCustomerContacts', create: 'createCustomerContact', update: 'updateCustomerContact' },
});
