/**
 * A broken bundled dataset in Firefox (the unpacked Firefox build as a temporary add-on): a copy whose
 * dataset.json.gz is cut in half. The card says at once that the data can't be read and what failed, with Try
 * again; the status names the kind and claims no dataset. (The build before this work kept "Looking it up…".)
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../../scripts/harness/firefox';
import { openFirefoxSite, type FirefoxSite } from '../../scripts/harness/firefox-site';
import { evaluateInCardFirefox } from '../../scripts/harness/card-root.mjs';
import { page as html } from '../helpers/pages';
import { poll } from '../helpers/poll';
import { hoverPoint, textPoint } from '../helpers/firefox-page';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';

const routes: Record<string, string> = {
  '/plain.html': html('Tin', '<p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>'),
  '/blank.html': html('Trống', '<p>Trang trống.</p>'),
};

let site: FirefoxSite;
let ff: FirefoxWithExtension;
let extensionPage: Page;
let t: Translate;
const url = (p: string) => site.url(p);

function cardText(page: Page): Promise<string> {
  return evaluateInCardFirefox(page, (root) => {
    const el = root?.querySelector('[role="dialog"]');
    return root?.host && !root.host.hasAttribute('hidden') && el ? el.textContent ?? '' : '';
  });
}

beforeAll(async () => {
  site = await openFirefoxSite({
    routes,
    prepareBuild: async (build) => {
      const manifest = JSON.parse(readFileSync(path.join(build, 'dataset', 'manifest.json'), 'utf8')) as { file: string };
      const file = path.join(build, 'dataset', manifest.file);
      const whole = readFileSync(file);
      await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    },
  });
  ff = site.firefox;
  extensionPage = await ff.extensionPage('popup.html', url('/blank.html'));
  const lang = await extensionPage.evaluate(() => (globalThis as any).browser.i18n.getMessage('lang'));
  t = translatorFrom(lang === 'en' ? enMessages : viMessages);
});

afterAll(() => site?.close());

describe('Firefox, a truncated bundled dataset', () => {
  it('the card says at once that the data cannot be read, what failed, and offers to try again', async () => {
    const page = await ff.browser.newPage();
    await page.goto(url('/plain.html'));
    const p = await poll(
      async () => {
        const point = await textPoint(page, '17-KH/TW');
        return point?.marked ? point : null;
      },
      (v) => v !== null,
    );
    expect(p).not.toBeNull();
    const started = Date.now();
    await hoverPoint(page, p!);
    const text = await poll(() => cardText(page), (s) => s.includes(t('integrity_card_title')), 8000);
    expect(text).toContain(t('integrity_card_title'));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(text).toContain(t('integrity_card_what', t('integrity_kind_truncated')));
    expect(text).toContain(t('integrity_retry'));

    const status = await extensionPage.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ channel: 'vanban-lens/lookup', request: { op: 'status' } }),
    );
    expect(status).toMatchObject({ ok: true, value: { ready: false, problem: 'truncated' } });
    await page.close();
  }, 60_000);
});
