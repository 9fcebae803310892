import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/core/cells';
import { healthCheck } from '../../src/core/health';
import type { KrRead, ObjectiveRead } from '../../src/core/read-quarter';
import { carryOver, defaultAnswer, historyRows, renameClashes, reviewSummary } from '../../src/core/review';

const kr = (id: string, over: Partial<KrRead> = {}): KrRead => ({
  id,
  objectiveId: id.split('.')[0]!,
  row: 1,
  title: id,
  unit: '',
  owner: 'Ana',
  ownOwner: '',
  start: 0,
  target: 10,
  current: 5,
  weight: 1,
  ...over,
});
const obj = (id: string, over: Partial<ObjectiveRead> = {}): ObjectiveRead => ({
  id,
  row: 1,
  title: id,
  level: 'team',
  owner: 'Ana',
  parent: '',
  committed: false,
  krs: [kr(`${id}.1`), kr(`${id}.2`)],
  ...over,
});
const first = dayNumber(2026, 1, 1);

describe('health check: the seeds’ common mistakes', () => {
  const check = (objectives: ObjectiveRead[], extra: Partial<Parameters<typeof healthCheck>[0]> = {}) =>
    healthCheck({
      objectives,
      lastCheckIn: new Map(objectives.flatMap((o) => o.krs.map((k) => [k.id, first + 40]))),
      quarterFirst: first,
      asOf: first + 45,
      kpis: [],
      lang: 'en',
      ...extra,
    });

  test('a healthy quarter has no finding', () => {
    expect(check([obj('O1', { level: 'company' }), obj('O2', { parent: 'O1', owner: 'Bo' })])).toEqual([]);
  });
  test('more than 3 objectives for one owner', () => {
    const f = check(['O1', 'O2', 'O3', 'O4'].map((id) => obj(id, { level: 'company' })));
    expect(f.map((x) => [x.kind, x.message])).toEqual([['tooManyObjectives', 'Ana owns 4 objectives']]);
  });
  test('more than 5 KRs; an objective with none', () => {
    const many = obj('O1', { level: 'company', krs: [1, 2, 3, 4, 5, 6].map((n) => kr(`O1.${n}`)) });
    const f = check([many, obj('O2', { level: 'company', owner: 'Bo', krs: [] })]);
    expect(f.map((x) => [x.kind, x.about.id])).toEqual([
      ['tooManyKrs', 'O1'],
      ['noKr', 'O2'],
    ]);
  });
  test('a KR with no numeric target is not measurable (a milestone is fine)', () => {
    const o = obj('O1', {
      level: 'company',
      krs: [kr('O1.1', { target: undefined }), kr('O1.2', { type: 'milestone', target: undefined })],
    });
    expect(check([o]).map((x) => [x.kind, x.about.id])).toEqual([['notMeasurable', 'O1.1']]);
  });
  test('below the top level with no parent, or a parent not in the quarter: misaligned', () => {
    const f = check([
      obj('O1', { level: 'company' }),
      obj('O2', { owner: 'Bo' }),
      obj('O3', { owner: 'Cy', parent: 'O9' }),
    ]);
    expect(f.map((x) => [x.kind, x.about.id, x.message])).toEqual([
      ['misaligned', 'O2', 'Below the top level with no parent: not aligned'],
      ['misaligned', 'O3', 'Its parent O9 is not in this quarter'],
    ]);
  });
  test('no check-in for 14 days: static', () => {
    const f = check([obj('O1', { level: 'company' })], { lastCheckIn: new Map([['O1.1', first + 31]]) });
    expect(f.map((x) => [x.kind, x.about.id, x.message])).toEqual([
      ['staticMetric', 'O1.1', 'No check-in for 14 days'],
      ['staticMetric', 'O1.2', 'Never checked in'],
    ]);
  });
  test('a KPI with no value for its last period', () => {
    const f = check([obj('O1', { level: 'company' })], {
      kpis: [
        { id: 'K1', name: 'Churn', row: 3, lastPeriod: '2026-02', lastValue: undefined },
        { id: 'K2', name: 'ODR', row: 4, lastPeriod: '2026-02', lastValue: 0.01 },
      ],
    });
    expect(f.map((x) => [x.kind, x.about.id, x.message, x.fix])).toEqual([
      [
        'kpiNoValue',
        'K1',
        'No value for 2026-02',
        'Row 3 of "KPI dashboard": type Churn’s value for 2026-02 in its 2026-02 column.',
      ],
    ]);
  });
  test('in French', () => {
    const f = check(
      ['O1', 'O2', 'O3', 'O4'].map((id) => obj(id, { level: 'company' })),
      { lang: 'fr' },
    );
    expect(f[0]!.message).toBe('Ana porte 4 objectifs');
    expect(f[0]!.fix).toBe(
      'Ana porte O1, O2, O3 et O4 (lignes 1, 1, 1 et 1)\u00a0: gardez les 2 ou 3 qui comptent le plus ce trimestre\u00a0; fusionnez-y les autres ou supprimez leurs lignes.',
    );
  });
  test('each finding’s fix names its row, its ID and what to type where', () => {
    const f = check(
      [
        obj('O1', { level: 'company', row: 3 }),
        obj('O2', { owner: 'Bo', row: 6, krs: [kr('O2.1', { row: 7, target: undefined })] }),
      ],
      {
        lastCheckIn: new Map([['O1.1', first + 40]]),
        place: { column: { target: 'Target (L)', parent: 'Parent (G)' } },
      },
    );
    expect(f.map((x) => x.fix)).toEqual([
      'O1.2 (row 1) has no check-in this quarter: check it in now (Check in), or type its value in Current and its confidence in Confidence.',
      'Row 6: O2 is below the top level: type in Parent (G) the ID of the objective it serves (O1).',
      'Row 7: type the number O2.1 should reach in Target (L), or set Type to "milestone" if it is simply done or not.',
      'O2.1 (row 7) has no check-in this quarter: check it in now (Check in), or type its value in Current and its confidence in Confidence.',
    ]);
  });
});

