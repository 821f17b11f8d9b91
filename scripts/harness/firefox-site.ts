/**
 * What every Firefox add-on test sets up and takes down: a local test server (pages by path), a test copy of the
 * Firefox build, and Firefox with that copy installed as a temporary add-on, browsing the server under a
 * real-looking host name (`http://baotest.vn:PORT/…`, see `launchFirefoxWithExtension`).
 *
 *   let site: FirefoxSite;
 *   beforeAll(async () => { site = await openFirefoxSite({ routes }); });
 *   afterAll(() => site?.close());
 *   const page = await site.open('/plain.html');
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, testCopyOfFirefoxBuild, type FirefoxWithExtension } from './firefox';
import { serveStatic, type StaticServer } from './static-server.mjs';

/** The host name the test pages are opened under (every request goes to the local server). */
export const FIREFOX_SITE_HOST = 'baotest.vn';

/** The Firefox build under test: .output/firefox-mv2, or VBL_FIREFOX_EXTENSION (a private copy). */
export const DEFAULT_FIREFOX_EXTENSION = path.resolve(process.env.VBL_FIREFOX_EXTENSION ?? '.output/firefox-mv2');

export interface FirefoxSiteOptions {
  /** Fixed page bodies by pathname (see serveStatic). */
  routes: Record<string, string>;
  /** Extension pages made web-accessible in the test copy, so a test can open them (popup.html by default). */
  extensionPages?: string[];
  /** Changes the test copy of the build before it is installed (e.g. breaks its dataset). */
  prepareBuild?: (build: string) => Promise<void>;
}

export interface FirefoxSite {
  firefox: FirefoxWithExtension;
  server: StaticServer;
  /** The test copy of the build (removed by close). */
  build: string;
  /** http://baotest.vn:PORT/pathname */
  url(pathname: string): string;
  /** A new tab at `pathname`. */
  open(pathname: string): Promise<Page>;
  /** Closes Firefox and the server and removes the build copy; safe to call more than once. */
  close(): Promise<void>;
}

export async function openFirefoxSite(options: FirefoxSiteOptions): Promise<FirefoxSite> {
  let server: StaticServer | undefined;
  let build: string | undefined;
  let firefox: FirefoxWithExtension | undefined;
  const close = async () => {
    await firefox?.close();
    await server?.close();
    if (build) await rm(build, { recursive: true, force: true });
    firefox = server = build = undefined;
  };
  try {
    server = await serveStatic({ routes: options.routes });
    build = await testCopyOfFirefoxBuild(DEFAULT_FIREFOX_EXTENSION, options.extensionPages);
    await options.prepareBuild?.(build);
    firefox = await launchFirefoxWithExtension({ extensionPath: build, proxyPort: server.port });
  } catch (error) {
    await close();
    throw error;
  }
  const url = (pathname: string) => `http://${FIREFOX_SITE_HOST}:${server!.port}${pathname}`;
  const site: FirefoxSite = {
    firefox,
    server,
    build,
    url,
    async open(pathname) {
      const page = await site.firefox.browser.newPage();
      await page.goto(url(pathname));
      return page;
    },
    close,
  };
  return site;
}
