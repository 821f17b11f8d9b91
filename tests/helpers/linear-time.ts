/** Linear-time check for the detector: 1 MB of a repeated unit may cost at most 5 × ten times what 100 kB costs. */
import { expect } from 'vitest';
import { detect } from '../../lib/detector/detect';

export function expectLinearTime(unit: string): void {
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
  const small = big.slice(0, 100_000);
  const time = (s: string) => {
    const t = performance.now();
    detect(s);
    return performance.now() - t;
  };
  time(small);
  const tSmall = time(small);
  const tBig = time(big);
  // Ten times the input may cost at most a generous multiple of ten times the time: no super-linear blow-up.
  expect(tBig).toBeLessThan(Math.max(tSmall, 1) * 10 * 5);
}
