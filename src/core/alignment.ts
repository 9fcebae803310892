import { type Cell, isBlank, isDate, readWord, refuseUpstream } from './cells';
import { InputError, isUpstream } from './errors';
import { weightedMean } from './score';
import { LEVEL_RANK, LEVELS, type Level } from './words';

/** Ids are compared as trimmed text: the number 12 and the text "12" are the same objective. */
export function idOf(v: Cell): string {
  if (isBlank(v)) return '';
  if (isDate(v)) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** An id cell as a function reads it: another function's '#' text is its error, not an id. */
export function readId(v: Cell): string {
  refuseUpstream(v);
  return idOf(v);
}

export function readLevel(v: Cell): Level {
  if (isBlank(v)) throw new InputError('required', {}, 'levels');
  try {
    return readWord(v, LEVELS);
  } catch (e) {
    throw e instanceof InputError ? e.withArg('levels') : e;
  }
}

/** A cycle of parent links: its ids in order (each one's parent is the next), and where a row enters it. */
export interface Cycle {
  readonly ring: readonly string[];
  readonly from: number;
}

/** The parent links of a list of objectives, with duplicates and cycles found once. */
export class Tree {
  readonly ids: readonly string[];
  readonly parents: readonly string[];
  /** Row of each id that appears once. */
  readonly index = new Map<string, number>();
  readonly duplicates = new Set<string>();
  /** Row → rows whose parent it is (only links to an id that appears once). */
  readonly children: number[][];
  /** Row → the cycle it is in (one ring shared by its rows: a long cycle costs no more than its length). */
  readonly cycleOf = new Map<number, Cycle>();

  constructor(ids: readonly string[], parents: readonly string[]) {
    this.ids = ids;
    this.parents = parents;
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
        const k = walk.indexOf(cur);
        const ring = walk.slice(k).map((r) => this.ids[r]!);
        for (let j = k; j < walk.length; j++) this.cycleOf.set(walk[j]!, { ring, from: j - k });
      }
      for (const r of walk) state[r] = 2;
    }
  }
}

/** "a → b → a", from where a row enters the cycle; a long one is cut (a cell holds 50,000 characters). */
export function cyclePath(c: Cycle): string {
  const n = c.ring.length;
  const shown: string[] = [];
  for (let k = 0; k < Math.min(n, 12); k++) shown.push(c.ring[(c.from + k) % n]!);
  if (n > 12) shown.push('…');
  shown.push(c.ring[c.from]!);
  return shown.join(' → ');
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
        for (const c of pending) stack.push(c); // not push(...): a parent may have 200,000 children
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
  const parts: { value: number; weight: number }[] = [];
  if (ownScore !== '') parts.push({ value: ownScore, weight: 1 });
  for (const c of tree.children[i]!) {
    const r = tree.cycleOf.has(c) ? new InputError('cycle', {}) : out[c];
    // another function's error flows on as it is; the caller names the row it came from
    if (r instanceof InputError) return isUpstream(r) ? r : new InputError('childError', { id: tree.ids[c] });
    if (r === '' || r === undefined) continue;
    parts.push({ value: r, weight: rows[c]!.weight as number });
  }
  try {
    return weightedMean(parts);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

export type Link =
  | { kind: 'top' | 'aligned' | 'orphan' }
  | { kind: 'broken'; id: string }
  | { kind: 'cycle'; path: string };

/**
 * Where each objective's chain of parents ends. With levels, the top is the highest level present;
 * without, it is the objectives with no parent. A chain stops at a top row: a loop of parent links
 * through a top row is no cycle here (a company objective whose parent is one of its teams' is top).
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
  // position of each row on the walk under way, -1 elsewhere: a row met twice closes a cycle
  const onWalk = new Int32Array(n).fill(-1);
  const linkOf = (i: number): Link => {
    const walk: number[] = [];
    let cur = i;
    let end: Link;
    for (;;) {
      onWalk[cur] = walk.length;
      walk.push(cur);
      const pid = tree.parents[cur] ?? '';
      const p = pid === '' ? undefined : tree.index.get(pid);
      if (pid === '') end = { kind: 'orphan' };
      else if (p === undefined) end = { kind: 'broken', id: pid };
      else if (isTop(p)) end = { kind: 'aligned' };
      else if (memo[p]) end = memo[p]!;
      else if (onWalk[p]! >= 0) {
        // each row of the cycle reports it from itself; the rows before it, from where they enter
        const k = onWalk[p]!;
        const ring = walk.slice(k).map((r) => tree.ids[r]!);
        for (let j = k; j < walk.length; j++) {
          memo[walk[j]!] = { kind: 'cycle', path: cyclePath({ ring, from: j - k }) };
        }
        end = memo[p]!;
      } else {
        cur = p;
        continue;
      }
      break;
    }
    for (const r of walk) {
      onWalk[r] = -1;
      memo[r] ??= end;
    }
    return memo[i]!;
  };
  return tree.ids.map((id, i) => {
    if (id === '') return '';
    if (tree.duplicates.has(id)) return new InputError('duplicateId', { id });
    const lv = levels?.[i];
    if (lv instanceof InputError) return lv;
    if (isTop(i)) return { kind: 'top' };
    return memo[i] ?? linkOf(i);
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
