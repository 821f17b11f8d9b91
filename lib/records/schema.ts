/**
 * The bundled dataset's shape: what the build writes to public/ and what the background loads into IndexedDB.
 * Bump DATASET_SCHEMA when a field changes meaning; the store migrates from one version to the next.
 *   1: first bundled dataset.
 *   2: mentions' reasons are Reason data ({ kind, … }, see reason.ts), no longer English phrases.
 */
import type { Family } from '../detector/types';
import type { Reason } from './reason';

export const DATASET_SCHEMA = 2;

/** How sure we are of a record's facts. */
export type Confidence = 'official' | 'secondary' | 'news-only';

/** A public source a fact was read from. */
export interface Source {
  url: string;
  /** What this source says, when sources disagree (e.g. "date 2019-05-30"). */
  note?: string;
}

/** One reading of a field where sources disagree: both kept, neither picked silently. */
export interface Reading {
  field: 'date' | 'issuer' | 'title' | 'term' | 'type';
  value: string;
  sources: string[];
}

/** What this document does to its target; "summarises": a report or conclusion reviewing how the target was carried out. */
export type RelationKind = 'implements' | 'guides' | 'replaces' | 'amends' | 'summarises';

export interface Relation {
  kind: RelationKind;
  /** Document id this one relates to. */
  target: string;
  sources: string[];
}

export interface DocumentRecord {
  /** Stable id: normalized code plus what tells reused codes apart, e.g. "35-CT/TW@2019-05-30". */
  id: string;
  code: string;
  family: Family;
  number: string;
  typeAbbr: string;
  /** Vietnamese type name ("Chỉ thị"); for QĐ the real type (Quyết định or Quy định). */
  typeName: string;
  issuerAbbr: string;
  /** Issuing body ("Bộ Chính trị", "Ban Bí thư", "Chính phủ"). */
  issuer?: string;
  /** ISO date, or a year alone; empty rather than guessed. */
  date?: string;
  /** Term in Roman numerals ("XIII"). */
  term?: string;
  /** Plenum number for Central Committee resolutions ("Nghị quyết Trung ương 7"). */
  plenum?: number;
  title?: string;
  /** Status as a source stated it, with the date it was read where known. */
  status?: { text: string; source: string };
  officialUrl?: string;
  /** Province or place for local documents (…/TU, …/HU). */
  place?: string;
  aliases: string[];
  relations: Relation[];
  readings: Reading[];
  sources: Source[];
  confidence: Confidence;
  /** A weak listing this row rests on until a second source confirms it ("lead: …"). */
  lead?: string;
  /** Reviewer's note: cleaning done, what a source says about itself, why a field is empty. */
  note?: string;
  /** True for codes only known from news: facts are what the citing sentences say. */
  knownFromNews?: boolean;
}

export interface ArticleRecord {
  /** Stable id: the corpus file name ("vinews-12345", "unc-news_business_054") or "seed-000". */
  id: string;
  url: string;
  outlet: string;
  /** Site domain (e.g. "baonamdinh.vn"), used for the outlet → province table. */
  site?: string;
  title: string;
  date?: string;
  license?: string;
  /** Where the article's text is kept (repository@commit:path), never copied into this repository. */
  origin?: string;
}

export type MentionStatus = 'resolved' | 'ambiguous' | 'unresolved' | 'needs-place';

export interface MentionRecord {
  articleId: string;
  /** Resolved document id; absent when ambiguous or unresolved. */
  documentId?: string;
  /** Candidate document ids when ambiguous. */
  candidates?: string[];
  /** The code as written, for mentions that write one. */
  code?: string;
  /** For a short form ("Luật số 71"): the code the same page writes in full for it ("71/2014/QH13"). */
  pageCode?: string;
  raw: string;
  start: number;
  end: number;
  date?: string;
  issuerName?: string;
  term?: string;
  /** Place used for a local code, when any. */
  place?: string;
  status: MentionStatus;
  /** Why the resolver decided as it did (the best candidate's reasons, as data). */
  reasons?: Reason[];
}

/** An outlet's site and, for provincial newspapers, the province it serves. */
export interface SiteRecord {
  /** Host name without "www." ("baonamdinh.vn"). */
  site: string;
  outlet?: string;
  /** Province (or centrally-run city) the outlet serves; absent for national outlets. */
  province?: string;
  /** Where the site → province fact comes from (corpus index rows or a public page). */
  sources: string[];
}

/** Two documents cited in the same articles. */
export interface CoCitation {
  /** Document ids, a < b. */
  a: string;
  b: string;
  /** Number of articles citing both. */
  articles: number;
}

export interface Dataset {
  schema: number;
  /** Content hash of everything below. */
  version: string;
  documents: DocumentRecord[];
  articles: ArticleRecord[];
  mentions: MentionRecord[];
  sites: SiteRecord[];
  coCitations: CoCitation[];
}
