/**
 * ../shared beside the clone holds what several tests read (the seed articles, the raw news corpus for the
 * dataset rebuild check). It is always there, here and in CI: its absence fails here, so no run can pass by
 * quietly skipping the tests that need it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, SEEDS_DIR } from '../helpers/seeds';

const SHARED = resolve(import.meta.dirname, '../../../shared');

describe('../shared beside the clone', () => {
  it('holds the seed articles', () => {
    expect(SEED_FILES.filter((f) => !existsSync(join(SEEDS_DIR, f)))).toEqual([]);
  });

  it('holds the raw news corpus that npm run dataset reads', () => {
    expect(existsSync(join(SHARED, 'data/corpus/index.tsv'))).toBe(true);
  });
});
