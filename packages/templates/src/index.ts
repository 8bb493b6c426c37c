// The lead-to-cash templates: offered by "New flow → from template" and installed in the demo workspace.
import { closedWonSalesOrder } from './closed-won';
import { creditStockDaily, creditStockOnProposal } from './credit-stock';
import { customer360SageToStreak, customer360StreakToSage } from './customer-360';
import { customer360BulkSync } from './customer-360-bulk';
import { customer360ContactsSageToStreak, customer360ContactsStreakToSage } from './customer-360-contacts';
import { invoicedToStreak, orderStatusToStreak } from './order-status';
import { paymentsToStreak } from './payments';
import type { FlowTemplate } from './template';

export type { FlowTemplate } from './template';

export const TEMPLATES: readonly FlowTemplate[] = [
  closedWonSalesOrder,
  orderStatusToStreak,
  invoicedToStreak,
  paymentsToStreak,
  creditStockOnProposal,
  creditStockDaily,
  customer360SageToStreak,
  customer360StreakToSage,
  customer360BulkSync,
  customer360ContactsStreakToSage,
  customer360ContactsSageToStreak,
];
