/**
 * The sheet's grid: lettered columns and numbered rows, display values with their formats and
 * colours, frozen rows and columns that stay in view, checkboxes, notes and errors as tooltips with
 * a corner mark, hidden columns left out. One cell is active; arrows move, Enter or a double-click
 * (or just typing) edits, Space clicks a checkbox, Delete clears. Shift with arrows or a click
 * extends the selection to a range; a click on a row number selects the row. Ctrl/Cmd+C copies the
 * selection, Ctrl/Cmd+V pastes it at the selection (Ctrl/Cmd+Shift+V: values only), Ctrl/Cmd+Z
 * undoes the last edit; a right-click on a row number (or a cell) offers to insert a row above or
 * below, or to delete the row. Built with textContent only.
 */

import { sparklineShapes } from '../../emulator/sparkline';
import { h } from '../../src/ui/lib/dom';
import type { GridCell, GridState, RowAction } from '../protocol';
import { chartLayer } from './charts';
import { openContextMenu } from './context-menu';

export interface GridActions {
  /** A cell's new text (the user typed it); the grid has already moved on. */
  edit(a1: string, text: string): Promise<void>;
  /** A click on a checkbox. */
  toggle(a1: string): Promise<void>;
  /** Ctrl/Cmd+V: the cells copied (on their sheet) pasted at `to` on the grid's sheet. */
  paste(from: { sheet: string; a1: string }, to: string, valuesOnly: boolean): Promise<void>;
  /** Ctrl/Cmd+Z. */
  undo(): Promise<void>;
  /** The "Allow access" button of an IMPORTRANGE cell waiting for it. */
  allow(a1: string): Promise<void>;
  /** A row header's menu. */
  rows(row: number, action: RowAction): Promise<void>;
}

/** A rectangle of the sheet, 1-based and inclusive. */
interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** What a row number offers, on hover. */
const ROW_TIP =
  'Click: select the row (then Ctrl/Cmd+C). Right-click: insert a row above or below, or delete it.';

export const ROW_ACTIONS: { action: RowAction; caption: string }[] = [
  { action: 'insertAbove', caption: 'Insert row above' },
  { action: 'insertBelow', caption: 'Insert row below' },
  { action: 'delete', caption: 'Delete row' },
];

const ROW_HEAD_WIDTH = 46;
/** A row's height in pixels inside its bottom border (style.css's --row-height, 21px, less 1). */
const CELL_HEIGHT = 20;
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A SPARKLINE cell's chart as SVG filling the cell (emulator/sparkline.ts computes the shapes for
 * the cell's size; a taller row stretches it). Built with setAttribute only.
 */
function sparklineSvg(spec: NonNullable<GridCell['sparkline']>, width: number): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', `0 0 ${width} ${CELL_HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${spec.type} sparkline`);
  svg.dataset.type = spec.type;
  for (const shape of sparklineShapes(spec, width, CELL_HEIGHT)) {
    if (shape.kind === 'rect') {
      const r = document.createElementNS(SVG_NS, 'rect');
      r.setAttribute('x', String(shape.x));
      r.setAttribute('y', String(shape.y));
      r.setAttribute('width', String(shape.width));
      r.setAttribute('height', String(shape.height));
      r.setAttribute('fill', shape.fill);
      svg.append(r);
    } else {
      const l = document.createElementNS(SVG_NS, 'polyline');
      l.setAttribute('points', shape.points.map(([x, y]) => `${x},${y}`).join(' '));
      l.setAttribute('fill', 'none');
      l.setAttribute('stroke', shape.stroke);
      l.setAttribute('stroke-width', String(shape.width));
      l.setAttribute('stroke-linejoin', 'round');
      l.setAttribute('vector-effect', 'non-scaling-stroke');
      svg.append(l);
    }
  }
  return svg;
}

/** 1 → A, 27 → AA. */
export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const a1Of = (row: number, col: number) => `${letters(col)}${row}`;

