import * as z from 'zod/mini';
import type { Lang } from '../core/i18n';
import { type Answer, answerSchema } from '../core/review';
import type { Frozen } from '../sheets/freeze';
import { UserError } from '../sheets/user-error';
import { REVIEW_TEXTS } from './review-texts';

const PREFIX = 'okrkpi.review.';
/** The document store holds 500 KB in all: a review's answers leave room for the rest. */
const BUDGET = 450 * 1024;

export interface FinishStep {
  /** A planned sheet the carried objectives go into: `rows` rows from row `at`, these objective ids. */
  into?: number;
  at?: number;
  rows?: number;
  ids?: string[];
  /** The rows are all written (formats and dropdowns too). */
  done?: boolean;
  /** A new sheet about to be made, by name. */
  create?: string;
  /** The history's row the review's rows were about to be appended at. */
  history?: number;
  /** The quarter's formulas kept before its cells were frozen to their values. */
  frozen?: Frozen;
}

export interface ReviewRecord {
  id: string;
  sheetId: number;
  quarter: string;
  started: string;
  /** What a finish under way is about to write, so a retry can tell it done or redo it. */
  step?: FinishStep;
  finished?: {
    at: string;
    nextSheet: string;
    rows: number;
    carried: number;
    renamed: { from: string; to: string }[];
    intoPlanned: boolean;
    /** Carried KRs already at their target: the recap asks for a new one. */
    achieved?: string[];
    /** Carried objectives whose parent stayed behind: their link was cut. */
    unlinked?: { id: string; parent: string }[];
  };
  /** Each time the closed quarter was reopened on purpose, and the finish it lifted. */
  reopened?: { at: string; finishedAt: string; reviewId: string }[];
  /** The closed quarter's computed cells hold values: what reopening writes back (see freeze.ts). */
  frozen?: Frozen;
  /**
   * Its finish records the history's row before writing there (FinishStep.history): without a
   * row recorded, nothing was written. Unset on a review opened by an older version.
   */
  rowsRecorded?: boolean;
}

/** Bytes of a text in UTF-8, as the properties quota counts them. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a surrogate pair is one 4-byte character: count it once, on its high half
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return n;
}

/**
 * The reviews in the document's properties, read in one call: a small record per quarter sheet,
 * and one property per saved answer while the review is open. A finished review's answers leave
 * the store (the history holds them), and records of deleted sheets are forgotten, so the store
 * does not grow with the quarters.
 */
export class ReviewStore {
  private constructor(
    private readonly all: Record<string, string>,
    private readonly handle?: GoogleAppsScript.Properties.Properties,
  ) {}

  /** The catalog's handle when there is one: each getDocumentProperties is a service call. */
  private get props(): GoogleAppsScript.Properties.Properties {
    return this.handle ?? PropertiesService.getDocumentProperties();
  }

  /**
   * The store, from the document properties the catalog read in the same call (no call of its
   * own), else read now.
   */
  static open(
    _ss?: unknown,
    catalog?: { properties: Record<string, string>; store?: GoogleAppsScript.Properties.Properties },
  ): ReviewStore {
    if (catalog) return new ReviewStore(catalog.properties, catalog.store);
    const store = PropertiesService.getDocumentProperties();
    return new ReviewStore(store.getProperties(), store);
  }

  private records(): [string, ReviewRecord][] {
    return Object.entries(this.all).flatMap(([k, v]) => {
      if (!/^okrkpi\.review\.\d+$/.test(k)) return [];
      try {
        return [[k, JSON.parse(v) as ReviewRecord] as [string, ReviewRecord]];
      } catch {
        return [];
      }
    });
  }

  private put(key: string, value: string): void {
    this.props.setProperty(key, value);
    this.all[key] = value;
  }

  /**
   * Deletes keys: one deleteProperty for one key, else the store rewritten without them in one
   * call (a call per key would grow with the objectives). The store was read under the lock.
   */
  private drop(keys: readonly string[], set?: { key: string; value: string }): void {
    const gone = keys.filter((k) => k in this.all);
    if (set) this.all[set.key] = set.value;
    if (gone.length === 0) {
      if (set) this.props.setProperty(set.key, set.value);
      return;
    }
    for (const k of gone) delete this.all[k];
    if (gone.length === 1 && !set) {
      this.props.deleteProperty(gone[0]!);
      return;
    }
    // read again: others (the catalog…) may have written since this store was read
    const now = this.props.getProperties();
    for (const k of gone) delete now[k];
    if (set) now[set.key] = set.value;
    this.props.setProperties(now, true);
  }

