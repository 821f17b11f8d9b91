// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { walkSegments, slice, rawStart, rawEnd } from '../../../lib/annotator/text-walk';
import { rangeFor, startPoint, endPoint } from '../../../lib/annotator/offset-to-range';

function segments(html: string, isOwnUi?: (n: Node) => boolean) {
  document.body.innerHTML = html;
  return [...walkSegments(document, { isOwnUi })];
}

describe('text walk', () => {
  it('joins text across inline elements and <wbr> into one segment', () => {
    const segs = segments('<p>Kế hoạch số <b>17-KH</b>/TW và 35-<wbr>CT/TW, <a href="#">26-<i>HD</i></a>/BTCTW.</p>');
    expect(segs).toHaveLength(1);
    expect(segs[0]!.text).toBe('Kế hoạch số 17-KH/TW và 35-CT/TW, 26-HD/BTCTW.');
    expect(segs[0]!.nodes.length).toBe(7);
  });

  it('reads a line break in the source and a <br> as spaces, offsets unchanged', () => {
    const segs = segments('<p>số 17-KH/\n   TW ngày<br>mới</p>');
    const seg = segs[0]!;
    expect(seg.text).toBe('số 17-KH/ TW ngày mới');
    const at = seg.text.indexOf('17-KH/ TW');
    const r = rangeFor(seg, rawStart(seg, at), rawEnd(seg, at + '17-KH/ TW'.length))!;
    expect(r.toString()).toBe('17-KH/\n   TW');
    expect(rangeFor(seg, rawStart(seg, seg.text.indexOf('mới')), rawEnd(seg, seg.text.length))!.toString()).toBe('mới');
  });

  it('separates blocks, including text around a nested block', () => {
    const segs = segments('<div>Trước 17-KH/<p>TW trong</p>sau</div><ul><li>một</li><li>hai</li></ul>');
    expect(segs.map((s) => s.text)).toEqual(['Trước 17-KH/', 'TW trong', 'sau', 'một', 'hai']);
  });

  it('skips code, form fields, editable regions, hidden elements and the extension UI', () => {
    const segs = segments(
      '<p>a <script>var x="17-KH/TW"</script><style>.x{}</style><code>1-KH/TW</code> b</p>' +
        '<pre>2-KH/TW</pre><textarea>3-KH/TW</textarea><button>4-KH/TW</button><select><option>5-KH/TW</option></select>' +
        '<div contenteditable="true"><p>6-KH/TW</p></div><div contenteditable="false">7-KH/TW</div>' +
        '<div hidden>8-KH/TW</div><svg><text>9-KH/TW</text></svg><noscript>10-KH/TW</noscript>' +
        '<template><p>11-KH/TW</p></template><div id="card-host">12-KH/TW</div><div role="textbox">13-KH/TW</div>',
      (n) => (n as Element).id === 'card-host',
    );
    expect(segs.map((s) => s.text)).toEqual(['a b', '7-KH/TW']);
  });

  it('maps offsets to the node holding each character, never to an empty neighbour', () => {
    const segs = segments('<p>x <b>17-KH</b><i></i>/TW y</p>');
    const seg = segs[0]!;
    const s = startPoint(seg, 2)!;
    const e = endPoint(seg, 10)!;
    expect(s.node.data).toBe('17-KH');
    expect(s.offset).toBe(0);
    expect(e.node.data).toBe('/TW y');
    expect(e.offset).toBe(3);
  });

  it('cuts a long block into parts that keep exact offsets', () => {
    document.body.innerHTML = '<p><span>aaaa bbbb. </span><span>cccc dddd</span></p>';
    const seg = [...walkSegments(document)][0]!;
    const part = slice(seg, 5, 16);
    expect(part.text).toBe('bbbb. cccc ');
    const r = rangeFor(part, 6, 10)!;
    expect(r.toString()).toBe('cccc');
    expect(rangeFor(part, 0, 4)!.toString()).toBe('bbbb');
  });

  it('reads open shadow roots as blocks of their own (light children only where a slot shows them), never closed ones', () => {
    document.body.innerHTML = '<p>trước <span id="a"></span> sau</p><div id="b"><i>ẩn 2-KH/TW</i></div><div id="c">light 3-KH/TW</div><div id="d"></div>';
    const a = document.getElementById('a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>Kế hoạch số 17-KH/TW</p><em>nữa</em>';
    const b = document.getElementById('b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<span>không slot</span>';
    const c = document.getElementById('c')!.attachShadow({ mode: 'open' });
    c.innerHTML = '<b>có slot</b><slot></slot>';
    const d = document.getElementById('d')!.attachShadow({ mode: 'closed' });
    d.innerHTML = '<p>đóng 4-KH/TW</p>';
    const seen: ShadowRoot[] = [];
    const segs = [...walkSegments(document, { onShadowRoot: (r) => seen.push(r) })];
    expect(segs.map((s) => s.text)).toEqual(['trước ', 'Kế hoạch số 17-KH/TW', 'nữa', ' sau', 'không slot', 'có slot', 'light 3-KH/TW']);
    expect(seen).toEqual([a, b, c]);
    // Text in a shadow tree outside any block of its own belongs to its host; a host read again reads its tree.
    const nua = segs.find((s) => s.text === 'nữa')!;
    expect(nua.block).toBe(document.getElementById('a'));
    expect([...walkSegments(document.getElementById('a')!)].map((s) => s.text)).toEqual(['Kế hoạch số 17-KH/TW', 'nữa']);
  });

  it('leaves out aria-hidden regions and text whose parent is hidden (asked once per parent, blank text never)', () => {
    document.body.innerHTML = '<p>một <span class="x">17-KH/TW</span> <span class="x">18-KH/TW</span> hai</p><div aria-hidden="true"><p>3-KH/TW</p></div>';
    const asked: Element[] = [];
    const isHidden = (el: Element) => {
      asked.push(el);
      return el.classList.contains('x');
    };
    const segs = [...walkSegments(document, { isHidden })];
    expect(segs.map((s) => s.text)).toEqual(['một hai']);
    expect(asked.filter((el) => el.localName === 'p')).toHaveLength(2); // "một " and " hai" (the blank " " is not asked)
  });
});
