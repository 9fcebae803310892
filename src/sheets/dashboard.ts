/**
 * The Dashboard sheet: a title and a note, Sheets' own charts (the overall score week by week, the
 * objectives by grade, one chart of KR trends per objective) and, right of them, the data blocks
 * the charts read, written by the add-on. A refresh rewrites the blocks and updates its charts in
 * place; cells and charts of the user's own elsewhere on the sheet are left alone.
 */
import { type DayNumber, isoOf } from '../core/cells';
import type { DashboardData } from '../core/dashboard';
import type { Lang } from '../core/i18n';
import type { Grade } from '../core/words';
import { type CellValue, cellValue, Day, Formula } from './cells';
import { DASHBOARD_TEXTS, type DashboardTexts, dateText } from './dashboard-texts';
import { columnLetter } from './template';
import { uniqueSheetName } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Where the dashboard is and which of its charts are the add-on's: by id, so renames keep them. */
const KEY = 'okrkpi.dashboard';

interface Stored {
  sheet: number;
  /** The add-on's charts by what they show ('overall', 'objectives', 'kr:O1'…): their ids. */
  charts: Record<string, number>;
}

/**
 * A named range over each block as last written: Sheets moves it with the rows and columns a user
 * inserts or deletes, so a refresh writes the block where it now is, over all it covered (a smaller
 * block blanks what is left of the larger one).
 */
const NAMES = {
  head: 'OkrKpi_Dashboard_Title',
  objectives: 'OkrKpi_Dashboard_Objectives',
  weeks: 'OkrKpi_Dashboard_Weeks',
} as const;

