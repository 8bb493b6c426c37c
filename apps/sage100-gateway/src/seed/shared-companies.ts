// What the Streak sandbox's demo and Sage demo company ABC share, so a deal closed on the board becomes an
// order the emulator accepts. Companies are spelled the way each system would really hold them (Sage: shorter,
// uppercase or abbreviated, a slightly different address); the sandbox builds its organizations from `streak`
// and the Closed-Won template matches them to `sage` by link, e-mail domain, phone or normalised name.
// Imported by the sandbox through `@conduit/sage100-gateway/demo-shared` (this file imports nothing).

export interface SharedDemoCompany {
  streak: { name: string; domain: string; address: string; city: string; state: string; zip: string };
  sage: { arDivisionNo: string; customerNo: string; customerName: string; addressLine1: string; city: string; state: string; zipCode: string; telephoneNo: string };
  /** Sage holds this customer's orders (the demo's credit-hold case). */
  creditHold?: boolean;
}

const c = (name: string, domain: string, address: string, city: string, state: string, zip: string, customerNo: string, sageName: string, sageAddress: string, phone: string, creditHold?: true): SharedDemoCompany => ({
  streak: { name, domain, address, city, state, zip },
  sage: { arDivisionNo: '01', customerNo, customerName: sageName, addressLine1: sageAddress, city, state, zipCode: zip, telephoneNo: phone },
  ...(creditHold ? { creditHold } : {}),
});

export const SHARED_DEMO_COMPANIES: readonly SharedDemoCompany[] = [
  c('Acme Industrial Supply', 'acmeindustrial.com', '1200 Industrial Parkway, Suite 100', 'Cleveland', 'OH', '44114', 'ACMEIND', 'ACME INDUSTRIAL SUPPLY INC', '1200 Industrial Pkwy Ste 100', '(216) 555-0142'),
  c('Blue Ridge Outfitters', 'blueridgeoutfitters.com', '45 Mountain View Road', 'Asheville', 'NC', '28801', 'BLUERID', 'Blue Ridge Outfitters LLC', '45 Mountain View Rd', '(828) 555-0198'),
  c('Cascade Medical Devices', 'cascademed.com', '800 Pine Street, Floor 4', 'Seattle', 'WA', '98101', 'CASCADE', 'Cascade Medical Devices, Inc.', '800 Pine St Fl 4', '(206) 555-0117'),
  c('Summit Ridge Construction', 'summitridgebuild.com', '2300 Quarry Lane', 'Denver', 'CO', '80205', 'SUMMITR', 'Summit Ridge Constr.', '2300 Quarry Ln', '(303) 555-0164'),
  c('Great Lakes Brewing Supply', 'glbrewsupply.com', '77 Harbor Drive', 'Milwaukee', 'WI', '53202', 'GREATLK', 'Great Lakes Brewing Supply Co', '77 Harbor Dr', '(414) 555-0133', true),
  c('Pioneer Valley Farms', 'pioneervalleyfarms.com', '5 Orchard Road', 'Northampton', 'MA', '01060', 'PIONEER', 'PIONEER VALLEY FARMS INC', '5 Orchard Rd', '(413) 555-0150'),
  c('Harbor Point Logistics', 'harborpointlogistics.com', '1 Terminal Way', 'Baltimore', 'MD', '21224', 'HARBORP', 'Harborpoint Logistics', '1 Terminal Way Bldg B', '(410) 555-0181'),
  c('Redwood Analytics', 'redwoodanalytics.io', '410 Market Street', 'San Francisco', 'CA', '94105', 'REDWOOD', 'Redwood Analytics Corp', '410 Market St #300', '(415) 555-0109'),
  c('Silver Creek Dental Group', 'silvercreekdental.com', '930 Creekside Boulevard', 'Boise', 'ID', '83702', 'SILVERC', 'Silver Creek Dental Grp', '930 Creekside Blvd', '(208) 555-0126'),
  c('Granite State Manufacturing', 'granitestatemfg.com', '18 Mill Street', 'Manchester', 'NH', '03101', 'GRANITE', 'Granite State Mfg', '18 Mill St', '(603) 555-0177'),
  c('Evergreen Landscaping', 'evergreenland.com', '3400 Garden Avenue', 'Portland', 'OR', '97214', 'EVERGRN', 'Evergreen Landscaping & Design', '3400 Garden Ave', '(503) 555-0145'),
  c('Lone Star Restaurant Group', 'lonestarrg.com', '600 Congress Avenue', 'Austin', 'TX', '78701', 'LONESTR', 'LONE STAR RESTAURANT GRP', '600 Congress Ave Ste 1200', '(512) 555-0190'),
  c('Coastal Marine Electronics', 'coastalmarine.com', '12 Wharf Street', 'Charleston', 'SC', '29401', 'COASTAL', 'Coastal Marine Electronics Inc', '12 Wharf St', '(843) 555-0111'),
  c('Northwind Traders', 'northwindtraders.com', '2500 Commerce Drive', 'Minneapolis', 'MN', '55401', 'NORTHWI', 'North Wind Traders', '2500 Commerce Dr', '(612) 555-0158'),
  c('Mountain View Pediatrics', 'mvpediatrics.com', '150 Castro Street', 'Mountain View', 'CA', '94041', 'MTNVIEW', 'Mtn View Pediatrics', '150 Castro St', '(650) 555-0139'),
];

/** Items both demos sell: the sandbox's deals list these codes, and Sage's list price is this price, so a deal's
 * value and the order Sage prices agree (customers of the shared companies get no price-level discount). */
export const SHARED_DEMO_PRODUCTS: readonly { itemCode: string; price: number }[] = [
  { itemCode: 'ELEC-1001', price: 18.5 },
  { itemCode: 'ELEC-1004', price: 42.0 },
  { itemCode: 'SAFE-1002', price: 12.75 },
  { itemCode: 'SAFE-1005', price: 24.0 },
  { itemCode: 'TOOL-1003', price: 89.0 },
  { itemCode: 'TOOL-1008', price: 36.5 },
  { itemCode: 'PWR-1001', price: 189.0 },
  { itemCode: 'PWR-1004', price: 249.0 },
  { itemCode: 'PLMB-1002', price: 14.25 },
  { itemCode: 'PACK-1003', price: 29.9 },
];
