/**
 * A document record for resolver tests, its number, type and issuer read from the code (a Party code such as
 * 35-CT/TW or a state one such as 86/2015/NĐ-CP); anything else as given.
 */
import type { DocumentRecord } from '../../../lib/records/schema';

export function doc(partial: Partial<DocumentRecord> & { id: string; code: string }): DocumentRecord {
  const party = /^\d+-/.test(partial.code);
  const m = party ? /^(\d+)-([^/]+)\/(.+)$/.exec(partial.code) : /^(\d+)\/(?:\d{4}\/)?([^-]+)-(.+)$/.exec(partial.code);
  return {
    family: party ? 'party' : 'state', number: m?.[1] ?? '1', typeAbbr: m?.[2] ?? '', typeName: 'Nghị quyết', issuerAbbr: m?.[3] ?? '',
    aliases: [], relations: [], readings: [], sources: [{ url: 'https://example.org/x' }], confidence: 'secondary', ...partial,
  };
}
