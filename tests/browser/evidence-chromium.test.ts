/**
 * Never confidently wrong, in a real Chromium with the built extension, on a page of our own writing with several
 * of the cases at once: a stated term no record has ("not in the dataset", and what ruled the records out), an
 * event before a directive existed, a short form taking the identity of the code the page wrote in full, a local
 * code placed by its paragraph, a citation its sentence confirms, and a code of several records told apart by the
 * subject its passage speaks of, and one told apart by the years the sentence says it has been carried out. Each card says what kind of answer it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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
const SHOTS = path.resolve('.tmp/screenshots');
const EVIDENCE = html(
  'Thời sự',
  `<h1>Các cấp ủy rà soát việc thực hiện nghị quyết</h1>
   <p>Bộ Chính trị khóa IX đã ban hành nhiều nghị quyết quan trọng, trong đó có Nghị quyết số 11-NQ/TW về công tác tư tưởng.</p>
   <p>Ngày 5-3-2019, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị.</p>
   <p>Luật số 71/2014/QH13 sửa đổi, bổ sung một số điều của các luật về thuế. Từ đầu năm 2015, Luật số 71 được các doanh nghiệp áp dụng.</p>
   <p>Hội nghị Thành ủy Hà Nội diễn ra sáng qua. Các đại biểu đánh giá kết quả thực hiện Chương trình số 01-CTr/TU về xây dựng Đảng.</p>
   <p>Theo Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị, các cấp ủy rà soát quy hoạch.</p>
   <p>Sửa Luật TDTT lần này cần bổ sung nội dung về thể thao quần chúng, thể thao trường học, như Nghị quyết số 08-NQ/TW đã đề ra.</p>
   <p>Năm nay, Ban Nội chính chuẩn bị tổng kết 15 năm thực hiện Chỉ thị số 15-CT/TW của Bộ Chính trị.</p>`,
  '<meta property="article:published_time" content="2023-08-01T08:00:00+07:00">',
);

let site: ChromiumSite;
let server: StaticServer;
let chrome: ChromiumWithExtension;
let t: Translate;
let lang: 'vi' | 'en' = 'vi';
let page: Page;
const day = (iso: string) => formatDate(iso, lang)!;

beforeAll(async () => {
  site = await openChromiumSite({ routes: { '/evidence.html': EVIDENCE } });
  ({ server, chrome } = site);
  lang = await site.language();
  t = translatorFrom(lang === 'vi' ? viMessages : enMessages);
  page = await chrome.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(server.url('/evidence.html', HOST));
  await waitForMarks(page, 8);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await site?.close();
});

/** Opens the card of `text` and waits for its answer to be known (the answer badge). */
const open = (text: string, nth = 0) => openAnsweredCard(page, text, nth);

describe('a page with several cases: each card says how sure it is and why', () => {
  it('a stated term no record has: not in the dataset, with the records it rules out and why', async () => {
    const c = await open('11-NQ/TW');
    expect(c.answer).toBe('not-in-dataset');
    expect(c.text).toContain(t('answer_not_in_dataset'));
    expect(c.text).toContain(t('cardRuledOut'));
    expect(c.ruledOut.some((r) => r.includes(t('ruledOut_term', ['X', 'IX'])))).toBe(true);
    expect(c.ruledOut.some((r) => r.includes(t('ruledOut_term', ['XIII', 'IX'])))).toBe(true);
    // What the page says stays on the card: the term it states.
    expect(c.text).toContain('IX');
    await page.screenshot({ path: path.join(SHOTS, 'evidence-not-in-dataset.png') });
  });

  it('an event before a directive existed rules that directive out', async () => {
    const c = await open('35-CT/TW');
    expect(c.ruledOut.some((r) => r.includes(t('ruledOut_afterEvent', [day('2019-05-30'), day('2019-03-05')])))).toBe(true);
    expect(c.answer).not.toBe('confirmed');
    // The directive shown is the one that existed then.
    expect(c.text).toContain(day('2014-05-26'));
  });

  it('a short form takes the identity of the code the page writes in full', async () => {
    const c = await open('Luật số 71', 1); // the second "Luật số 71": the first opens "Luật số 71/2014/QH13"
    expect(c.text).toContain(t('cardAsWritten'));
    expect(c.heading).toContain('71/2014/QH13');
  });

  it('a local code is placed by its paragraph, and the card says so', async () => {
    const c = await open('01-CTr/TU');
    expect(c.answer).toBe('confirmed');
    expect(c.text).toContain(t('reason_place_paragraph', ['Hà Nội']));
  });

  it('a code of several records: the one whose subject the passage speaks of (sport), not the latest before the page', async () => {
    const c = await open('08-NQ/TW');
    expect(c.answer).toBe('best-fit');
    expect(c.text).toContain(day('2011-12-01'));
    expect(c.text).toContain(t('reason_passageWords', ['“thể dục”, “thể thao”']));
    expect(c.text).not.toContain(t('reason_latestBeforePage', [day('2023-08-01')]));
  });

  it('the years of carrying it out rule out the directives of that number too recent for them', async () => {
    const c = await open('15-CT/TW');
    expect(c.answer).toBe('best-fit');
    expect(c.text).toContain(day('2007-07-07'));
    expect(c.text).toContain(t('reason_yearsInForce', ['15', '2023']));
    expect(c.ruledOut.some((r) => r.includes(t('ruledOut_tooRecent', [day('2012-02-24'), '15', '2023'])))).toBe(true);
  });

  it('a citation its sentence confirms says "confirmed"', async () => {
    const c = await open('17-KH/TW');
    expect(c.answer).toBe('confirmed');
    expect(c.text).toContain(t('answer_confirmed'));
    await page.screenshot({ path: path.join(SHOTS, 'evidence-confirmed.png') });
  });
});
