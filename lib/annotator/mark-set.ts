/**
 * The marks on the page, drawn in the mode in use: by id, by text node (hit tests, reading a block again) and in
 * document order (keyboard moves). Draws and erases them; who is told of a removal is up to its callers.
 */
import type { Reference } from '../detector/types';
import type { Point } from './offset-to-range';
import type { MarkMode } from './types';
import type { OwnChange } from './mutation-watch';
import { HighlightLayer } from './highlight-mode';
import { highlightedAt } from './highlight-hit-test';
import { drawInline, eraseInline, wrapperIdOf } from './inline-mode';
import { MarkIndex } from './mark-index';
import { sortByDocument } from './document-order';
import { Mark } from './mark';
import { parentAcrossShadow } from './shadow-tree';

export class MarkSet {
  readonly byId = new Map<string, Mark>();
  readonly index = new MarkIndex<Mark>();
  /** Highlight mode: the page's highlight (null in inline mode). */
  layer: HighlightLayer | null = null;
  private nextId = 1;
  private sorted: Mark[] | null = null;
  /** The page's open shadow roots read so far (highlight mode hit-tests inside them). */
  shadowRoots: () => ShadowRoot[] = () => [];

  /**
   * @param onRemove a mark is being removed (after it left the page): lets go of any activation it holds.
   */
  constructor(
    readonly doc: Document,
    readonly own: OwnChange,
    public mode: MarkMode,
    private readonly onRemove: (m: Mark) => void,
  ) {
    if (mode === 'highlight') this.layer = new HighlightLayer(doc, own);
  }

  get size(): number {
    return this.byId.size;
  }

  has(m: Mark): boolean {
    return this.byId.has(m.id);
  }

  /** Draws a new mark in the mode in use (not yet added); null where the page changed the text under us. */
  draw(ref: Reference, start: Point, end: Point, block: Element): Mark | null {
    const id = `vbl-${this.nextId++}`;
    try {
      if (this.mode === 'highlight') {
        const m = new Mark(id, ref, start, end);
        m.drawn = this.layer!.draw(start, end, block);
        return m;
      }
      const { start: s, end: e, parts } = drawInline(id, ref, start, end);
      const m = new Mark(id, ref, s, e, parts[0]);
      m.parts = parts;
      return m;
    } catch {
      return null; // a node the page changed under us: the next pass reads the block again
    }
  }

  add(m: Mark): void {
    this.byId.set(m.id, m);
    this.index.add(m);
    this.sorted = null;
  }

  /** Takes a mark off the page (DOM restored in inline mode) and out of every list; its id goes to `notify`. */
  remove(m: Mark, notify: string[]): void {
    if (!this.byId.delete(m.id)) return;
    this.index.delete(m);
    this.sorted = null;
    if (m.parts) {
      const parts = m.parts;
      if (parts.some((p) => p.isConnected)) this.own(() => eraseInline(parts));
    } else if (m.drawn) this.layer?.erase(m.drawn);
    this.onRemove(m);
    notify.push(m.id);
  }

  /** Removes the marks whose text the page removed or cut short, then indexes the rest afresh (nodes may have moved). */
  removeDetached(notify: string[]): void {
    for (const m of [...this.byId.values()]) if (!m.attached) this.remove(m, notify);
    this.index.rebuild(this.byId.values());
  }

  /** Forgets marks whose drawing is already gone (a mode switch lost them), then indexes the rest afresh. */
  forget(ids: string[]): void {
    for (const id of ids) this.byId.delete(id);
    this.reindex();
  }

  /** Indexes every mark afresh from its current points (after the page moved or split text nodes). */
  reindex(): void {
    this.index.rebuild(this.byId.values());
    this.sorted = null;
  }

  /** Marks whose start lies inside one of the roots (all of them for the document). */
  under(roots: Node[]): Set<Mark> {
    const set = new Set<Node>(roots);
    const out = new Set<Mark>();
    if (set.has(this.doc)) {
      for (const m of this.byId.values()) out.add(m);
      return out;
    }
    for (const m of this.byId.values()) {
      for (let n: Node | null = m.start.node; n; n = parentAcrossShadow(n)) {
        if (set.has(n)) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /** Every mark in document order (kept until the marks change). */
  inDocumentOrder(): Mark[] {
    return (this.sorted ??= sortByDocument([...this.byId.values()]));
  }

  /** The mark whose inline wrapper holds the event target. */
  ofWrapper(target: EventTarget | null): Mark | undefined {
    const id = wrapperIdOf(target);
    return id ? this.byId.get(id) : undefined;
  }

  /** The mark under a viewport point: by its wrapper (the event target) in inline mode, by its text otherwise. */
  at(x: number, y: number, target: EventTarget | null): Mark | undefined {
    if (this.mode === 'inline') return this.ofWrapper(target);
    return highlightedAt(this.doc, this.index, x, y, this.shadowRoots());
  }

  /** Takes every mark off the page and forgets them all (the annotator's end). */
  eraseAll(): void {
    // Each unwrap merges only text split around its own wrappers: any order restores the page.
    this.own(() => {
      for (const m of this.byId.values()) if (m.parts) eraseInline(m.parts);
    });
    this.layer?.destroy();
    this.layer = null;
    this.byId.clear();
    this.index.clear();
  }
}
