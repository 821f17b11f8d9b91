/** Dates, headings and citations as the card writes them. Pure. */
import { parseStatus } from '../records/status';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2023-07-07" → "07/7/2023" in Vietnamese (the administrative style: day below 10 and months 1–2 take a
 * leading zero), "7 July 2023" in English. A year alone ("2019") or a month ("2019-05") stays as precise as
 * it is; anything else is returned unchanged rather than guessed.
 */
export function formatDate(value: string | undefined, lang: 'vi' | 'en' = 'vi'): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const m = month ? Number(month) : undefined;
  const d = day ? Number(day) : undefined;
  if (lang === 'en') {
    if (!m) return year;
    return d ? `${d} ${EN_MONTHS[m - 1]} ${year}` : `${EN_MONTHS[m - 1]} ${year}`;
  }
  const mm = m === undefined ? undefined : m < 3 ? String(m).padStart(2, '0') : String(m);
  if (!mm) return year;
  return d ? `${String(d).padStart(2, '0')}/${mm}/${year}` : `${mm}/${year}`;
}

/**
 * "Kế hoạch số 17-KH/TW"; the code alone when the type is unknown, and the text as it is when it already starts
 * with the type ("Nghị quyết số 999" never becomes "Nghị quyết số Nghị quyết số 999").
 */
export function documentHeading(typeName: string | undefined, code: string): string {
  if (!typeName) return code;
  const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');
  if (fold(code).startsWith(fold(typeName))) return capitalize(code);
  return `${capitalize(typeName)} số ${code}`;
}

/**
 * A citation in plain Vietnamese: "Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị". Parts that are not
 * known are left out, never invented. A year alone reads "năm 2019".
 */
export function citation(parts: { typeName?: string; code: string; date?: string; issuer?: string}): string {
  let text = documentHeading(parts.typeName, parts.code);
  if (parts.date) text += /^\d{4}$/.test(parts.date) ? ` năm ${parts.date}` : ` ngày ${formatDate(parts.date, 'vi')}`;
  if (parts.issuer) text += ` của ${parts.issuer}`;
  return text;
}

/** Only http(s) addresses become links; anything else (javascript:, data:) is shown as text or dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host of a source address, for a short link label ("thuvienphapluat.vn"). */
/**
 * One article's address however it is written: scheme, "www.", "m."/"amp." prefixes, the fragment, a trailing
 * slash and tracking parameters (utm_*) do not make another article. Used to keep the page being read out of the
 * list of articles citing a document.
 */
export function articleAddressKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^(?:www|m|amp)\./, '');
    const params = [...u.searchParams].filter(([k]) => !/^utm_/i.test(k)).map(([k, v]) => `${k}=${v}`).sort().join('&');
    return `${host}${u.pathname.replace(/\/+$/, '')}${params ? `?${params}` : ''}`;
  } catch {
    return url.trim();
  }
}

export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Incoming relations ("implements-by": the other document implements this one) and their message suffixes. */
const PASSIVE: Readonly<Record<string, string>> = {
  implements: 'implemented_by',
  guides: 'guided_by',
  replaces: 'replaced_by',
  amends: 'amended_by',
  summarises: 'summarised_by',
};

/**
 * The message key of a relation as a related document's list says it: "implements" → cardRelation_implements,
 * "implements-by" → cardRelation_implemented_by; an unknown kind → its own key (the caller falls back).
 */
export function relationKey(kind: string | undefined): string {
  if (!kind) return 'cardRelation_related';
  const incoming = /^(.+)-by$/.exec(kind);
  if (incoming) return `cardRelation_${PASSIVE[incoming[1]!] ?? `${incoming[1]!.replace(/[^a-z]/gi, '_')}_by`}`;
  return `cardRelation_${kind.replace(/[^a-z]/gi, '_')}`;
}

/**
 * A document's status in the reader's language ("Hết hiệu lực từ 15/5/2021", "Replaced by 45-CT/TW"), from the form
 * data/documents.tsv writes it in (lib/records/status.ts); a text in no known form is shown as it is.
 */
export function statusText(text: string, lang: 'vi' | 'en' = 'vi'): string {
  const status = parseStatus(text);
  if (!status) return text;
  const date = (d: string | undefined) => formatDate(d, lang);
  const vi = lang === 'vi';
  const from = status.from ? (vi ? ` từ ${date(status.from)}` : ` ${status.kind === 'replaced' ? 'from' : 'since'} ${date(status.from)}`) : '';
  const byLater = status.kind !== 'replaced' && status.by ? (vi ? `, được thay thế bởi ${status.by}` : `, replaced by ${status.by}`) : '';
  const head = {
    'in-force': vi ? (status.from ? 'Có hiệu lực' : 'Còn hiệu lực') : 'In force',
    expired: vi ? 'Hết hiệu lực' : 'No longer in force',
    'partly-expired': vi ? 'Hết hiệu lực một phần' : 'Partly no longer in force',
    replaced: vi ? `Được thay thế bởi ${status.by}` : `Replaced by ${status.by}`,
  }[status.kind];
  const amended = status.amended ? (vi ? ', đã được sửa đổi, bổ sung' : ', amended') : '';
  const stated = !status.stated
    ? ''
    : status.stated === 'undated'
      ? vi ? ' (theo nguồn, không rõ thời điểm nguồn nêu)' : ' (as the source states; when it said so is unknown)'
      : vi
        ? ` (theo nguồn, nêu ${status.stated.length === 10 ? 'ngày' : status.stated.length === 7 ? 'tháng' : 'năm'} ${date(status.stated)})`
        : ` (as the source stated ${status.stated.length === 10 ? 'on' : 'in'} ${date(status.stated)})`;
  return `${head}${from}${byLater}${amended}${stated}`;
}