/** Where a block is (1-based) and what it covered when last written (0 × 0: never written). */
interface Place {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The sheet's layout: charts over columns A–O, the data from column Q, both from row 3. */
export const DASHBOARD_LAYOUT = {
  dataColumn: 17,
  blockTop: 3,
  chartTop: 4,
  /** The two top charts side by side, then the KR charts two by two below them. */
  wide: { width: 660, height: 320 },
  kr: { width: 660, height: 300, rows: 16, firstRow: 21 },
  rightColumn: 8,
  /** The objectives' labels and their scores' header. */
  widths: [200, 110],
} as const;

const COLOURS = {
  score: '#1a73e8',
  expected: '#9aa0a6',
  grade: { green: '#34a853', yellow: '#fbbc04', red: '#ea4335' } satisfies Record<Grade, string>,
  krs: ['#1a73e8', '#e8710a', '#9334e6', '#188038', '#d01884', '#12b5cb', '#795548'],
};
const DASH = [6, 4];
const GRADES: readonly Grade[] = ['green', 'yellow', 'red'];

/** An id and its title cut to n characters ("O1 · Grow…"), or the id alone when untitled. */
const named = (id: string, title: string, n: number, sep = ' ') =>
  title.trim() ? `${id}${sep}${short(title, n)}` : id;

/** A title cut to n characters, with an ellipsis: chart labels and legends stay on one line. */
function short(s: string, n: number): string {
  // spaces only: a French no-break space stays
  const t = s.trim().replace(/[ \t\r\n]+/g, ' ');
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

function readStored(): Stored | undefined {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
    const s = raw ? (JSON.parse(raw) as Stored) : undefined;
    return s && typeof s.sheet === 'number' ? { sheet: s.sheet, charts: s.charts ?? {} } : undefined;
  } catch {
    return undefined;
  }
}

/** The dashboard sheet: the one remembered if it is still there, else a new one (a name taken gets "(2)"). */
export function openDashboard(ss: Spreadsheet, lang: Lang): { sheet: Sheet; stored: Stored } {
  const stored = readStored();
  const found = stored && ss.getSheets().find((s) => s.getSheetId() === stored.sheet);
  if (found && stored) return { sheet: found, stored };
  const sheet = ss.insertSheet(uniqueSheetName(ss, DASHBOARD_TEXTS[lang].sheetName));
  DASHBOARD_LAYOUT.widths.forEach((w, i) => {
    sheet.setColumnWidth(DASHBOARD_LAYOUT.dataColumn + i, w);
  });
  sheet.setTabColor(COLOURS.score);
  return { sheet, stored: { sheet: sheet.getSheetId(), charts: {} } };
}

export interface DashboardContent {
  lang: Lang;
  /** The quarter sheet's and the log's names, for the note. */
  quarterSheet: string;
  logName: string;
  asOf: DayNumber;
  data: DashboardData;
}

interface Block {
  cells: CellValue[][];
  formats: string[][];
  /** Its first rows (title, headers) in bold. */
  bold: number;
}

/** The objectives' block: label, rolled-up score, its bar, grade, then the score again under its grade. */
function objectivesBlock(c: DashboardContent, t: DashboardTexts, at: Place): Block {
  const width = 4 + GRADES.length;
  const pad = (row: CellValue[]) => [...row, ...new Array<CellValue>(width - row.length).fill('')];
  const scoreCol = columnLetter(at.col + 1);
  const rows = c.data.objectives.map((o, i): CellValue[] => {
    const cell = `${scoreCol}${at.row + 2 + i}`;
    const s = o.score ?? '';
    return [
      named(o.id, o.title, 18, ' · '),
      s,
      o.grade
        ? new Formula(`=SPARKLINE(${cell},{"charttype","bar";"max",1;"color1","${COLOURS.grade[o.grade]}"})`)
        : '',
      o.grade ? t.grades[o.grade] : '',
      ...GRADES.map((g) => (o.grade === g ? s : '')),
    ];
  });
  const cells = [
    pad([t.objectivesBlock]),
    [t.objective, t.score, t.progress, t.grade, ...GRADES.map((g) => t.grades[g])],
    ...rows,
  ];
  const formats = cells.map((_, r) =>
    cells[0]!.map((__, k) => (r >= 2 && k !== 0 && k !== 2 && k !== 3 ? t.percentFormat : '')),
  );
  return { cells, formats, bold: 2 };
}

/** The weeks' block: week's last day, overall score, expected pace, a KR's expected line, each KR. */
function weeksBlock(c: DashboardContent, t: DashboardTexts): Block {
  const head = [t.week, t.overall, t.pace, t.expected, ...c.data.krs.map((k) => named(k.id, k.title, 14))];
  const blank = (v: number | undefined) => v ?? '';
  const rows = c.data.weeks.map((w): CellValue[] => [
    new Day(w.day),
    blank(w.overall),
    w.pace,
    w.expected,
    ...w.krs.map(blank),
  ]);
  const cells = [[t.weeksBlock, ...new Array<CellValue>(head.length - 1).fill('')], head, ...rows];
  const formats = cells.map((_, r) =>
    head.map((__, k) => (r < 2 ? '' : k === 0 ? t.dateFormat : t.percentFormat)),
  );
  return { cells, formats, bold: 2 };
}

/** A block's place: its named range when it is on this sheet, else where a new one goes. */
function placeOf(ss: Spreadsheet, sheetId: number, name: string, row: number, col: number): Place {
  const r = ss.getRangeByName(name);
  if (r && r.getSheet().getSheetId() === sheetId)
    return { row: r.getRow(), col: r.getColumn(), rows: r.getNumRows(), cols: r.getNumColumns() };
  return { row, col, rows: 0, cols: 0 };
}

/**
 * Writes a block at its place, over what it covered last time too (blank past its new edge): one
 * setValues, one setNumberFormats and one setFontWeights, whatever its size; then names it.
 */
function writeBlock(ss: Spreadsheet, sheet: Sheet, name: string, b: Block, at: Place): Place {
  const rows = b.cells.length;
  const cols = b.cells[0]!.length;
  const h = Math.max(rows, at.rows);
  const w = Math.max(cols, at.cols);
  const grid = <T>(f: (r: number, c: number) => T) =>
    Array.from({ length: h }, (_, r) => Array.from({ length: w }, (__, c) => f(r, c)));
  const max = sheet.getMaxColumns();
  if (max < at.col + w - 1) sheet.insertColumnsAfter(max, at.col + w - 1 - max);
  const range = sheet.getRange(at.row, at.col, h, w);
  range.setValues(grid((r, c) => cellValue(b.cells[r]?.[c] ?? '')));
  range.setNumberFormats(grid((r, c) => b.formats[r]?.[c] || 'General'));
  range.setFontWeights(grid((r, c) => (r < b.bold && r < rows && c < cols ? 'bold' : 'normal')));
  ss.setNamedRange(name, sheet.getRange(at.row, at.col, rows, cols));
  return { row: at.row, col: at.col, rows, cols };
}

type ChartType = GoogleAppsScript.Charts.ChartType;

interface ChartSpec {
  key: string;
  type: ChartType;
  ranges: GoogleAppsScript.Spreadsheet.Range[];
  options: Record<string, unknown>;
  /** Where a new chart goes; a chart already there keeps the place and size the user gave it. */
  at: { row: number; col: number; width: number; height: number };
}

const percentAxis = (title: string) => ({ format: 'percent', minValue: 0, maxValue: 1, title });

function chartSpecs(sheet: Sheet, c: DashboardContent, t: DashboardTexts, o: Place, w: Place): ChartSpec[] {
  const L = DASHBOARD_LAYOUT;
  // each block's header row, under its title row
  const weekRows = c.data.weeks.length + 1;
  const objRows = c.data.objectives.length + 1;
  const col = (k: number, n = 1) => sheet.getRange(w.row + 1, w.col + k, weekRows, n);
  const legend = { position: 'bottom' };
  const specs: ChartSpec[] = [
    {
      key: 'overall',
      type: Charts.ChartType.LINE,
      ranges: [col(0, 3)],
      options: {
        title: t.overallChart,
        legend,
        colors: [COLOURS.score, COLOURS.expected],
        pointSize: 4,
        series: { 1: { lineDashStyle: DASH, pointSize: 0 } },
        vAxis: percentAxis(t.scoreAxis),
        hAxis: { title: t.weekAxis },
      },
      at: { row: L.chartTop, col: 1, ...L.wide },
    },
    {
      key: 'objectives',
      type: Charts.ChartType.BAR,
      ranges: [
        sheet.getRange(o.row + 1, o.col, objRows, 1),
        sheet.getRange(o.row + 1, o.col + 4, objRows, GRADES.length),
      ],
      options: {
        title: t.objectivesChart,
        legend,
        isStacked: true,
        colors: GRADES.map((g) => COLOURS.grade[g]),
        hAxis: percentAxis(t.scoreAxis),
      },
      at: { row: L.chartTop, col: L.rightColumn, ...L.wide },
    },
  ];
  let first = 4; // the weeks' block: the KR columns start after week, overall, pace, expected
  c.data.objectives.forEach((ob, i) => {
    const n = ob.krs.length;
    if (n > 0)
      specs.push({
        key: `kr:${ob.id}`,
        type: Charts.ChartType.LINE,
        ranges: [col(0), col(first, n), col(3)],
        options: {
          title: t.krChart(named(ob.id, ob.title, 40)),
          legend,
          colors: [
            ...Array.from({ length: n }, (_, k) => COLOURS.krs[k % COLOURS.krs.length]),
            COLOURS.expected,
          ],
          pointSize: 4,
          series: { [n]: { lineDashStyle: DASH, pointSize: 0 } },
          vAxis: percentAxis(t.scoreAxis),
          hAxis: { title: t.weekAxis },
        },
        at: {
          row: L.kr.firstRow + Math.floor(i / 2) * L.kr.rows,
          col: i % 2 === 0 ? 1 : L.rightColumn,
          width: L.kr.width,
          height: L.kr.height,
        },
      });
    first += n;
  });
  return specs;
}

/** A chart's options and data set on a builder (a new chart's or an existing one's). */
function fill(b: Builder, s: ChartSpec): Builder {
  b.clearRanges().setChartType(s.type).setNumHeaders(1);
  for (const r of s.ranges) b.addRange(r);
  for (const [k, v] of Object.entries(s.options)) b.setOption(k, v);
  return b;
}

const signature = (ranges: readonly GoogleAppsScript.Spreadsheet.Range[]) =>
  ranges.map((r) => r.getA1Notation()).join(',');

/**
 * The charts: each of the add-on's updated in place (modify → updateChart), those missing inserted,
 * those whose objective is gone removed; charts the add-on did not make are not touched.
 */
function syncCharts(
  sheet: Sheet,
  specs: readonly ChartSpec[],
  known: Record<string, number>,
): Record<string, number> {
  const mine = new Map(Object.entries(known).map(([k, id]) => [id, k]));
  const charts = new Map<string, Chart>();
  for (const ch of sheet.getCharts()) {
    const key = mine.get(ch.getChartId() ?? -1);
    if (key) charts.set(key, ch);
  }
  const ids: Record<string, number> = {};
  const added = new Map<string, string>();
  const wanted = new Set(specs.map((s) => s.key));
  for (const [key, ch] of charts) if (!wanted.has(key)) sheet.removeChart(ch);
  for (const s of specs) {
    const ch = charts.get(s.key);
    if (ch) {
      sheet.updateChart(fill(ch.modify(), s).build());
      ids[s.key] = known[s.key]!;
    } else {
      const b = fill(sheet.newChart(), s)
        .setOption('width', s.at.width)
        .setOption('height', s.at.height)
        .setPosition(s.at.row, s.at.col, 0, 0);
      sheet.insertChart(b.build());
      added.set(signature(s.ranges), s.key);
    }
  }
  // insertChart gives no id: a new chart is known by its ranges, each chart's own
  if (added.size)
    for (const ch of sheet.getCharts()) {
      const key = added.get(signature(ch.getRanges()));
      if (key && !Object.values(ids).includes(ch.getChartId() ?? -1)) ids[key] = ch.getChartId()!;
    }
  return ids;
}

/** Writes the dashboard: the title and note, the data blocks, then the charts over them. */
export function writeDashboard(
  ss: Spreadsheet,
  sheet: Sheet,
  stored: Stored,
  c: DashboardContent,
): { charts: number } {
  const t = DASHBOARD_TEXTS[c.lang];
  const L = DASHBOARD_LAYOUT;
  const id = sheet.getSheetId();
  const places = {
    head: placeOf(ss, id, NAMES.head, 1, 1),
    objectives: placeOf(ss, id, NAMES.objectives, L.blockTop, L.dataColumn),
    // right of the objectives' block, a column apart
    weeks: placeOf(ss, id, NAMES.weeks, L.blockTop, L.dataColumn + 4 + GRADES.length + 1),
  };
  const asOf = dateText(isoOf(c.asOf), c.lang);
  const from = columnLetter(places.objectives.col);
  const head: Block = {
    cells: [[t.title(c.quarterSheet)], [t.note(c.quarterSheet, c.logName, asOf, from)]],
    formats: [],
    bold: 1,
  };
  writeBlock(ss, sheet, NAMES.head, head, places.head);
  const o = writeBlock(
    ss,
    sheet,
    NAMES.objectives,
    objectivesBlock(c, t, places.objectives),
    places.objectives,
  );
  const w = writeBlock(ss, sheet, NAMES.weeks, weeksBlock(c, t), places.weeks);
  const charts = syncCharts(sheet, chartSpecs(sheet, c, t, o, w), stored.charts);
  const next: Stored = { sheet: id, charts };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(next));
  return { charts: Object.keys(charts).length };
}
