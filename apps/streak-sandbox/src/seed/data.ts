// Word lists for the deterministic demo seed. Phone numbers use 555-01xx, the range reserved for
// fiction. The companies and items the demo shares with Sage 100's demo company come from
// @conduit/sage100-gateway/demo-shared, so both sides are built from one list.

/** A prospect Sage 100 does not know yet: closing its deal creates the customer. */
export const NEW_CUSTOMER = {
  name: 'Copperline Robotics',
  domain: 'copperlinerobotics.com',
  address: '415 Foundry Street, Pittsburgh, PA 15222',
  phone: '412-555-0171',
};

export const COMPANY_STEMS = [
  'Summit',
  'Pioneer',
  'Cascade',
  'Harbor',
  'Granite',
  'Liberty',
  'Keystone',
  'Redwood',
  'Blue Ridge',
  'Prairie',
  'Lakeshore',
  'Ironwood',
  'Silver Creek',
  'Northstar',
  'Bayview',
  'Cedar Valley',
  'Tri-County',
  'Heartland',
  'Riverbend',
  'Magnolia',
  'Copper State',
  'Great Plains',
  'Evergreen',
  'Sierra',
  'Patriot',
  'Gulf Coast',
];

export const COMPANY_SUFFIXES = [
  'Supply Co.',
  'Manufacturing',
  'Distributors',
  'Industries',
  'Hardware',
  'Logistics',
  'Foods',
  'Electric',
  'Tool & Die',
  'Packaging',
  'Office Products',
  'Builders Supply',
];

export const INDUSTRIES = [
  'Wholesale Distribution',
  'Manufacturing',
  'Construction',
  'Food & Beverage',
  'Retail',
  'Healthcare',
  'Education',
  'Government',
  'Transportation',
  'Hospitality',
];

export const CITIES: { city: string; state: string; zip: string; area: string }[] = [
  { city: 'Columbus', state: 'OH', zip: '43215', area: '614' },
  { city: 'Irvine', state: 'CA', zip: '92618', area: '949' },
  { city: 'Denver', state: 'CO', zip: '80202', area: '303' },
  { city: 'Charlotte', state: 'NC', zip: '28202', area: '704' },
  { city: 'Austin', state: 'TX', zip: '78701', area: '512' },
  { city: 'Madison', state: 'WI', zip: '53703', area: '608' },
  { city: 'Tampa', state: 'FL', zip: '33602', area: '813' },
  { city: 'Portland', state: 'OR', zip: '97204', area: '503' },
  { city: 'Nashville', state: 'TN', zip: '37203', area: '615' },
  { city: 'Omaha', state: 'NE', zip: '68102', area: '402' },
  { city: 'Boise', state: 'ID', zip: '83702', area: '208' },
  { city: 'Richmond', state: 'VA', zip: '23219', area: '804' },
];

export const STREETS = [
  'Commerce Pkwy',
  'Industrial Blvd',
  'Main St',
  'Market St',
  'Enterprise Dr',
  'Oak Ave',
  'Harbor Rd',
  'Lincoln Way',
  'Airport Rd',
  'Technology Ct',
];

export const GIVEN_NAMES = [
  'James',
  'Maria',
  'Robert',
  'Linda',
  'Michael',
  'Patricia',
  'David',
  'Jennifer',
  'William',
  'Elizabeth',
  'Carlos',
  'Aisha',
  'Kevin',
  'Grace',
  'Daniel',
  'Sofia',
  'Brian',
  'Nicole',
  'Anthony',
  'Rachel',
];

export const FAMILY_NAMES = [
  'Johnson',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Anderson',
  'Thompson',
  'Nguyen',
  'Walker',
  'Patel',
  'Hughes',
  'Brooks',
  'Reyes',
  'Foster',
  'Kim',
  'Sullivan',
  'Bennett',
  'Coleman',
  'Ortiz',
];

export const TITLES = [
  'Purchasing Manager',
  'Buyer',
  'Operations Director',
  'Controller',
  'VP Operations',
  'Office Manager',
  'Procurement Specialist',
  'Owner',
  'Accounts Payable',
  'Plant Manager',
];

export const DEAL_THEMES = [
  'Q3 restock',
  'Office refit',
  'Annual supply contract',
  'New branch fit-out',
  'Warehouse shelving',
  'Replacement order',
  'Pilot order',
  'Blanket PO',
  'Seasonal top-up',
  'Expansion order',
];