/** Column letters → number: A → 1, AA → 27. */
function columnOf(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "B3" or "A5:V5" as a rectangle (undefined for anything else). */
export function boxOf(a1: string): Box | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) return undefined;
  const [c1, r1] = [columnOf(m[1]!), Number(m[2])];
  const [c2, r2] = m[3] ? [columnOf(m[3]), Number(m[4])] : [c1, r1];
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

export class Grid {
  private state: GridState | undefined;
  private table: HTMLTableElement | undefined;
  /** The active cell, in sheet coordinates (1-based); kept across refreshes of the same sheet. */
  private sel = { row: 3, col: 1 };
  /** The other corner of the selected range (the active cell when one cell is selected). */
  private anchor = { row: 3, col: 1 };
  /** Whole rows are selected (a click on a row number): from anchor.row to sel.row. */
  private rowMode = false;
  /** What Ctrl/Cmd+C copied, shown with a dashed border until Escape. */
  private copied: { sheet: string; a1: string; box: Box } | undefined;
  private editor: HTMLInputElement | undefined;
  /** A refresh that came while a cell was being edited: drawn when the edit ends, not losing the typing. */
  private pending: GridState | undefined;
  /** Visible columns, in order. */
  private cols: number[] = [];
  /** The workbook's selection last drawn ("Sheet!A5:V5"): a new one came from a script. */
  private scriptSelection: string | undefined;

