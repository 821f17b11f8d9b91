/**
 * The date of an event the sentence tells of, before it cites a document: "Ngày 5-3-2019, Tỉnh ủy tổ chức hội nghị
 * sơ kết Chỉ thị 35…", "Sáng 12/4/2024, …", "… tại hội nghị vào ngày 20/5/2019 …". A document cited at an event
 * existed by then, so the resolver rules out candidates dated after it. Only points in time count: a period's
 * start ("Từ ngày 1/1/2015", "giai đoạn 2011-2020") or a deadline ("trước ngày …") is no event date.
 */
import { isoDate } from './dates';

/** At the sentence's start: "Ngày 5-3-2019,", "Sáng 5/3/2019,", "Chiều ngày 5 tháng 3 năm 2019,". */
const OPENING =
  /^(?:(?:sáng|chiều|trưa|tối|đêm)\s+(?:nay\s+)?(?:ngày\s+)?|ngày\s+|hôm\s+nay\s+\(?)?(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\)?\s*,/iu;
const OPENING_WORDS = /^(?:(?:sáng|chiều|trưa|tối)\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*,/iu;
/** Inside the sentence: "vào ngày 20/5/2019". */
const ON = /(?:^|\s)vào\s+(?:sáng\s+|chiều\s+)?ngày\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)/iu;

/**
 * The event date in `sentenceBefore` (cleaned text from the sentence's start up to the reference), or undefined.
 * `atSentenceStart` says whether that text really starts a sentence (not a window cut mid-sentence).
 */
export function eventDateBefore(sentenceBefore: string, atSentenceStart: boolean): string | undefined {
  const s = sentenceBefore.trimStart();
  const m = atSentenceStart ? (OPENING.exec(s) ?? OPENING_WORDS.exec(s) ?? ON.exec(s)) : ON.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
