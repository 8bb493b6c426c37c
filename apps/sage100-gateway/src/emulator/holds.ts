// Putting a sales order on hold and releasing it, as a Sage user does in Sales Order Entry (the Hold box):
// OrderStatus H, or back to O (N if nothing has shipped). The write is stamped, so the change feed sees it.
import type { Sage100Emulator } from '@conduit/sage100-boi';
import { z } from 'zod';
import { GatewayError } from '../http/errors';
import { route, type RouteDef } from '../http/route';

export function holdRoutes(emu: Sage100Emulator): RouteDef[] {
  return [
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/orders/:salesOrderNo/hold',
      summary: 'Put an open sales order on hold (hold: true) or release it (hold: false)',
      tag: 'emulator',
      params: z.strictObject({ company: z.string(), salesOrderNo: z.string() }),
      body: z.strictObject({ hold: z.boolean() }),
      handler: async ({ params, body }) => {
        const co = emu.companies.get(params.company.toUpperCase());
        if (!co) throw new GatewayError('NOT_FOUND', `Company ${params.company} is not on file.`);
        const orderNo = params.salesOrderNo.padStart(7, '0');
        const headers = co.table('SO_SalesOrderHeader');
        const order = headers.get(headers.keyOf([orderNo]));
        if (!order) throw new GatewayError('NOT_FOUND', `Sales order ${orderNo} is not open.`);
        const shipped = co.table('SO_SalesOrderDetail').find('byOrder', [orderNo]).some((l) => Number(l.QuantityShipped) > 0);
        order.OrderStatus = body.hold ? 'H' : shipped ? 'O' : 'N';
        emu.applyStamps(order, { isNew: false, userKey: '0000000000', audit: headers.def.audit });
        headers.put(order);
        emu.changed();
        return { data: { salesOrderNo: orderNo, orderStatus: order.OrderStatus } };
      },
    }),
  ];
}
