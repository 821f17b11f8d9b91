/**
 * What one page has cited so far, for the parts of it read one at a time (the extension reads a page block by
 * block): the short forms ("Nghị định|86") it has written in a form that stands on its own ("Nghị định
 * 86/2015/NĐ-CP", "Nghị định số 86"), so that a later block's "… mà Nghị định 86 chưa quy định" is read as a
 * citation too. Pure data; one per page (a new one when the page is read afresh).
 */
export class PageForms {
  private readonly cited = new Set<string>();

  has(form: string): boolean {
    return this.cited.has(form);
  }

  add(form: string): void {
    // A page cites a bounded number of documents; a runaway page costs this memory nothing more.
    if (this.cited.size < 10_000) this.cited.add(form);
  }
}
