/** The library page's state as plain data (types only): the entrypoint builds it, the components render it. */
import type { Facets, LibraryQuery, LibraryRow } from '@/lib/sync/library-view';
import type { NotSyncedWhy } from '@/lib/sync/saved-store';
import type { ExportFormat } from '@/lib/sync/export/export-item';

export type { ExportFormat, Facets, LibraryQuery, LibraryRow, NotSyncedWhy };

export interface LibrarySyncSummary {
  sync: 'on' | 'off';
  offReason?: string;
  /** How many saved references are not in storage.sync, by why. */
  notSynced: Partial<Record<NotSyncedWhy, number>>;
  bytes: number;
  error?: string;
  lastSyncedAt?: number;
}

export interface LibraryNotice {
  /** Message key and its values. */
  key: string;
  subs?: string[];
  kind: 'ok' | 'error';
  /** Text shown as is after the message (an import error's item and field, in the file's words). */
  detail?: string;
}

export interface LibraryState {
  loading: boolean;
  /** All saved references. */
  total: number;
  /** The filtered, sorted rows. */
  rows: LibraryRow[];
  facets: Facets;
  query: LibraryQuery;
  selected: string[];
  sync?: LibrarySyncSummary;
  /** The last deletion, which Undo puts back. */
  undo?: { count: number };
  /** The row whose note and tags are being edited. */
  editing?: string;
  notice?: LibraryNotice;
}
