/**
 * The two real seed articles live in ../shared/seeds beside the clone (never copied into the repository);
 * VBL_SEEDS names another folder. They are always there (here and in CI): a test that needs them fails when they
 * are missing, it is never skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEEDS_DIR = process.env.VBL_SEEDS ?? resolve(import.meta.dirname, '../../../shared/seeds');
export const SEED_NEWS_2024 = '000_39ce9bc540b8e1cf.txt';
export const SEED_NAM_DINH_2020 = '004_cddd7e3caff090ad.txt';
/** Every seed article, in file-name order. */
export const SEED_FILES = [SEED_NEWS_2024, SEED_NAM_DINH_2020] as const;

export function readSeed(name: string): string {
  const file = resolve(SEEDS_DIR, name);
  if (!existsSync(file)) throw new Error(`seed article ${file} not found: ../shared/seeds must be beside the clone (or set VBL_SEEDS)`);
  return readFileSync(file, 'utf8');
}
