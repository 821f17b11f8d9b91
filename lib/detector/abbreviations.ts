/**
 * Abbreviation tables for document types and issuers, built from attested codes and the official rules
 * (Party: Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW; State: Nghị định 30/2020/NĐ-CP Phụ lục III).
 * Keys are the canonical spelling (mixed case where the rules write it so: QĐi, CTr, TTg, QyĐ).
 */

/** Party document types. QĐ is both Quyết định and Quy định: the prose word decides. */
export const PARTY_TYPES: Record<string, string> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QĐi: 'Quy định',
  QĐNS: 'Quyết định nhân sự',
  QyĐ: 'Quy định',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  QC: 'Quy chế',
  HD: 'Hướng dẫn',
  KH: 'Kế hoạch',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  CTr: 'Chương trình',
  CV: 'Công văn',
  TT: 'Thông tri',
  TTr: 'Tờ trình',
  ĐA: 'Đề án',
  DA: 'Dự án',
  QHo: 'Quy hoạch',
  TC: 'Thông cáo',
  BB: 'Biên bản',
  BS: 'Bản sao',
  CL: 'Chiến lược',
};

/** State document types (normative and administrative). */
export const STATE_TYPES: Record<string, string> = {
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  VBHN: 'Văn bản hợp nhất',
  L: 'Luật',
  PL: 'Pháp lệnh',
  SY: 'Bản sao y',
  TrS: 'Bản trích sao',
  SL: 'Bản sao lục',
  // State bodies issue conclusions too (inspection conclusions: "Kết luận thanh tra số 1234/KL-TTCP").
  KL: 'Kết luận',
  // Permits and licences ("Giấy phép số 278/GP-UBND"); GPXD, GPMT… (one kind of permit) are read with the prose word.
  GP: 'Giấy phép',
};

/** Sắc lệnh (decrees of the President, 1945–1959) carry SL in their codes ("Sắc lệnh số 34/SL"), which later means "bản sao lục". */
export const DECREE_OF_PRESIDENT = 'Sắc lệnh';

/** Party issuers. TW covers the Central Committee, the Politburo and the Secretariat alike. */
export const PARTY_ISSUERS: Record<string, string> = {
  TW: 'Trung ương',
  HNTW: 'Hội nghị Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
  BTCTW: 'Ban Tổ chức Trung ương',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  BTGDVTW: 'Ban Tuyên giáo và Dân vận Trung ương',
  BDVTW: 'Ban Dân vận Trung ương',
  BKTTW: 'Ban Kinh tế Trung ương',
  BNCTW: 'Ban Nội chính Trung ương',
  BĐNTW: 'Ban Đối ngoại Trung ương',
  UBKTTW: 'Ủy ban Kiểm tra Trung ương',
  BCĐTW: 'Ban Chỉ đạo Trung ương',
  ĐUQSTW: 'Đảng ủy Quân sự Trung ương',
  QUTW: 'Quân ủy Trung ương',
  ĐUCATW: 'Đảng ủy Công an Trung ương',
  ĐUCA: 'Đảng ủy Công an',
  ĐUK: 'Đảng ủy khối',
  ĐUKCCQTW: 'Đảng ủy Khối các cơ quan Trung ương',
  ĐUKDNTW: 'Đảng ủy Khối doanh nghiệp Trung ương',
  TWĐTN: 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  TU: 'Tỉnh ủy / Thành ủy',
  HU: 'Huyện ủy',
  QU: 'Quận ủy',
  TXU: 'Thị xã ủy',
  ThU: 'Thành ủy',
  ĐU: 'Đảng ủy',
  CB: 'Chi bộ',
  BCSĐ: 'Ban Cán sự đảng',
  ĐĐ: 'Đảng đoàn',
  UBKTTU: 'Ủy ban Kiểm tra Tỉnh ủy',
  UBKT: 'Ủy ban Kiểm tra',
  BTCTU: 'Ban Tổ chức Tỉnh ủy',
  BTGTU: 'Ban Tuyên giáo Tỉnh ủy',
  BDVTU: 'Ban Dân vận Tỉnh ủy',
  VPTU: 'Văn phòng Tỉnh ủy',
  VPQU: 'Văn phòng Quân ủy',
};

/** State issuers seen in codes. No national list exists (NĐ 30/2020 §II.3b): unknown ones are kept as written. */
export const STATE_ISSUERS: Record<string, string> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  VPCP: 'Văn phòng Chính phủ',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  VPQH: 'Văn phòng Quốc hội',
  CTN: 'Chủ tịch nước',
  BTC: 'Bộ Tài chính',
  BNV: 'Bộ Nội vụ',
  BQP: 'Bộ Quốc phòng',
  BCA: 'Bộ Công an',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BYT: 'Bộ Y tế',
  BTP: 'Bộ Tư pháp',
  BCT: 'Bộ Công Thương',
  BXD: 'Bộ Xây dựng',
  BGTVT: 'Bộ Giao thông vận tải',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BNG: 'Bộ Ngoại giao',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
  TTCP: 'Thanh tra Chính phủ',
  UBDT: 'Ủy ban Dân tộc',
  VKSNDTC: 'Viện kiểm sát nhân dân tối cao',
  VKSTC: 'Viện kiểm sát nhân dân tối cao',
  TANDTC: 'Tòa án nhân dân tối cao',
  HĐTP: 'Hội đồng Thẩm phán',
  KTNN: 'Kiểm toán nhà nước',
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  STTTT: 'Sở Thông tin và Truyền thông',
  HĐBT: 'Hội đồng Bộ trưởng',
  BHXH: 'Bảo hiểm xã hội',
};