  /** The open (or finished) review of a quarter sheet, made when there is none. */
  recordFor(sheetId: number, quarter: string, today: string): ReviewRecord {
    const key = `${PREFIX}${sheetId}`;
    const raw = this.all[key];
    if (raw) {
      try {
        return JSON.parse(raw) as ReviewRecord;
      } catch {
        // a damaged record starts a new review
      }
    }
    const record: ReviewRecord = {
      id: `R${sheetId}-${Date.now().toString(36)}`,
      sheetId,
      quarter,
      started: today,
      rowsRecorded: true,
    };
    this.put(key, JSON.stringify(record));
    return record;
  }

  /** The review of a quarter sheet, if one was ever opened (never made here). */
  recordOf(sheetId: number): ReviewRecord | undefined {
    const raw = this.all[`${PREFIX}${sheetId}`];
    try {
      return raw ? (JSON.parse(raw) as ReviewRecord) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Lifts a quarter's closing: its review becomes a new one (a new id, so finishing again records
   * a new set of history rows), and the reopening is kept in the record.
   */
  reopen(sheetId: number, today: string): ReviewRecord | undefined {
    const old = this.recordOf(sheetId);
    if (!old?.finished) return undefined;
    const record: ReviewRecord = {
      id: `R${sheetId}-${Date.now().toString(36)}`,
      sheetId,
      quarter: old.quarter,
      started: today,
      rowsRecorded: true,
      reopened: [...(old.reopened ?? []), { at: today, finishedAt: old.finished.at, reviewId: old.id }],
    };
    this.put(`${PREFIX}${sheetId}`, JSON.stringify(record));
    return record;
  }

  byId(reviewId: string): ReviewRecord | undefined {
    return this.records().find(([, r]) => r.id === reviewId)?.[1];
  }

  private answerKeys(reviewId: string): string[] {
    const prefix = `${PREFIX}${reviewId}.`;
    return Object.keys(this.all).filter((k) => k.startsWith(prefix));
  }

  answers(reviewId: string): Map<string, Answer> {
    const out = new Map<string, Answer>();
    for (const k of this.answerKeys(reviewId)) {
      try {
        const parsed = z.safeParse(answerSchema, JSON.parse(this.all[k]!));
        if (parsed.success) out.set(parsed.data.objectiveId, parsed.data);
      } catch {
        // a damaged answer is as if not saved
      }
    }
    return out;
  }

  /** Saves an answer, refused with a clear word when the store would pass its budget. */
  saveAnswer(reviewId: string, answer: Answer, lang: Lang): void {
    const key = `${PREFIX}${reviewId}.${answer.objectiveId}`;
    const value = JSON.stringify(answer);
    let total = 0;
    for (const [k, v] of Object.entries(this.all)) if (k !== key) total += utf8Length(k) + utf8Length(v);
    total += utf8Length(key) + utf8Length(value);
    if (total > BUDGET) throw new UserError(REVIEW_TEXTS[lang].full(Math.round(total / 1024)));
    this.put(key, value);
  }

  /** Several answers in one call (a reopened review's, from the history). */
  saveAnswers(reviewId: string, answers: readonly Answer[]): void {
    if (answers.length === 0) return;
    const entries = Object.fromEntries(
      answers.map((a) => [`${PREFIX}${reviewId}.${a.objectiveId}`, JSON.stringify(a)]),
    );
    this.props.setProperties(entries);
    Object.assign(this.all, entries);
  }

  forgetAnswers(reviewId: string, objectiveIds: readonly string[]): void {
    this.drop(objectiveIds.map((id) => `${PREFIX}${reviewId}.${id}`).filter((k) => k in this.all));
  }

  step(reviewId: string): FinishStep | undefined {
    return this.byId(reviewId)?.step;
  }

  /** What a finish is about to write; the history's row and the frozen formulas stay through it. */
  setStep(reviewId: string, step: FinishStep): void {
    const found = this.records().find(([, r]) => r.id === reviewId);
    if (!found) return;
    const before = found[1].step;
    const kept = { history: step.history ?? before?.history, frozen: step.frozen ?? before?.frozen };
    this.put(found[0], JSON.stringify({ ...found[1], step: { ...step, ...kept } }));
  }

  /** The review is done: its record says so, and its answers leave the store. */
  finish(reviewId: string, finished: NonNullable<ReviewRecord['finished']>): void {
    const found = this.records().find(([, r]) => r.id === reviewId);
    if (!found) return;
    const { step: done, ...record } = found[1];
    // the record and the answers' removal in one write: no finished record with answers behind
    this.drop(this.answerKeys(reviewId), {
      key: found[0],
      value: JSON.stringify({ ...record, frozen: done?.frozen, finished }),
    });
  }

  /** Records (and answers) of quarter sheets that no longer exist. */
  forgetDeletedSheets(sheetIds: readonly number[]): void {
    const live = new Set(sheetIds);
    for (const [k, r] of this.records()) {
      if (live.has(r.sheetId)) continue;
      this.drop([k, ...this.answerKeys(r.id)]);
    }
  }
}
