/**
 * Never confidently wrong, read the way the extension reads a page (block by block), in a real Chromium with the
 * built extension, on a page of our own writing: a short form in a later paragraph confirmed by the code an earlier
 * one wrote in full, a series of one number that names no one document, and a plenum stated after a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumWithExtension } from '../../scripts/harness/chromium';
import { openChromiumSite, type ChromiumSite } from '../../scripts/harness/chromium-site';
import type { StaticServer } from '../../scripts/harness/static-server.mjs';
import { translatorFrom, type Translate } from '../../lib/i18n/t';
import { formatDate } from '../../lib/card/format';
import viMessages from '../../public/_locales/vi/messages.json';
import enMessages from '../../public/_locales/en/messages.json';
import { page as html } from '../helpers/pages';
import { openAnsweredCard, waitForMarks } from '../helpers/card';

const HOST = 'baotest.vn';
const FORMS = html(
  'Kinh tế',
  `<h1>Học phí và môi trường kinh doanh</h1>
   <p>Theo Nghị định 86/2015/NĐ-CP của Chính phủ, học phí các trường công lập tăng theo lộ trình.</p>
   <p>Dự thảo mới bổ sung điểm mà Nghị định 86 chưa quy định đến, là kết quả kiểm định chất lượng.</p>
   <p>Từ năm 2014, Chính phủ đã ban hành các Nghị quyết 19/NQ-CP về cải thiện môi trường kinh doanh.</p>
   <p>Phó Thủ tướng nhận định Nghị quyết số 26-NQ/TW tại Hội nghị Trung ương 7 khóa X xác định năm mục tiêu của nông thôn mới.</p>`,
  '<meta property="article:published_time" content="2017-06-01T08:00:00+07:00">',
);

let site: ChromiumSite;
let server: StaticServer;
let chrome: ChromiumWithExtension;
let t: Translate;
let lang: 'vi' | 'en' = 'vi';
let page: Page;
let marks: string[];

beforeAll(async () => {
  site = await openChromiumSite({ routes: { '/forms.html': FORMS } });
  ({ server, chrome } = site);
  lang = await site.language();
  t = translatorFrom(lang === 'vi' ? viMessages : enMessages);
  page = await chrome.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(server.url('/forms.html', HOST));
  marks = await waitForMarks(page, 4);
});

afterAll(async () => {
  await site?.close();
});

/** Opens the card of `text` and waits for its answer to be known (the answer badge). */
const open = (text: string, nth = 0) => openAnsweredCard(page, text, nth);

describe('a page read block by block', () => {
  it('marks the short form of a later paragraph, confirmed by the code an earlier paragraph wrote in full', async () => {
    expect(marks).toEqual(expect.arrayContaining(['86/2015/NĐ-CP', 'Nghị định 86', '19/NQ-CP', '26-NQ/TW']));
    const c = await open('Nghị định 86', 1); // the second: the first opens "Nghị định 86/2015/NĐ-CP"
    expect(c.heading).toContain('86/2015/NĐ-CP');
  });

  it('a series of one number ("các Nghị quyết 19/NQ-CP") is offered as several, never one', async () => {
    const c = await open('19/NQ-CP');
    expect(c.answer).not.toBe('confirmed');
    expect(c.answer).not.toBe('best-fit');
    expect(c.text).toContain(t('reason_namesSeries'));
  });

  it('a plenum and term stated after a code confirm the resolution of that plenum', async () => {
    const c = await open('26-NQ/TW');
    expect(c.answer).toBe('confirmed');
    expect(c.text).toContain(formatDate('2008-08-05', lang)!);
    expect(c.text).toContain(t('answer_confirmed'));
  });
});
