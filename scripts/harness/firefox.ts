/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (recipe in ../shared/notes/toolchain.md).
 * `launchFirefox()`: no extension, for pages that load the annotator bundle themselves.
 * `launchFirefoxWithExtension()`: the unpacked Firefox build installed as a temporary add-on; host names resolve
 * to 127.0.0.1 through an HTTP proxy pref pointing at the test server itself, so `http://baotest.vn:PORT/` is
 * served locally.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { snapshotBuild } from './build-copy';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox without an extension, headless. */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
}

/** The add-on's gecko id (wxt.config.ts) and the fixed internal UUID its moz-extension:// pages get here. */
export const ADDON_ID = 'vanban-lens@vanban-lens.local';
export const ADDON_UUID = '6c0ffee0-7e57-4b1e-9000-000000000001';

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /**
   * Opens an extension page (e.g. "popup.html"), where `browser.*` APIs can be called. WebDriver BiDi refuses
   * to navigate to moz-extension:// itself, so a local page goes there (the test copy of the build lists the
   * page as web-accessible; see `testCopyOfFirefoxBuild`).
   */
  extensionPage(pagePath: string, fromUrl: string): Promise<import('puppeteer-core').Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: { extensionPath: string; proxyPort: number; lang?: string }): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // Every http request goes to the local test server (it serves by path): nothing leaves 127.0.0.1.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'intl.locale.requested': options.lang ?? 'vi',
      'ui.prefersReducedMotion': 1,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  const addonId = await browser.installExtension(path.resolve(options.extensionPath));
  return {
    browser,
    addonId,
    async extensionPage(pagePath, fromUrl) {
      const page = await browser.newPage();
      await page.goto(fromUrl);
      const target = `moz-extension://${ADDON_UUID}/${pagePath.replace(/^\//, '')}`;
      await page.evaluate((url) => {
        location.href = url;
      }, target);
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        // The extension page's own document, loaded, with its extension API (right after the switch the page can
        // still answer from a transitional document without `browser`).
        const ready = await page
          .evaluate(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading' && typeof (globalThis as any).browser?.runtime?.sendMessage === 'function')
          .catch(() => false);
        if (ready) return page;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`could not open ${target}`);
    },
    close: async () => {
      await browser.close().catch(() => {});
    },
  };
}

/**
 * A copy of the Firefox build for tests: the same files, with popup.html (or the extension pages named)
 * web-accessible so a test can open them (the shipped build does not expose them).
 */
export async function testCopyOfFirefoxBuild(dir: string, pages: string[] = ['popup.html']): Promise<string> {
  const copy = await snapshotBuild(dir);
  const manifestPath = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), ...pages];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}
