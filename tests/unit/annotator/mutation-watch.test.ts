// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchMutations, type MutationBatch } from '../../../lib/annotator/mutation-watch';

let controller: AbortController;
afterEach(() => controller?.abort());

function watch() {
  controller = new AbortController();
  const batches: MutationBatch[] = [];
  const w = watchMutations({ doc: document, signal: controller.signal, debounceMs: 5, maxWaitMs: 20, onBatch: (b) => batches.push(b) });
  return { w, batches };
}

const settle = () => new Promise((r) => setTimeout(r, 40));

describe('mutation watch', () => {
  it("ignores the annotator's own changes, keeps the page's changes made just before them", async () => {
    document.body.innerHTML = '<p id="a">một</p><p id="b">hai</p>';
    const { w, batches } = watch();
    document.getElementById('a')!.append(' thêm'); // the page's change
    w.own(() => {
      const b = document.getElementById('b')!;
      const el = document.createElement('vbl-ref');
      el.append(b.firstChild!);
      b.append(el);
    });
    await settle();
    const roots = batches.flatMap((b) => [...b.roots]);
    expect(roots).toContain(document.getElementById('a'));
    expect(roots).not.toContain(document.getElementById('b'));
  });

  it('sees the page again after an own change, also when own changes nest', async () => {
    document.body.innerHTML = '<p id="a">một</p><p id="b">hai</p>';
    const { w, batches } = watch();
    w.own(() => w.own(() => document.getElementById('a')!.append(' của chúng tôi')));
    document.getElementById('b')!.append(' của trang');
    await settle();
    const roots = batches.flatMap((b) => [...b.roots]);
    expect(roots).toEqual([document.getElementById('b')]);
  });

  it('stops when the signal aborts, also inside an own change', async () => {
    document.body.innerHTML = '<p id="a">một</p>';
    const { w, batches } = watch();
    w.own(() => controller.abort());
    document.getElementById('a')!.append(' sau');
    await settle();
    expect(batches).toEqual([]);
  });

  it('asks once per batch, with the restyled elements (class, style), which hidden blocks are shown now, and reads those again', async () => {
    document.body.innerHTML = '<div id="menu" class="collapsed"><p id="inner">Kết luận số 14-KL/TW</p></div><p id="other">khác</p>';
    controller = new AbortController();
    const batches: MutationBatch[] = [];
    const asked: Element[][] = [];
    const inner = document.getElementById('inner')!;
    watchMutations({
      doc: document,
      signal: controller.signal,
      debounceMs: 5,
      maxWaitMs: 20,
      revealed: (restyled) => {
        asked.push([...restyled]);
        return restyled.has(document.getElementById('menu')!) ? [inner] : [];
      },
      onBatch: (b) => batches.push(b),
    });
    const menu = document.getElementById('menu')!;
    menu.classList.remove('collapsed');
    menu.setAttribute('style', 'color: red');
    document.getElementById('other')!.setAttribute('style', 'color: blue');
    await settle();
    expect(asked).toEqual([[menu, document.getElementById('other')]]);
    expect(batches.flatMap((b) => [...b.roots])).toEqual([inner]);
  });
});
