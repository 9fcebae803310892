import type { DayNumber } from './cells';
import { type ExampleObjective, exampleCurrent } from './examples';
import type { Lang } from './i18n';
import type { Quarter } from './quarter';
import type { KrType, Level } from './words';

/** A key result as it is written into a quarter sheet. */
export interface DraftKr {
  id: string;
  title: string;
  type?: KrType;
  unit: string;
  start: number | '';
  target: number | '';
  current: number | boolean | '';
  weight: number | '';
  confidence: number | '';
  /** Number format of its start, target and current cells. */
  format?: string;
  /** Its own owner (blank or absent: its objective's). */
  owner?: string;
}

export interface DraftObjective {
  id: string;
  title: string;
  level?: Level;
  owner: string;
  parent: string;
  committed: boolean;
  krs: DraftKr[];
}

export interface QuarterDraft {
  quarter: Quarter;
  fiscalStart: number;
  label: string;
  asOf: DayNumber;
  objectives: DraftObjective[];
}

/** The example objectives in a language, keeping only the levels in use (links to others are cut). */
export function exampleDraft(
  examples: readonly ExampleObjective[],
  lang: Lang,
  levels: readonly Level[],
  /** Days since the quarter's first day: each KR's Current is its last example check-in by then. */
  day = Number.POSITIVE_INFINITY,
): DraftObjective[] {
  const kept = examples.filter((o) => levels.includes(o.level));
  const ids = new Set(kept.map((o) => o.id));
  return kept.map((o) => ({
    id: o.id,
    title: o.title[lang],
    level: o.level,
    owner: o.owner[lang],
    parent: ids.has(o.parent) ? o.parent : '',
    committed: o.committed,
    krs: o.krs.map((kr) => ({
      id: kr.id,
      title: kr.title[lang],
      type: kr.type,
      unit: kr.unit[lang],
      start: kr.start,
      target: kr.target,
      current: exampleCurrent(kr, day),
      weight: kr.weight,
      confidence: kr.confidence,
      format: kr.format,
      owner: kr.owner?.[lang] ?? '',
    })),
  }));
}

/** A blank quarter to fill in: three objectives of three key results, ids ready. */
export function blankDraft(levels: readonly Level[]): DraftObjective[] {
  return [1, 2, 3].map((n) => ({
    id: `O${n}`,
    title: '',
    level: levels[0],
    owner: '',
    parent: '',
    committed: false,
    krs: [1, 2, 3].map((k) => ({
      id: `O${n}.${k}`,
      title: '',
      unit: '',
      start: '',
      target: '',
      current: '',
      weight: '',
      confidence: '',
    })),
  }));
}

/** The "as of" day of a quarter: today when the quarter is under way, else its first or last day. */
export function asOfFor(quarter: Quarter, today: DayNumber): DayNumber {
  return Math.min(Math.max(today, quarter.first), quarter.next - 1);
}