describe('the review', () => {
  const objectives = [
    obj('O1', {
      level: 'company',
      krs: [kr('O1.1', { current: 8, confidence: 0.9 }), kr('O1.2', { current: 6, confidence: 0.5 })],
    }),
    obj('O2', { parent: 'O1', committed: true, krs: [kr('O2.1', { current: 10 })] }),
    obj('O3', { krs: [kr('O3.1', { current: 1 })] }),
  ];
  const summary = reviewSummary({
    quarter: 'Q1 2026',
    fiscalStart: 1,
    asOf: first + 45,
    objectives,
    kpis: [],
    findings: [],
  });

  test('scores roll up; grades, spread, lowest confidence and pace', () => {
    // O1 own 0.7 with child O2 (1.0): 0.85
    expect(summary.objectives.map((o) => [o.id, o.score, o.grade, o.confidence])).toEqual([
      ['O1', 0.85, 'green', 0.5],
      ['O2', 1, 'green', undefined],
      ['O3', 0.1, 'red', undefined],
    ]);
    expect(summary.spread).toEqual({ green: 2, yellow: 0, red: 1 });
    expect(summary.overall).toBeCloseTo((0.85 + 1 + 0.1) / 3, 10);
    expect(summary.objectives[2]!.pace).toEqual({ actual: 0.1, expected: 0.35, status: 'off_track' });
  });
  test('defaults: the computed grade; close the green ones, carry over the rest', () => {
    expect(summary.objectives.map((o) => defaultAnswer(o).decision)).toEqual([
      'close',
      'close',
      'carry_over',
    ]);
  });
  test('history rows carry the final grade and decision', () => {
    const answers = new Map([
      [
        'O3',
        {
          objectiveId: 'O3',
          grade: 'yellow' as const,
          wentWell: 'x',
          toImprove: 'y',
          decision: 'drop' as const,
        },
      ],
    ]);
    const rows = historyRows(summary, answers, 'R1', first + 90);
    expect(rows.map((r) => [r.objectiveId, r.computedGrade, r.grade, r.decision, r.reviewId])).toEqual([
      ['O1', 'green', 'green', 'close', 'R1'],
      ['O2', 'green', 'green', 'close', 'R1'],
      ['O3', 'red', 'yellow', 'drop', 'R1'],
    ]);
  });
  test('carried-over KRs start from their last value', () => {
    const next = carryOver(
      objectives,
      new Map([
        ['O2', 'carry_over'],
        ['O1', 'close'],
        ['O3', 'carry_over'],
      ]),
    );
    expect(next.map((o) => [o.id, o.parent, o.krs.map((k) => [k.start, k.target, k.current])])).toEqual([
      ['O2', '', [[10, 10, '']]],
      ['O3', '', [[1, 10, '']]],
    ]);
  });
});

describe('renameClashes', () => {
  const o = (id: string, parent = '') => ({
    id,
    title: id,
    owner: '',
    parent,
    committed: false,
    krs: [
      {
        id: `${id}.1`,
        title: '',
        unit: '',
        start: '' as const,
        target: '' as const,
        current: '' as const,
        weight: '' as const,
        confidence: '' as const,
      },
    ],
  });
  test('a clashing id takes one free of the sheet and of every carried id; its KRs and children follow', () => {
    const { objectives, renamed } = renameClashes([o('O1'), o('O2', 'O1'), o('O3')], ['O1', 'O1.1', 'O4']);
    expect(objectives.map((x) => [x.id, x.parent, x.krs[0]!.id])).toEqual([
      ['O5', '', 'O5.1'],
      ['O2', 'O5', 'O2.1'],
      ['O3', '', 'O3.1'],
    ]);
    expect(renamed).toEqual([
      { from: 'O1', to: 'O5' },
      { from: 'O1.1', to: 'O5.1' },
    ]);
  });
});
