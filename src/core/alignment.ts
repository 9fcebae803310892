import { type Cell, isBlank, isDate, readWord, refuseUpstream } from './cells';
import { InputError, isUpstream } from './errors';
import { weightedMeanOf } from './score';
import { LEVEL_RANK, LEVELS, type Level } from './words';

/** Ids are compared as trimmed text: the number 12 and the text "12" are the same objective. */
export function idOf(v: Cell): string {
  if (typeof v === 'string') return v.trim();
  if (v === undefined || v === null) return '';
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

/** Ids shown of a cycle at most, and characters of them: a cell holds 50,000. */
const CYCLE_IDS = 12;
const CYCLE_CHARS = 1000;

/**
 * A cycle of parent links: its ids in order (each one's parent is the next). Each of its rows shows
 * the cycle from itself ("b → c → a → b"): the texts of a long cycle are cut from one text of the
 * whole ring, made once, so that a cycle of a million rows costs a slice per row, not a join.
 */
export class Ring {
  readonly ids: readonly string[];
  private joined?: { text: string; at: Float64Array };

  constructor(ids: readonly string[]) {
    this.ids = ids;
  }

  /** "a → b → a" from the row at `from`; a long one is cut with "…". */
  path(from: number): string {
    const n = this.ids.length;
    const shown = Math.min(n, CYCLE_IDS);
    const first = this.ids[from]!;
    if (n <= 2) return cyclePath({ ring: this.ids, from });
    this.joined ??= joinRing(this.ids, shown);
    const { text, at } = this.joined;
    // the window of `shown` ids from `from`, as one slice of the ring's text
    const last = from + shown - 1;
    const end = at[last]! + this.ids[last % n]!.length;
    // ids too long to show them all: cut where cyclePath does
    if (end - at[from]! - 3 * (shown - 1) > CYCLE_CHARS) return cyclePath({ ring: this.ids, from });
    const window = text.slice(at[from]!, end);
    return shown < n ? `${window} → … → ${first}` : `${window} → ${first}`;
  }
}

/** The ring's ids, and the first `wrap` - 1 again, joined by " → "; where each id starts. */
function joinRing(ids: readonly string[], wrap: number): { text: string; at: Float64Array } {
  const n = ids.length;
  const all = n + wrap - 1;
  const at = new Float64Array(all);
  const parts: string[] = new Array(all);
  let chars = 0;
  for (let k = 0; k < all; k++) {
    parts[k] = ids[k % n]!;
    at[k] = chars;
    chars += parts[k]!.length + 3;
  }
  return { text: parts.join(' → '), at };
}

/** A cycle of parent links: its ids in order (each one's parent is the next), and where a row enters it. */
export interface Cycle {
  readonly ring: readonly string[];
  readonly from: number;
}

/**
 * The parent links of a list of objectives, with duplicates and cycles found once. Everything is
 * linear in the rows: an index of ids, each row's parent row, and (built on first use) the children
 * of each row as one flat list and the cycles, each walked once.
 */
export class Tree {
  readonly ids: readonly string[];
  readonly parents: readonly string[];
  /** Row of each id that appears once. */
  readonly index = new Map<string, number>();
  readonly duplicates = new Set<string>();
  /** 1 for each row whose id is not unique. */
  readonly duplicated: Uint8Array;
  /** Each row's parent row: -1 when its parent id is blank, unknown or duplicated. */
  readonly parentOf: Int32Array;
  private kids?: { start: Int32Array; rows: Int32Array };
  private rings?: { ringOf: Int32Array; posOf: Int32Array; rings: Ring[] };

  constructor(ids: readonly string[], parents: readonly string[]) {
    this.ids = ids;
    this.parents = parents;
    const n = ids.length;
    this.duplicated = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id === '') continue;
      const first = this.index.get(id);
      if (first === undefined) this.index.set(id, i);
      else {
        this.duplicates.add(id);
        this.duplicated[first] = 1;
        this.duplicated[i] = 1;
      }
    }
    for (const d of this.duplicates) this.index.delete(d);
    this.parentOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const pid = parents[i] ?? '';
      this.parentOf[i] = pid === '' ? -1 : (this.index.get(pid) ?? -1);
    }
  }

  /** The row of a row's parent, when the parent id names exactly one row. */
  parentRow(i: number): number | undefined {
    const p = this.parentOf[i]!;
    return p < 0 ? undefined : p;
  }

  /** Whether a row counts as its parent's child (it has an id, and its parent id names one row). */
  isChild(i: number): boolean {
    return this.ids[i] !== '' && this.parentOf[i]! >= 0;
  }

  /** Children of every row, in row order: those of row i are rows[start[i]] … rows[start[i + 1] - 1]. */
  children(): { start: Int32Array; rows: Int32Array } {
    if (this.kids) return this.kids;
    const n = this.ids.length;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (this.isChild(i)) start[this.parentOf[i]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const next = start.slice(0, n);
    const rows = new Int32Array(start[n]!);
    for (let i = 0; i < n; i++) if (this.isChild(i)) rows[next[this.parentOf[i]!]!++] = i;
    this.kids = { start, rows };
    return this.kids;
  }

  /** The cycle a row is in, if any (its ids from that row on). */
  cycleAt(i: number): Cycle | undefined {
    const c = this.cycles();
    const k = c.ringOf[i]!;
    return k < 0 ? undefined : { ring: c.rings[k]!.ids, from: c.posOf[i]! };
  }

  /** The text of the cycle a row is in ("a → b → a", from that row), if any. */
  cyclePathAt(i: number): string | undefined {
    const c = this.cycles();
    const k = c.ringOf[i]!;
    return k < 0 ? undefined : c.rings[k]!.path(c.posOf[i]!);
  }

  inCycle(i: number): boolean {
    return this.cycles().ringOf[i]! >= 0;
  }

  private cycles() {
    if (this.rings) return this.rings;
    const n = this.ids.length;
    const ringOf = new Int32Array(n).fill(-1);
    const posOf = new Int32Array(n);
    const rings: Ring[] = [];
    // 0 unseen, 1 on the current walk, 2 done: each row is walked once
    const state = new Uint8Array(n);
    const walk: number[] = [];
    for (let start = 0; start < n; start++) {
      if (state[start] !== 0 || this.ids[start] === '' || this.duplicated[start] === 1) continue;
      walk.length = 0;
      let cur = start;
      while (cur >= 0 && state[cur] === 0) {
        state[cur] = 1;
        walk.push(cur);
        cur = this.parentOf[cur]!;
      }
      if (cur >= 0 && state[cur] === 1) {
        const k = walk.lastIndexOf(cur);
        const ring: string[] = new Array(walk.length - k);
        for (let j = k; j < walk.length; j++) {
          ring[j - k] = this.ids[walk[j]!]!;
          ringOf[walk[j]!] = rings.length;
          posOf[walk[j]!] = j - k;
        }
        rings.push(new Ring(ring));
      }
      for (const r of walk) state[r] = 2;
    }
    this.rings = { ringOf, posOf, rings };
    return this.rings;
  }
}

