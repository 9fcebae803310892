import { type Cell, isBlank, isDate, readWord } from './cells';
import { InputError } from './errors';
import { LEVEL_RANK, LEVELS, type Level } from './words';

/** Ids are compared as trimmed text: the number 12 and the text "12" are the same objective. */
export function idOf(v: Cell): string {
  if (isBlank(v)) return '';
  if (isDate(v)) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function readLevel(v: Cell): Level {
  if (isBlank(v)) throw new InputError('required', {}, 'levels');
  try {
    return readWord(v, LEVELS);
  } catch (e) {
    throw e instanceof InputError ? e.withArg('levels') : e;
  }
}

/** The parent links of a list of objectives, with duplicates and cycles found once. */
export class Tree {
  readonly ids: string[];
  readonly parents: string[];
  /** Row of each id that appears once. */
  readonly index = new Map<string, number>();
  readonly duplicates = new Set<string>();
  /** Row → rows whose parent it is (only links to an id that appears once). */
  readonly children: number[][];
  /** Row → the cycle it is in, as ids from that row round to itself. */
  readonly cycleOf = new Map<number, string[]>();

  constructor(ids: readonly string[], parents: readonly string[]) {
    this.ids = [...ids];
    this.parents = [...parents];
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (id === '') return;
      if (seen.has(id)) this.duplicates.add(id);
      seen.add(id);
      this.index.set(id, i);
    });
    for (const d of this.duplicates) this.index.delete(d);
    this.children = ids.map(() => []);
    ids.forEach((id, i) => {
      const p = this.parentRow(i);
      if (id !== '' && p !== undefined) this.children[p]!.push(i);
    });
    this.findCycles();
  }

  /** The row of a row's parent, when the parent id names exactly one row. */
  parentRow(i: number): number | undefined {
    const pid = this.parents[i] ?? '';
    return pid === '' ? undefined : this.index.get(pid);
  }

  private findCycles(): void {
    // 0 unseen, 1 on the current walk, 2 done: each row is walked once
    const state = new Uint8Array(this.ids.length);
    for (let start = 0; start < this.ids.length; start++) {
      if (state[start] !== 0 || !this.index.has(this.ids[start]!)) continue;
      const walk: number[] = [];
      let cur: number | undefined = start;
      while (cur !== undefined && state[cur] === 0) {
        state[cur] = 1;
        walk.push(cur);
        cur = this.parentRow(cur);
      }
      if (cur !== undefined && state[cur] === 1) {
        const ring = walk.slice(walk.indexOf(cur));
        ring.forEach((row, k) => {
          const rotated = [...ring.slice(k), ...ring.slice(0, k), row];
          this.cycleOf.set(
            row,
            rotated.map((r) => this.ids[r]!),
          );
        });
      }
      for (const r of walk) state[r] = 2;
    }
  }
}

export function cyclePath(ids: readonly string[]): string {
  return ids.join(' → ');
}

export interface RollupRow {
  /** The row's own score, blank, or the error reading it. */
  score: number | '' | InputError;
  weight: number | InputError;
}

/**
 * Each objective's score with its aligned children: the weighted mean of its own score (weight 1)
 * and each child's rolled-up score (the child's weight).
 */
export function rollup(tree: Tree, rows: readonly RollupRow[]): (number | '' | InputError)[] {
  const n = tree.ids.length;
  const out: (number | '' | InputError | undefined)[] = new Array(n);
  const own = (i: number): number | '' | InputError => {
    const id = tree.ids[i]!;
    if (id === '') return '';
    if (tree.duplicates.has(id)) return new InputError('duplicateId', { id });
    const cycle = tree.cycleOf.get(i);
    if (cycle) return new InputError('cycle', { path: cyclePath(cycle) });
    const row = rows[i]!;
    if (row.score instanceof InputError) return row.score;
    if (row.weight instanceof InputError) return row.weight;
    return row.score;
  };
  // children before parents, without recursion: chains may be thousands deep
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    const stack: number[] = [i];
    while (stack.length > 0) {
      const cur = stack[stack.length - 1]!;
      const first = own(cur);
      if (first instanceof InputError || tree.ids[cur] === '' || tree.cycleOf.has(cur)) {
        out[cur] = first;
        stack.pop();
        continue;
      }
      const pending = tree.children[cur]!.filter((c) => out[c] === undefined && !tree.cycleOf.has(c));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      out[cur] = combine(tree, cur, first, rows, out);
    }
  }
  return out as (number | '' | InputError)[];
}

