import type { QuarterDraft } from '../core/draft';
import type { Lang } from '../core/i18n';
import { KR_TYPES, LEVELS } from '../core/words';
import { type CellValue, Day, Formula } from './cells';
import { errorTexts, prefixColour, scoreColours, wordColours } from './conditional';
import { META, type QuarterKey, type QuarterLayout } from './quarter-layout';
import { NOTES, QUARTER_META, SHEET_NAMES } from './texts';
import { protectWarning, STYLE, uniqueSheetName, writeTable } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

const wordIn = (vocab: Record<string, readonly string[]>, key: string | undefined, lang: Lang) =>
  key === undefined ? '' : (vocab[key]?.[lang === 'en' ? 0 : 1] ?? key);

/** The rows of a quarter: each objective, then its key results. */
export function quarterRows(draft: QuarterDraft, lang: Lang) {
  const rows: Partial<Record<QuarterKey, CellValue>>[] = [];
  const kinds: ('objective' | 'kr' | 'milestone')[] = [];
  const formats: (string | undefined)[] = [];
  for (const o of draft.objectives) {
    rows.push({
      objectiveId: o.id,
      objective: o.id,
      title: o.title,
      level: wordIn(LEVELS, o.level, lang),
      owner: o.owner,
      parent: o.parent,
      committed: o.committed,
    });
    kinds.push('objective');
    formats.push(undefined);
    for (const kr of o.krs) {
      rows.push({
        objective: o.id,
        krId: kr.id,
        title: kr.title,
        type: wordIn(KR_TYPES, kr.type, lang),
        unit: kr.unit,
        start: kr.start,
        target: kr.target,
        current: kr.current,
        weight: kr.weight,
        confidence: kr.confidence,
      });
      kinds.push(kr.type === 'milestone' ? 'milestone' : 'kr');
      formats.push(kr.format);
    }
  }
  return { rows, kinds, formats };
}

/**
 * The quarter sheet's first row: label, value pairs for the quarter, its "as of" date, the share
 * elapsed, the fiscal-year start, its last day and the overall score; labels and totals in bold.
 */
export function quarterMetaRow(draft: QuarterDraft, layout: QuarterLayout, lang: Lang) {
  const m = QUARTER_META;
  const cells: CellValue[] = [
    m.quarter[lang],
    draft.label,
    m.asOf[lang],
    new Day(draft.asOf),
    m.elapsed[lang],
    new Formula(`=QUARTER_PROGRESS(${META.asOf}, ${META.fiscalStart})`),
    m.fiscalStart[lang],
    draft.fiscalStart,
    m.ends[lang],
    new Day(draft.quarter.next - 1),
    m.overall[lang],
    new Formula(`=OKR_SCORE(${layout.ctx(lang).range('score')})`),
  ];
  const formats = [
    'General',
    '@',
    'General',
    'yyyy-mm-dd',
    'General',
    '0%',
    'General',
    '0',
    'General',
    'yyyy-mm-dd',
    'General',
    '0%',
  ];
  const weights = cells.map(
    (_, i): FontWeight => (i % 2 === 0 || i === cells.length - 1 ? 'bold' : 'normal'),
  );
  return { cells, formats, weights };
}

/** Inserts a quarter's OKR sheet (never over an existing one) and returns it. */
export function insertQuarterSheet(
  ss: Spreadsheet,
  layout: QuarterLayout,
  draft: QuarterDraft,
  lang: Lang,
): Sheet {
  const sheet = ss.insertSheet(uniqueSheetName(ss, SHEET_NAMES.quarter(draft.label, lang)));
  const { rows, kinds, formats } = quarterRows(draft, lang);
  const meta = quarterMetaRow(draft, layout, lang);
  writeTable(sheet, layout, lang, {
    above: [meta.cells],
    rows,
    cellValidation: (r, key) => {
      const kind = kinds[r];
      if (key === 'committed') return kind === 'objective' ? { kind: 'checkbox' } : null;
      if (key === 'current' && kind === 'milestone') return { kind: 'checkbox' };
      if (key === 'level') return kind === 'objective' ? undefined : null;
      if (key === 'type' || key === 'confidence') return kind === 'objective' ? null : undefined;
      return undefined;
    },
    cellFormat: (r, key) =>
      key === 'start' || key === 'target' || key === 'current' ? formats[r] : undefined,
    rowStyle: (r) =>
      kinds[r] === 'objective' ? { bold: true, background: STYLE.objectiveBackground } : undefined,
  });

  const first = sheet.getRange(1, 1, 1, meta.cells.length);
  first.setBackground(STYLE.metaBackground);
  first.setNumberFormats([meta.formats]);
  first.setFontWeights([meta.weights]);
  sheet.getRange(META.asOf).setNote(NOTES.asOf[lang]);
  protectWarning(sheet.getRange(META.elapsed), lang);
  protectWarning(sheet.getRange(META.overall), lang);

  const col = (key: QuarterKey) => sheet.getRange(`${layout.col(key)}${layout.first}:${layout.col(key)}`);
  sheet.setConditionalFormatRules([
    errorTexts([sheet.getRange(`${layout.col('krScore')}${layout.first}:${layout.col('forecast')}`)]),
    ...wordColours(col('grade'), lang, { green: 'green', yellow: 'yellow', red: 'red' }),
    ...wordColours(col('status'), lang, {
      achieved: 'green',
      on_track: 'green',
      at_risk: 'yellow',
      off_track: 'red',
    }),
    ...wordColours(col('alignment'), lang, { orphan: 'yellow' }),
    prefixColour(col('alignment'), lang, 'broken', 'red'),
    prefixColour(col('alignment'), lang, 'cycle', 'red'),
    ...scoreColours([col('krScore'), col('score'), col('forecast')]),
  ]);
  sheet.setTabColor(STYLE.tab.quarter);
  return sheet;
}
