// Plain data shaped like the detector's and the lookup service's answers, for card tests.
import type { Reference } from '@/lib/detector/types';
import type { DocumentRecord } from '@/lib/records/schema';
import type { Resolution } from '@/lib/resolver/resolve';
import vi from '../../../public/_locales/vi/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { translatorFrom } from '@/lib/i18n/t';

export const tVi = translatorFrom(vi);
export const tEn = translatorFrom(en);

export function ref(partial: Partial<Reference> & Pick<Reference, 'raw'>): Reference {
  return { start: 0, end: partial.raw.length, family: 'party', type: {}, issuer: {}, inferred: false, ...partial };
}

export const kh17 = ref({
  raw: '17-KH/TW',
  code: '17-KH/TW',
  number: '17',
  type: { abbr: 'KH', name: 'Kế hoạch' },
  issuer: { abbr: 'TW', name: 'Trung ương' },
  proseType: 'Kế hoạch',
  date: '2023-07-07',
  issuerName: 'Bộ Chính trị',
});

export const kh17Doc: DocumentRecord = {
  id: '17-KH/TW@2023-07-07',
  code: '17-KH/TW',
  family: 'party',
  number: '17',
  typeAbbr: 'KH',
  typeName: 'Kế hoạch',
  issuerAbbr: 'TW',
  issuer: 'Bộ Chính trị',
  date: '2023-07-07',
  term: 'XIII',
  title: 'về quy hoạch Ban Chấp hành Trung ương khóa XIV',
  aliases: [],
  relations: [],
  readings: [],
  sources: [{ url: 'https://example.vn/nguon-17' }, { url: 'javascript:alert(1)' }],
  confidence: 'secondary',
};

export const kh17Resolved: Resolution = {
  status: 'resolved',
  candidates: [{ id: kh17Doc.id, code: '17-KH/TW', date: '2023-07-07', issuer: 'Bộ Chính trị', term: 'XIII', score: 1, reasons: [{ kind: 'exactCode' }, { kind: 'dateMatches', date: '2023-07-07' }] }],
};

export const ct35 = ref({
  raw: 'Chỉ thị số 35-CT/TW',
  code: '35-CT/TW',
  number: '35',
  type: { abbr: 'CT', name: 'Chỉ thị' },
  issuer: { abbr: 'TW' },
  proseType: 'Chỉ thị',
});

export const ct35Ambiguous: Resolution = {
  status: 'ambiguous',
  candidates: [
    { id: '35-CT/TW@2024-06-14', code: '35-CT/TW', date: '2024-06-14', issuer: 'Bộ Chính trị', term: 'XIII', score: 0.7, reasons: [{ kind: 'latestBeforePageDate', pageDate: '2024-07-01' }] },
    { id: '35-CT/TW@2019-05-30', code: '35-CT/TW', date: '2019-05-30', issuer: 'Bộ Chính trị', term: 'XII', score: 0.3, reasons: [{ kind: 'exactCode' }] },
  ],
};

export const unknownRef = ref({
  raw: '999-CT/TU',
  code: '999-CT/TU',
  number: '999',
  type: { abbr: 'CT', name: 'Chỉ thị' },
  issuer: { abbr: 'TU', name: 'Tỉnh ủy' },
  proseType: 'Chỉ thị',
  date: '2021-03-02',
  issuerName: 'Ban Thường vụ Tỉnh ủy',
  subject: 'về <img src=x onerror=alert(1)> tăng cường công tác',
});
