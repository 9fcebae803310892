/**
 * What a team does to its quarter, as fast-check commands: check in (a value, a confidence, a
 * comment, each alone or together, typed as people type in English or French), sort the rows,
 * insert and delete rows, add a column of their own, rename a header, delete the log, break and
 * mend an id, save review steps, finish the review (cut short at any write, then retried).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkInvariants, layout, type Model, type Real, readModelFrom, snapshot } from './world';

type Cmd = fc.Command<Model, Real>;

/** A number as a user of that language types it: decimals, thousands, in percent or with €. */
export function typed(
  n: number,
  lang: 'en' | 'fr',
  opts: { percent?: boolean; euro?: boolean; group?: boolean },
): string {
  const shown = opts.percent ? n * 100 : n;
  const fixed = Number(shown.toFixed(2));
  let [int, dec] = String(Math.abs(fixed)).split('.') as [string, string | undefined];
  const sep = lang === 'fr' ? ' ' : ',';
  // thousands only where they can't read two ways: two groups, or decimals after them
  if (opts.group && int.length > 3 && (dec || int.length > 6)) int = int.replace(/\B(?=(\d{3})+$)/g, sep);
  const body = `${fixed < 0 ? '-' : ''}${int}${dec ? (lang === 'fr' ? ',' : '.') + dec : ''}`;
  if (opts.percent) return `${body}${lang === 'fr' ? ' %' : ' %'}`;
  if (opts.euro) return `${body} €`;
  return body;
}

/** The value a typed text stands for, as the team meant it. */
const meant = (n: number, percent: boolean) =>
  percent ? Number((n * 100).toFixed(2)) / 100 : Number(n.toFixed(2));

const krIds = (m: Model) => [...m.krs.keys()];

class CheckIn implements Cmd {
  constructor(
    readonly pick: number,
    readonly value: number | undefined,
    readonly confidence: number | undefined,
    readonly comment: string,
    readonly group: boolean,
    readonly ambiguous: boolean,
  ) {}
  check(m: Model) {
    return m.krs.size > 0;
  }
  run(m: Model, r: Real) {
    const ids = krIds(m);
    const kr = m.krs.get(ids[this.pick % ids.length]!)!;
    const milestone = kr.type === 'milestone' || kr.type === 'jalon';
    const entry: Record<string, unknown> = { krId: kr.id };
    let value: number | boolean | undefined;
    if (this.ambiguous) entry.value = m.lang === 'fr' ? '1.200' : '1,200';
    else if (this.value !== undefined) {
      if (milestone) value = this.value > 0;
      else value = meant(this.value, kr.percent);
      entry.value = milestone
        ? value
        : typed(this.value, m.lang, { percent: kr.percent, euro: kr.currency, group: this.group });
    }
    if (this.confidence !== undefined) entry.confidence = typed(this.confidence, m.lang, { percent: true });
    if (this.comment) entry.comment = this.comment;
    const before = snapshot(r.wb);
    const nothing = entry.value === undefined && entry.confidence === undefined && !this.comment;
    const refused = this.ambiguous || nothing || m.headerBroken;
    if (refused) {
      expect(() => r.app.run('checkIn', { sheet: m.sheet, entries: [entry] })).toThrow(
        /Nothing was written|Rien n’a été écrit/,
      );
      expect(snapshot(r.wb), 'a refused check-in writes nothing').toBe(before);
    } else {
      r.app.run('checkIn', { sheet: m.sheet, entries: [entry] });
      const confidence = this.confidence === undefined ? undefined : meant(this.confidence, true);
      if (value !== undefined) kr.current = value;
      if (confidence !== undefined) kr.confidence = confidence;
      m.log.push({
        quarter: m.quarter,
        krId: kr.id,
        value: value ?? '',
        confidence: confidence ?? '',
        comment: this.comment,
      });
    }
    checkInvariants(m, r);
  }
  toString() {
    return `CheckIn(#${this.pick}, ${this.value}, ${this.confidence}, ${JSON.stringify(this.comment)}${this.ambiguous ? ', two ways' : ''})`;
  }
}