/** "a → b → a", from where a row enters the cycle; a long one is cut with "…". */
export function cyclePath(c: Cycle): string {
  const n = c.ring.length;
  const first = c.ring[c.from]!;
  const shown: string[] = [];
  let chars = 0;
  for (let k = 0; k < Math.min(n, CYCLE_IDS); k++) {
    const id = c.ring[(c.from + k) % n]!;
    chars += id.length;
    if (chars > CYCLE_CHARS) break;
    shown.push(id);
  }
  if (shown.length < n) shown.push('…');
  shown.push(first.length > CYCLE_CHARS ? `${first.slice(0, CYCLE_CHARS - 1)}…` : first);
  return shown.join(' → ');
}

export interface RollupRow {
  /** The row's own score, blank, or the error reading it. */
  score: number | '' | InputError;
  weight: number | InputError;
}

/**
 * Rows' own scores and weights as columns (no object per row): a blank score is NaN; `errors` holds
 * the error reading a row's score, else its weight.
 */
export interface RollupColumns {
  scores: Float64Array;
  weights: Float64Array;
  errors: readonly (InputError | undefined)[];
}

/**
 * Each objective's score with its aligned children: the weighted mean of its own score (weight 1)
 * and each child's rolled-up score (the child's weight).
 */
export function rollup(tree: Tree, rows: readonly RollupRow[]): (number | '' | InputError)[] {
  const n = rows.length;
  const scores = new Float64Array(n);
  const weights = new Float64Array(n);
  const errors: (InputError | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { score, weight } = rows[i]!;
    if (score instanceof InputError) errors[i] = score;
    else if (weight instanceof InputError) errors[i] = weight;
    scores[i] = typeof score === 'number' ? score : Number.NaN;
    weights[i] = typeof weight === 'number' ? weight : 1;
  }
  const out = rollupColumns(tree, { scores, weights, errors });
  return out.map((v, i) => v ?? new InputError('cycle', { path: tree.cyclePathAt(i)! }));
}

