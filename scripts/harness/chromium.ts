/**
 * Launches Debian's Chromium (playwright-core; no browser download), per ../shared/notes/toolchain.md. Shared by
 * the real-browser tests and the benchmarks.
 *
 *   const browser = await launchChromium();                         // no extension: pages run a bundle themselves
 *
 *   const browser = await launchChromiumWithExtension();            // .output/chrome-mv3 by default
 *   const page = await browser.openExtensionPage('popup.html');     // chrome-extension://ID/popup.html
 *   await browser.close();                                          // also removes the temporary profile
 *
 * Options: `extensionPath` (another unpacked build), `profileDir` (reuse a profile across launches), `hostMap`
 * (e.g. '*.vn' → 127.0.0.1, so pages served by static-server.mjs open under real-looking host names), `args`
 * (more Chromium switches).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** CHROMIUM_PATH, or CHROMIUM (the name bench:page read), or Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The build under test: .output/chrome-mv3, or VBL_EXTENSION (a private copy, when others build meanwhile). */
export const DEFAULT_EXTENSION = path.resolve(process.env.VBL_EXTENSION ?? '.output/chrome-mv3');

export interface LaunchOptions {
  extensionPath?: string;
  /** Reuse a browser profile (kept on close): what a restart of the browser sees. A fresh temporary one by default. */
  profileDir?: string;
  /** Host patterns mapped to 127.0.0.1 (e.g. ['*.vn']). */
  hostMap?: string[];
  args?: string[];
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (a new one after a restart: call serviceWorker() again). */
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page (path inside the extension, e.g. "popup.html") in a new tab. */
  openExtensionPage(pagePath: string): Promise<Page>;
  profileDir: string;
  close(): Promise<void>;
  /**
   * Kills the browser outright (SIGKILL to its main process, found by its own profile directory): no graceful
   * shutdown, so a service worker in the middle of work stops there, as when the machine loses power.
   */
  kill(): Promise<void>;
}

/** Chromium without an extension, headless, for pages that load the annotator bundle themselves. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** Pid of the Chromium main process started with this profile directory (not its child processes). */
async function mainProcessOf(profileDir: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  return undefined;
}

export async function launchChromiumWithExtension(options: LaunchOptions = {}): Promise<ChromiumWithExtension> {
  const ext = path.resolve(options.extensionPath ?? DEFAULT_EXTENSION);
  if (!existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`no built extension at ${ext}: run \`npx wxt build\` first`);
  }
  const profileDir = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'vbl-chromium-')));
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu',
    `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic',
    ...(options.hostMap?.length ? [`--host-resolver-rules=${options.hostMap.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args });
  const serviceWorker = async () => {
    const current = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return current ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    async openExtensionPage(pagePath) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
    },
    async kill() {
      const pid = await mainProcessOf(profileDir);
      if (pid === undefined) throw new Error(`no Chromium process found for ${profileDir}`);
      process.kill(pid, 'SIGKILL');
      // Gone for certain before anything else happens (the profile is then reused as the machine left it).
      // Still running: /proc/PID/stat exists and its state (after the command name) is not Z (exited, not yet reaped).
      const running = async () => {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        const state = /\) (\S)/.exec(stat.slice(stat.lastIndexOf(')')))?.[1];
        return state !== undefined && state !== 'Z';
      };
      for (let i = 0; (await running()) && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
      if (await running()) throw new Error(`Chromium ${pid} did not exit after SIGKILL`);
      await context.close().catch(() => {});
      if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
