/**
 * The first line break at or after a position, for references read in text order. A search runs to the next
 * line break however far it is, and references share paragraphs: the last answer is kept and reused for every
 * position up to it, so each stretch of text is searched about once instead of once per reference.
 */
export class LineBreaks {
  private from = -1;
  private at = -1;

  constructor(private readonly text: string) {}

  /** Index of the first '\n' at or after `pos`, or -1. */
  after(pos: number): number {
    if (this.from < 0 || pos < this.from || (this.at !== -1 && pos > this.at)) {
      this.from = pos;
      this.at = this.text.indexOf('\n', pos);
    }
    return this.at;
  }
}
