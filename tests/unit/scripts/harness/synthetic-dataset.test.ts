// The synthetic dataset of bench:data and the interrupted-load browser test (scripts/harness/synthetic-dataset.ts).
import { describe, expect, it } from 'vitest';
import { generateDataset, seededRandom, SYNTHETIC_SEED } from '../../../../scripts/harness/synthetic-dataset';

describe('synthetic dataset', () => {
  const dataset = generateDataset(500, 5_000);

  it('has the asked-for counts, unique ids and its version', () => {
    expect(dataset.version).toBe('bench-500-5000');
    expect(dataset.documents).toHaveLength(500);
    expect(dataset.mentions).toHaveLength(5_000);
    expect(new Set(dataset.documents.map((d) => d.id)).size).toBe(500);
    expect(new Set(dataset.articles.map((a) => a.id)).size).toBe(dataset.articles.length);
  });

  it('every mention points at an article and a document of the dataset', () => {
    const docs = new Set(dataset.documents.map((d) => d.id));
    const articles = new Set(dataset.articles.map((a) => a.id));
    for (const m of dataset.mentions) {
      expect(articles.has(m.articleId)).toBe(true);
      for (const id of m.documentId ? [m.documentId] : (m.candidates ?? [])) expect(docs.has(id)).toBe(true);
    }
  });

  it('is the same every run, and continues the random stream it is given', () => {
    expect(generateDataset(500, 5_000)).toEqual(dataset);
    const rand = seededRandom(SYNTHETIC_SEED);
    expect(generateDataset(500, 5_000, rand)).toEqual(dataset);
    const next = rand();
    const again = seededRandom(SYNTHETIC_SEED);
    generateDataset(500, 5_000, again);
    expect(again()).toBe(next);
  });
});
