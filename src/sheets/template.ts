import type { Lang, Text } from '../core/i18n';

/** Letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export type Validation =
  | { kind: 'list'; values: (lang: Lang) => string[] }
  | { kind: 'checkbox' }
  | { kind: 'share' };

/** One column of a template: what it holds, how it looks, and (for computed ones) its one formula. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: Text;
  /** Headers the column had before (a sheet made then still reads). */
  formerly?: readonly Text[];
  note?: Text;
  width: number;
  /** Number format of its data cells. */
  format?: string;
  /** Dropdown or checkbox on every data row (rows of a kind may override, see the writer). */
  validation?: Validation;
  /**
   * The column's formula, written once in its header cell under the header's text: it fills the
   * column (see headerFormula).
   * `col(key)` gives another column's letter; `first` is the first data row.
   */
  formula?: (ctx: FormulaContext<K>) => string;
  /** Hidden helper column. */
  hidden?: boolean;
  /**
   * Computed by a formula on each data row, which the writer puts there (a chart Sheets draws per
   * cell, which no column formula can spread): not data the user types, protected like a formula.
   */
  perRow?: boolean;
}

export interface FormulaContext<K extends string> {
  col(key: K): string;
  /**
   * `K2:K`: a column from its HEADER row down. A range that started at the first data row would
   * move down when a row is inserted above that row (Sheets shifts it), and every result would
   * then sit one row off; one that starts at the header takes any row inserted below it. The header
   * row's own result is dropped by the column's formula (see headerFormula).
   */
  range(key: K): string;
  /** `K3:K`: from the first data row, where no row edit can reach (another sheet's view of the data). */
  dataRange(key: K): string;
  first: number;
  headerRow: number;
  lang: Lang;
}

export interface TableLayout<K extends string> {
  columns: readonly ColumnSpec<K>[];
  /** Row of the headers; data starts below. */
  headerRow: number;
}

/** Column positions and formula helpers of a layout. */
export function layoutOf<K extends string>(layout: TableLayout<K>) {
  const index = new Map<K, number>();
  layout.columns.forEach((c, i) => {
    index.set(c.key, i + 1);
  });
  const first = layout.headerRow + 1;
  const num = (key: K): number => {
    const n = index.get(key);
    if (n === undefined) throw new Error(`unknown column ${key}`);
    return n;
  };
  const col = (key: K) => columnLetter(num(key));
  return {
    ...layout,
    first,
    width: layout.columns.length,
    /** 1-based column number of a key. */
    num,
    col,
    ctx: (lang: Lang): FormulaContext<K> => ({
      col,
      range: (key) => `${col(key)}${layout.headerRow}:${col(key)}`,
      dataRange: (key) => `${col(key)}${first}:${col(key)}`,
      first,
      headerRow: layout.headerRow,
      lang,
    }),
  };
}
