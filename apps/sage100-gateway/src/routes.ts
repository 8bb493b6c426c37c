// The allowlisted operation set, in the order /openapi.json lists it.
import type { RouteDef } from './http/route';
import { changeRoutes } from './ops/changes';
import { contactRoutes, shipToRoutes } from './ops/children';
import { companyRoutes } from './ops/company';
import { customerRoutes } from './ops/customers';
import { documentRoutes } from './ops/documents';
import { itemRoutes } from './ops/items';
import { salesOrderRoutes } from './ops/sales-orders';
import { tableRoutes } from './ops/tables';

export const API_ROUTES: RouteDef[] = [...companyRoutes, ...customerRoutes, ...contactRoutes, ...shipToRoutes, ...itemRoutes, ...salesOrderRoutes, ...documentRoutes, ...changeRoutes, ...tableRoutes];