  constructor(
    private readonly box: HTMLElement,
    private readonly formula: HTMLInputElement,
    private readonly nameBox: HTMLInputElement,
    private readonly actions: GridActions,
  ) {
    formula.addEventListener('focus', () => {
      formula.value = this.editTextAt(this.sel.row, this.sel.col);
    });
    formula.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const text = formula.value;
        const { row, col } = this.sel;
        this.focus();
        if (text !== this.editTextAt(row, col)) void this.actions.edit(a1Of(row, col), text);
      } else if (e.key === 'Escape') {
        formula.value = this.editTextAt(this.sel.row, this.sel.col);
        this.focus();
      }
    });
  }

  /** The selected cell, as the add-on's getActiveRange() sees it. */
  get selected(): string {
    return a1Of(this.sel.row, this.sel.col);
  }

  /** The selection's rectangle (whole rows span every column). */
  private area(): Box {
    const lastCol = this.state?.columns.length ?? this.sel.col;
    return {
      r1: Math.min(this.anchor.row, this.sel.row),
      r2: Math.max(this.anchor.row, this.sel.row),
      c1: this.rowMode ? 1 : Math.min(this.anchor.col, this.sel.col),
      c2: this.rowMode ? lastCol : Math.max(this.anchor.col, this.sel.col),
    };
  }

  /** The selection in A1 notation: "B3", "B3:D5", or rows "4:4". */
  get selection(): string {
    const b = this.area();
    if (this.rowMode) return `${b.r1}:${b.r2}`;
    const first = a1Of(b.r1, b.c1);
    return b.r1 === b.r2 && b.c1 === b.c2 ? first : `${first}:${a1Of(b.r2, b.c2)}`;
  }

  /** What was copied, if anything (its sheet and A1). */
  get clipboard(): { sheet: string; a1: string } | undefined {
    return this.copied ? { sheet: this.copied.sheet, a1: this.copied.a1 } : undefined;
  }

  get sheet(): string | undefined {
    return this.state?.sheet;
  }

  focus(): void {
    this.table?.focus({ preventScroll: true });
  }

  private cellAt(row: number, col: number): GridCell | undefined {
    return this.state?.rows[row - 1]?.[col - 1];
  }

  private editTextAt(row: number, col: number): string {
    const c = this.cellAt(row, col);
    return c ? (c.edit ?? c.text) : '';
  }

  private td(row: number, col: number): HTMLTableCellElement | null {
    return this.table?.querySelector<HTMLTableCellElement>(`#cell-${a1Of(row, col)}`) ?? null;
  }

  render(state: GridState): void {
    if (this.editor) {
      this.pending = state;
      return;
    }
    this.pending = undefined;
    const sameSheet = this.state?.sheet === state.sheet;
    const scroll = { top: this.box.scrollTop, left: this.box.scrollLeft };
    const hadFocus = this.table !== undefined && document.activeElement === this.table;
    this.state = state;
    if (!sameSheet) {
      this.sel = { row: Math.min(state.frozenRows + 1, state.rows.length), col: 1 };
      this.anchor = { ...this.sel };
      this.rowMode = false;
    }
    // A selection the workbook has and the grid has not drawn yet: a script's Range.activate (the
    // health check's "Go to row"). The cursor goes to its first cell, the range is marked, and it is
    // scrolled into view below.
    const fromScript = state.selection ? `${state.sheet}!${state.selection}` : undefined;
    const moved =
      fromScript !== undefined && fromScript !== this.scriptSelection ? boxOf(state.selection!) : undefined;
    this.scriptSelection = fromScript ?? this.scriptSelection;
    if (moved) {
      this.sel = { row: moved.r1, col: moved.c1 };
      this.anchor = { row: moved.r2, col: moved.c2 };
      this.rowMode = false;
    }
    this.cols = state.columns.flatMap((c, j) => (c.hidden ? [] : [j + 1]));
    if (!this.cols.includes(this.sel.col)) this.sel.col = this.cols[0] ?? 1;
    this.sel.row = Math.min(Math.max(1, this.sel.row), Math.max(1, state.rows.length));
    this.anchor.row = Math.min(Math.max(1, this.anchor.row), Math.max(1, state.rows.length));
    if (!this.cols.includes(this.anchor.col)) this.anchor.col = this.sel.col;

    const table = h('table', {
      class: 'sheet',
      role: 'grid',
      tabindex: 0,
      'aria-label': `Sheet ${state.sheet}`,
      'aria-rowcount': state.rows.length + 1,
      'aria-colcount': this.cols.length + 1,
      'aria-readonly': 'false',
    });
    const colgroup = h('colgroup', {}, h('col', {}));
    (colgroup.firstChild as HTMLElement).style.width = `${ROW_HEAD_WIDTH}px`;
    let width = ROW_HEAD_WIDTH;
    for (const c of this.cols) {
      const col = h('col', {});
      const w = state.columns[c - 1]!.width;
      col.style.width = `${w}px`;
      width += w;
      colgroup.append(col);
    }
    table.style.width = `${width}px`;
    const headRow = h(
      'tr',
      { role: 'row' },
      h('th', { class: 'corner', role: 'columnheader', 'aria-label': 'All' }),
    );
    for (const c of this.cols) {
      headRow.append(h('th', { role: 'columnheader', scope: 'col', 'data-col': c }, letters(c)));
    }
    const body = h('tbody', {});
    state.rows.forEach((cells, i) => {
      const row = i + 1;
      const tr = h(
        'tr',
        { role: 'row', 'aria-rowindex': row + 1 },
        h('th', { role: 'rowheader', scope: 'row', 'data-row': row, title: ROW_TIP }, row),
      );
      this.cols.forEach((col, k) => {
        const td = this.cellElement(cells[col - 1] ?? { text: '' }, row, col);
        this.overflow(td, cells, k);
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(colgroup, h('thead', {}, headRow), body);
    this.bind(table);
    this.box.replaceChildren(table);
    this.box.onscroll = null;
    this.table = table;
    this.stickFrozen(state);
    if (state.charts.length) this.placeCharts(table, state);
    if (sameSheet) {
      this.box.scrollTop = scroll.top;
      this.box.scrollLeft = scroll.left;
    } else {
      this.box.scrollTop = 0;
      this.box.scrollLeft = 0;
    }
    this.select(this.sel.row, this.sel.col, moved !== undefined, true);
    if (hadFocus) this.focus();
  }

  private cellElement(c: GridCell, row: number, col: number): HTMLTableCellElement {
    const a1 = a1Of(row, col);
    const td = h('td', { id: `cell-${a1}`, role: 'gridcell', 'data-a1': a1, 'aria-selected': 'false' });
    const classes: string[] = [];
    if (c.align) classes.push(c.align);
    if (c.bold) classes.push('bold');
    if (c.italic) classes.push('italic');
    if (c.wrap) classes.push('wrap');
    if (c.note) classes.push('has-note');
    if (c.error !== undefined) classes.push('has-error');
    if (c.invalid) classes.push('invalid');
    if (c.options) classes.push(c.text === '' ? 'dropdown empty' : 'dropdown');
    if (c.background) td.style.backgroundColor = c.background;
    if (c.color) td.style.color = c.color;
    const tip = [c.error, c.note].filter((t) => t).join('\n\n');
    if (tip) td.title = tip;
    if (c.sparkline) {
      classes.push('sparkline');
      td.append(sparklineSvg(c.sparkline, (this.state?.columns[col - 1]?.width ?? 100) - 1));
    } else if (c.checkbox !== undefined) {
      classes.push('checkbox');
      td.append(h('input', { type: 'checkbox', tabindex: -1, checked: c.checkbox, 'aria-label': a1 }));
    } else {
      td.append(c.text);
      if (c.options) td.append(h('span', { class: 'dd', 'aria-hidden': 'true' }, '▼'));
      if (c.allowAccess) {
        // Sheets' button on the cell's error card: this workbook may import from the other one
        const button = h('button', { type: 'button', class: 'allow-access', 'data-a1': a1 }, 'Allow access');
        button.addEventListener('mousedown', (e) => e.stopPropagation());
        button.addEventListener('click', () => void this.actions.allow(a1));
        td.append(button);
      }
    }
    if (classes.length) td.className = classes.join(' ');
    return td;
  }

  /**
   * Text runs on over the empty cells to its right, as in Sheets, up to the first one with content:
   * the text gets a box as wide as those cells together, the cell lets it out.
   */
  private overflow(td: HTMLTableCellElement, cells: GridCell[], k: number): void {
    const c = cells[this.cols[k]! - 1];
    if (
      !c?.text ||
      c.wrap ||
      c.checkbox !== undefined ||
      c.options ||
      c.allowAccess ||
      (c.align && c.align !== 'left')
    )
      return;
    const widths = this.state!.columns;
    let width = widths[this.cols[k]! - 1]!.width;
    for (let next = k + 1; next < this.cols.length; next++) {
      const n = cells[this.cols[next]! - 1];
      if (n && (n.text !== '' || n.checkbox !== undefined || n.sparkline)) break;
      width += widths[this.cols[next]! - 1]!.width;
    }
    if (width === widths[this.cols[k]! - 1]!.width) return;
    const text = h('span', { class: 'run-on' }, c.text);
    text.style.width = `${width - 7}px`;
    td.replaceChildren(text);
    td.classList.add('overflow');
  }

  /** Where a column starts, in pixels from the table's left (hidden columns take no room). */
  private columnLeft(col: number): number {
    let x = ROW_HEAD_WIDTH;
    for (const c of this.cols) {
      if (c >= col) break;
      x += this.state!.columns[c - 1]!.width;
    }
    return x;
  }

  /**
   * Charts as Sheets shows them with frozen panes: one anchored in the scrolling area scrolls with it
   * and passes under the frozen rows and columns; one anchored in a frozen row (or column) belongs to
   * that pane, staying put when the sheet scrolls down (or sideways), over the cells and under the headers.
   */
  private placeCharts(table: HTMLTableElement, state: GridState): void {
    const left = (col: number) => this.columnLeft(col);
    const inPane = (c: GridState['charts'][number]) =>
      c.anchor.row <= state.frozenRows || c.anchor.col <= state.frozenColumns;
    const scrolling = state.charts.filter((c) => !inPane(c));
    const pinned = state.charts.filter(inPane);
    if (scrolling.length) table.after(chartLayer(table, scrolling, left));
    if (!pinned.length) return;
    const layer = chartLayer(table, pinned, left);
    layer.classList.add('frozen-pane');
    this.box.append(layer);
    const boxes = [...layer.children] as HTMLElement[];
    const follow = () => {
      pinned.forEach((c, i) => {
        const x = c.anchor.col <= state.frozenColumns ? this.box.scrollLeft : 0;
        const y = c.anchor.row <= state.frozenRows ? this.box.scrollTop : 0;
        boxes[i]!.style.transform = `translate(${x}px, ${y}px)`;
      });
    };
    follow();
    this.box.onscroll = follow;
  }

  /** Frozen rows and columns stick under the headers; their offsets are measured once drawn. */
  private stickFrozen(state: GridState): void {
    const table = this.table!;
    const headHeight = table.tHead!.rows[0]!.getBoundingClientRect().height;
    let top = headHeight;
    const bodyRows = table.tBodies[0]!.rows;
    for (let i = 0; i < Math.min(state.frozenRows, bodyRows.length); i++) {
      const tr = bodyRows[i]!;
      for (const cell of tr.cells) {
        cell.classList.add('frozen-row');
        if (i === state.frozenRows - 1) cell.classList.add('last-frozen-row');
        cell.style.top = `${top}px`;
      }
      top += tr.getBoundingClientRect().height;
    }
    let left = ROW_HEAD_WIDTH;
    const frozenCols = this.cols.filter((c) => c <= state.frozenColumns);
    frozenCols.forEach((c, k) => {
      // the frozen columns' letters stay above them, as in Sheets; the others scroll under them
      for (const tr of [table.tHead!.rows[0]!, ...bodyRows]) {
        const cell = tr.cells[k + 1]!;
        cell.classList.add('frozen-col');
        if (k === frozenCols.length - 1) cell.classList.add('last-frozen-col');
        cell.style.left = `${left}px`;
      }
      left += state.columns[c - 1]!.width;
    });
    // a cell scrolled into view lands below the frozen rows, right of the frozen columns
    this.box.style.scrollPaddingTop = `${top}px`;
    this.box.style.scrollPaddingLeft = `${left}px`;
  }

  /**
   * Makes a cell the active one: the selection is that cell, or, with `extend`, the range from the
   * anchor to it (whole rows stay whole rows).
   */
  select(row: number, col: number, scroll = true, extend = false): void {
    const table = this.table;
    if (!table || !this.state) return;
    table.querySelector('td.selected')?.setAttribute('aria-selected', 'false');
    table.querySelector('td.selected')?.classList.remove('selected');
    for (const th of table.querySelectorAll('th.current')) th.classList.remove('current');
    this.sel = { row, col };
    if (!extend) {
      this.anchor = { row, col };
      this.rowMode = false;
    }
    this.paintRange();
    const td = this.td(row, col);
    if (!td) return;
    td.classList.add('selected');
    td.setAttribute('aria-selected', 'true');
    table.setAttribute('aria-activedescendant', td.id);
    table.querySelector(`thead th[data-col="${col}"]`)?.classList.add('current');
    table.querySelector(`tbody th[data-row="${row}"]`)?.classList.add('current');
    this.nameBox.value = this.selection;
    if (document.activeElement !== this.formula) this.formula.value = this.editTextAt(row, col);
    if (scroll) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private move(dRow: number, dCol: number, extend = false): void {
    const rows = this.state?.rows.length ?? 1;
    const at = this.cols.indexOf(this.sel.col);
    const col = this.cols[Math.min(this.cols.length - 1, Math.max(0, at + dCol))] ?? this.sel.col;
    this.select(Math.min(rows, Math.max(1, this.sel.row + dRow)), col, true, extend);
  }

  /** Selects whole rows: `row`, or from the anchor's row to it. */
  selectRow(row: number, extend = false): void {
    const first = this.cols[0] ?? 1;
    if (!extend || !this.rowMode) this.anchor = { row, col: first };
    this.rowMode = true;
    this.select(row, extend ? this.sel.col : first, false, true);
  }

  /** Marks the cells of the selected range (and of what was copied). */
  private paintRange(): void {
    const table = this.table;
    if (!table) return;
    for (const td of table.querySelectorAll('td.in-range, td.copied'))
      td.classList.remove('in-range', 'copied');
    for (const th of table.querySelectorAll('th.in-range')) th.classList.remove('in-range');
    const b = this.area();
    const single = b.r1 === b.r2 && b.c1 === b.c2;
    const mark = (box: Box, cls: string) => {
      for (let r = box.r1; r <= box.r2; r++) {
        for (const c of this.cols) if (c >= box.c1 && c <= box.c2) this.td(r, c)?.classList.add(cls);
      }
    };
    if (!single) mark(b, 'in-range');
    if (this.rowMode) {
      for (let r = b.r1; r <= b.r2; r++)
        table.querySelector(`tbody th[data-row="${r}"]`)?.classList.add('in-range');
    }
    if (this.copied && this.copied.sheet === this.state?.sheet) mark(this.copied.box, 'copied');
  }

  /** Ctrl/Cmd+C: remembers the selection (the paste reads the cells as they are then). */
  copy(): void {
    if (!this.state) return;
    this.copied = { sheet: this.state.sheet, a1: this.selection, box: this.area() };
    this.paintRange();
  }

  /** Escape after a copy: nothing to paste any more. */
  forgetCopy(): void {
    this.copied = undefined;
    this.paintRange();
  }

  /** Ctrl/Cmd+V at the selection (a cell, a range, or rows). */
  private paste(valuesOnly: boolean): void {
    const from = this.clipboard;
    if (!from) return;
    void this.actions.paste(from, this.selection, valuesOnly);
  }

  /** The row header's menu, for the row at the pointer (or the active cell's row). */
  private rowMenu(row: number, x: number, y: number): void {
    openContextMenu(
      x,
      y,
      `Row ${row}`,
      ROW_ACTIONS.map(({ action, caption }) => ({
        caption,
        run: () => {
          this.focus();
          void this.actions.rows(row, action);
        },
      })),
    );
  }

  private bind(table: HTMLTableElement): void {
    table.addEventListener('mousedown', (e) => {
      const rowHead = (e.target as Element).closest<HTMLElement>('tbody th[data-row]');
      if (rowHead && e.button === 0) {
        e.preventDefault();
        this.selectRow(Number(rowHead.dataset.row), e.shiftKey);
        this.focus();
        return;
      }
      const td = (e.target as Element).closest('td');
      if (!td) return;
      const [row, col] = this.position(td);
      if (e.button === 2 && this.inSelection(row, col)) {
        // a right-click inside the selection keeps it
        e.preventDefault();
        this.focus();
        return;
      }
      this.select(row, col, true, e.shiftKey);
      if (!(e.target instanceof HTMLInputElement)) {
        e.preventDefault(); // keep the focus on the grid, not on text
        this.focus();
      }
    });
    table.addEventListener('click', (e) => {
      const box = e.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
      e.preventDefault(); // the server decides (protection, custom values); the refresh shows it
      const td = box.closest('td')!;
      void this.actions.toggle(td.dataset.a1!);
    });
    table.addEventListener('contextmenu', (e) => {
      const rowHead = (e.target as Element).closest<HTMLElement>('tbody th[data-row]');
      const td = (e.target as Element).closest('td');
      if (!rowHead && !td) return;
      e.preventDefault();
      const row = rowHead ? Number(rowHead.dataset.row) : this.position(td!)[0];
      if (rowHead && !(this.rowMode && row >= this.area().r1 && row <= this.area().r2)) this.selectRow(row);
      this.rowMenu(row, e.clientX, e.clientY);
    });
    table.addEventListener('dblclick', (e) => {
      const td = (e.target as Element).closest('td');
      if (td && !td.classList.contains('checkbox')) this.startEdit();
    });
    table.addEventListener('keydown', (e) => {
      if (this.editor || e.target !== table) return;
      const moves: Record<string, [number, number]> = {
        ArrowDown: [1, 0],
        ArrowUp: [-1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
        PageDown: [20, 0],
        PageUp: [-20, 0],
      };
      const m = moves[e.key];
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (m) {
        e.preventDefault();
        this.move(m[0], m[1], e.shiftKey);
      } else if (mod && key === 'c') {
        e.preventDefault();
        this.copy();
      } else if (mod && key === 'v') {
        e.preventDefault();
        this.paste(e.shiftKey);
      } else if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void this.actions.undo();
      } else if (e.key === 'Escape' && this.copied) {
        e.preventDefault();
        this.forgetCopy();
      } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault();
        const r = this.td(this.sel.row, this.sel.col)?.getBoundingClientRect();
        this.rowMenu(this.sel.row, r ? r.left + 8 : 80, r ? r.bottom : 80);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        this.move(0, e.shiftKey ? -1 : 1);
      } else if (e.key === 'Enter' || e.key === 'F2') {
        e.preventDefault();
        this.startEdit();
      } else if (e.key === ' ' && this.cellAt(this.sel.row, this.sel.col)?.checkbox !== undefined) {
        e.preventDefault();
        void this.actions.toggle(a1Of(this.sel.row, this.sel.col));
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        if (this.editTextAt(this.sel.row, this.sel.col) !== '')
          void this.actions.edit(a1Of(this.sel.row, this.sel.col), '');
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        this.startEdit(e.key); // typing replaces the cell's content, as in Sheets
      }
    });
  }

  private inSelection(row: number, col: number): boolean {
    const b = this.area();
    return row >= b.r1 && row <= b.r2 && col >= b.c1 && col <= b.c2;
  }

  private position(td: HTMLTableCellElement): [number, number] {
    const tr = td.parentElement as HTMLTableRowElement;
    return [tr.sectionRowIndex + 1, this.cols[td.cellIndex - 1]!];
  }

  startEdit(initial?: string): void {
    const { row, col } = this.sel;
    const cell = this.cellAt(row, col);
    const td = this.td(row, col);
    if (!td || !cell) return;
    this.closeEditor();
    const original = cell.edit ?? cell.text;
    const a1 = a1Of(row, col);
    const input = h('input', {
      class: 'cell-editor',
      value: initial ?? original,
      'aria-label': `Edit ${a1}`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    if (cell.options) {
      const list = h(
        'datalist',
        { id: 'cell-options' },
        ...cell.options.map((o) => h('option', { value: o })),
      );
      input.setAttribute('list', 'cell-options');
      this.box.append(list);
    }
    // placed over the cell in the scrolled box, free to be wider than a narrow column
    const box = this.box.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    input.style.left = `${r.left - box.left + this.box.scrollLeft}px`;
    input.style.top = `${r.top - box.top + this.box.scrollTop}px`;
    input.style.minWidth = `${Math.max(r.width, 120)}px`;
    input.style.width = `${Math.max(r.width, Math.min(480, 8 * input.value.length + 24))}px`;
    input.style.height = `${r.height}px`;
    input.style.minHeight = '0';
    let done = false;
    const finish = (commit: boolean, dRow: number, dCol: number) => {
      if (done) return;
      done = true;
      const text = input.value;
      this.closeEditor();
      if (this.pending) this.render(this.pending);
      this.focus();
      if (dRow || dCol) this.move(dRow, dCol);
      if (commit && text !== original) void this.actions.edit(a1, text);
      else this.formula.value = this.editTextAt(this.sel.row, this.sel.col);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        finish(true, 1, 0);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        finish(true, 0, e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false, 0, 0);
      }
    });
    input.addEventListener('input', () => {
      this.formula.value = input.value;
    });
    input.addEventListener('blur', () => {
      if (this.editor === input) finish(true, 0, 0);
    });
    this.editor = input;
    this.box.append(input);
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
    this.formula.value = input.value;
  }

  private closeEditor(): void {
    const ed = this.editor;
    this.editor = undefined;
    ed?.remove();
    this.box.querySelector('#cell-options')?.remove();
  }
}
