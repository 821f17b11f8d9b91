// `npm start` (scripts/start.mjs) opens a window wherever there is a screen: DISPLAY and WAYLAND_DISPLAY are
// Linux's way of saying so, and mean nothing on macOS and Windows. Without Chromium it installs it where apt-get is
// (as .ci/run does), and elsewhere says the one command that does.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script without type declarations
import { browserPlan, chromiumCandidates, runsHeadless } from '../../../scripts/start.mjs';

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

describe('npm start without Chromium', () => {
  /** A machine described by the files and commands it has. */
  const machine = (files: string[], commands: string[], more: Record<string, unknown> = {}) => ({
    platform: 'linux',
    env: {},
    exists: (p: string) => files.includes(p),
    onPath: (c: string) => commands.includes(c),
    isRoot: false,
    interactive: true,
    ...more,
  });
  const APT = ['apt-get', 'update'];
  const INSTALL = ['apt-get', 'install', '-y', 'chromium'];

  it('launches the Chromium it finds, CHROMIUM_PATH first', () => {
    expect(browserPlan(machine(['/usr/bin/chromium'], ['apt-get']))).toEqual({ action: 'launch', path: '/usr/bin/chromium' });
    expect(browserPlan(machine(['/usr/bin/chromium-browser'], ['apt-get']))).toEqual({ action: 'launch', path: '/usr/bin/chromium-browser' });
    expect(browserPlan(machine(['/opt/c/chrome', '/usr/bin/chromium'], [], { env: { CHROMIUM_PATH: '/opt/c/chrome' } }))).toEqual({ action: 'launch', path: '/opt/c/chrome' });
    const mac = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(browserPlan(machine([mac], [], { platform: 'darwin' }))).toEqual({ action: 'launch', path: mac });
    const win = chromiumCandidates('win32', { LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local' })[0];
    expect(win).toBe('C:\\Users\\an\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    expect(browserPlan(machine([win], [], { platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local' } }))).toEqual({ action: 'launch', path: win });
  });

  it('on Debian/Ubuntu installs it as .ci/run does: as root directly, else through sudo (sudo -n without a terminal)', () => {
    expect(browserPlan(machine([], ['apt-get'], { isRoot: true }))).toEqual({ action: 'install', steps: [APT, INSTALL], shown: 'apt-get update && apt-get install -y chromium' });
    expect(browserPlan(machine([], ['apt-get', 'sudo']))).toEqual({
      action: 'install',
      steps: [['sudo', ...APT], ['sudo', ...INSTALL]],
      shown: 'sudo apt-get update && sudo apt-get install -y chromium',
    });
    expect(browserPlan(machine([], ['apt-get', 'sudo'], { interactive: false }))).toMatchObject({ action: 'install', steps: [['sudo', '-n', ...APT], ['sudo', '-n', ...INSTALL]] });
  });

  it('installs nothing it cannot, or was not asked to: says the command instead', () => {
    // Neither root nor sudo.
    expect(browserPlan(machine([], ['apt-get']))).toMatchObject({ action: 'tell', command: "su -c 'apt-get update && apt-get install -y chromium'" });
    // CHROMIUM_PATH names a file that is not there: the reader's choice stands, nothing is installed over it.
    const named = browserPlan(machine(['/usr/bin/chromium'], ['apt-get'], { isRoot: true, env: { CHROMIUM_PATH: '/nope/chromium' } }));
    expect(named.action).toBe('tell');
    expect(named.reason).toContain('/nope/chromium');
  });

  it('elsewhere (no apt-get) prints the one command that installs Chromium', () => {
    expect(browserPlan(machine([], [], { platform: 'darwin' }))).toMatchObject({ action: 'tell', command: 'brew install --cask chromium' });
    expect(browserPlan(machine([], [], { platform: 'win32' }))).toMatchObject({ action: 'tell', command: 'winget install Hibbiki.Chromium' });
    expect(browserPlan(machine([], ['dnf', 'sudo']))).toMatchObject({ action: 'tell', command: 'sudo dnf install -y chromium' });
    expect(browserPlan(machine([], ['pacman']))).toMatchObject({ action: 'tell', command: 'sudo pacman -S --noconfirm chromium' });
    // apt-get on a Mac (a stray binary) does not make it Debian.
    expect(browserPlan(machine([], ['apt-get', 'brew'], { platform: 'darwin', isRoot: true }))).toMatchObject({ action: 'tell', command: 'brew install --cask chromium' });
    // A system with no package manager known: no command, the reason still said.
    expect(browserPlan(machine([], []))).toEqual({ action: 'tell', reason: 'No Chromium found', command: undefined });
  });
});
