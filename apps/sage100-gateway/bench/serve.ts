// The gateway half of the benchmark, in its own process (as in production, the caller is another process).
import { startGateway } from '../src/index';

const dataFile = process.argv[2];
const gw = await startGateway({ port: 0, dataFile: dataFile ?? null });
const emu = gw.emulator;
if (!emu) throw new Error('bench runs on the emulator');
const co = emu.company('ABC');
// Credit policy off so the figure measures the write path, not how many customers run out of credit.
co.options.creditPolicy = 'ignore';
const customers = [...co.table('AR_Customer').scan()].filter((c) => c.CustomerStatus === 'A').map((c) => [String(c.ARDivisionNo), String(c.CustomerNo)]);
const items = [...co.table('CI_Item').scan()].filter((i) => i.ItemType === '1' && i.InactiveItem === 'N').map((i) => String(i.ItemCode));
process.send?.({ url: gw.url, token: gw.token, customers, items });
// 'mark' starts the CPU measurement after warm-up; 'stop' reports CPU used since the mark, then exits.
let mark = process.cpuUsage();
process.on('message', (msg) => {
  if (msg === 'mark') mark = process.cpuUsage();
  else void gw.close().then(() => process.send?.(process.cpuUsage(mark), () => process.exit(0)));
});
