// The lead-to-cash templates: offered by "New flow → from template" and installed in the demo workspace.
import { closedWonSalesOrder } from './closed-won';
import type { FlowTemplate } from './template';

export type { FlowTemplate } from './template';

export const TEMPLATES: readonly FlowTemplate[] = [closedWonSalesOrder];
