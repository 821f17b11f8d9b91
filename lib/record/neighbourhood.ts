/**
 * The document's neighbourhood as a graph: the document, the documents its explicit relations name (and those
 * naming it), the documents cited in the same articles, and the same code in other terms. Edges carry their kind
 * (relation kinds, co-citation, same code) and a weight (articles citing both, for co-citation). Relations
 * between two neighbours (from their own records) are drawn too. Pure.
 */
import { documentHeading } from '../card/format';
import type { RelatedDocument } from '../lookup/client';
import type { DocumentRecord } from '../records/schema';
import { recordHref } from './address';
import type { EdgeKind, GraphEdge, GraphNode, NeighbourhoodView } from '@/components/record/types';

const KINDS: readonly EdgeKind[] = ['implements', 'guides', 'replaces', 'amends', 'summarises'];
const kindOf = (kind: string | undefined): EdgeKind => {
  const base = (kind ?? '').replace(/-by$/, '') as EdgeKind;
  return KINDS.includes(base) ? base : 'related';
};

function node(doc: DocumentRecord, self = false): GraphNode {
  const heading = documentHeading(doc.typeName, doc.code);
  return { id: doc.id, label: doc.code, title: doc.title ? `${heading} ${doc.title}` : heading, href: recordHref(doc.id), ...(self ? { self: true } : {}) };
}

export function buildNeighbourhood(self: DocumentRecord, related: readonly RelatedDocument[], sameCode: readonly DocumentRecord[]): NeighbourhoodView {
  const nodes = new Map<string, GraphNode>([[self.id, node(self, true)]]);
  const docs = new Map<string, DocumentRecord>([[self.id, self]]);
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (source: string, target: string, kind: EdgeKind, weight: number) => {
    const key = `${source}\u0000${target}\u0000${kind}`;
    if (edgeKeys.has(key) || source === target) return;
    edgeKeys.add(key);
    edges.push({ source, target, kind, weight });
  };
  for (const r of related) {
    nodes.set(r.document.id, node(r.document));
    docs.set(r.document.id, r.document);
    if (r.why === 'co-citation') addEdge(self.id, r.document.id, 'co-citation', r.strength ?? 1);
    // Edges point from the document that acts to the one it acts on.
    else if (r.kind?.endsWith('-by')) addEdge(r.document.id, self.id, kindOf(r.kind), 1);
    else addEdge(self.id, r.document.id, kindOf(r.kind), 1);
  }
  for (const d of sameCode) {
    if (!nodes.has(d.id)) {
      nodes.set(d.id, node(d));
      docs.set(d.id, d);
    }
    addEdge(self.id, d.id, 'same-code', 1);
  }
  // Relations among the neighbours themselves, as their own records state them.
  for (const [id, doc] of docs) {
    if (id === self.id) continue;
    for (const rel of doc.relations) if (nodes.has(rel.target) && rel.target !== self.id) addEdge(id, rel.target, kindOf(rel.kind), 1);
  }
  // Documents sharing a code are told apart by their year (or term).
  const byLabel = new Map<string, number>();
  for (const n of nodes.values()) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
  for (const n of nodes.values()) {
    const doc = docs.get(n.id)!;
    const when = doc.date?.slice(0, 4) ?? (doc.term ? `khóa ${doc.term}` : undefined);
    if (byLabel.get(n.label)! > 1 && when) n.label = `${n.label} (${when})`;
  }
  return { nodes: [...nodes.values()], edges };
}

/** Edge width in pixels: 1.5 for one shared article, up to 9 for the strongest co-citation of the graph. */
export function edgeWidth(weight: number, strongest: number): number {
  if (strongest <= 1) return 1.5;
  return Math.round((1.5 + (7.5 * (weight - 1)) / (strongest - 1)) * 10) / 10;
}

/**
 * Where each node is drawn, in pixels from the container's centre: the document in the middle, its neighbours
 * evenly on a circle starting at the top, in the order given (relations, co-cited, same code). Fixed, so the
 * graph reads the same every time (and a test can find a node).
 */
export function circleLayout(view: NeighbourhoodView, width: number, height: number): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const others = view.nodes.filter((n) => !n.self);
  const radius = Math.max(40, Math.min(width, height) / 2 - 44);
  for (const n of view.nodes) if (n.self) out.set(n.id, { x: 0, y: 0 });
  others.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / others.length;
    out.set(n.id, { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) });
  });
  return out;
}
