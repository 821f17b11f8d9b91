/**
 * Issuing bodies compared by what they are, however a sentence or a record names them: "Bộ Chính trị", "BCT" and
 * "Bộ Chính trị khóa XIII" are one body; "Ban Thường vụ Tỉnh ủy Nghệ An" is a provincial Party body; "Bộ Y tế" a
 * ministry. Used to tell when what a page states about a document contradicts a record. Pure.
 */
import { aliasKey } from './alias-key';

/** How high in the system a body sits, and in which system. */
export type BodyLevel = 'central-party' | 'local-party' | 'central-state' | 'local-state';

export interface BodyIdentity {
  /** A stable key for the body ("bct", "bbt", "bchtw", "cp", "ttg", "qh", "ubtvqh", "btctw", "bo y te", "tu", …). */
  key: string;
  level: BodyLevel;
  /**
   * Bodies of one group are often confused in news (Bộ Chính trị / Ban Bí thư / Ban Chấp hành Trung ương share
   * the …/TW numbering; Chính phủ / Thủ tướng; Quốc hội / its Standing Committee): a difference within a group is
   * weak evidence, across groups a contradiction.
   */
  group: string;
}

const RULES: ReadonlyArray<readonly [RegExp, string, BodyLevel, string]> = [
  [/^ban to chuc (trung uong|tw)/, 'btctw', 'central-party', 'btctw'],
  [/^ban tuyen giao va dan van (trung uong|tw)/, 'btgdvtw', 'central-party', 'btgdvtw'],
  [/^ban tuyen giao (trung uong|tw)/, 'btgtw', 'central-party', 'btgtw'],
  [/^ban dan van (trung uong|tw)/, 'bdvtw', 'central-party', 'bdvtw'],
  [/^ban kinh te (trung uong|tw)/, 'bkttw', 'central-party', 'bkttw'],
  [/^ban noi chinh (trung uong|tw)/, 'bnctw', 'central-party', 'bnctw'],
  [/^ban chi dao (trung uong|tw)/, 'bcdtw', 'central-party', 'bcdtw'],
  [/^uy ban kiem tra (trung uong|tw)/, 'ubkttw', 'central-party', 'ubkttw'],
  [/^van phong (trung uong|tw)/, 'vptw', 'central-party', 'vptw'],
  [/^quan uy (trung uong|tw)/, 'qutw', 'central-party', 'qutw'],
  [/^dang uy quan su (trung uong|tw)/, 'duqstw', 'central-party', 'qutw'],
  [/^(trung uong|tw) doan/, 'twdtn', 'central-party', 'twdtn'],
  [/^(bo chinh tri|bct)( |$)/, 'bct', 'central-party', 'tw'],
  [/^ban bi thu( |$)/, 'bbt', 'central-party', 'tw'],
  [/^(ban chap hanh|bch) (trung uong|tw)( |$)/, 'bchtw', 'central-party', 'tw'],
  [/^hoi nghi (lan thu \S+ )?(ban chap hanh |bch )?(trung uong|tw)( |$)/, 'bchtw', 'central-party', 'tw'],
  [/^(ban thuong vu |ban chap hanh )?(tinh|thanh) uy( |$)|^(ban chap hanh )?dang bo (tinh|thanh pho)( |$)/, 'tu', 'local-party', 'tu'],
  [/^(ban thuong vu |ban chap hanh )?huyen uy( |$)|^(ban chap hanh )?dang bo huyen( |$)/, 'hu', 'local-party', 'hu'],
  [/^(ban thuong vu |ban chap hanh )?(quan|thi) uy( |$)/, 'qu', 'local-party', 'qu'],
  [/^thu tuong/, 'ttg', 'central-state', 'cp'],
  [/^chinh phu( |$)/, 'cp', 'central-state', 'cp'],
  [/^(uy ban thuong vu quoc hoi|ubtvqh)/, 'ubtvqh', 'central-state', 'qh'],
  [/^quoc hoi( |$)/, 'qh', 'central-state', 'qh'],
  [/^(uy ban nhan dan|ubnd) /, 'ubnd', 'local-state', 'ubnd'],
  [/^(hoi dong nhan dan|hdnd) /, 'hdnd', 'local-state', 'hdnd'],
  [/^ngan hang nha nuoc/, 'nhnn', 'central-state', 'nhnn'],
];

