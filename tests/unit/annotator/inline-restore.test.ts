// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { annotate, type Annotator, type MarkedReference } from '../../../lib/annotator/annotate';
import { detect } from '../../../lib/detector/detect';

/** Every node under body, with its text, in order: the page's DOM as a script holding node references sees it. */
function snapshot(root: Node = document.body) {
  const out: Array<{ node: Node; text: string | null }> = [];
  const walk = (n: Node) => {
    out.push({ node: n, text: n.nodeType === 3 ? (n as Text).data : null });
    n.childNodes.forEach(walk);
  };
  walk(root);
  return { nodes: out, html: (root as Element).innerHTML };
}

function expectRestored(before: ReturnType<typeof snapshot>) {
  const after = snapshot();
  expect(after.html).toBe(before.html);
  expect(after.nodes.length).toBe(before.nodes.length);
  after.nodes.forEach((a, i) => {
    expect(a.node).toBe(before.nodes[i]!.node);
    expect(a.text).toBe(before.nodes[i]!.text);
  });
  expect(document.querySelectorAll('vbl-ref').length).toBe(0);
}

const ARTICLE =
  '<article><h1>Tin 35-CT/TW</h1><p>Thực hiện Kế hoạch số <b>17-KH</b>/TW ngày 7-7-2023 của Bộ Chính trị và ' +
  'Chỉ thị số 35-<wbr>CT/TW, Hướng dẫn số 26-HD/BTCTW, Nghị định 100/2019/NĐ-CP.</p>' +
  '<p>Quy định 22-QĐ/<i>TW ngày 28-7-2021</i> và <a href="#x">Kết luận 21-KL/TW</a> cùng 17-KH/TW.</p>' +
  '<p contenteditable="true">Bình luận: 99-KH/TW</p><textarea>88-KH/TW</textarea></article>';

let annotator: Annotator | undefined;
let controller: AbortController;
afterEach(() => {
  controller?.abort();
  annotator = undefined;
});

function start(mode: 'inline' | 'highlight', found: MarkedReference[] = []) {
  controller = new AbortController();
  annotator = annotate({
    root: document,
    mode,
    signal: controller.signal,
    detect,
    onFound: (b) => found.push(...b),
    onActivate: () => {},
    onDeactivate: () => {},
  });
  return annotator;
}

