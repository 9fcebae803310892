/**
 * The bench's results: one object (bench/results.json), the markdown tables printed and committed
 * as bench/RESULTS.md, and the goals each measure is reported against (reported, never asserted).
 */
import os from 'node:os';
import type { BundleResult, LoadFigures } from './bundle';
import type { Cost } from './counter';
import { ESTIMATE_SOURCE, estimateSeconds, PER_CALL_MS } from './estimate';
import type { FunctionTiming, MillionTiming, OneVsMany, ShapeTiming } from './functions';
import { growth, OPERATIONS, type SheetCountResult, type SizeResult } from './operations';
import type { RecomputeResult } from './recompute';
import { type YearThreeResult, yearThreeMarkdown } from './year-three';

export interface Results {
  command: string;
  date: string;
  machine: { node: string; cpu: string; cores: number; platform: string; memoryGb: number };
  assumption: { perCallMs: typeof PER_CALL_MS; source: string };
  operations: SizeResult[];
  sheetCount: SheetCountResult;
  krScore: OneVsMany;
  functions: FunctionTiming[];
  /** Every function on 100,000 rows, and the shapes a slow algorithm fails on: before and after. */
  shapes: ShapeTiming[];
  /** Ranges of a million cells. */
  million: MillionTiming[];
  bundle: BundleResult;
  recompute: RecomputeResult;
  /** Issue 14's year-three workbook against the same current quarter after one closed quarter. */
  yearThree?: YearThreeResult;
  goals: Goal[];
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export function machine(): Results['machine'] {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** Why a call count may change with the size, when it does (shown beside the counts). */
const WHY: Record<string, string> = {
  'Sheet.insertRowsAfter':
    'a quarter longer than the new sheet’s 1,000 rows gets rows added: one call, whatever their number',
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => (n < 10 ? fmt(n, 1) : fmt(n));
const seconds = (s: number) => (s < 10 ? fmt(s, 1) : fmt(s));
const range = ({ low, high }: { low: number; high: number }) =>
  high < 1 ? `${fmt(low * 1000)}–${fmt(high * 1000)} ms` : `${seconds(low)}–${seconds(high)} s`;
const ratio = (naive: Cost | undefined, addon: Cost | undefined) =>
  naive && addon && addon.calls > 0 ? naive.calls / addon.calls : undefined;

export function goals(r: Omit<Results, 'goals'>): Goal[] {
  const sizes = r.operations;
  const small = sizes[0]!;
  const large = sizes[sizes.length - 1]!;
  const out: Goal[] = [];
  for (const op of OPERATIONS) {
    const counts = sizes.map((s) => s.addon[op.key]?.calls ?? Number.NaN);
    const grown = growth(small.addon[op.key], large.addon[op.key]);
    const detail = Object.entries(grown)
      .map(([m, [a, b]]) => `${m} ${a} → ${b}`)
      .join(', ');
    out.push({
      goal: `${op.label}: calls constant in the number of rows (${sizes.map((s) => s.objectives).join(' / ')} objectives)`,
      measured: `${counts.join(' / ')} calls${detail ? ` (${detail})` : ''}`,
      met: Math.max(...counts) - Math.min(...counts) <= 1,
    });
  }
  const fifty = sizes.find((s) => s.objectives === 50);
  if (fifty) {
    for (const op of OPERATIONS) {
      const x = ratio(fifty.naive[op.key], fifty.addon[op.key]);
      out.push({
        goal: `${op.label}: ≥ 20× fewer calls than the naive version at 50 objectives`,
        measured:
          x === undefined
            ? 'n/a'
            : `${fmt(x, 1)}× (${fifty.naive[op.key]!.calls} vs ${fifty.addon[op.key]!.calls})`,
        met: x !== undefined && x >= 20,
      });
    }
  }
  const kr = r.krScore;
  out.push({
    goal: `KR_SCORE on ${fmt(kr.rows)} rows in under 50 ms`,
    measured: `${ms(kr.column.firstMs)} ms first call in a fresh bundle (median of ${
      r.functions.find((f) => f.name === 'KR_SCORE')?.freshLoads ?? 1
    }), ${ms(kr.column.warmMs)} ms warm`,
    met: kr.column.firstMs < 50,
  });
  out.push(...functionGoals(r));
  return out;
}

/** Issue 14's goals for the custom functions and the bundle. */
function functionGoals(r: Omit<Results, 'goals'>): Goal[] {
  const out: Goal[] = [];
  const shapes = r.shapes;
  if (shapes.length > 0) {
    const slowest = shapes.reduce((a, b) => (b.firstMs > a.firstMs ? b : a));
    out.push({
      goal: `every function on ${fmt(shapes[0]!.rows)} rows of any shape in under 2 s (first call, fresh bundle)`,
      measured: `slowest: ${slowest.label}, ${ms(slowest.firstMs)} ms`,
      met: slowest.firstMs < 2000,
    });
    // a linear function may jump once where its data outgrows the caches; a quadratic one takes 4× at
    // every doubling: the lower of the two doublings says which
    const lower = (f: ShapeTiming) => Math.min(f.growth, f.nextGrowth);
    const steepest = shapes.reduce((a, b) => (lower(b) > lower(a) ? b : a));
    out.push({
      goal: 'linear: twice the rows in at most 2.5× the time, at one doubling or the next (quadratic: 4× at each)',
      measured: `steepest: ${steepest.label}, ${fmt(steepest.growth, 2)}× then ${fmt(steepest.nextGrowth, 2)}×`,
      met: lower(steepest) <= 2.5,
    });
  }
  if (r.million.length > 0) {
    const slowest = r.million.reduce((a, b) => (b.ms > a.ms ? b : a));
    const failed = r.million.filter((m) => m.error !== undefined);
    out.push({
      goal: 'ranges of a million cells compute, within Sheets’ 30 s per call',
      measured: failed.length
        ? `${failed.map((m) => m.label).join(', ')} failed`
        : `slowest: ${slowest.label}, ${seconds(slowest.ms / 1000)} s`,
      met: failed.length === 0 && slowest.ms < 30_000,
    });
  }
  const longest = Math.max(...shapes.map((f) => f.longestText), ...r.million.map((m) => m.longestText));
  out.push({
    goal: 'no result longer than a cell holds (50,000 characters)',
    measured: `longest text: ${fmt(longest)} characters`,
    met: longest <= 50_000,
  });
  const b = r.bundle;
  out.push({
    goal: 'bundle ≤ 80 KB',
    measured: `${fmt(b.kb, 1)} KB (${fmt(b.gzipKb, 1)} KB gzipped)${
      b.baseline ? `; ${fmt(b.baseline.kb, 1)} KB before` : ''
    }`,
    met: b.kb <= 80,
  });
  out.push({
    goal: 'cold load under 10 ms (median of 20 fresh compiles in node:vm)',
    measured: `${ms(b.coldLoadMs.median)} ms${b.baseline ? `; ${ms(b.baseline.coldLoadMs.median)} ms before` : ''}`,
    met: b.coldLoadMs.median < 10,
  });
  return out;
}

/** The functions on 100,000 rows and on a million cells, and the bundle: before and after. */
function functionSections(r: Results): string[] {
  const out: string[] = [];
  const b = r.bundle;
  const rev = b.baseline?.rev;
  const before = rev ? `before (${rev})` : 'before';
  const shapes = r.shapes;
  if (shapes.length > 0) {
    out.push(
      `Every function of the registry on ${fmt(shapes[0]!.rows)} rows of a sheet-like shape, then the ` +
        'shapes a slow algorithm fails on (bench/function-args.ts): one big group, a chain as deep as ' +
        'the column, one cycle of every row, a check-in log of 1.5 rows per KR. "first call": in a freshly ' +
        `loaded bundle, as Sheets runs each call (median of ${shapes[0]!.freshLoads} loads; the ` +
        `baseline's, one load); "growth": the time at ${fmt(shapes[0]!.rows)} rows ÷ the time at half ` +
        'as many, then at twice as many ÷ at as many (best of 5 warm calls each, in turns): about 2 for a ' +
        'linear function, 4 at every doubling for a quadratic one (a linear one may jump once, where its ' +
        'data outgrows the processor’s caches); "# cells": rows that are an error text (the rows of a ' +
        'cycle are meant to be).',
    );
    out.push('');
    out.push(
      table(
        ['function', 'rows', `${before} first call ms`, 'first call ms', 'growth ×2, ×2 again', '# cells'],
        shapes.map((f) => [
          label(f),
          f.shape,
          f.baselineMs !== undefined ? ms(f.baselineMs) : (f.baselineError ?? 'n/a'),
          ms(f.firstMs),
          `${fmt(f.growth, 2)}×, ${fmt(f.nextGrowth, 2)}×`,
          fmt(f.errorCells),
        ]),
      ),
    );
    out.push('');
  }
  if (r.million.length > 0) {
    out.push(
      'Ranges of a million cells, one call each in a freshly loaded bundle (Sheets stops a custom ' +
        'function after 30 s; the baseline runs here when BENCH_BASELINE_MILLION=1).',
    );
    out.push('');
    out.push(
      table(
        ['function', 'cells', `${before} s`, 's', 'longest text'],
        r.million.map((m) => [
          label(m),
          m.shape,
          m.baselineMs !== undefined ? seconds(m.baselineMs / 1000) : (m.baselineError ?? 'n/a'),
          m.error ?? seconds(m.ms / 1000),
          fmt(m.longestText),
        ]),
      ),
    );
    out.push('');
  }
  out.push('## The bundle');
  out.push('');
  const row = (name: string, f: LoadFigures) => [
    name,
    fmt(f.bytes),
    fmt(f.kb, 1),
    fmt(f.gzipKb, 1),
    ms(f.compileMs.median),
    `${ms(f.coldLoadMs.median)} (${ms(f.coldLoadMs.min)}–${ms(f.coldLoadMs.max)})`,
    ms(f.firstCallMs.median),
  ];
  out.push(
    table(
      [
        'dist/Code.js',
        'bytes',
        'KB',
        'gzip KB',
        'compile ms',
        `cold load ms, median of ${b.loads} (min–max)`,
        'first call ms',
      ],
      [...(b.baseline ? [row(before, b.baseline)] : []), row('now', b)],
    ),
  );
  out.push('');
  out.push(
    'Cold load: a new node:vm context and a new vm.Script of the source made unique each time, under a ' +
      'filename of its own and with no code cache, so that V8 compiles it anew (its compilation cache ' +
      'is shared by the contexts of a process); both bundles loaded in turns. "compile": the vm.Script ' +
      '(V8 parses the top level and pre-parses the functions); "cold load": compile and the top level ' +
      'run, what every custom-function call pays first; "first call": KR_SCORE on three rows just after. ' +
      'Since issue 14 the top level only defines: the custom functions and the core they use are set up, ' +
      'and the rest of the add-on (menu, endpoints, sheets, zod) runs on the first trigger, menu or ' +
      'sidebar call. Apps Script sends the file uncompressed; gzip is for information.',
  );
  out.push('');
  return out;
}

/** `OKR_ROLLUP`, a cycle */
const label = (f: { name: string; label: string }) =>
  f.label === f.name ? `\`${f.name}\`` : `\`${f.name}\`, ${f.label.slice(f.name.length + 2)}`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(header), line(align), ...rows.map(line)].join('\n');
}

export function markdown(r: Results): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Benchmark results');
  out.push('');
  out.push(
    `\`${r.command}\` — ${r.date} — Node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.platform}, ${m.memoryGb} GB.`,
  );
  out.push('');
  out.push(
    'In Apps Script, speed is round trips: each Spreadsheet service call costs milliseconds to tens of ' +
      'milliseconds, each custom-function call is a server trip that loads the bundle first. The counts ' +
      'below are exact (the emulator counts every call); the wall times are the emulator’s, formula ' +
      'recalculation included, on this machine; the Apps Script times are **estimates**: calls × ' +
      `${PER_CALL_MS.low}–${PER_CALL_MS.high} ms (assumption; source: ${ESTIMATE_SOURCE}).`,
  );
  out.push('');
  out.push('## Operations: the add-on against a per-cell version of the same writes');
  out.push('');
  out.push(
    'Each quarter has 4 KRs per objective. "calls": Spreadsheet (and lock, properties) service calls ' +
      'made by the operation; "custom fn": custom-function calls its writes set off (each one more ' +
      'server trip in Sheets; the service calls made inside them, such as a locale read, run in their ' +
      'own executions and are kept apart in results.json). The naive version (bench/naive.ts) writes ' +
      'and reads one cell at a time ' +
      'and produces the same cells (test/bench checks it); it leaves out the lock and properties, so ' +
      'its ratios are floors.',
  );
  out.push('');
  const rows: string[][] = [];
  for (const op of OPERATIONS) {
    for (const s of r.operations) {
      const a = s.addon[op.key];
      const n = s.naive[op.key];
      const x = ratio(n, a);
      rows.push([
        op.label,
        fmt(s.objectives),
        a ? fmt(a.calls) : 'n/a',
        a ? fmt(a.customFunctions) : 'n/a',
        a ? ms(a.ms) : 'n/a',
        a ? range(estimateSeconds(a.calls)) : 'n/a',
        n ? fmt(n.calls) : 'n/a',
        n ? fmt(n.customFunctions) : 'n/a',
        n ? ms(n.ms) : 'n/a',
        n ? range(estimateSeconds(n.calls)) : 'n/a',
        x === undefined ? 'n/a' : `${fmt(x, 1)}×`,
      ]);
    }
  }
  out.push(
    table(
      [
        'operation',
        'objectives',
        'add-on calls',
        'custom fn',
        'emulator ms',
        'est. Apps Script',
        'naive calls',
        'naive custom fn',
        'naive emulator ms',
        'est. naive',
        'naive ÷ add-on',
      ],
      rows,
    ),
  );
  out.push('');
  out.push(
    '"open the next quarter" is the part of "finish the review" from the closed sheet’s protection to ' +
      'the review’s record (bench/addon.ts, nextQuarterPart).',
  );
  out.push('');
  out.push('### Add-on calls that change with the size');
  out.push('');
  const small = r.operations[0]!;
  const large = r.operations[r.operations.length - 1]!;
  const changes: string[] = [];
  for (const op of OPERATIONS) {
    for (const [method, [a, b]] of Object.entries(growth(small.addon[op.key], large.addon[op.key]))) {
      changes.push(
        `- ${op.label}: \`${method}\` ${a} at ${small.objectives} objectives, ${b} at ${large.objectives}` +
          (WHY[method] ? ` — ${WHY[method]}.` : '.'),
      );
    }
  }
  out.push(...(changes.length ? changes : ['None: every count is the same at every size.']));
  out.push('');
  const sc = r.sheetCount;
  out.push('### Add-on calls and the number of sheets');
  out.push('');
  out.push(
    `The same operations (${sc.objectives} objectives) in a spreadsheet of ${sc.sheets[0]} sheets and of ` +
      `${sc.sheets[1]} (the user’s own sheets besides): the add-on’s sheets are found by id; inserting a ` +
      'quarter reads each sheet’s id once, to forget the catalogued sheets and the reviews of sheets ' +
      'deleted since.',
  );
  out.push('');
  out.push(
    table(
      ['operation', `${sc.sheets[0]} sheets`, `${sc.sheets[1]} sheets`, 'per extra sheet'],
      OPERATIONS.map((op) => {
        const [a, b] = sc.calls[op.key];
        return [op.label, fmt(a), fmt(b), fmt((b - a) / (sc.sheets[1] - sc.sheets[0]), 1)];
      }),
    ),
  );
  out.push('');
  if (r.yearThree) out.push(...yearThreeMarkdown(r.yearThree));
  out.push('## Custom functions');
  out.push('');
  const kr = r.krScore;
  out.push(
    `KR_SCORE over ${fmt(kr.rows)} KRs: one column formula against one formula per cell. In-vm times ` +
      'in a bare node:vm context with the arguments built in its realm. In Sheets each call also loads ' +
      `the bundle (cold load: ${ms(r.bundle.coldLoadMs.median)} ms here) and is a server trip.`,
  );
  out.push('');
  out.push(
    table(
      ['KR_SCORE', 'calls', 'in-vm time', 'bundle loads in Sheets', 'est. Apps Script'],
      [
        [
          'one column formula',
          fmt(kr.column.calls),
          `${ms(kr.column.firstMs)} ms first call (fresh bundle), ${ms(kr.column.warmMs)} ms warm`,
          '1',
          range(estimateSeconds(kr.column.calls)),
        ],
        [
          'one formula per cell',
          fmt(kr.perCell.calls),
          `${ms(kr.perCell.ms)} ms (all calls in one warm context)`,
          fmt(kr.perCell.calls),
          range(estimateSeconds(kr.perCell.calls)),
        ],
      ],
    ),
  );
  out.push('');
  out.push(...functionSections(r));
  out.push('## The formula engine');
  out.push('');
  const rc = r.recompute;
  out.push(
    table(
      [
        'quarter',
        'one edit + read of the score column',
        'median ms',
        'first ms',
        'service calls',
        'custom fn',
      ],
      [
        [
          `${fmt(rc.objectives)} objectives × 4 KRs`,
          `setValue of a current value, getValues (${rc.edits} edits)`,
          ms(rc.medianMs),
          ms(rc.firstMs),
          fmt(rc.calls),
          `${fmt(rc.customFunctions)} (${Object.entries(rc.byFunction)
            .map(([f, c]) => `${f} ${c}`)
            .join(', ')})`,
        ],
      ],
    ),
  );
  out.push('');
  out.push('## Goals (reported, not asserted)');
  out.push('');
  out.push(
    table(
      ['goal', 'measured', 'verdict'],
      r.goals.map((g) => [g.goal, g.measured, g.met ? 'met' : '**missed**']),
    ),
  );
  out.push('');
  return out.join('\n');
}
