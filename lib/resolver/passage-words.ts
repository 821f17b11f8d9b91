/**
 * Subject words a passage shares with a document's title: the title's own two-word terms ("thể thao", "bảo hiểm",
 * "kinh tế tư nhân" → "tế tư", "tư nhân") that the words around a reference also say, or spell as an acronym
 * ("TDTT", "BHXH"). Terms every title uses ("phát triển", "kinh tế", "xây dựng", "tăng cường", "quy định") name no
 * subject and are never counted. Pure; the resolver uses it to tell apart documents of one number (numbers restart
 * every term or year) when the passage speaks of one title's subject and of no other's.
 */
import { foldAccents } from '../keys/alias-key';

/** Words that only join others: a pair holding one says nothing of a subject ("về thể", "của Đảng"). */
const JOINING = new Set(['va', 'cua', 'cac', 'nhung', 'mot', 'trong', 'theo', 'nham', 'la', 'duoc', 'voi', 'tren', 'nay', 'khi', 've', 'den', 'cho', 'viec', 'co', 'so']);

/**
 * Two-word terms of the administrative language, found in the titles of documents of every subject (and in news
 * passages of every subject): they never tell one title from another. Folded (no diacritics, lower case).
 */
const BOILERPLATE = new Set([
  // what a document does
  'quy dinh', 'chi tiet', 'thi hanh', 'huong dan', 'sua doi', 'bo sung', 'ban hanh', 'thuc hien', 'trien khai', 'tiep tuc',
  'tang cuong', 'day manh', 'nang cao', 'phat huy', 'hoan thien', 'doi moi', 'xay dung', 'phat trien', 'bao dam', 'dam bao',
  'to chuc', 'lanh dao', 'chi dao', 'quan ly', 'danh gia', 'gop phan', 'dap ung', 'yeu cau', 'giai quyet', 'su dung',
  // what it is about, in the most general words
  'cong tac', 'chinh sach', 'chu truong', 'nhiem vu', 'giai phap', 'van de', 'noi dung', 'ket qua', 'hieu qua', 'chat luong',
  'hoat dong', 'he thong', 'co che', 'trach nhiem', 'vai tro', 'tinh hinh', 'hinh moi', 'giai doan', 'tam nhin', 'hien nay',
  'cap bach', 'toan dien', 'can ban', 'co ban', 'mot so', 'chinh tri', 'kinh te', 'xa hoi', 'nha nuoc', 'nhan dan',
  'dat nuoc', 'nuoc ta', 'quoc gia', 'viet nam', 'linh vuc', 'co quan', 'don vi', 'dia phuong', 'can bo', 'dang vien',
  'hanh chinh', 'tinh than', 'thoi gian', 'thoi ky', 'muc tieu', 'dinh huong', 'chien luoc',
  // "quy định xử phạt vi phạm hành chính trong lĩnh vực …": a kind of decree, its subject is the field named after it
  'xu phat', 'vi pham', 'phat vi', 'pham hanh', 'xu ly',
  // "kinh tế thị trường định hướng xã hội chủ nghĩa", "công nghiệp hóa, hiện đại hóa"
  'thi truong', 'truong dinh', 'huong xa', 'hoi chu', 'chu nghia', 'te thi', 'cong nghiep', 'nghiep hoa', 'hien dai', 'dai hoa',
  // the bodies and acts themselves
  'trung uong', 'bo chinh', 'ban bi', 'bi thu', 'ban chap', 'chap hanh', 'hanh trung', 'chinh phu', 'thu tuong', 'quoc hoi',
  'hoi dong', 'nghi quyet', 'nghi dinh', 'quyet dinh', 'chi thi', 'thong tu', 'ket luan', 'van ban', 'phap luat', 'hoi nghi',
  'dai hoi', 'nhiem ky', 'dang bo', 'lan thu', 'uy ban', 'dong nhan', 'su lanh', 'cuong su',
]);