describe('inline mode', () => {
  it('wraps each reference in one focusable <vbl-ref>, and destroy restores the same nodes and text', async () => {
    document.body.innerHTML = ARTICLE;
    const before = snapshot();
    const found: MarkedReference[] = [];
    const a = start('inline', found);
    await a.idle();
    const codes = found.map((m) => m.ref.code);
    expect(codes.sort()).toEqual(
      ['100/2019/NĐ-CP', '17-KH/TW', '17-KH/TW', '21-KL/TW', '22-QĐ/TW', '26-HD/BTCTW', '35-CT/TW', '35-CT/TW'].sort(),
    );
    for (const m of found) {
      expect(m.element!.localName).toBe('vbl-ref');
      expect(m.element!.getAttribute('tabindex')).toBe('0');
      expect(m.element!.getAttribute('role')).toBe('button');
      expect(m.element!.getAttribute('aria-haspopup')).toBe('dialog');
      expect(m.range.toString().replace(/\s+/g, '')).toBe(m.ref.raw.replace(/\s+/g, ''));
    }
    // The split code is one element holding the page's <b> whole.
    const split = found.find((m) => m.element!.querySelector('b'));
    expect(split?.element!.textContent).toBe('17-KH/TW');
    // Text in an editable region or a form field is untouched.
    expect(document.querySelector('[contenteditable] vbl-ref')).toBeNull();
    expect(document.querySelector('textarea')!.value).toBe('88-KH/TW');
    a.destroy();
    expectRestored(before);
  });

  it('wraps a code crossing an element edge mid-element in parts, and still restores exactly', async () => {
    document.body.innerHTML = '<p>Theo <b>Quy định 22-QĐ/</b><i>TW ngày</i> 28-7-2021.</p>';
    const before = snapshot();
    const found: MarkedReference[] = [];
    const a = start('inline', found);
    await a.idle();
    expect(found).toHaveLength(1);
    const parts = document.querySelectorAll('vbl-ref');
    expect(parts.length).toBe(2);
    expect(parts[0]!.getAttribute('tabindex')).toBe('0');
    expect(parts[0]!.getAttribute('aria-label')).toBe('22-QĐ/TW');
    expect(parts[1]!.getAttribute('aria-hidden')).toBe('true');
    expect(parts[1]!.hasAttribute('tabindex')).toBe(false);
    a.destroy();
    expectRestored(before);
  });

  it('aborting the signal restores the page', async () => {
    document.body.innerHTML = ARTICLE;
    const before = snapshot();
    const a = start('inline');
    await a.idle();
    expect(document.querySelectorAll('vbl-ref').length).toBeGreaterThan(0);
    controller.abort();
    expectRestored(before);
    expect(a.references.size).toBe(0);
  });

  it('marks text added later once, ignores its own changes, and forgets removed text', async () => {
    document.body.innerHTML = '<main><p>Chỉ thị 35-CT/TW.</p></main>';
    const found: MarkedReference[] = [];
    const a = start('inline', found);
    await a.idle();
    expect(found).toHaveLength(1);
    const p = document.createElement('p');
    p.innerHTML = 'Mới: Kết luận <b>21-KL</b>/TW.';
    document.querySelector('main')!.appendChild(p);
    document.querySelector('main')!.appendChild(document.createTextNode(' và 26-HD/BTCTW'));
    await waitFor(() => found.length === 3);
    await a.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(found).toHaveLength(3);
    expect(document.querySelectorAll('vbl-ref[tabindex]').length).toBe(3);
    expect(a.references.size).toBe(3);
    p.remove();
    await waitFor(() => a.references.size === 2);
    // The page changes text inside a marked block: the old code goes, the new one comes.
    const first = document.querySelector('main p')!;
    first.textContent = 'Chỉ thị 36-CT/TW.';
    await waitFor(() => [...a.references.values()].some((m) => m.ref.code === '36-CT/TW'));
    await a.idle();
    expect([...a.references.values()].map((m) => m.ref.code).sort()).toEqual(['26-HD/BTCTW', '36-CT/TW']);
  });

  it('removes marks from a region that becomes editable', async () => {
    document.body.innerHTML = '<div id="c"><p>Chỉ thị 35-CT/TW.</p></div>';
    const before = snapshot();
    const a = start('inline');
    await a.idle();
    expect(a.references.size).toBe(1);
    document.getElementById('c')!.setAttribute('contenteditable', 'true');
    await waitFor(() => a.references.size === 0);
    document.getElementById('c')!.removeAttribute('contenteditable');
    expect(snapshot().html).toBe(before.html);
  });

  it('falls back to inline where the Highlight API is missing', async () => {
    document.body.innerHTML = '<p>Chỉ thị 35-CT/TW.</p>';
    const a = start('highlight');
    await a.idle();
    expect(a.mode).toBe('inline');
    expect(document.querySelectorAll('vbl-ref').length).toBe(1);
  });

  it('moves through references in document order with the keyboard, wrapping around', async () => {
    document.body.innerHTML = '<p>A 35-CT/TW.</p><p>B 17-KH/TW.</p><p>C 26-HD/BTCTW.</p>';
    const activated: string[] = [];
    controller = new AbortController();
    const a = annotate({
      root: document,
      mode: 'inline',
      signal: controller.signal,
      detect,
      onFound: () => {},
      onActivate: (m, cause) => activated.push(`${cause}:${m.ref.code}`),
      onDeactivate: () => {},
    });
    await a.idle();
    expect(a.move(1)!.ref.code).toBe('35-CT/TW');
    expect(document.activeElement?.getAttribute('data-code')).toBe('35-CT/TW');
    expect(a.move(1)!.ref.code).toBe('17-KH/TW');
    expect(a.move(1)!.ref.code).toBe('26-HD/BTCTW');
    expect(a.move(1)!.ref.code).toBe('35-CT/TW');
    expect(a.move(-1)!.ref.code).toBe('26-HD/BTCTW');
    expect(activated).toEqual([
      'keyboard:35-CT/TW',
      'keyboard:17-KH/TW',
      'keyboard:26-HD/BTCTW',
      'keyboard:35-CT/TW',
      'keyboard:26-HD/BTCTW',
    ]);
  });
});

async function waitFor(cond: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