/** Data › Sort range over the data rows, by a column. */
class SortRows implements Cmd {
  constructor(
    readonly column: number,
    readonly ascending: boolean,
  ) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const { lastData: last, headerRow } = layout(r.wb, m.sheet);
    if (last > headerRow) {
      const sheet = r.wb.sheet(m.sheet);
      sheet
        .getRange(headerRow + 1, 1, last - headerRow, sheet.getLastColumn())
        .sort({ column: this.column, ascending: this.ascending });
    }
    checkInvariants(m, r);
  }
  toString() {
    return `SortRows(${this.column}, ${this.ascending ? 'asc' : 'desc'})`;
  }
}

class InsertRow implements Cmd {
  constructor(readonly at: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const { lastData, headerRow } = layout(r.wb, m.sheet);
    const rows = lastData - headerRow;
    r.wb.sheet(m.sheet).insertRowBefore(headerRow + 1 + (this.at % Math.max(rows, 1)));
    checkInvariants(m, r);
  }
  toString() {
    return `InsertRow(${this.at})`;
  }
}

/** The team deletes a KR's row: that KR is gone, nothing else moves. */
class DeleteKrRow implements Cmd {
  constructor(readonly pick: number) {}
  check(m: Model) {
    return m.krs.size > 1;
  }
  run(m: Model, r: Real) {
    const ids = krIds(m);
    const id = ids[this.pick % ids.length]!;
    const { values, col } = layout(r.wb, m.sheet);
    const row = values.findIndex((x) => String(x[col.krId]) === id) + 1;
    r.wb.sheet(m.sheet).deleteRow(row);
    m.krs.delete(id);
    checkInvariants(m, r);
  }
  toString() {
    return `DeleteKrRow(#${this.pick})`;
  }
}

/** A column of the team's own, inserted among the data columns. */
class InsertColumn implements Cmd {
  constructor(readonly at: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const { headerRow } = layout(r.wb, m.sheet);
    const sheet = r.wb.sheet(m.sheet);
    const at = 1 + (this.at % 15);
    sheet.insertColumnBefore(at);
    sheet.getRange(headerRow, at).setValue(`Notes ${this.at}`);
    checkInvariants(m, r);
  }
  toString() {
    return `InsertColumn(${this.at})`;
  }
}

class RenameCurrent implements Cmd {
  check(m: Model) {
    return !m.headerBroken;
  }
  run(m: Model, r: Real) {
    const { headerRow, col } = layout(r.wb, m.sheet);
    r.wb
      .sheet(m.sheet)
      .getRange(headerRow, col.current + 1)
      .setValue('Now');
    m.headerBroken = true;
    checkInvariants(m, r);
  }
  toString() {
    return 'RenameCurrent';
  }
}

class RestoreCurrent implements Cmd {
  check(m: Model) {
    return m.headerBroken;
  }
  run(m: Model, r: Real) {
    const { headerRow, col } = layout(r.wb, m.sheet);
    r.wb
      .sheet(m.sheet)
      .getRange(headerRow, col.current + 1)
      .setValue(m.lang === 'fr' ? 'Actuel' : 'Current');
    m.headerBroken = false;
    checkInvariants(m, r);
  }
  toString() {
    return 'RestoreCurrent';
  }
}

/** The team deletes the check-in log: its rows go with it (their own doing); the next check-in makes it again. */
class DeleteLog implements Cmd {
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const log = r.wb.spreadsheet.getSheets().find((s) => /^(Check-ins|Suivi)( \(\d+\))?$/.test(s.getName()));
    if (log) {
      r.wb.spreadsheet.deleteSheet(log);
      m.log = [];
    }
    checkInvariants(m, r);
  }
  toString() {
    return 'DeleteLog';
  }
}

