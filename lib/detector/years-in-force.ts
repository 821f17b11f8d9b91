/**
 * How many years the sentence says a document has been carried out: "tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW",
 * "sơ kết 5 năm thi hành Luật …", "sau 15 năm triển khai Nghị quyết 26". A document reviewed after N years of being
 * carried out was issued about N years before the review, so the resolver can rule out a candidate of that number
 * issued too recently to have been carried out that long (numbers restart every term). Only the review itself
 * counts: "trong 5 năm tới thực hiện …" (a plan ahead) or "5 năm thực hiện" of an unnamed programme says nothing.
 */

/** Words that open a look back over the years: a review, an anniversary, "after N years of". */
const LOOK_BACK = '(?:sơ\\s+kết|tổng\\s+kết|kỷ\\s+niệm|nhìn\\s+lại|đánh\\s+giá|sau|qua|trải\\s+qua|hơn|gần)';
/** Carrying out ("thực hiện", "thi hành", "triển khai thực hiện", "học tập và làm theo") or being issued ("ban hành"). */
const CARRY_OUT = '(?:triển\\s+khai\\s+(?:thực\\s+hiện|thi\\s+hành)|thực\\s+hiện|thi\\s+hành|triển\\s+khai|chấp\\s+hành|học\\s+tập\\s+và\\s+làm\\s+theo|ban\\s+hành|ra\\s+đời)';

/**
 * "… <look back> [up to three words] N năm <carry out> [type words] " at the end of the text before the reference:
 * between the number of years and the reference only the verb and the document's type words ("Chỉ thị số",
 * "Nghị quyết Trung ương", "Luật") may stand — no digit, no clause break.
 */
const BEFORE_REFERENCE = new RegExp(
  `(?:^|[\\s(“"'])${LOOK_BACK}\\s+(?:[\\p{L}]+\\s+){0,3}?(\\d{1,2})\\s+năm\\s+${CARRY_OUT}\\s+(?:\\p{L}+\\s+){0,4}(?:số\\s+)?[“"(]?$`,
  'iu',
);

/** The years of carrying out the sentence states right before a reference, or undefined. `before`: cleaned text. */
export function yearsInForceBefore(before: string): number | undefined {
  // This runs for every reference: most sentences say no "N năm" at all, and a plain search rules them out at once.
  const tail = before.slice(-120);
  if (!tail.includes(' năm ')) return undefined;
  const m = BEFORE_REFERENCE.exec(tail);
  if (!m) return undefined;
  const years = Number(m[1]);
  return years >= 1 && years <= 60 ? years : undefined;
}