/**
 * rollup on columns; a row in a cycle is left undefined (its text, "#cycle: a → b → a", is the
 * caller's to make: a long cycle would otherwise hold an error object per row). Linear: each row is
 * computed once, after its children (no recursion: a chain may be a million deep), and each child
 * read once by its parent.
 */
export function rollupColumns(tree: Tree, cols: RollupColumns): (number | '' | InputError | undefined)[] {
  const n = tree.ids.length;
  const { scores, weights, errors } = cols;
  const { start, rows: kids } = tree.children();
  const out: (number | '' | InputError | undefined)[] = new Array(n);
  const done = new Uint8Array(n);
  /** Children not computed yet, per row. */
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) pending[i] = start[i + 1]! - start[i]!;
  let widest = 0;
  for (let i = 0; i < n; i++) if (pending[i]! > widest) widest = pending[i]!;
  // the values and weights of one row's mean: its own and its children's
  const values = new Float64Array(widest + 1);
  const ws = new Float64Array(widest + 1);

  const combine = (i: number): number | '' | InputError => {
    let m = 0;
    const own = scores[i]!;
    if (!Number.isNaN(own)) {
      values[m] = own;
      ws[m++] = 1;
    }
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const c = kids[k]!;
      const r = out[c];
      // another function's error flows on as it is; the caller names the row it came from
      if (r === undefined) return new InputError('childError', { id: tree.ids[c] });
      if (r instanceof InputError)
        return isUpstream(r) ? r : new InputError('childError', { id: tree.ids[c] });
      if (r === '') continue;
      values[m] = r;
      ws[m++] = weights[c]!;
    }
    try {
      return weightedMeanOf(values, ws, m);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
  };

  // rows done in the order they can be: first those that need no child, then each parent as its
  // last child is done
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const id = tree.ids[i]!;
    if (id === '') out[i] = '';
    else if (tree.duplicated[i] === 1) out[i] = new InputError('duplicateId', { id });
    else if (tree.inCycle(i)) out[i] = undefined;
    else if (errors[i] !== undefined) out[i] = errors[i];
    else if (pending[i] === 0) out[i] = combine(i);
    else continue;
    done[i] = 1;
    queue[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    if (!tree.isChild(i)) continue;
    const p = tree.parentOf[i]!;
    if (done[p] === 1 || --pending[p]! > 0) continue;
    out[p] = combine(p);
    done[p] = 1;
    queue[tail++] = p;
  }
  return out;
}

export type Link =
  | { kind: 'top' | 'aligned' | 'orphan' }
  | { kind: 'broken'; id: string }
  /** Its text, "a → b → a" from this row, is made when shown: ring.path(from). */
  | { kind: 'cycle'; ring: Ring; from: number };

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
  const walk: number[] = [];
  const top: Link = { kind: 'top' };
  const linkOf = (i: number): Link => {
    walk.length = 0;
    let cur = i;
    let end: Link;
    for (;;) {
      onWalk[cur] = walk.length;
      walk.push(cur);
      const pid = tree.parents[cur] ?? '';
      const p = tree.parentOf[cur]!;
      if (pid === '') end = { kind: 'orphan' };
      else if (p < 0) end = { kind: 'broken', id: pid };
      else if (isTop(p)) end = { kind: 'aligned' };
      else if (memo[p]) end = memo[p]!;
      else if (onWalk[p]! >= 0) {
        // each row of the cycle reports it from itself; the rows before it, from where they enter
        const k = onWalk[p]!;
        const ring = new Ring(walk.slice(k).map((r) => tree.ids[r]!));
        for (let j = k; j < walk.length; j++) memo[walk[j]!] = { kind: 'cycle', ring, from: j - k };
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
  const out: (Link | '' | InputError)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = tree.ids[i]!;
    const lv = levels?.[i];
    if (id === '') out[i] = '';
    else if (tree.duplicated[i] === 1) out[i] = new InputError('duplicateId', { id });
    else if (lv instanceof InputError) out[i] = lv;
    else if (isTop(i)) out[i] = top;
    else out[i] = memo[i] ?? linkOf(i);
  }
  return out;
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
