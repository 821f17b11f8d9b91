/**
 * BibTeX export: @misc entries with title, number (the code), date and year, organization (the issuing body),
 * type, url (the page where it was seen), howpublished (that page's title), urldate (when it was saved), note,
 * keywords. Vietnamese letters stay UTF-8 (biber and citation-js read them; never TeX accent macros). Pure.
 */
import { dateParts, type ExportItem } from './export-item';

/** TeX's special characters escaped; braces balanced by escaping them. */
function tex(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\textbackslash ')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\\textbackslash /g, '\\textbackslash{}');
}

/** A url field is read verbatim: only braces would break it, and they are percent-encoded. */
const url = (value: string) => value.replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20');

export function toBibtex(items: ExportItem[]): string {
  const entries = items.map(({ ref, title, type, issuer, date }) => {
    const parts = dateParts(date);
    const saved = new Date(ref.savedAt).toISOString().slice(0, 10);
    const fields: Array<[string, string]> = [['title', tex(title ?? ref.code)], ['number', tex(ref.code)]];
    if (parts) {
      fields.push(['date', date!]);
      fields.push(['year', String(parts[0])]);
    }
    if (issuer) fields.push(['organization', tex(issuer)]);
    if (type) fields.push(['type', tex(type)]);
    if (ref.url) fields.push(['url', url(ref.url)]);
    if (ref.pageTitle) fields.push(['howpublished', tex(ref.pageTitle)]);
    fields.push(['urldate', saved]);
    if (ref.note) fields.push(['note', tex(ref.note)]);
    if (ref.tags.length) fields.push(['keywords', tex(ref.tags.join(', '))]);
    return `@misc{vbl-${ref.key},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}`;
  });
  return entries.join('\n\n') + '\n';
}
