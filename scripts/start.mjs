#!/usr/bin/env node
// `npm start`: the live product. Builds the extension (Chrome and Firefox), serves the demo page on 127.0.0.1
// under a .vn host name, and opens Chromium with the extension loaded on it. Without a display (on Linux, no
// $DISPLAY or $WAYLAND_DISPLAY; anywhere, CI=true or --headless) the same demo runs headless: it opens a card, then
// the full record of its document through the card's link (the researcher's path), saves a screenshot of each and
// prints where they are. macOS and Windows always have a display: a window opens there.
// No Chromium? On Debian/Ubuntu (apt-get) it is installed as the test line (.ci/run) does, as root or with sudo;
// elsewhere the one command that installs it is printed while the demo page stays served (browserPlan).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveStatic } from './harness/static-server.mjs';
import { evaluateInCard } from './harness/card-root.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromeBuild = path.join(root, '.output/chrome-mv3');
const firefoxBuild = path.join(root, '.output/firefox-mv2');
const DEMO_HOST = 'demo.vanban-lens.vn';
const screenshot = path.join(root, '.output/demo-card.png');
const recordScreenshot = path.join(root, '.output/demo-record.png');

/**
 * Where Chromium usually is, by platform. Chromium only: branded Google Chrome (137 and later) ignores
 * --load-extension, so it cannot show an unpacked extension.
 */
export function chromiumCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') return ['/Applications/Chromium.app/Contents/MacOS/Chromium'];
  if (platform === 'win32') {
    return [env.LOCALAPPDATA, env.ProgramFiles, env['ProgramFiles(x86)']]
      .filter(Boolean)
      .map((dir) => path.win32.join(dir, 'Chromium', 'Application', 'chrome.exe'));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
}

/** The one command that installs Chromium where apt-get is not there, by platform and the package manager found. */
function installCommand(platform, onPath) {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install Hibbiki.Chromium';
  if (onPath('dnf')) return 'sudo dnf install -y chromium';
  if (onPath('pacman')) return 'sudo pacman -S --noconfirm chromium';
  if (onPath('zypper')) return 'sudo zypper install -y chromium';
  if (onPath('apk')) return 'sudo apk add chromium';
  return undefined;
}

/**
 * What `npm start` does for a browser, decided from facts only (unit-tested):
 * - `{ action: 'launch', path }`: CHROMIUM_PATH when set, else the first Chromium found where it usually is;
 * - `{ action: 'install', steps, shown }`: none found, apt-get here (Debian, Ubuntu): `apt-get update` and
 *   `apt-get install -y chromium` as .ci/run does, as root or through sudo (`sudo -n` without a terminal, so that
 *   it fails instead of waiting for a password nobody can type);
 * - `{ action: 'tell', command?, reason }`: CHROMIUM_PATH names no file (the reader's choice is not overridden),
 *   or no apt-get, or neither root nor sudo: the command that installs Chromium, if one is known, to print while
 *   the demo page stays served.
 * facts: { platform, env, exists(path), onPath(command), isRoot, interactive }.
 */
