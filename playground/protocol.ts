/**
 * What the playground's server and its page say to each other (JSON over HTTP). Types only: the
 * client bundle imports them without pulling in any server code.
 */

import type { ChartView } from '../emulator/chart-drawing';
import type { MenuEntry } from '../emulator/services';
import type { SparklineSpec } from '../emulator/sparkline';

/** One cell as the grid draws it; defaults are left out to keep a sheet's JSON small. */
export interface GridCell {
  /** The display value (number format applied). */
  text: string;
  /** What the cell editor starts with, when it differs from text (a formula, 66.6666666667%…). */
  edit?: string;
  background?: string;
  color?: string;
  bold?: true;
  italic?: true;
  /** Resolved from 'general': numbers right, booleans centred, text left. */
  align?: 'left' | 'center' | 'right';
  wrap?: true;
  note?: string;
  /** The message of an error cell (a custom function's thrown error…). */
  error?: string;
  /** A checkbox cell and whether it is checked. */
  checkbox?: boolean;
  /** A dropdown's options. */
  options?: string[];
  /** The value fails the cell's validation (Sheets marks the corner red). */
  invalid?: true;
  protection?: 'warning' | 'locked';
  /** An IMPORTRANGE waiting for access ("You need to connect these sheets"): the cell offers Allow access. */
  allowAccess?: true;
  /** A SPARKLINE cell's chart, drawn in the cell instead of its (blank) text. */
  sparkline?: SparklineSpec;
}

export interface GridTab {
  name: string;
  color: string | null;
  hidden: boolean;
  active: boolean;
}

export interface GridState {
  /** The workbook on screen: its key and Sheets URL (what IMPORTRANGE and the Company dialog take). */
  spreadsheet: { id: string; url: string; name: string; locale: string; file: string };
  tabs: GridTab[];
  sheet: string;
  frozenRows: number;
  frozenColumns: number;
  /** One per column from A, hidden ones included (the grid skips them, keeping the letters). */
  columns: { width: number; hidden: boolean }[];
  rows: GridCell[][];
  /** Embedded charts, drawn over the grid at their anchor cell. */
  charts: ChartView[];
  /** Every toast shown since the server started: the page shows the ones it has not seen. */
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  /** Whether Ctrl/Cmd+Z has an edit to undo. */
  canUndo: boolean;
  /**
   * The sheet's selection as the workbook has it (A1, e.g. "A5:V5"): a script's Range.activate or
   * setActiveRange (the health check's "Go to row") moves the grid's cursor there.
   */
  selection?: string;
  /** The menus onOpen added (the add-on's is under Extensions). */
  menus: { caption: string; addon: boolean; items: MenuEntry[] }[];
}

/** One of the playground's workbooks, as the switcher lists it. */
export interface WorkbookEntry {
  id: string;
  name: string;
  /** https://docs.google.com/spreadsheets/d/<id>/edit */
  url: string;
  locale: string;
  /** Its file, as the page shows it (relative to where the server runs). */
  file: string;
  /** The one the page shows. */
  current: boolean;
}

/** GET /api/state: the workbook on screen and the list the switcher shows. */
export interface PageState extends GridState {
  workbooks: WorkbookEntry[];
}

/** A sidebar or dialog the add-on opened; its HTML is served at /surface/{id}. */
export interface SurfaceInfo {
  id: string;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number | null;
  height: number | null;
}

/** An alert or prompt the add-on showed (the emulator answered it: OK, or closed). */
export interface AlertInfo {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
}

/** What opening something may bring up. */
export interface Shown {
  shown: SurfaceInfo[];
  alerts: AlertInfo[];
}

/** POST /api/run: the endpoint's result as google.script.run copies it. */
export interface RunReply extends Shown {
  result: unknown;
}

/** What a row header's menu does. */
export type RowAction = 'insertAbove' | 'insertBelow' | 'delete';

export type EditReply =
  | { status: 'applied'; invalid?: string }
  | { status: 'rejected'; message: string }
  | { status: 'needs-confirmation'; message: string };

/** Every refusal or failure, with the status code that fits it. */
export interface ErrorReply {
  error: string;
}