/** Party issuers that mark a provincial or local body: the same code names a different document in each place. */
export const LOCAL_PARTY_ISSUERS = new Set(['TU', 'HU', 'QU', 'TXU', 'ThU', 'ĐU', 'CB', 'UBKTTU', 'BTCTU', 'BTGTU', 'BDVTU', 'VPTU', 'ĐUK']);

/** Prose type words, longest first, mapped to the abbreviation a code of that type carries. */
export const PROSE_TYPES: ReadonlyArray<readonly [word: string, abbr: string, family: 'party' | 'state' | 'either']> = [
  ['Thông tư liên tịch', 'TTLT', 'state'],
  ['Nghị quyết liên tịch', 'NQLT', 'state'],
  ['Chương trình hành động', 'CTr', 'either'],
  ['Thông báo kết luận', 'TB', 'either'],
  ['Nghị quyết', 'NQ', 'either'],
  ['Quyết định', 'QĐ', 'either'],
  ['Quy định', 'QĐ', 'either'],
  ['Chỉ thị', 'CT', 'either'],
  ['Kết luận', 'KL', 'party'],
  ['Quy chế', 'QC', 'either'],
  ['Hướng dẫn', 'HD', 'either'],
  ['Kế hoạch', 'KH', 'either'],
  ['Thông báo', 'TB', 'either'],
  ['Thông tri', 'TT', 'party'],
  ['Báo cáo', 'BC', 'either'],
  ['Chương trình', 'CTr', 'either'],
  ['Công văn', 'CV', 'either'],
  ['Công điện', 'CĐ', 'state'],
  ['Tờ trình', 'TTr', 'either'],
  ['Đề án', 'ĐA', 'either'],
  ['Nghị định', 'NĐ', 'state'],
  ['Thông tư', 'TT', 'state'],
  ['Bộ luật', 'L', 'state'],
  ['Luật', 'L', 'state'],
  ['Pháp lệnh', 'PL', 'state'],
  ['Văn bản hợp nhất', 'VBHN', 'state'],
  ['Sắc lệnh', 'SL', 'state'],
  ['Giấy phép', 'GP', 'state'],
  ['Văn bản', '', 'either'],
];

/** Prose words that name a code's type but, with a bare number, name no document worth a reference ("giấy phép số 12"). */
export const CODE_ONLY_PROSE_TYPES = new Set(['Giấy phép']);

/**
 * Issuers that imply one body, whatever else the sentence names (the proposer, the signer): a decree …/NĐ-CP is the
 * Government's even when "do Bộ Tư pháp soạn thảo" follows it. Keyed by the issuer's letters (QH13 → QH).
 */
export const IMPLIED_BODIES: Readonly<Record<string, string>> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
};

/** Prose type entries by their lower-case word (first entry wins, as in a search of the list). */
const PROSE_TYPES_BY_LOWER = new Map<string, (typeof PROSE_TYPES)[number]>();
for (const entry of PROSE_TYPES) if (!PROSE_TYPES_BY_LOWER.has(entry[0].toLowerCase())) PROSE_TYPES_BY_LOWER.set(entry[0].toLowerCase(), entry);

/** The prose type entry for a word in any case ("quy định" → ['Quy định', 'QĐ', 'either']); a map, as it runs per reference. */
export function proseTypeEntry(word: string): (typeof PROSE_TYPES)[number] | undefined {
  return PROSE_TYPES_BY_LOWER.get(word.toLowerCase());
}

/** Types a Party code may carry, and State ones, looked up by a key with case and Đ/D folded. */
function foldedIndex(table: Record<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  // Exact uppercase first, then the ASCII-folded form (QD → QĐ), never overriding an exact entry (DA ≠ ĐA).
  for (const key of Object.keys(table)) index.set(key.toUpperCase(), key);
  for (const key of Object.keys(table)) {
    const folded = foldAbbreviation(key);
    if (!index.has(folded)) index.set(folded, key);
  }
  return index;
}

/** Uppercase with Đ folded to D: "QĐi" → "QDI". */
export function foldAbbreviation(s: string): string {
  return s.toUpperCase().replace(/Đ/g, 'D');
}

const partyTypeIndex = foldedIndex(PARTY_TYPES);
const stateTypeIndex = foldedIndex(STATE_TYPES);
const partyIssuerIndex = foldedIndex(PARTY_ISSUERS);
const stateIssuerIndex = foldedIndex(STATE_ISSUERS);

function canonical(index: Map<string, string>, written: string): string | undefined {
  const upper = written.toUpperCase();
  return index.get(upper) ?? index.get(foldAbbreviation(upper));
}

export const canonicalPartyType = (s: string) => canonical(partyTypeIndex, s);
export const canonicalStateType = (s: string) => canonical(stateTypeIndex, s);
export const canonicalPartyIssuer = (s: string) => canonical(partyIssuerIndex, s);
export const canonicalStateIssuer = (s: string) => canonical(stateIssuerIndex, s);
