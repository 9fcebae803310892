/**
 * A team's spreadsheet as the journeys drive it: the add-on's bundle on the emulator, and a model of
 * what the team typed and what the add-on recorded. Invariants compare the two after every step.
 */
import { expect } from 'vitest';
import { ALL_LEVELS, addon } from '../sheets/support';

export type Wb = ReturnType<typeof addon>['wb'];
export type App = ReturnType<typeof addon>['app'];
export type Lang = 'en' | 'fr';

export interface ModelKr {
  id: string;
  objective: string;
  title: string;
  type: string;
  percent: boolean;
  currency: boolean;
  current: number | boolean | '';
  confidence: number | '';
}

export interface ModelObjective {
  id: string;
  title: string;
}

export interface LogEntry {
  quarter: string;
  krId: string;
  value: number | boolean | '';
  confidence: number | '';
  comment: string;
}

export interface Answer {
  objectiveId: string;
  grade: 'green' | 'yellow' | 'red';
  wentWell: string;
  toImprove: string;
  decision: 'carry_over' | 'close' | 'drop';
}

/** What the team sees: their objectives and KRs, what was logged, what the review holds. */
export class Model {
  objectives = new Map<string, ModelObjective>();
  krs = new Map<string, ModelKr>();
  log: LogEntry[] = [];
  answers = new Map<string, Answer>();
  /** Objectives whose id the team broke (cleared): the review must refuse to finish. */
  brokenIds = new Map<string, number>();
  /** The "Current" header renamed: writes must be refused. */
  headerBroken = false;
  /** Quarters reviewed, with the objectives their history must hold once each. */
  history: { quarter: string; ids: string[] }[] = [];
  /** The next quarter's sheet, when the team planned it before closing this one. */
  planned: string | undefined;
  steps = 0;

  constructor(
    public locale: string,
    public sheet: string,
    public quarter: string,
  ) {}

  get lang(): Lang {
    return this.locale.startsWith('fr') ? 'fr' : 'en';
  }

  get readable(): boolean {
    return !this.headerBroken && this.brokenIds.size === 0;
  }
}

export interface Real {
  wb: Wb;
  app: App;
}

/** The header row of a quarter sheet (the row naming KR ID) and its columns by header text. */
export function layout(wb: Wb, sheet: string) {
  const values = wb.sheet(sheet).getDataRange().getValues();
  const h = values.findIndex((r) => r.includes('KR ID') || r.includes('ID RC'));
  const header = values[h]!.map(String);
  const col = (en: string, fr: string) => {
    const i = header.findIndex((x) => x === en || x === fr);
    return i;
  };
  const keys = [
    col('Objective ID', 'ID objectif'),
    col('Objective', 'Objectif'),
    col('KR ID', 'ID RC'),
    col('Title', 'Intitulé'),
  ];
  let lastData = h + 1;
  values.forEach((r, i) => {
    if (i > h && keys.some((k) => k >= 0 && r[k] !== '')) lastData = i + 1;
  });
  return {
    values,
    headerRow: h + 1,
    /** The last row holding an id or a title (computed columns spill to the sheet's foot). */
    lastData,
    col: {
      objectiveId: col('Objective ID', 'ID objectif'),
      objective: col('Objective', 'Objectif'),
      krId: col('KR ID', 'ID RC'),
      title: col('Title', 'Intitulé'),
      type: col('Type', 'Type'),
      current: col('Current', 'Actuel') >= 0 ? col('Current', 'Actuel') : col('Now', 'Now'),
      confidence: col('Confidence', 'Confiance'),
      score: col('Rolled-up score', 'Score consolidé'),
    },
  };
}

/** A new spreadsheet with the example quarter, and the model read from what the add-on wrote. */
export function newWorld(locale: string): { model: Model; real: Real } {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as { sheet: string; quarter: string };
  const model = new Model(locale, r.sheet, r.quarter);
  readModelFrom(model, wb);
  const log = wb
    .sheet(locale.startsWith('fr') ? 'Suivi' : 'Check-ins')
    .getDataRange()
    .getValues()
    .slice(1);
  model.log = log
    .filter((x) => x[2] !== '')
    .map((x) => ({
      quarter: String(x[1]),
      krId: String(x[2]),
      value: x[3] as LogEntry['value'],
      confidence: x[4] as LogEntry['confidence'],
      comment: String(x[5]),
    }));
  return { model, real: { wb, app } };
}