function combine(
  tree: Tree,
  i: number,
  ownScore: number | '',
  rows: readonly RollupRow[],
  out: readonly (number | '' | InputError | undefined)[],
): number | '' | InputError {
  let sum = 0;
  let weights = 0;
  let parts = 0;
  if (ownScore !== '') {
    sum += ownScore;
    weights += 1;
    parts++;
  }
  for (const c of tree.children[i]!) {
    const r = tree.cycleOf.has(c) ? new InputError('cycle', {}) : out[c];
    if (r instanceof InputError) return new InputError('childError', { id: tree.ids[c] });
    if (r === '' || r === undefined) continue;
    const w = rows[c]!.weight as number;
    sum += w * r;
    weights += w;
    parts++;
  }
  if (parts === 0) return '';
  if (weights === 0) return new InputError('zeroWeights');
  return Number((sum / weights).toPrecision(12));
}

export type Link =
  | { kind: 'top' | 'aligned' | 'orphan' }
  | { kind: 'broken'; id: string }
  | { kind: 'cycle'; path: string[] };

/**
 * Where each objective's chain of parents ends. With levels, the top is the highest level present;
 * without, it is the objectives with no parent.
 */
export function alignmentLinks(
  tree: Tree,
  levels?: readonly (Level | InputError)[],
): (Link | '' | InputError)[] {
  const n = tree.ids.length;
  let topRank = Number.POSITIVE_INFINITY;
  if (levels) {
    levels.forEach((lv, i) => {
      if (tree.ids[i] !== '' && !(lv instanceof InputError)) topRank = Math.min(topRank, LEVEL_RANK[lv]);
    });
  }
  const isTop = (i: number): boolean => {
    if (!levels) return (tree.parents[i] ?? '') === '';
    const lv = levels[i];
    return lv !== undefined && !(lv instanceof InputError) && LEVEL_RANK[lv] === topRank;
  };
  const memo: (Link | undefined)[] = new Array(n);
  const linkOf = (i: number): Link => {
    const walk: number[] = [];
    let cur = i;
    let end: Link;
    for (;;) {
      const known = memo[cur];
      if (known) {
        end = known;
        break;
      }
      const cycle = tree.cycleOf.get(cur);
      if (cycle) {
        // a row that runs into a cycle reports the cycle from where it enters
        end = { kind: 'cycle', path: cycle };
        memo[cur] = end;
        break;
      }
      walk.push(cur);
      const pid = tree.parents[cur] ?? '';
      if (pid === '') {
        end = { kind: 'orphan' };
        break;
      }
      const p = tree.index.get(pid);
      if (p === undefined) {
        end = { kind: 'broken', id: pid };
        break;
      }
      if (isTop(p)) {
        end = { kind: 'aligned' };
        break;
      }
      cur = p;
    }
    for (const r of walk) memo[r] = end;
    return end;
  };
  return tree.ids.map((id, i) => {
    if (id === '') return '';
    if (tree.duplicates.has(id)) return new InputError('duplicateId', { id });
    const lv = levels?.[i];
    if (lv instanceof InputError) return lv;
    if (isTop(i)) return { kind: 'top' };
    const cycle = tree.cycleOf.get(i);
    return cycle ? { kind: 'cycle', path: cycle } : linkOf(i);
  });
}

/** Aligned rows ÷ rows below the top level; 1 when every row is at the top. */
export function alignmentShare(links: readonly (Link | '')[]): number {
  let below = 0;
  let aligned = 0;
  for (const l of links) {
    if (l === '' || l.kind === 'top') continue;
    below++;
    if (l.kind === 'aligned') aligned++;
  }
  return below === 0 ? 1 : Number((aligned / below).toPrecision(12));
}