class ClearObjectiveId implements Cmd {
  constructor(readonly pick: number) {}
  check(m: Model) {
    return m.objectives.size > m.brokenIds.size;
  }
  run(m: Model, r: Real) {
    const ids = [...m.objectives.keys()].filter((id) => !m.brokenIds.has(id));
    const id = ids[this.pick % ids.length]!;
    const { values, col } = layout(r.wb, m.sheet);
    const row = values.findIndex((x) => String(x[col.objectiveId]) === id) + 1;
    r.wb
      .sheet(m.sheet)
      .getRange(row, col.objectiveId + 1)
      .setValue('');
    m.brokenIds.set(id, row);
    checkInvariants(m, r);
  }
  toString() {
    return `ClearObjectiveId(#${this.pick})`;
  }
}

class RestoreObjectiveId implements Cmd {
  check(m: Model) {
    return m.brokenIds.size > 0;
  }
  run(m: Model, r: Real) {
    const [id] = [...m.brokenIds.keys()];
    const { values, col } = layout(r.wb, m.sheet);
    // the row the id was cleared on: the objective's title is still there
    const title = m.objectives.get(id!)!.title;
    const row =
      values.findIndex(
        (x) =>
          String(x[col.objectiveId]) === '' && String(x[col.title]) === title && String(x[col.krId]) === '',
      ) + 1;
    r.wb
      .sheet(m.sheet)
      .getRange(row, col.objectiveId + 1)
      .setValue(id);
    m.brokenIds.delete(id!);
    checkInvariants(m, r);
  }
  toString() {
    return 'RestoreObjectiveId';
  }
}

class SaveStep implements Cmd {
  constructor(
    readonly pick: number,
    readonly decision: 'carry_over' | 'close' | 'drop',
    readonly text: string,
  ) {}
  check(m: Model) {
    return m.objectives.size > 0 && m.readable;
  }
  run(m: Model, r: Real) {
    const s = r.app.run('getReviewState', { sheet: m.sheet }) as { reviewId: string };
    const ids = [...m.objectives.keys()];
    const answer = {
      objectiveId: ids[this.pick % ids.length]!,
      grade: 'yellow' as const,
      wentWell: this.text,
      toImprove: this.text,
      decision: this.decision,
    };
    r.app.run('saveReviewStep', { reviewId: s.reviewId, answer });
    m.answers.set(answer.objectiveId, answer);
    checkInvariants(m, r);
  }
  toString() {
    return `SaveStep(#${this.pick}, ${this.decision})`;
  }
}

const nextLabel = (quarter: string) =>
  quarter.replace(/([1-4]) (\d{4})$/, (_, q, y) =>
    q === '4' ? `1 ${Number(y) + 1}` : `${Number(q) + 1} ${y}`,
  );

/** The team plans the next quarter before closing this one: a blank sheet for it. */
class PlanNext implements Cmd {
  check(m: Model) {
    return m.planned === undefined;
  }
  run(m: Model, r: Real) {
    const label = nextLabel(m.quarter);
    const got = r.app.run('insertQuarter', {
      quarter: label.replace(/^T/, 'Q'),
      fiscalStart: 1,
      levels: ['company', 'team'],
      content: 'blank',
    }) as { sheet: string };
    m.planned = got.sheet;
    checkInvariants(m, r);
  }
  toString() {
    return 'PlanNext';
  }
}

