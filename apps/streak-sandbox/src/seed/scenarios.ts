// The deals the guided demo and the Closed-Won template's tests drag to Closed-Won: the first boxes of the
// Negotiation stage, each showing one path of the flow (see docs/demo.md). Companies are named as Streak holds
// them; Sage 100's spelling of the same company is in @conduit/sage100-gateway/demo-shared.

export interface DemoScenario {
  /** Box name, unlike any generated deal's; also how tests find the box. */
  name: string;
  organization: string;
  /** `Sage customer no` is filled in: the flow finds the customer by this stored link. */
  linked: boolean;
  /** Leave `PO reference` empty: the flow stops and names the field to fill. */
  missingPo?: boolean;
  lines: Array<[itemCode: string, quantity: number]>;
}

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'Acme Industrial Supply – Q3 restock',
    organization: 'Acme Industrial Supply',
    linked: true,
    lines: [
      ['ELEC-1001', 4],
      ['SAFE-1002', 10],
    ],
  },
  {
    name: 'Summit Ridge Construction – Warehouse shelving',
    organization: 'Summit Ridge Construction',
    linked: false,
    lines: [
      ['TOOL-1003', 2],
      ['PACK-1003', 6],
    ],
  },
  {
    name: 'Copperline Robotics – Pilot order',
    organization: 'Copperline Robotics',
    linked: false,
    lines: [
      ['PWR-1001', 2],
      ['ELEC-1004', 3],
    ],
  },
  {
    name: 'Lone Star Restaurant Group – Expansion order',
    organization: 'Lone Star Restaurant Group',
    linked: true,
    lines: [
      ['PWR-1004', 30],
      ['PWR-1001', 20],
    ],
  },
  {
    name: 'Harbor Point Logistics – Blanket PO',
    organization: 'Harbor Point Logistics',
    linked: true,
    missingPo: true,
    lines: [['PLMB-1002', 12]],
  },
  {
    name: 'Great Lakes Brewing Supply – Seasonal top-up',
    organization: 'Great Lakes Brewing Supply',
    linked: true,
    lines: [['SAFE-1005', 8]],
  },
];