/** What a body name names, or undefined when the name alone does not say ("Trung ương", "các cơ quan"). */
export function bodyIdentity(name: string | undefined): BodyIdentity | undefined {
  if (!name) return undefined;
  const key = aliasKey(name);
  if (!key) return undefined;
  for (const [re, id, level, group] of RULES) if (re.test(key)) return { key: id, level, group };
  // A ministry: "Bộ Y tế", "Bộ Tài chính" (several ministries: the first names the lead).
  const ministry = /^bo ([a-z ]+?)(?: va | |$)/.exec(key);
  if (ministry && !key.startsWith('bo chinh tri')) {
    const name = key.split(/ va bo |,/)[0]!.trim();
    return { key: name, level: 'central-state', group: name };
  }
  return undefined;
}

/**
 * How a stated body compares with a record's: 'same', 'near' (one group, often confused in news), 'differs'
 * (another level, system or body), or undefined when either does not say. A record's issuer cut short ("Bộ Tài")
 * is not a difference from the full name ("Bộ Tài chính").
 */
export function compareBodies(stated: string | undefined, recorded: string | undefined): 'same' | 'near' | 'differs' | undefined {
  // A minister signs for the ministry: "Bộ trưởng Bộ Y tế" states the ministry.
  stated = stated?.normalize('NFC').replace(/^(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng)\s+(?=Bộ\s)/u, '');
  const a = bodyIdentity(stated);
  const b = bodyIdentity(recorded);
  if (!a || !b) return undefined;
  if (a.key === b.key) return 'same';
  if (a.level !== b.level) return 'differs';
  if (a.level === 'central-state' && a.group.startsWith('bo ') && b.group.startsWith('bo ')) {
    if (a.key.startsWith(b.key) || b.key.startsWith(a.key)) return 'same';
    if (a.key.replace(/ /g, '') === b.key.replace(/ /g, '') || initialsMatch(a.key, b.key) || initialsMatch(b.key, a.key)) return 'same';
    // Joint documents ("Bộ Y tế và Bộ Tài chính"): a stated ministry among the record's is not a difference.
    if (aliasKey(recorded ?? '').includes(a.key) || aliasKey(stated ?? '').includes(b.key)) return 'near';
    // An abbreviation cut short ("Bộ GD" of "Bộ GD&ĐT"): it neither confirms nor contradicts.
    if (initialsStart(a.key, b.key) || initialsStart(b.key, a.key)) return 'near';
    return 'differs';
  }
  // Local bodies of the same kind (two Tỉnh ủy) differ by place, which the place rule decides.
  if (a.level === 'local-party' || a.level === 'local-state') return a.group === b.group ? 'same' : 'differs';
  if (a.group === b.group) return 'near';
  // "Bộ Chính trị, Ban Bí thư" as a record's issuer names both.
  if (aliasKey(recorded ?? '').includes(aliasKey(stated ?? ''))) return 'near';
  return 'differs';
}

/**
 * Whether a body issues documents of a state type at all: only the Government issues decrees (NĐ); circulars
 * (TT, TTLT) come from ministries and the State Bank, never from the Government, the Prime Minister or the
 * National Assembly. A sentence that names a body which cannot have issued the type ("Nghị định 100 của Bộ Tài
 * chính") names a drafter or an implementer, not the issuer: it neither confirms nor contradicts a record.
 */
export function couldIssue(body: BodyIdentity, family: 'party' | 'state', typeAbbr: string): boolean {
  if (family !== 'state') return true;
  const type = typeAbbr.normalize('NFC').toUpperCase();
  if (type === 'NĐ') return body.key === 'cp';
  if (type === 'TT' || type === 'TTLT') return body.level === 'central-state' && !['cp', 'ttg', 'qh', 'ubtvqh'].includes(body.key);
  return true;
}

/**
 * A ministry written by its initials ("Bộ NN&PTNT", "Bộ GD-ĐT", "Bộ TT&TT") is the ministry whose name's words start
 * with those letters ("Bộ Nông nghiệp và Phát triển nông thôn").
 */
/** "bo gd" and "bo giao duc va dao tao": the short form's letters begin the full name's initials. */
function initialsStart(short: string, full: string): boolean {
  const letters = short.replace(/^bo /, '');
  if (!/^[a-z]{2,7}$/.test(letters)) return false;
  const initials = full.replace(/^bo /, '').split(' ').filter((w) => w && w !== 'va').map((w) => w[0]).join('');
  return initials.length > letters.length && initials.startsWith(letters);
}

function initialsMatch(short: string, full: string): boolean {
  const letters = short.replace(/^bo /, '').replace(/ /g, '');
  if (letters.length < 2 || letters.length > 8) return false;
  const words = full.replace(/^bo /, '').split(' ').filter((w) => w && w !== 'va');
  return words.length === letters.length && words.every((w, i) => w[0] === letters[i]);
}
