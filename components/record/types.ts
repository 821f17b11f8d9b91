/**
 * The record page's content as plain data (types only): what lib/record builds and components/record renders.
 * Strings from the dataset stay plain strings (rendered as text); labels are message keys the components translate.
 */
import type { Confidence } from '@/lib/records/schema';

export interface Link {
  url: string;
  label: string;
}

/** Another reading of a field, where sources disagree, with where it comes from. */
export interface FieldReading {
  value: string;
  sources: Link[];
}

/** One field of the record. `label` is a message key; `value` is text (or a message key when valueIsKey). */
export interface RecordField {
  /** Stable name for tests and styling ("date", "issuer"…). */
  name: string;
  label: string;
  value: string;
  valueIsKey?: boolean;
  /** Other readings of this field, where sources disagree. */
  readings: FieldReading[];
  /** The field's own source, when it has one apart from the record's (a status). */
  source?: Link;
}

/** A link to another document's record. */
export interface DocumentLink {
  id: string;
  /** "record.html?id=…" */
  href: string;
  /** "Chỉ thị số 35-CT/TW". */
  heading: string;
  /** "14/06/2024 · Bộ Chính trị · khóa XIII". */
  summary: string;
  title?: string;
}

export interface RelationLink extends DocumentLink {
  /** Message key of the relation, said from this record ("implements this document"). */
  kindKey: string;
  /** The relation as data ("implements", "implements-by"), for styling and tests. */
  kind: string;
}

export interface CoCitedLink extends DocumentLink {
  /** Articles citing both. */
  count: number;
}

export interface RecordView {
  id: string;
  heading: string;
  code: string;
  title?: string;
  confidence: Confidence;
  knownFromNews?: boolean;
  /** A weak listing the record rests on until confirmed ("lead: …"). */
  lead?: string;
  fields: RecordField[];
  /** Where the record's facts come from. */
  sources: Link[];
  /** Message keys for sources without a public address. */
  sourceNotes: string[];
  aliases: string[];
  /** The same code in other terms (numbers restart every term), oldest first. */
  sameCode: DocumentLink[];
  /** Explicit relations (implements, guides, replaces, summarises…), this record's own then those pointing at it. */
  relations: RelationLink[];
  /** Documents cited in the same articles, strongest first. */
  coCited: CoCitedLink[];
  /** Plain-Vietnamese citation to copy. */
  citation: string;
}

/** What one citing article's sentences stated about the document, worded. */
export interface CitingItem {
  title: string;
  /** Only http(s) addresses. */
  url?: string;
  outlet: string;
  date?: string;
  /** One line per reading: "Chỉ thị số 35-CT/TW: ngày 30/05/2019 · Bộ Chính trị · khóa XII". */
  stated: Array<{ raw: string; facts: string[] }>;
}

export interface CitingView {
  state: 'loading' | 'ready' | 'error';
  items: CitingItem[];
  /** Articles matching the filter; all citing articles. */
  total: number;
  all: number;
  page: number;
  pageSize: number;
  outlets: Array<{ name: string; count: number }>;
  years: Array<{ year: string; count: number }>;
  outlet?: string;
  year?: string;
}

export type EdgeKind = 'co-citation' | 'same-code' | 'implements' | 'guides' | 'replaces' | 'amends' | 'summarises' | 'related';

export interface GraphNode {
  id: string;
  label: string;
  /** Full heading and title, for the list and a tooltip. */
  title: string;
  /** "record.html?id=…" */
  href: string;
  self?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** Articles citing both (co-citation), else 1. */
  weight: number;
}

export interface NeighbourhoodView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Draws the graph into a container; calls `open` with a node's id when it is clicked; returns the cleanup. */
export type MountGraph = (container: HTMLElement, graph: NeighbourhoodView, open: (id: string) => void, signal: AbortSignal) => void;

/** One entry of a code's list (`?code=`). */
export type CodeListView = { code: string; documents: DocumentLink[]; searchHref: string };
