import { rollup, Tree } from './alignment';
import { gradeOf, ownScore } from './quarter-model';
import type { ObjectiveRead } from './read-quarter';
import { type Grade, LEVEL_RANK, type Level } from './words';

/** What is wrong with an objective's own link to its parent, if anything. */
export type Mark =
  /** Its parent id names no objective of the quarter. */
  | { kind: 'broken'; parent: string }
  /** Its chain of parents comes back to it: "a → b → a", from it. */
  | { kind: 'cycle'; path: string }
  /** Below the top level with no parent: linked to nothing. */
  | { kind: 'orphan' };

/** One objective as the alignment tree shows it. */
export interface TreeNode {
  id: string;
  title: string;
  owner: string;
  level?: Level;
  /** The sheet's row (1-based), to go to. */
  row: number;
  /** 0 for a root; a child is one deeper than its parent. */
  depth: number;
  parent: string;
  committed: boolean;
  /** The weighted mean of its own KRs' scores. */
  own?: number;
  /** Its score rolled up with its aligned children (the sheet's objective score), and its grade. */
  score?: number;
  grade?: Grade;
  /** Children shown right below it (one deeper). */
  children: number;
  mark?: Mark;
}

export interface AlignmentTree {
  /** Depth first: each node is followed by its children's subtrees, in row order. */
  nodes: TreeNode[];
  /** Objectives per level present, top first. */
  levels: { level: Level; count: number }[];
  broken: number;
  cycles: number;
  orphans: number;
}

/**
 * The quarter's objectives as a tree: each under its parent, the roots first by level (company,
 * department, team…) then by row. A root is an objective with no parent or a broken link; each cycle
 * of parent links is shown from its first row, its other rows below it, the link that closes it left
 * out (so every objective is shown exactly once). Linear in the objectives, with no recursion: a
 * chain of parents may be as long as the sheet.
 */
export function alignmentTree(objectives: readonly ObjectiveRead[]): AlignmentTree {
  const n = objectives.length;
  const tree = new Tree(
    objectives.map((o) => o.id),
    objectives.map((o) => o.parent),
  );
  const owns = objectives.map((o) => ownScore(o));
  const rolled = rollup(
    tree,
    owns.map((s) => ({ score: s ?? '', weight: 1 })),
  );
  let topRank = Number.POSITIVE_INFINITY;
  for (const o of objectives) if (o.level) topRank = Math.min(topRank, LEVEL_RANK[o.level]);

  const markOf = (i: number): Mark | undefined => {
    const o = objectives[i]!;
    if (tree.inCycle(i)) return { kind: 'cycle', path: tree.cyclePathAt(i)! };
    if (o.parent !== '' && tree.parentRow(i) === undefined) return { kind: 'broken', parent: o.parent };
    if (o.parent === '' && o.level !== undefined && LEVEL_RANK[o.level] > topRank) return { kind: 'orphan' };
    return undefined;
  };

  // roots: no parent or a broken one; then one row per cycle, its first
  const rank = (i: number) => {
    const lv = objectives[i]!.level;
    return lv === undefined ? 99 : LEVEL_RANK[lv];
  };
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (tree.parentRow(i) === undefined) roots.push(i);
  roots.sort((a, b) => rank(a) - rank(b) || objectives[a]!.row - objectives[b]!.row);
  const seenRing = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = tree.cycleAt(i);
    if (!c) continue;
    const key = c.ring[0]!;
    if (seenRing.has(key)) continue;
    seenRing.add(key);
    // the ring's row that comes first in the sheet
    let first = i;
    for (const id of c.ring) {
      const r = tree.index.get(id)!;
      if (objectives[r]!.row < objectives[first]!.row) first = r;
    }
    roots.push(first);
  }

  const { start, rows: kids } = tree.children();
  const byRow = (a: number, b: number) => objectives[a]!.row - objectives[b]!.row;
  const shown = new Uint8Array(n);
  const nodes: TreeNode[] = [];
  const stack: { i: number; depth: number }[] = [];
  for (const root of roots) {
    stack.push({ i: root, depth: 0 });
    while (stack.length) {
      const { i, depth } = stack.pop()!;
      if (shown[i]) continue;
      shown[i] = 1;
      const o = objectives[i]!;
      const under: number[] = [];
      for (let k = start[i]!; k < start[i + 1]!; k++) if (!shown[kids[k]!]) under.push(kids[k]!);
      under.sort(byRow);
      const s = rolled[i];
      const score = typeof s === 'number' ? s : undefined;
      const node: TreeNode = {
        id: o.id,
        title: o.title,
        owner: o.owner,
        level: o.level,
        row: o.row,
        depth,
        parent: o.parent,
        committed: o.committed,
        own: owns[i],
        score,
        grade: score === undefined ? undefined : gradeOf(score, o.committed),
        children: under.length,
      };
      const mark = markOf(i);
      if (mark) node.mark = mark;
      nodes.push(node);
      // pushed last first: the first child comes out next
      for (let k = under.length - 1; k >= 0; k--) stack.push({ i: under[k]!, depth: depth + 1 });
    }
  }

  const perLevel = new Map<Level, number>();
  for (const o of objectives) if (o.level) perLevel.set(o.level, (perLevel.get(o.level) ?? 0) + 1);
  const count = (kind: Mark['kind']) => nodes.filter((x) => x.mark?.kind === kind).length;
  return {
    nodes,
    levels: [...perLevel]
      .sort((a, b) => LEVEL_RANK[a[0]] - LEVEL_RANK[b[0]])
      .map(([level, c]) => ({ level, count: c })),
    broken: count('broken'),
    cycles: seenRing.size,
    orphans: count('orphan'),
  };
}
