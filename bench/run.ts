/**
 * `npm run bench`: builds, then measures what Apps Script users feel (service calls, custom-function
 * calls, the bundle) on the emulator and in node:vm. Prints the tables, writes bench/results.json
 * (ignored by git) and bench/RESULTS.md (committed, linked from the README).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBaseline } from './baseline';
import { benchBundle } from './bundle';
import { ESTIMATE_SOURCE, PER_CALL_MS } from './estimate';
import { benchFunctions, benchKrScore, benchMillion, benchShapes } from './functions';
import { benchOperations, benchSheetCount } from './operations';
import { benchRecompute } from './recompute';
import { goals, machine, markdown, type Results } from './report';
import { benchYearThree } from './year-three';

const SIZES = [10, 50, 200];
const FUNCTION_ROWS = 10_000;
const SHAPE_ROWS = 100_000;
const RECOMPUTE_OBJECTIVES = 200;
/** The year-three workbook's size: built in under 2 minutes here (bench/year-three.ts). */
const YEAR_OBJECTIVES = 20;
const YEAR_CHECK_INS = 2;

const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

step(`operations at ${SIZES.join(', ')} objectives × 4 KRs, add-on and naive`);
const operations = benchOperations(SIZES);
step('the add-on with 10 more sheets');
const sheetCount = benchSheetCount(10, 10);
step('the bundle before issue 14 (bench/baseline.ts), built from git');
const baseline = buildBaseline();
step(`custom functions on ${FUNCTION_ROWS.toLocaleString('en-US')} rows`);
const functions = benchFunctions(FUNCTION_ROWS);
const krScore = benchKrScore(functions.find((f) => f.name === 'KR_SCORE')!);
step(`custom functions on ${SHAPE_ROWS.toLocaleString('en-US')} rows of every shape, before and after`);
const shapes = benchShapes(SHAPE_ROWS, baseline);
step('custom functions on a million cells');
// the baseline on a million cells takes minutes: asked for with BENCH_BASELINE_MILLION=1
const million = benchMillion(process.env.BENCH_BASELINE_MILLION === '1' ? baseline : undefined);
step('bundle size and cold load, before and after');
const bundle = benchBundle(20, baseline);
step(`recompute after one edit, ${RECOMPUTE_OBJECTIVES} objectives`);
const recompute = benchRecompute(RECOMPUTE_OBJECTIVES);
step(`the year-three workbook: ${YEAR_OBJECTIVES} objectives through 12 reviews, and after 1`);
const yearThree = benchYearThree(YEAR_OBJECTIVES, YEAR_CHECK_INS);

const partial: Omit<Results, 'goals'> = {
  command: 'npm run bench',
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  machine: machine(),
  assumption: { perCallMs: PER_CALL_MS, source: ESTIMATE_SOURCE },
  operations,
  sheetCount,
  krScore,
  functions,
  shapes,
  million,
  bundle,
  recompute,
  yearThree,
};
const results: Results = { ...partial, goals: goals(partial) };
const md = markdown(results);
const dir = import.meta.dirname;
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(dir, 'RESULTS.md'), md);
process.stdout.write(`${md}\nWritten: bench/results.json, bench/RESULTS.md\n`);
