import { describe, expect, it } from 'vitest';
import { RenderCost } from '../../../lib/annotator/render-cost';

describe('inline pacing: render cost per character', () => {
  it('knows nothing before a frame is measured', () => {
    expect(new RenderCost().charsFor(28)).toBe(Infinity);
  });

  it('fits a frame to the measured cost per character', () => {
    const cost = new RenderCost();
    cost.add(10_000, 10); // 1 µs per character
    expect(cost.charsFor(28)).toBeCloseTo(28_000, -1);
  });

  it('one frame stretched by other work does not shrink the next shares', () => {
    const cost = new RenderCost();
    cost.add(60_000, 30);
    cost.add(60_000, 30);
    cost.add(60_000, 120); // the machine was busy elsewhere for this one frame
    expect(cost.charsFor(30)).toBeCloseTo(60_000, -1);
  });

  it('follows a machine that stays busy, or a part of the page that costs more', () => {
    const cost = new RenderCost();
    cost.add(60_000, 30);
    cost.add(60_000, 30);
    cost.add(30_000, 30); // twice the cost per character from here on
    expect(cost.charsFor(30)).toBeCloseTo(60_000, -1);
    cost.add(30_000, 30);
    cost.add(30_000, 30);
    expect(cost.charsFor(30)).toBeCloseTo(30_000, -1);
  });

  it('ignores frames with no text changed', () => {
    const cost = new RenderCost();
    cost.add(0, 5);
    expect(cost.charsFor(28)).toBe(Infinity);
  });
});
