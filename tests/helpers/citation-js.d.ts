// citation-js ships no types: the little the export tests use of it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: Array<Record<string, unknown>>;
    format(format: string, options?: unknown): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
