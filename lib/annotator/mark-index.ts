/** Which marked references sit in which text node: for hit tests and for reading a block again. */
import { textNodesBetween, type Point } from './offset-to-range';

export class MarkIndex<M extends { start: Point; end: Point }> {
  private byNode = new Map<Node, Set<M>>();
  private nodesOf = new Map<M, Node[]>();

  add(mark: M): void {
    const nodes: Node[] = textNodesBetween(mark.start, mark.end);
    this.nodesOf.set(mark, nodes);
    for (const n of nodes) {
      let set = this.byNode.get(n);
      if (!set) this.byNode.set(n, (set = new Set()));
      set.add(mark);
    }
  }

  delete(mark: M): void {
    const nodes = this.nodesOf.get(mark);
    if (!nodes) return;
    this.nodesOf.delete(mark);
    for (const n of nodes) {
      const set = this.byNode.get(n);
      if (!set) continue;
      set.delete(mark);
      if (!set.size) this.byNode.delete(n);
    }
  }

  /** Marks covering the text node. */
  at(node: Node): Iterable<M> {
    return this.byNode.get(node) ?? [];
  }

  /** Marks starting in the text node. */
  startingIn(node: Node): M[] {
    const set = this.byNode.get(node);
    if (!set) return [];
    const out: M[] = [];
    for (const m of set) if (m.start.node === node) out.push(m);
    return out;
  }

  /** Rebuilds from the marks' current points (after the page moved or split text nodes). */
  rebuild(marks: Iterable<M>): void {
    this.byNode.clear();
    this.nodesOf.clear();
    for (const m of marks) this.add(m);
  }

  clear(): void {
    this.byNode.clear();
    this.nodesOf.clear();
  }
}
