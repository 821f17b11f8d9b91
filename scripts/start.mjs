#!/usr/bin/env node
// `npm start`: the live product. Builds the extension (Chrome and Firefox), serves the demo page on 127.0.0.1
// under a .vn host name, and opens Chromium with the extension loaded on it. Without a display (on Linux, no
// $DISPLAY or $WAYLAND_DISPLAY; anywhere, CI=true or --headless) the same demo runs headless: it opens a card,
// saves a screenshot and prints where it is. macOS and Windows always have a display: a window opens there.
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
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_HOST = 'demo.vanban-lens.vn';
const screenshot = path.join(root, '.output/demo-card.png');

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

  if (!existsSync(chromiumPath)) {
    console.log(`\nNo Chromium at ${chromiumPath} (set CHROMIUM_PATH). The demo page is served at http://127.0.0.1:${port}/ meanwhile.`);
    where();
    await new Promise((resolve) => process.on('SIGINT', resolve));
    server.close();
    process.exit(0);
  }

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

  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(url);
  console.log(`\nDemo page: ${url} (served from 127.0.0.1; no other host is contacted)`);

  if (!headless) {
    console.log('Chromium is open with vanban-lens loaded: rest the pointer on a code, press Tab, or use Alt+Shift+J / Alt+Shift+K.');
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
    console.log(`Headless run (no display): ${marked} references marked; card "${heading}" opened.`);
    console.log(`Screenshot with the card open: ${screenshot}`);
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

async function waitFor(probe, timeout, what) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