export function browserPlan({ platform, env = {}, exists, onPath, isRoot = false, interactive = false }) {
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { action: 'launch', path: env.CHROMIUM_PATH };
    return { action: 'tell', reason: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, and there is no such file` };
  }
  const found = chromiumCandidates(platform, env).find((p) => exists(p));
  if (found) return { action: 'launch', path: found };
  const reason = 'No Chromium found';
  const apt = platform === 'linux' && onPath('apt-get');
  if (apt) {
    const sudo = isRoot ? [] : onPath('sudo') ? (interactive ? ['sudo'] : ['sudo', '-n']) : undefined;
    const shown = (s) => `${s}apt-get update && ${s}apt-get install -y chromium`;
    if (!sudo) return { action: 'tell', reason: `${reason}, and installing it needs root`, command: `su -c '${shown('')}'` };
    const steps = [
      [...sudo, 'apt-get', 'update'],
      [...sudo, 'apt-get', 'install', '-y', 'chromium'],
    ];
    return { action: 'install', steps, shown: shown(sudo.length ? `${sudo.join(' ')} ` : '') };
  }
  return { action: 'tell', reason, command: installCommand(platform, onPath) };
}

/** The plan for this machine. */
function planHere() {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return browserPlan({
    platform: process.platform,
    env: process.env,
    exists: existsSync,
    onPath: (command) => dirs.some((dir) => existsSync(path.join(dir, command))),
    isRoot: process.getuid?.() === 0,
    interactive: Boolean(process.stdin.isTTY),
  });
}

/**
 * Whether the demo runs without a window: asked for (--headless, CI=true), or on Linux/BSD with no X11 or
 * Wayland display. DISPLAY means nothing on macOS and Windows, which always have a screen.
 */
export function runsHeadless(env = process.env, platform = process.platform, argv = process.argv) {
  if (env.CI === 'true' || argv.includes('--headless')) return true;
  if (platform === 'darwin' || platform === 'win32') return false;
  return !(env.DISPLAY || env.WAYLAND_DISPLAY);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();

async function main() {
  const headless = runsHeadless();

  function build(args, label) {
    process.stdout.write(`• Building ${label}… `);
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      console.error(`failed\n${result.stdout}\n${result.stderr}`);
      process.exit(1);
    }
    console.log('done');
  }

  build([], 'for Chrome');
  build(['-b', 'firefox'], 'for Firefox');

  // The demo page at / (query strings too), a 404 for anything else: the tests' own static server.
  const server = await serveStatic({ routes: { '/': readFileSync(path.join(root, 'demo/index.html')) } });
  const port = server.port;
  const url = server.url('/', DEMO_HOST);

  const where = () => {
    console.log(`\nUnpacked builds (load them yourself any time):`);
    console.log(`  Chrome / Chromium / Edge: ${chromeBuild}  (chrome://extensions → Developer mode → Load unpacked)`);
    console.log(`  Firefox:                  ${firefoxBuild}  (about:debugging → This Firefox → Load Temporary Add-on → manifest.json)`);
  };

  let plan = planHere();
  if (plan.action === 'install') {
    console.log(`\nNo Chromium found: installing it as the test line does (${plan.shown})…`);
    const install = plan;
    const ok = install.steps.every(([command, ...args]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0);
    plan = planHere();
    if (plan.action !== 'launch') plan = { action: 'tell', reason: ok ? 'Chromium was installed but is not where it was looked for' : 'Installing Chromium failed', command: install.shown };
  }
  if (plan.action === 'tell') {
    console.log(`\n${plan.reason}. The demo page is served at http://127.0.0.1:${port}/ meanwhile.`);
    if (plan.command) console.log(`Install Chromium with:\n  ${plan.command}\nthen run npm start again (or set CHROMIUM_PATH to a Chromium you have).`);
    else console.log('Install Chromium with your system\'s package manager, then run npm start again (or set CHROMIUM_PATH to it).');
    where();
    // Nobody can look at the page in CI: stop there (with an error: the demo did not run).
    if (process.env.CI === 'true') {
      server.close();
      process.exit(1);
    }
    console.log('Press Ctrl+C to stop.');
    await new Promise((resolve) => process.on('SIGINT', resolve));
    server.close();
    process.exit(0);
  }
  const chromiumPath = plan.path;

  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'vanban-lens-demo-'));
  const env = { ...process.env, LANGUAGE: process.env.LANGUAGE ?? 'vi' };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    env,
    viewport: headless ? { width: 1100, height: 960 } : null,
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      `--disable-extensions-except=${chromeBuild}`,
      `--load-extension=${chromeBuild}`,
      `--host-resolver-rules=MAP ${DEMO_HOST} 127.0.0.1`,
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };

  // Vietnamese first: LANGUAGE=vi is Chromium's language on Linux only where it ships that locale (Debian's has
  // only en-US), so the demo's fresh profile also sets the extension's own language option, unless LANGUAGE was given.
  if (!process.env.LANGUAGE) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined));
    await worker?.evaluate(() => chrome.storage.sync.set({ settings: { language: 'vi' } })).catch(() => {});
  }
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(url);
  console.log(`\nDemo page: ${url} (served from 127.0.0.1; no other host is contacted)`);

  if (!headless) {
    console.log('Chromium is open with vanban-lens loaded: rest the pointer on a code, press Tab, or use Alt+Shift+J / Alt+Shift+K.');
    console.log('The card\'s "Hồ sơ đầy đủ" (Full record) link opens the document\'s record; the demo\'s reused code, all its documents:');
    console.log(`  ${await codeListAddress(context, '35-CT/TW').catch(() => 'record.html?code=35-CT%2FTW')}`);
    console.log('Close the browser window (or press Ctrl+C) to stop.');
    where();
    await new Promise((resolve) => {
      context.on('close', resolve);
      process.on('SIGINT', resolve);
    });
    await cleanup();
    process.exit(0);
  }

  // Headless: wait for the marks, rest the pointer on the bare "Chỉ thị 35-CT/TW" (a reused code), screenshot.
  try {
    const marked = await waitFor(async () => {
      const n = await tab.evaluate(() => CSS.highlights?.get('vbl-ref')?.size ?? document.querySelectorAll('vbl-ref').length);
      return n >= 5 ? n : 0;
    }, 20_000, 'the page to be marked');
    const point = await tab.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode())) {
        if (node.parentElement?.tagName !== 'B') continue;
        const at = node.textContent.indexOf('35-CT/TW');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 8);
        node.parentElement.scrollIntoView({ block: 'center' });
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, w: box.width };
      }
      return null;
    });
    if (!point) throw new Error('the demo reference is missing from demo/index.html');
    await tab.mouse.move(point.x - point.w - 20, point.y);
    await tab.mouse.move(point.x, point.y, { steps: 3 });
    const heading = await waitFor(
      () =>
        // The card's shadow root is closed: read it through the DevTools protocol, as the tests do.
        evaluateInCard(tab, (root) => {
          const card = root?.querySelector('[role="dialog"]');
          return card && card.querySelector('.citation') ? card.querySelector('h2')?.textContent : undefined;
        }),
      20_000,
      'the card to open',
    );
    await tab.waitForTimeout(500);
    mkdirSync(path.dirname(screenshot), { recursive: true });
    await tab.screenshot({ path: screenshot });

    // The researcher's path: the card's "Hồ sơ đầy đủ" / "Full record" link opens the record in a new tab.
    const link = await evaluateInCard(tab, (root) => {
      const a = root?.querySelector('a.full-record');
      if (!a) return null;
      a.scrollIntoView({ block: 'nearest' });
      const r = a.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, text: a.textContent };
    });
    if (!link) throw new Error('the card has no link to the full record');
    const [record] = await Promise.all([
      context.waitForEvent('page', { timeout: 20_000 }),
      tab.mouse.click(link.x, link.y),
    ]);
    await record.setViewportSize({ width: 1100, height: 1300 });
    await record.waitForSelector('main h1', { timeout: 20_000 });
    // A record (?id=) draws its neighbourhood graph; the list of a code's documents (?code=) has none.
    if (new URL(record.url()).searchParams.has('id')) await record.waitForSelector('.graph-canvas[data-ready="true"]', { timeout: 20_000 });
    await record.waitForTimeout(300);
    await record.screenshot({ path: recordScreenshot });
    const recordHeading = await record.textContent('main h1');

    console.log(`Headless run (no display): ${marked} references marked; card "${heading}" opened.`);
    console.log(`Its "${link.text}" link opened ${record.url()} ("${recordHeading}").`);
    console.log(`Screenshots:\n  the card:   ${screenshot}\n  the record: ${recordScreenshot}`);
    where();
    await cleanup();
    process.exit(0);
  } catch (error) {
    console.error(`Demo failed: ${error instanceof Error ? error.message : error}`);
    where();
    await cleanup();
    process.exit(1);
  }

}

/** The extension's page listing the documents of a code (record.html?code=…), from its service worker's address. */
async function codeListAddress(context, code) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return `chrome-extension://${new URL(worker.url()).host}/record.html?${new URLSearchParams({ code })}`;
}

async function waitFor(probe, timeout, what) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
