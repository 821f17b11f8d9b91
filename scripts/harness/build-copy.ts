/**
 * A private copy of a built extension: other work may rebuild .output while a test or a benchmark runs, and a
 * browser must not see its extension's files change under it. The caller removes the copy when done.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function snapshotBuild(dir: string, prefix = 'vbl-ext-'): Promise<string> {
  const source = path.resolve(dir);
  if (!existsSync(path.join(source, 'manifest.json'))) throw new Error(`no built extension at ${source}: run \`npx wxt build\` first`);
  const target = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(source, target, { recursive: true });
  return target;
}
