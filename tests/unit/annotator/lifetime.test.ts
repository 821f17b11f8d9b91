import { describe, expect, it, vi } from 'vitest';
import { Lifetime } from '../../../lib/annotator/lifetime';

describe('Lifetime', () => {
  it("ends once, when the caller's signal aborts, and aborts its own signal only when told", () => {
    const outer = new AbortController();
    const life = new Lifetime();
    const onEnd = vi.fn(() => expect(life.ended).toBe(true));
    expect(life.follow(outer.signal, onEnd)).toBe(true);
    expect(life.ended).toBe(false);
    outer.abort();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(life.signal.aborted).toBe(false);
    life.abort();
    expect(life.signal.aborted).toBe(true);
    life.end();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it("ended by hand: stops following the caller's signal", () => {
    const outer = new AbortController();
    const life = new Lifetime();
    const onEnd = vi.fn();
    life.follow(outer.signal, onEnd);
    const end = life.end; // callable detached, as Annotator.destroy
    end();
    outer.abort();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('with a signal aborted already: over before it began, onEnd never runs', () => {
    const outer = new AbortController();
    outer.abort();
    const life = new Lifetime();
    const onEnd = vi.fn();
    expect(life.follow(outer.signal, onEnd)).toBe(false);
    expect(life.ended).toBe(true);
    life.end();
    expect(onEnd).not.toHaveBeenCalled();
  });
});
