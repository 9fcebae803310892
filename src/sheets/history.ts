import type { Lang } from '../core/i18n';
import type { HistoryRow } from '../core/review';
import { DECISIONS, word } from '../core/words';
import { type CellValue, Day } from './cells';

/** A review history row as its cells, in the order of reviewsLayout, words in the sheet's language. */
export function historyCells(r: HistoryRow, lang: Lang): CellValue[] {
  return [
    new Day(r.date),
    r.quarter,
    r.objectiveId,
    r.title,
    r.owner,
    r.level,
    r.score,
    r.computedGrade ? word(r.computedGrade, lang) : '',
    r.grade ? word(r.grade, lang) : '',
    r.confidence,
    r.wentWell,
    r.toImprove,
    DECISIONS[r.decision][lang === 'en' ? 0 : 1],
    r.reviewId,
  ];
}