/** The model's objectives and KRs, as the sheet holds them now (a quarter just opened). */
export function readModelFrom(model: Model, wb: Wb): void {
  const { values, headerRow, col } = layout(wb, model.sheet);
  const formats = wb.sheet(model.sheet).getDataRange().getNumberFormats();
  model.objectives.clear();
  model.krs.clear();
  values.slice(headerRow).forEach((r, i) => {
    const oid = String(r[col.objectiveId] ?? '');
    const kid = String(r[col.krId] ?? '');
    if (oid) model.objectives.set(oid, { id: oid, title: String(r[col.title]) });
    else if (kid) {
      const f = formats[headerRow + i]![col.current]!;
      model.krs.set(kid, {
        id: kid,
        objective: String(r[col.objective]),
        title: String(r[col.title]),
        type: String(r[col.type]),
        percent: f.includes('%'),
        currency: f.includes('€'),
        current: r[col.current] as number | boolean | '',
        confidence: r[col.confidence] as number | '',
      });
    }
  });
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
    : a === b;

/** Every invariant the journeys hold after each step. */
export function checkInvariants(model: Model, real: Real): void {
  const { wb, app } = real;
  model.steps++;
  const { values, headerRow, col } = layout(wb, model.sheet);
  const rows = values.slice(headerRow);
  // nothing typed is lost or moved: each KR once, under its own objective, with its values
  const seen = new Map<string, number>();
  for (const r of rows) {
    const kid = String(r[col.krId] ?? '');
    if (!kid) continue;
    seen.set(kid, (seen.get(kid) ?? 0) + 1);
    const kr = model.krs.get(kid);
    expect(kr, `a KR row ${kid} the team never typed`).toBeDefined();
    expect(String(r[col.objective]), `${kid}'s objective`).toBe(kr!.objective);
    expect(String(r[col.title]), `${kid}'s title`).toBe(kr!.title);
    if (col.current >= 0)
      expect(
        close(r[col.current], kr!.current),
        `${kid}'s current: ${r[col.current]} vs ${kr!.current}`,
      ).toBe(true);
    expect(
      close(r[col.confidence], kr!.confidence),
      `${kid}'s confidence: ${r[col.confidence]} vs ${kr!.confidence}`,
    ).toBe(true);
  }
  for (const id of model.krs.keys()) expect(seen.get(id), `KR ${id} rows`).toBe(1);
  for (const o of model.objectives.values()) {
    const n = rows.filter((r) => String(r[col.objectiveId]) === o.id).length;
    expect(n, `objective ${o.id} rows`).toBe(model.brokenIds.has(o.id) ? 0 : 1);
  }
  // every accepted check-in is in the log, in order, once
  const logSheet = wb.spreadsheet.getSheets().find((s) => /^(Check-ins|Suivi)( \(\d+\))?$/.test(s.getName()));
  const logged = logSheet
    ? logSheet
        .getDataRange()
        .getValues()
        .slice(1)
        .filter((x) => x[2] !== '')
        .map((x) => ({
          quarter: String(x[1]),
          krId: String(x[2]),
          value: x[3],
          confidence: x[4],
          comment: String(x[5]),
        }))
    : [];
  expect(logged.length, 'log rows').toBe(model.log.length);
  model.log.forEach((e, i) => {
    const got = logged[i]!;
    expect([got.quarter, got.krId, got.comment]).toEqual([e.quarter, e.krId, e.comment]);
    expect(close(got.value, e.value), `log row ${i + 2} value ${got.value} vs ${e.value}`).toBe(true);
    expect(close(got.confidence, e.confidence), `log row ${i + 2} confidence`).toBe(true);
  });
  // every closed quarter's objectives are in the history exactly once
  const history = wb.spreadsheet.getSheets().find((s) => /^(Reviews|Revues)$/.test(s.getName()));
  for (const h of model.history) {
    const ids = history!
      .getDataRange()
      .getValues()
      .slice(1)
      .filter((x) => String(x[1]) === h.quarter)
      .map((x) => String(x[2]));
    expect([...ids].sort(), `history of ${h.quarter}`).toEqual([...h.ids].sort());
  }
  // every number shown equals what the sheet computes: the review's scores are the sheet's
  if (model.readable) {
    const s = app.run('getReviewState', { sheet: model.sheet }) as {
      blocking: string[];
      finished: unknown;
      summary: { objectives: { id: string; score?: number }[] };
    };
    if (!s.finished) {
      expect(s.blocking, 'nothing blocks a readable sheet').toEqual([]);
      for (const o of s.summary.objectives) {
        const row = rows.find((r) => String(r[col.objectiveId]) === o.id)!;
        const shown = row[col.score];
        if (typeof shown === 'number')
          expect(close(o.score, shown), `${o.id} score ${o.score} vs ${shown}`).toBe(true);
        else expect(o.score, `${o.id} has no score in the sheet (${shown})`).toBeUndefined();
      }
    }
  }
}

/** The whole workbook's contents, to check that a refused action wrote nothing. */
export function snapshot(wb: Wb): string {
  return JSON.stringify(
    wb.spreadsheet
      .getSheets()
      .map((s) => [s.getName(), s.getDataRange().getValues(), s.getDataRange().getFormulas()]),
  );
}
