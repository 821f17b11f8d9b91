// `npm start` (scripts/start.mjs) opens a window wherever there is a screen: DISPLAY and WAYLAND_DISPLAY are
// Linux's way of saying so, and mean nothing on macOS and Windows.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script without type declarations
import { runsHeadless } from '../../../scripts/start.mjs';

describe('npm start', () => {
  it('opens a window on macOS and Windows without DISPLAY, and decides by DISPLAY/WAYLAND_DISPLAY on Linux', () => {
    expect(runsHeadless({}, 'darwin', [])).toBe(false);
    expect(runsHeadless({}, 'win32', [])).toBe(false);
    expect(runsHeadless({}, 'linux', [])).toBe(true);
    expect(runsHeadless({ DISPLAY: ':0' }, 'linux', [])).toBe(false);
    expect(runsHeadless({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', [])).toBe(false);
  });

  it('runs headless when asked, anywhere', () => {
    expect(runsHeadless({ CI: 'true' }, 'darwin', [])).toBe(true);
    expect(runsHeadless({ DISPLAY: ':0' }, 'linux', ['node', 'start.mjs', '--headless'])).toBe(true);
    expect(runsHeadless({}, 'win32', ['node', 'start.mjs', '--headless'])).toBe(true);
  });
});
