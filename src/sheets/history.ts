import type { Lang } from '../core/i18n';
import type { HistoryRow } from '../core/review';
import { DECISIONS, LEVELS, type Level, word } from '../core/words';
import { type CellValue, Day } from './cells';

/** A review history row as its cells, in the order of reviewsLayout, words in the sheet's language. */
export function historyCells(r: HistoryRow, lang: Lang): CellValue[] {
  return [
    new Day(r.date),
    r.quarter,
    r.objectiveId,
    r.title,
    r.owner,
    levelWord(r.level, lang),
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

/** A level key ('company') as the sheet's dropdown says it ('entreprise' in French). */
function levelWord(level: string, lang: Lang): string {
  // a plain lookup would find Object's own keys ('toString') too
  const words: unknown = LEVELS[level as Level];
  return Array.isArray(words) ? (words[lang === 'en' ? 0 : 1] as string) : level;
}
