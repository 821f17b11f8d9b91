// @vitest-environment happy-dom
/**
 * Exact restoration over many generated pages: codes inside and across inline elements, several per text node,
 * next to editable regions; inline mode on, then off, must leave every original node with its original text.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotator/annotate';
import { detect } from '../../../lib/detector/detect';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

const WORDS = ['Theo', 'kế hoạch', 'của', 'Bộ Chính trị', 'ngày 7-7-2023', 'các tỉnh', 'đã', 'thực hiện', 'nghiêm túc', 'và'];
const CODES = ['17-KH/TW', '35-CT/TW', '26-HD/BTCTW', '100/2019/NĐ-CP', '21-KL/TW', '22-QĐ/TW'];
const INLINE = ['b', 'i', 'em', 'strong', 'a', 'span'];

function generate(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const inline = (text: string) => {
    const tag = pick(INLINE);
    return `<${tag}${tag === 'a' ? ' href="#"' : ''}>${text}</${tag}>`;
  };
  const code = () => {
    const c = pick(CODES);
    const roll = r();
    if (roll < 0.2) return inline(c); // whole code in an element
    if (roll < 0.4) {
      const cut = 1 + Math.floor(r() * (c.length - 1)); // code split across elements
      return `${inline(c.slice(0, cut))}${c.slice(cut)}`;
    }
    if (roll < 0.5) return c.replace('/', '/<wbr>');
    return c;
  };
  const paras: string[] = [];
  for (let p = 0; p < 4; p++) {
    const bits: string[] = [];
    for (let w = 0; w < 12; w++) bits.push(r() < 0.25 ? `số ${code()}` : r() < 0.2 ? inline(pick(WORDS)) : pick(WORDS));
    const body = bits.join(' ');
    paras.push(r() < 0.15 ? `<div contenteditable="true">${body}</div>` : `<p>${body}</p>`);
  }
  return paras.join('');
}

describe('inline mode restores generated pages exactly', () => {
  it('over 40 pages', async () => {
    const r = rng(42);
    let marked = 0;
    for (let n = 0; n < 40; n++) {
      document.body.innerHTML = generate(r);
      const nodes: Array<[Node, string | null]> = [];
      const walk = (x: Node) => {
        nodes.push([x, x.nodeType === 3 ? (x as Text).data : null]);
        x.childNodes.forEach(walk);
      };
      walk(document.body);
      const html = document.body.innerHTML;
      const controller = new AbortController();
      const a = annotate({
        root: document,
        mode: 'inline',
        signal: controller.signal,
        detect,
        onFound: () => {},
        onActivate: () => {},
        onDeactivate: () => {},
      });
      await a.idle();
      for (const m of a.references.values()) {
        expect(m.range.toString().replace(/\s+/g, '')).toBe(m.ref.raw.replace(/\s+/g, ''));
        expect(m.element!.closest('[contenteditable]')).toBeNull();
      }
      marked += a.references.size;
      controller.abort();
      expect(document.body.innerHTML).toBe(html);
      const after: Array<[Node, string | null]> = [];
      const walk2 = (x: Node) => {
        after.push([x, x.nodeType === 3 ? (x as Text).data : null]);
        x.childNodes.forEach(walk2);
      };
      walk2(document.body);
      expect(after.length).toBe(nodes.length);
      after.forEach(([node, text], i) => {
        expect(node).toBe(nodes[i]![0]);
        expect(text).toBe(nodes[i]![1]);
      });
    }
    expect(marked).toBeGreaterThan(200);
  });
});
