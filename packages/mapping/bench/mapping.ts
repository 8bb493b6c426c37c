// Throughput of the two 30-field mappings of corpus.ts over its 2,000 records, in one process.
// Run: pnpm exec tsx packages/mapping/bench/mapping.ts   (prints records/s)
import { loadavg, cpus } from 'node:os';
import { type CompiledMapping, compileMapping, evaluate } from '../src/index';
import { ctx, customer, records, salesOrder } from './corpus';

// Wall-clock rate, and the rate per CPU-second of this process: on a shared machine the wall clock
// also counts time the OS gave to other processes.
function measure(mapping: CompiledMapping, ms: number): { wall: number; cpu: number } {
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < records.length; i++) evaluate(mapping, records[i], ctx);
    n += records.length;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (n / (now - start)) * 1000, cpu: (n / (cpu.user + cpu.system)) * 1e6 };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const summary = (xs: number[]) => `${fmt(Math.max(...xs))} best, ${fmt(median(xs))} median`;

console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}; 2,000 varied records`);
for (const [name, spec] of [['sales order (30 fields, 5 of them per order line)', salesOrder], ['customer (30 header fields)', customer]] as const) {
  const compiled = compileMapping(spec);
  const errors = records.flatMap((rec) => evaluate(compiled, rec, ctx).errors);
  if (errors.length) throw new Error(`benchmark mapping has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  measure(compiled, 500); // warm-up: let V8 optimise the closures
  // Many short runs, reported as best and median: on a shared machine the best run is the one least disturbed.
  const runs = Array.from({ length: 8 }, () => measure(compiled, 600));
  console.log(`${name}: records/s ${summary(runs.map((x) => x.wall))} (wall clock); per CPU-second ${summary(runs.map((x) => x.cpu))}`);
}
