import { describe, expect, test } from 'vitest';
import type { KrRead, ObjectiveRead } from '../../src/core/read-quarter';
import { alignmentTree } from '../../src/core/tree';
import type { Level } from '../../src/core/words';

let nextRow = 3;
/** An objective as the reader gives it; `score` is its one KR's score (start 0, target 1). */
function o(
  id: string,
  parent: string,
  level: Level | undefined,
  score?: number,
  committed = false,
): ObjectiveRead {
  const row = nextRow++;
  const krs: KrRead[] =
    score === undefined
      ? []
      : [
          {
            id: `${id}.1`,
            objectiveId: id,
            row: row + 100_000,
            title: 'kr',
            type: 'increase',
            unit: '',
            start: 0,
            target: 1,
            current: score,
            weight: 1,
            owner: '',
            ownOwner: '',
          },
        ];
  return { id, row, title: `Objective ${id}`, level, owner: 'Ana', parent, committed, krs };
}

/** "id@depth" per node, in the order shown. */
const shape = (objectives: ObjectiveRead[]) =>
  alignmentTree(objectives).nodes.map((x) => `${x.id}@${x.depth}`);

describe('alignment tree', () => {
  test('each objective under its parent, depth first, children in row order', () => {
    const t = alignmentTree([
      o('C', '', 'company', 0.6),
      o('D1', 'C', 'department', 0.3),
      o('T1', 'D1', 'team', 0.9),
      o('D2', 'C', 'department', 0.8),
      o('T2', 'D1', 'team'),
    ]);
    expect(t.nodes.map((x) => `${x.id}@${x.depth}`)).toEqual(['C@0', 'D1@1', 'T1@2', 'T2@2', 'D2@1']);
    expect(t.nodes.map((x) => x.children)).toEqual([2, 2, 0, 0, 0]);
    expect(t.levels).toEqual([
      { level: 'company', count: 1 },
      { level: 'department', count: 2 },
      { level: 'team', count: 2 },
    ]);
    expect([t.broken, t.cycles, t.orphans]).toEqual([0, 0, 0]);
    expect(t.nodes.every((x) => x.mark === undefined)).toBe(true);
  });

  test('rolled-up score (own weight 1, each child’s rolled-up score weight 1) and its grade', () => {
    const t = alignmentTree([
      o('C', '', 'company', 0.6),
      o('D1', 'C', 'department', 0.3),
      o('T1', 'D1', 'team', 0.9),
      o('D2', 'C', 'department', 1, true),
      o('E', 'C', 'department'),
    ]);
    const by = Object.fromEntries(t.nodes.map((x) => [x.id, x]));
    expect(by.T1).toMatchObject({ own: 0.9, score: 0.9, grade: 'green' });
    expect(by.D1).toMatchObject({ own: 0.3, score: 0.6, grade: 'yellow' });
    // committed: green only at 100 %
    expect(by.D2).toMatchObject({ own: 1, score: 1, grade: 'green', committed: true });
    // no KR, no child: no score, no grade (nothing made up)
    expect(by.E!.own).toBeUndefined();
    expect(by.E!.score).toBeUndefined();
    expect(by.E!.grade).toBeUndefined();
    // (0.6 + 0.6 + 1) / 3
    expect(by.C!.score).toBeCloseTo(0.7333333333, 9);
    expect(by.C!.grade).toBe('green');
    expect(alignmentTree([o('R', '', 'company', 0.2)]).nodes[0]!.grade).toBe('red');
  });

  test('several roots: company first, then by row; a root per level when nothing links them', () => {
    expect(
      shape([
        o('T', '', 'team', 0.5),
        o('C2', '', 'company', 0.5),
        o('D', 'C2', 'department', 0.5),
        o('C1', '', 'company', 0.5),
      ]),
    ).toEqual(['C2@0', 'D@1', 'C1@0', 'T@0']);
  });

  test('a broken link: marked with the id not found, shown as a root with its children under it', () => {
    const t = alignmentTree([
      o('C', '', 'company', 0.5),
      o('D', 'X9', 'department', 0.5),
      o('T', 'D', 'team', 0.5),
    ]);
    expect(t.nodes.map((x) => `${x.id}@${x.depth}`)).toEqual(['C@0', 'D@0', 'T@1']);
    expect(t.nodes[1]!.mark).toEqual({ kind: 'broken', parent: 'X9' });
    // its child's own link is fine: only the row to fix is marked
    expect(t.nodes[2]!.mark).toBeUndefined();
    expect(t.broken).toBe(1);
  });

  test('a cycle: every objective once, from the ring’s first row, each of its rows marked from itself', () => {
    const t = alignmentTree([
      o('C', '', 'company', 0.5),
      o('A', 'B', 'team', 0.5),
      o('B', 'A', 'team', 0.5),
      o('K', 'B', 'team', 0.5),
    ]);
    expect(t.nodes.map((x) => `${x.id}@${x.depth}`)).toEqual(['C@0', 'A@0', 'B@1', 'K@2']);
    expect(t.nodes[1]!.mark).toEqual({ kind: 'cycle', path: 'A → B → A' });
    expect(t.nodes[2]!.mark).toEqual({ kind: 'cycle', path: 'B → A → B' });
    expect(t.nodes[3]!.mark).toBeUndefined();
    // a cycle has no rolled-up score, nor what hangs on it… its own KRs still score
    expect(t.nodes[1]!.score).toBeUndefined();
    expect(t.nodes[1]!.own).toBe(0.5);
    expect(t.nodes[3]!.score).toBe(0.5);
    expect(t.cycles).toBe(1);
  });

  test('a row that is its own parent, and two separate cycles', () => {
    const t = alignmentTree([o('S', 'S', 'team'), o('A', 'B', 'team'), o('B', 'A', 'team')]);
    expect(t.nodes.map((x) => `${x.id}@${x.depth}`)).toEqual(['S@0', 'A@0', 'B@1']);
    expect(t.nodes[0]!.mark).toEqual({ kind: 'cycle', path: 'S → S' });
    expect(t.cycles).toBe(2);
  });

  test('below the top level with no parent: marked orphan; without levels nothing is', () => {
    const t = alignmentTree([o('C', '', 'company'), o('T', '', 'team')]);
    expect(t.nodes.map((x) => x.mark)).toEqual([undefined, { kind: 'orphan' }]);
    expect(t.orphans).toBe(1);
    expect(alignmentTree([o('A', '', undefined), o('B', '', undefined)]).orphans).toBe(0);
  });

  test('no objectives: an empty tree', () => {
    expect(alignmentTree([])).toEqual({ nodes: [], levels: [], broken: 0, cycles: 0, orphans: 0 });
  });

  test('1000 objectives: a chain 1000 deep, a star of 999, and a ring of 1000, each in linear time', () => {
    const chain = Array.from({ length: 1000 }, (_, i) =>
      o(`O${i}`, i === 0 ? '' : `O${i - 1}`, i === 0 ? 'company' : 'team', (i % 10) / 10),
    );
    const star = Array.from({ length: 1000 }, (_, i) =>
      o(`S${i}`, i === 0 ? '' : 'S0', i === 0 ? 'company' : 'team', 0.5),
    );
    const ring = Array.from({ length: 1000 }, (_, i) => o(`R${i}`, `R${(i + 1) % 1000}`, 'team', 0.5));
    const started = performance.now();
    const a = alignmentTree(chain);
    const b = alignmentTree(star);
    const c = alignmentTree(ring);
    const ms = performance.now() - started;
    expect(a.nodes.map((x) => x.depth)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(a.nodes[0]!.score).toBeGreaterThan(0);
    expect(b.nodes).toHaveLength(1000);
    expect(b.nodes[0]!.children).toBe(999);
    expect(b.nodes.slice(1).every((x) => x.depth === 1)).toBe(true);
    expect(c.nodes.map((x) => x.id)).toEqual(['R0', ...Array.from({ length: 999 }, (_, i) => `R${999 - i}`)]);
    expect(c.nodes.every((x) => x.mark?.kind === 'cycle')).toBe(true);
    expect(c.cycles).toBe(1);
    // generous: measured ~10 ms for the three
    expect(ms).toBeLessThan(500);
  });
});
