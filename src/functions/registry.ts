import { OKR_ALIGNED, OKR_ALIGNMENT, OKR_ROLLUP } from './alignment';
import type { FunctionSpec } from './define';
import { KPI_LATEST, KPI_STATUS, KPI_TREND } from './kpi';
import { KR_PROGRESS, KR_SCORE, OKR_GRADE, OKR_SCORE, OKR_STATUS } from './scoring';
import { KR_FORECAST, QUARTER_PROGRESS } from './time';

/**
 * Every custom function, once. The bundle's top-level stubs with their JSDoc, the emulator's formula
 * plugin and the README's reference are all generated from this list.
 */
export const registry: readonly FunctionSpec[] = [
  KR_SCORE,
  KR_PROGRESS,
  OKR_SCORE,
  OKR_GRADE,
  OKR_STATUS,
  OKR_ROLLUP,
  OKR_ALIGNMENT,
  OKR_ALIGNED,
  KPI_STATUS,
  KPI_TREND,
  KPI_LATEST,
  QUARTER_PROGRESS,
  KR_FORECAST,
];

export function specOf(name: string): FunctionSpec | undefined {
  return registry.find((f) => f.name === name);
}