/** A two-word term of a title: its folded key and the words as the title writes them. */
interface TitleTerm {
  key: string;
  written: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The title's words, folded and as written, split into runs that no punctuation interrupts. */
function titleRuns(title: string): Array<Array<{ key: string; written: string }>> {
  return title.split(/[,;:.()[\]"“”'‘’!?–—-]+/).map((run) => [...run.matchAll(WORD)].map((m) => ({ key: foldAccents(m[0]), written: m[0] })));
}

function isTerm(a: string, b: string): boolean {
  return !JOINING.has(a) && !JOINING.has(b) && !/\d/.test(a) && !/\d/.test(b) && !BOILERPLATE.has(`${a} ${b}`);
}

/** The subject terms of a title: adjacent words within a run, neither a joining word nor a number, not boilerplate. */
export function titleTerms(title: string): TitleTerm[] {
  const out = new Map<string, TitleTerm>();
  for (const run of titleRuns(title)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i]!, b = run[i + 1]!;
      const key = `${a.key} ${b.key}`;
      // Between two boilerplate terms, a pair is their seam, not a word: "tiếp tục đổi mới" holds no "tục đổi".
      const seam = i > 0 && i + 2 < run.length && BOILERPLATE.has(`${run[i - 1]!.key} ${a.key}`) && BOILERPLATE.has(`${b.key} ${run[i + 2]!.key}`);
      if (isTerm(a.key, b.key) && !seam && !out.has(key)) out.set(key, { key, written: `${a.written} ${b.written}` });
    }
  }
  return [...out.values()];
}

/** An acronym a passage may write for a title's words ("TDTT", "BHXH"): four to six letters, none of them a, e, i, o, u. */
const ACRONYM = /^[b-df-hj-np-tv-z]{4,6}$/;

export interface PassageWords {
  /**
   * The title's words the passage says, as the title writes them, in title order: each run of them that holds a
   * subject term ("thể thao", "bảo hiểm xã hội").
   */
  terms: string[];
  /** How strongly: the number of subject terms said, and one more when the passage says one of them twice or more. */
  strength: number;
}

/** Text that is folded already: lower-case ASCII letters, digits and spaces. */
const FOLDED = /^[a-z0-9 ]*$/;

/** Titles already split into runs and terms (the same few hundred titles come up again and again). */
const TITLES = new Map<string, { runs: ReturnType<typeof titleRuns>; terms: TitleTerm[] }>();
const MAX_TITLES = 5000;

function titleOf(title: string): { runs: ReturnType<typeof titleRuns>; terms: TitleTerm[] } {
  let known = TITLES.get(title);
  if (!known) {
    if (TITLES.size >= MAX_TITLES) TITLES.clear();
    known = { runs: titleRuns(title), terms: titleTerms(title) };
    TITLES.set(title, known);
  }
  return known;
}

/**
 * Reads the passages once (any text, or the detector's folded contexts; several passages, such as the page's
 * mentions of one document, are read apart: no pair across two of them) and returns how each title agrees with
 * them: the title's subject terms they say. An acronym of a passage counts for the terms of the title words whose
 * initials spell it ("TDTT" for "thể dục, thể thao").
 */
export function passageReader(passages: string | readonly string[]): (title: string) => PassageWords {
  const said = new Map<string, number>();
  const acronyms: string[] = [];
  for (const passage of typeof passages === 'string' ? [passages] : passages) {
    // The detector's contexts are folded already (ASCII, lower case, one space between words).
    const words = (FOLDED.test(passage) ? passage : foldAccents(passage)).split(/[^a-z0-9]+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) { const key = `${words[i]} ${words[i + 1]}`; said.set(key, (said.get(key) ?? 0) + 1); }
    for (const w of words) if (ACRONYM.test(w)) acronyms.push(w);
  }
  return (title) => {
    const { runs, terms } = titleOf(title);
    if (terms.length === 0) return { terms: [], strength: 0 };
    let heard: Map<string, number> = said;
    if (acronyms.length) {
      const all = runs.flat();
      const initials = all.map((w) => w.key[0]).join('');
      for (const a of acronyms) {
        for (let at = initials.indexOf(a); at !== -1; at = initials.indexOf(a, at + 1)) {
          if (heard === said) heard = new Map(said);
          for (let i = at; i + 1 < at + a.length; i++) { const key = `${all[i]!.key} ${all[i + 1]!.key}`; heard.set(key, (heard.get(key) ?? 0) + 1); }
        }
      }
    }
    const found = new Set<string>();
    for (const t of terms) if (heard.has(t.key)) found.add(t.key);
    if (found.size === 0) return { terms: [], strength: 0 };
    const repeated = [...found].some((k) => (heard.get(k) ?? 0) >= 2);
    return { terms: phrases(runs, heard, found), strength: found.size + (repeated ? 1 : 0) };
  };
}

/** The subject terms of `title` that the passages say (passageReader, for one title). */
export function passageWords(passages: string | readonly string[], title: string): PassageWords {
  return passageReader(passages)(title);
}

/**
 * The title's words the passage says, as the title writes them: each run of words whose every adjacent pair the
 * passage says ("bảo hiểm xã hội", "kinh tế tư nhân"), kept when it holds a subject term.
 */
function phrases(runs: ReturnType<typeof titleRuns>, said: ReadonlyMap<string, number>, found: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const run of runs) {
    let from = -1;
    let holds = false;
    for (let i = 0; i < run.length; i++) {
      const key = i + 1 < run.length ? `${run[i]!.key} ${run[i + 1]!.key}` : '';
      if (key && said.has(key)) {
        if (from < 0) from = i;
        holds ||= found.has(key);
      } else if (from >= 0) {
        let to = i;
        while (from < to && JOINING.has(run[from]!.key)) from++;
        while (to > from && JOINING.has(run[to]!.key)) to--;
        const phrase = run.slice(from, to + 1).map((w) => w.written).join(' ');
        if (holds && !out.includes(phrase)) out.push(phrase);
        from = -1;
        holds = false;
      }
    }
  }
  return out;
}