/** Finish the review; with `cutAt`, the finish is cut short at that write (a quota), then retried. */
class Finish implements Cmd {
  constructor(readonly cutAt: number | undefined) {}
  check(m: Model) {
    return m.objectives.size > 0;
  }
  run(m: Model, r: Real) {
    const s = r.app.run('getReviewState', { sheet: m.sheet }) as { reviewId: string };
    if (!m.readable) {
      const before = snapshot(r.wb);
      expect(() => r.app.run('finishReview', { reviewId: s.reviewId })).toThrow();
      expect(snapshot(r.wb), 'a refused finish writes nothing').toBe(before);
      checkInvariants(m, r);
      return;
    }
    if (this.cutAt !== undefined) {
      r.wb.failAfterWrites(this.cutAt);
      try {
        r.app.run('finishReview', { reviewId: s.reviewId });
      } catch {
        // cut short: the retry below must complete it
      }
      r.wb.failAfterWrites(undefined);
    }
    const done = r.app.run('finishReview', { reviewId: s.reviewId }) as {
      nextSheet: string;
      renamed?: { from: string; to: string }[];
    };
    m.history.push({ quarter: m.quarter, ids: [...m.objectives.keys()] });
    const label = nextLabel(m.quarter);
    expect(
      r.wb.spreadsheet.getSheets().filter((x) => x.getName().startsWith(`OKR ${label}`)),
      'one sheet per quarter',
    ).toHaveLength(1);
    if (m.planned) expect(done.nextSheet, 'the carry-over goes into the planned sheet').toBe(m.planned);
    const planned = m.planned ? new Set(plannedIds(r, m.planned)) : new Set<string>();
    const carried = [...m.objectives.keys()].filter(
      (id) => (m.answers.get(id)?.decision ?? 'carry_over') === 'carry_over',
    );
    m.planned = undefined;
    m.sheet = done.nextSheet;
    m.quarter = label;
    m.answers.clear();
    const before = new Map(m.krs);
    readModelFrom(m, r.wb);
    // the next quarter holds the carried objectives, each KR under its own objective
    const renamed = new Map((done.renamed ?? []).map((x) => [x.to, x.from]));
    for (const id of m.objectives.keys()) {
      const from = renamed.get(id) ?? id;
      const ok = carried.includes(from) || planned.has(id) || (carried.length === 0 && planned.size === 0);
      expect(ok, `${id} in the next quarter: carried or planned`).toBe(true);
    }
    for (const kr of m.krs.values()) {
      const was = before.get(renamed.get(kr.id) ?? kr.id);
      const objective = renamed.get(kr.objective) ?? kr.objective;
      if (was && !planned.has(kr.objective))
        expect(objective, `${kr.id} carried under its objective`).toBe(was.objective);
    }
    checkInvariants(m, r);
  }
  toString() {
    return `Finish(${this.cutAt ?? 'whole'})`;
  }
}

const comment = fc.oneof(
  fc.constant(''),
  fc.constantFrom('on track', '=1+1', 'TRUE', '1/2', '+33 6 12', 'Jan 5', '€5', 'déjà 50 %'),
);

/** Every command, with the weights of a team's week: mostly check-ins. */
export const commands: fc.Arbitrary<Cmd>[] = [
  fc
    .tuple(
      fc.nat(),
      fc.option(fc.double({ min: -5000, max: 250000, noNaN: true }), { nil: undefined }),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      comment,
      fc.boolean(),
      fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    )
    .map(([p, v, c, m, g, a]) => new CheckIn(p, v, c, m, g, a)),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([c, a]) => new SortRows(c, a)),
  fc.nat().map((n) => new InsertRow(n)),
  fc.nat().map((n) => new DeleteKrRow(n)),
  fc.nat().map((n) => new InsertColumn(n)),
  fc.constant(new RenameCurrent()),
  fc.constant(new RestoreCurrent()),
  fc.constant(new DeleteLog()),
  fc.nat().map((n) => new ClearObjectiveId(n)),
  fc.constant(new RestoreObjectiveId()),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('carry_over', 'close', 'drop') as fc.Arbitrary<'carry_over' | 'close' | 'drop'>,
      fc.string({ maxLength: 200 }),
    )
    .map(([p, d, t]) => new SaveStep(p, d, t)),
  fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }).map((c) => new Finish(c)),
  fc.constant(new PlanNext()),
];

/** The objective ids a planned sheet holds before the carry-over. */
function plannedIds(r: Real, sheet: string): string[] {
  const { values, headerRow, col } = layout(r.wb, sheet);
  return values.slice(headerRow).flatMap((x) => (x[col.objectiveId] ? [String(x[col.objectiveId])] : []));
}
