// Demo item master: ~150 items over eight product lines, a few inactive, plus charge/misc/comment codes.
import type { Row } from '@conduit/sage100-boi';
import { rng } from './random';
import { SHARED_DEMO_PRODUCTS } from './shared-companies';

const LINES: [string, string, string[], string[]][] = [
  ['FAST', 'Fasteners', ['Hex Bolt', 'Lag Screw', 'Wood Screw', 'Machine Screw', 'Wing Nut', 'Lock Washer', 'Anchor', 'Rivet', 'Cotter Pin'], ['1/4 in', '3/8 in', '1/2 in', 'M6', 'M8']],
  ['TOOL', 'Hand Tools', ['Claw Hammer', 'Socket Set', 'Torque Wrench', 'Utility Knife', 'Tape Measure', 'Chisel Set', 'Pliers', 'Level'], ['Pro', 'Std', '24 in', '12 pc']],
  ['PWR', 'Power Tools', ['Cordless Drill', 'Impact Driver', 'Circular Saw', 'Angle Grinder', 'Heat Gun', 'Jig Saw'], ['18V', '20V', 'Kit', 'Bare']],
  ['SAFE', 'Safety', ['Safety Glasses', 'Nitrile Gloves', 'Hard Hat', 'Ear Plugs', 'Hi-Vis Vest', 'Respirator'], ['S', 'M', 'L', 'Box 100']],
  ['ELEC', 'Electrical', ['Extension Cord', 'Wire Nut', 'Breaker', 'LED Work Light', 'Conduit', 'Junction Box'], ['15A', '20A', '50 ft', '10 pk']],
  ['PLMB', 'Plumbing', ['PVC Elbow', 'Ball Valve', 'Pipe Wrench', 'Teflon Tape', 'Hose Clamp', 'Copper Tee'], ['1/2 in', '3/4 in', '1 in']],
  ['JANI', 'Janitorial', ['Floor Cleaner', 'Trash Liner', 'Paper Towel', 'Hand Soap', 'Mop Head'], ['Case', 'Gal', '5 Gal']],
  ['PACK', 'Packaging', ['Shipping Box', 'Stretch Wrap', 'Packing Tape', 'Bubble Roll', 'Pallet Label'], ['Small', 'Medium', 'Large', 'Roll']],
];

export const PRODUCT_LINES = LINES.map(([code, desc]) => ({ ProductLine: code, ProductLineDesc: desc, SalesAcctKey: '000000010' }));

export function demoItems(): { items: Row[]; stock: Row[] } {
  const r = rng(100);
  const items: Row[] = [];
  const stock: Row[] = [];
  let n = 0;
  for (const [line, , nouns, variants] of LINES) {
    for (let i = 0; i < 18; i++) {
      n++;
      const code = `${line}-${1001 + i}`;
      const cost = Math.round((2 + r.next() * (line === 'PWR' ? 180 : 40)) * 100) / 100;
      const item: Row = {
        ItemCode: code,
        ItemCodeDesc: `${nouns[i % nouns.length]} ${variants[Math.floor(i / nouns.length) % variants.length]}`.slice(0, 30),
        ProductLine: line,
        StandardUnitCost: cost,
        StandardUnitPrice: Math.round(cost * (1.35 + r.next() * 0.5) * 100) / 100,
        SuggestedRetailPrice: Math.round(cost * 2.1 * 100) / 100,
        DefaultWarehouseCode: '000',
        TaxClass: line === 'JANI' && i % 3 === 0 ? 'NT' : 'TX',
        InactiveItem: n % 17 === 0 ? 'Y' : 'N',
        SalesUnitOfMeasure: line === 'JANI' ? 'CASE' : 'EACH',
        SalesAcctKey: '000000010',
        PrimaryAPDivisionNo: '00',
        PrimaryVendorNo: `000000${(n % 9) + 1}`.slice(-7),
      };
      const main = r.int(0, 400);
      const east = r.next() < 0.6 ? r.int(0, 150) : null;
      item.TotalQuantityOnHand = main + (east ?? 0);
      items.push(item);
      stock.push({ ItemCode: code, WarehouseCode: '000', QuantityOnHand: main, BinLocation: `A${r.int(1, 40)}-${r.int(1, 9)}`, ReorderPointQty: 25, AverageCost: cost });
      if (east !== null) stock.push({ ItemCode: code, WarehouseCode: '001', QuantityOnHand: east, BinLocation: `E${r.int(1, 20)}`, ReorderPointQty: 10, AverageCost: cost });
    }
  }
  // The items the Streak demo's deals list sell at the price the deals were written with, and are active.
  for (const shared of SHARED_DEMO_PRODUCTS) {
    const item = items.find((i) => i.ItemCode === shared.itemCode);
    if (!item) throw new Error(`shared demo product ${shared.itemCode} is not in the catalog`);
    Object.assign(item, { StandardUnitPrice: shared.price, InactiveItem: 'N' });
  }
  const special = (code: string, type: string, desc: string) => ({ ItemCode: code, ItemType: type, ItemCodeDesc: desc, TaxClass: 'NT', ProductLine: '', SalesAcctKey: '000000011', StandardUnitPrice: 0 });
  items.push(special('/C', '4', 'Comment'), special('/FREIGHT', '3', 'Freight'), special('/HANDLING', '3', 'Handling charge'), special('/RESTOCK', '3', 'Restocking fee'), special('/MISC', '5', 'Miscellaneous item'), special('/SERVICE', '5', 'Service labor'));
  return { items, stock };
}
