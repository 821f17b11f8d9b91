/**
 * What the Chromium add-on tests set up and take down: a local test server (pages by path), a private copy of the
 * Chromium build (others may rebuild .output meanwhile), and Chromium with that copy loaded, its UI in Vietnamese,
 * browsing the server under a real-looking host name (`http://baotest.vn:PORT/…`, '*.vn' mapped to 127.0.0.1).
 *
 *   let site: ChromiumSite;
 *   beforeAll(async () => { site = await openChromiumSite({ routes }); });
 *   afterAll(() => site?.close());
 *   const page = await site.open('/plain.html');
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { snapshotBuild } from './build-copy';
import { DEFAULT_EXTENSION, launchChromiumWithExtension, type ChromiumWithExtension } from './chromium';
import { serveStatic, type StaticServer } from './static-server.mjs';

/** The host name the test pages are opened under. */
export const CHROMIUM_SITE_HOST = 'baotest.vn';

export interface ChromiumSite {
  chrome: ChromiumWithExtension;
  server: StaticServer;
  /** The private copy of the build (removed by close). */
  extensionDir: string;
  /** http://baotest.vn:PORT/pathname */
  url(pathname: string): string;
  /** A new tab at `pathname`. */
  open(pathname: string): Promise<Page>;
  /** The language the browser gave the extension (Vietnamese where Chromium has its Vietnamese locale). */
  language(): Promise<'vi' | 'en'>;
  /** Closes Chromium and the server and removes the build copy; safe to call more than once. */
  close(): Promise<void>;
}

export async function openChromiumSite(options: { routes: Record<string, string> }): Promise<ChromiumSite> {
  let server: StaticServer | undefined;
  let extensionDir: string | undefined;
  let chrome: ChromiumWithExtension | undefined;
  const close = async () => {
    await chrome?.close();
    await server?.close();
    if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
    chrome = server = extensionDir = undefined;
  };
  try {
    process.env.LANGUAGE = 'vi'; // Chromium's UI language on Linux, which browser.i18n follows
    server = await serveStatic({ routes: options.routes });
    extensionDir = await snapshotBuild(DEFAULT_EXTENSION);
    chrome = await launchChromiumWithExtension({ extensionPath: extensionDir, hostMap: ['*.vn'], args: ['--lang=vi'] });
  } catch (error) {
    await close();
    throw error;
  }
  const url = (pathname: string) => server!.url(pathname, CHROMIUM_SITE_HOST);
  const site: ChromiumSite = {
    chrome,
    server,
    extensionDir,
    url,
    async open(pathname) {
      const page = await site.chrome.context.newPage();
      await page.goto(url(pathname));
      return page;
    },
    async language() {
      const lang = await (await site.chrome.serviceWorker()).evaluate(() => (globalThis as any).chrome.i18n.getMessage('lang'));
      return lang === 'en' ? 'en' : 'vi';
    },
    close,
  };
  return site;
}
