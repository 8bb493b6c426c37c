import { shipToFields } from '../model/fields';
import { shipToRecord } from '../model/records';
import { childActions } from './customer-children';

export const shipToActions = childActions({
  noun: 'ship-to address',
  plural: 'ship-to addresses',
  segment: 'ship-to',
  codeField: 'shipToCode',
  codeMax: 4,
  nameField: 'shipToName',
  fields: shipToFields,
  record: shipToRecord,
  keys: { list: 'listShipToAddresses', create: 'createShipToAddress', update: 'updateShipToAddress' },
});
