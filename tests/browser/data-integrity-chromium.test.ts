/**
 * A broken bundled dataset in a real Chromium: a private copy of the built extension whose dataset.json.gz is cut
 * in half (as a failed copy or download leaves it). The card says at once that the data can't be read, what
 * failed, and offers to try again; the popup says the same. Once the file is whole again, "Thử lại" loads it and
 * the same card answers. (The build before this work showed "Đang tra cứu…" for about 25 s, then a generic error.)
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { snapshotBuild } from '../../scripts/harness/build-copy';
import { DEFAULT_EXTENSION, launchChromiumWithExtension, type ChromiumWithExtension } from '../../scripts/harness/chromium';
import { serveStatic, type StaticServer } from '../../scripts/harness/static-server.mjs';
import { sendLookup } from '../../scripts/harness/lookup';
import { page as html } from '../helpers/pages';
import { clickInCard, hover, waitForCard, waitForMarks } from '../helpers/card';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const HOST = 'baotest.vn';
const PLAIN = '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>';
/** Said only by the bundled dataset (the page does not say it): seen only once the data was read. */
const TITLE_WORDS = 'Ban Bí thư khóa XIV';

let server: StaticServer;
let chrome: ChromiumWithExtension;
let extensionDir: string;
let whole: Buffer;
let dataFile: string;
/** The browser's language decides the extension's (Chromium headless may ignore --lang): words from that file. */
let t: Translate;

beforeAll(async () => {
  process.env.LANGUAGE = 'vi';
  server = await serveStatic({ routes: { '/plain.html': html('Tin', PLAIN) } });
  extensionDir = await snapshotBuild(DEFAULT_EXTENSION, 'vbl-broken-data-');
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'dataset', 'manifest.json'), 'utf8')) as { file: string };
  dataFile = path.join(extensionDir, 'dataset', manifest.file);
  whole = readFileSync(dataFile);
  // Cut in half before the extension is first started: its first load fails.
  await writeFile(dataFile, whole.subarray(0, Math.floor(whole.length / 2)));
  chrome = await launchChromiumWithExtension({ extensionPath: extensionDir, hostMap: ['*.vn'], args: ['--lang=vi'] });
  const lang = await (await chrome.serviceWorker()).evaluate(() => (globalThis as any).chrome.i18n.getMessage('lang'));
  t = translatorFrom(lang === 'en' ? enMessages : viMessages);
});

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

async function open(pathname: string): Promise<Page> {
  const page = await chrome.context.newPage();
  await page.goto(server.url(pathname, HOST));
  return page;
}

describe('a truncated bundled dataset', () => {
  it('the card says at once that the data cannot be read, what failed, and offers to try again', async () => {
    const page = await open('/plain.html');
    await waitForMarks(page, 1);
    const started = Date.now();
    await hover(page, '17-KH/TW');
    const shown = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('integrity_card_title')), 8000);
    // Well before the old build's 25 s of retries.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(shown.text).toContain(t('integrity_card_what', t('integrity_kind_truncated')));
    expect(shown.text).toContain(t('integrity_retry'));
    expect(shown.text).not.toContain(t('cardLoading'));
    expect(shown.text).not.toContain('Failed to fetch');

    // The status says what failed, in plain words, and claims no dataset.
    const extPage = await chrome.openExtensionPage('popup.html');
    const status = await sendLookup(extPage, { op: 'status' });
    expect(status).toMatchObject({ ok: true, value: { ready: false, problem: 'truncated' } });
    const lastError = (status as { value: { lastError: string } }).value.lastError;
    expect(lastError).toMatch(/^The bundled dataset can't be read: the data file dataset\.json\.gz is truncated: [\d,]+ of [\d,]+ bytes\.$/);
    // The popup shows the same, with its own retry.
    await extPage.reload();
    await extPage.getByText(t('integrity_popup_unreadable', t('integrity_kind_truncated'))).waitFor({ timeout: 5000 });
    expect(await extPage.getByRole('button', { name: t('integrity_retry') }).count()).toBe(1);
    await extPage.close();

    // The file is whole again (a repaired install): "Thử lại" loads it, and the same card answers.
    await writeFile(dataFile, whole);
    await clickInCard(page, '.retry');
    const answered = await waitForCard(page, (c) => (c.text ?? '').includes(TITLE_WORDS), 30_000);
    expect(answered.text).not.toContain(t('integrity_card_title'));
    await page.close();
  }, 90_000);
});

describe('a damaged bundled dataset of the right size', () => {
  it('the card names the damage (its checksum does not match) rather than reading it', async () => {
    const damagedDir = await snapshotBuild(DEFAULT_EXTENSION, 'vbl-damaged-data-');
    let own: ChromiumWithExtension | undefined;
    try {
      const bytes = Buffer.from(whole);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x5a;
      await writeFile(path.join(damagedDir, 'dataset', path.basename(dataFile)), bytes);
      own = await launchChromiumWithExtension({ extensionPath: damagedDir, hostMap: ['*.vn'], args: ['--lang=vi'] });
      const page = await own.context.newPage();
      await page.goto(server.url('/plain.html', HOST));
      await waitForMarks(page, 1);
      await hover(page, '17-KH/TW');
      const shown = await waitForCard(page, (c) => c.open && (c.text ?? '').includes(t('integrity_card_title')), 8000);
      expect(shown.text).toContain(t('integrity_card_what', t('integrity_kind_hash_mismatch')));
    } finally {
      await own?.close();
      await rm(damagedDir, { recursive: true, force: true });
    }
  }, 90_000);
});
