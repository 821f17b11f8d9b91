/** Every export format by name. Pure. */
import { toBibtex } from './bibtex';
import { toCslJson } from './csl-json';
import { toCsv } from './csv';
import type { ExportFormat, ExportItem } from './export-item';
import { toLibraryJson } from './library-json';
import { toRis } from './ris';

export function exportAs(format: ExportFormat, items: ExportItem[], now: number): string {
  switch (format) {
    case 'csv':
      return toCsv(items);
    case 'json':
      return toLibraryJson(items, now);
    case 'csl':
      return toCslJson(items);
    case 'ris':
      return toRis(items);
    case 'bibtex':
      return toBibtex(items);
  }
}
