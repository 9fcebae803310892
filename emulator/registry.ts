/**
 * The spreadsheets IMPORTRANGE can reach: local workbooks by id, found from a key or a Sheets URL
 * (https://docs.google.com/spreadsheets/d/<id>/edit, what getUrl() gives). A workbook joins one when
 * it is made (createWorkbook({ registry })); a workbook in none reaches only itself.
 *
 * When a workbook changes, the registry tells the others, which recompute the IMPORTRANGE cells that
 * read it, at once (Sheets: "any update to the source document will cause all open receiving
 * documents to refresh" [DOC IMPORTRANGE]); a chain (A → B → C) is followed, a cycle stops.
 */

/** What the registry needs of a workbook (WorkbookCore implements it). */
export interface ImportSource {
  readonly id: string;
  /** A workbook it holds changed: recompute what reads it (and say so in turn if anything did). */
  sourceChanged(id: string): void;
}

/** The key of a spreadsheet from its URL or its bare key; undefined when it is neither. */
export function spreadsheetKey(urlOrKey: string): string | undefined {
  const text = urlOrKey.trim();
  const url = /^https?:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([-\w]+)/i.exec(text);
  if (url) return url[1];
  return /^[-\w]{10,}$/.test(text) ? text : undefined;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export class WorkbookRegistry {
  private readonly books = new Map<string, ImportSource>();
  /** Workbooks whose change is being passed on: a cycle of imports stops here. */
  private readonly passing = new Set<string>();

  /** A workbook joins: the others' imports of it, #REF! until now, are computed again. */
  add(book: ImportSource): void {
    this.books.set(book.id, book);
    this.changed(book);
  }

  /** A workbook leaves (closed): the others' imports of it read #REF! again. */
  remove(book: ImportSource): void {
    if (this.books.get(book.id) !== book) return;
    this.books.delete(book.id);
    this.changed(book);
  }

  /** The workbook a key or URL names. */
  find(urlOrKey: string): ImportSource | undefined {
    const key = spreadsheetKey(urlOrKey);
    return key === undefined ? undefined : this.books.get(key);
  }

  get ids(): string[] {
    return [...this.books.keys()];
  }

  /** `source` changed: every other workbook recomputes its imports of it. */
  changed(source: ImportSource): void {
    if (this.passing.has(source.id)) return;
    this.passing.add(source.id);
    try {
      for (const book of this.books.values()) if (book !== source) book.sourceChanged(source.id);
    } finally {
      this.passing.delete(source.id);
    }
  }
}
