/**
 * No answer contradicted by its own sentence: over every mention of the committed dataset (the whole news corpus
 * and the seeds, as `npm run dataset` resolves them; tests/unit/dataset/committed-dataset.test.ts keeps it the
 * build's output), a mention resolved to a document never states a date, term, issuing body or place that the
 * document's record contradicts. The checks here are written apart from the resolver's, on the stored facts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Dataset, DocumentRecord, MentionRecord } from '../../../lib/records/schema';
import { termForDate, termNumeral } from '../../../lib/keys/party-terms';
import { bodyIdentity, compareBodies, couldIssue } from '../../../lib/keys/body-key';
import { placeKey } from '../../../lib/keys/local-codes';

const ROOT = resolve(import.meta.dirname, '../../..');
const dataset = JSON.parse(gunzipSync(readFileSync(join(ROOT, 'public/dataset/dataset.json.gz'))).toString('utf8')) as Dataset;
const byId = new Map(dataset.documents.map((d) => [d.id, d]));

/** Every date a record is known by (its date and disagreeing readings). */
const datesOf = (d: DocumentRecord) => [d.date, ...d.readings.filter((r) => r.field === 'date').map((r) => r.value)].filter((x): x is string => Boolean(x));
const termsOf = (d: DocumentRecord) => {
  const terms = [d.term, ...d.readings.filter((r) => r.field === 'term').map((r) => termNumeral(r.value) ?? r.value)].filter((x): x is string => Boolean(x));
  return terms.length ? terms : datesOf(d).map((x) => termForDate(x)).filter((x): x is string => Boolean(x));
};

/** What the mention states that the record contradicts (empty when nothing). */
function contradictions(m: MentionRecord, d: DocumentRecord): string[] {
  const out: string[] = [];
  const dates = datesOf(d);
  if (m.date && dates.length) {
    const year = m.date.slice(0, 4);
    const sameYear = dates.filter((x) => x.slice(0, 4) === year);
    if (sameYear.length === 0) out.push(`stated ${m.date}, record ${dates.join('/')}`);
    else if (m.date.length === 10 && sameYear.every((x) => x.length === 10 && x !== m.date)) out.push(`stated ${m.date}, record ${sameYear.join('/')}`);
  }
  const stated = termNumeral(m.term) ?? m.term;
  const terms = termsOf(d);
  if (stated && terms.length && !terms.includes(stated)) out.push(`stated khóa ${stated}, record ${terms.join('/')}`);
  const body = bodyIdentity(m.issuerName);
  if (body && couldIssue(body, d.family, d.typeAbbr) && compareBodies(m.issuerName, d.issuer) === 'differs') out.push(`stated ${m.issuerName}, record ${d.issuer}`);
  if (m.place && d.place && placeKey(m.place) !== placeKey(d.place)) out.push(`placed in ${m.place}, record of ${d.place}`);
  return out;
}

describe('no answer is contradicted by its own sentence, over every corpus mention', () => {
  const resolved = dataset.mentions.filter((m) => m.status === 'resolved');

  it('checks thousands of resolved mentions with stated facts', () => {
    expect(resolved.length).toBeGreaterThan(2000);
    expect(resolved.filter((m) => m.date || m.term || m.issuerName).length).toBeGreaterThan(500);
  });

  it('every resolved mention agrees with its record', () => {
    const bad = resolved.flatMap((m) => {
      const d = byId.get(m.documentId!);
      if (!d) return [`${m.articleId} @${m.start} ${m.raw}: no record ${m.documentId}`];
      const c = contradictions(m, d);
      return c.length ? [`${m.articleId} @${m.start} "${m.raw}" → ${d.id}: ${c.join('; ')}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('the checks find a contradiction when there is one', () => {
    const d = byId.get('35-CT/TW@2019-05-30')!;
    const m = (facts: Partial<MentionRecord>): MentionRecord => ({ articleId: 'x', raw: '35-CT/TW', start: 0, end: 8, status: 'resolved', documentId: d.id, ...facts });
    expect(contradictions(m({ date: '2019-05-30', term: 'XII', issuerName: 'Bộ Chính trị' }), d)).toEqual([]);
    expect(contradictions(m({ date: '2019-06-01' }), d)).toHaveLength(1);
    expect(contradictions(m({ date: '2014' }), d)).toHaveLength(1);
    expect(contradictions(m({ term: 'XIII' }), d)).toHaveLength(1);
    expect(contradictions(m({ issuerName: 'Ban Thường vụ Tỉnh ủy Nghệ An' }), d)).toHaveLength(1);
  });
});
