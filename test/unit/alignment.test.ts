import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cyclePath, Ring } from '../../src/core/alignment';
import { call, callIn, col } from '../support/call';

describe('OKR_ROLLUP', () => {
  test('an objective with no children keeps its own score', () => {
    expect(call('OKR_ROLLUP', col('a', 'b'), col('', ''), col(0.4, 0.9))).toEqual([[0.4], [0.9]]);
  });
  test('own score (weight 1) and each child’s rolled-up score (the child’s weight)', () => {
    // a: (0.5·1 + 1·2 + 0·1) / 4 = 0.625
    expect(call('OKR_ROLLUP', col('a', 'b', 'c'), col('', 'a', 'a'), col(0.5, 1, 0), col('', 2, ''))).toEqual(
      [[0.625], [1], [0]],
    );
  });
  test('children roll up through several levels', () => {
    // c → b → a: b = (0.2 + 0.8)/2 = 0.5; a = (1 + 0.5)/2 = 0.75
    expect(call('OKR_ROLLUP', col('a', 'b', 'c'), col('', 'a', 'b'), col(1, 0.2, 0.8))).toEqual([
      [0.75],
      [0.5],
      [0.8],
    ]);
  });
  test('an objective with a blank own score takes its children’s', () => {
    expect(call('OKR_ROLLUP', col('a', 'b', 'c'), col('', 'a', 'a'), col('', 0.2, 0.6))).toEqual([
      [0.4],
      [0.2],
      [0.6],
    ]);
  });
  test('duplicate ids get "#duplicate id: X"; their children count as having no parent', () => {
    expect(call('OKR_ROLLUP', col('a', 'a', 'b'), col('', '', 'a'), col(0.5, 0.7, 0.1))).toEqual([
      ['#duplicate id: a'],
      ['#duplicate id: a'],
      [0.1],
    ]);
  });
  test('a parent id that is not among the ids counts as no parent', () => {
    expect(call('OKR_ROLLUP', col('a', 'b'), col('', 'zz'), col(0.5, 0.7))).toEqual([[0.5], [0.7]]);
  });
  test('rows in a cycle get "#cycle: a → b → a"; the other rows compute', () => {
    expect(
      call('OKR_ROLLUP', col('a', 'b', 'c', 'd'), col('b', 'a', 'a', ''), col(0.1, 0.2, 0.3, 0.4)),
    ).toEqual([['#cycle: a → b → a'], ['#cycle: b → a → b'], [0.3], [0.4]]);
  });
  test('blank ids at the foot stay blank', () => {
    expect(call('OKR_ROLLUP', col('a', ''), col('', ''), col(0.5, ''))).toEqual([[0.5], ['']]);
  });
  test('numbers and text ids match: 1 is "1"', () => {
    expect(call('OKR_ROLLUP', col(1, 2), col('', '1'), col(0, 1))).toEqual([[0.5], [1]]);
  });
  test('a bad score is reported on its row, and its parent says which child', () => {
    expect(call('OKR_ROLLUP', col('a', 'b'), col('', 'a'), col(0.5, 'lots'))).toEqual([
      ['#child b has an error'],
      ['#scores: "lots" is not a number'],
    ]);
  });
  test('a chain thousands deep computes (no recursion limit)', () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => [`o${i}`]);
    const parents = Array.from({ length: n }, (_, i) => [i === 0 ? '' : `o${i - 1}`]);
    const scores = Array.from({ length: n }, () => [0.5]);
    const out = call('OKR_ROLLUP', ids, parents, scores) as number[][];
    expect(out[0]![0]).toBe(0.5);
  });
});

describe('OKR_ALIGNED', () => {
  test('without levels: the top is the rows with a blank parent', () => {
    expect(call('OKR_ALIGNED', col('a', 'b', 'c'), col('', 'a', 'b'))).toEqual([
      ['top'],
      ['aligned'],
      ['aligned'],
    ]);
  });
  test('broken: X at an unknown id', () => {
    expect(call('OKR_ALIGNED', col('a', 'b', 'c'), col('', 'x', 'b'))).toEqual([
      ['top'],
      ['broken: x'],
      ['broken: x'],
    ]);
  });
  test('cycle: a → b → a, for the rows in it and those that run into it', () => {
    expect(call('OKR_ALIGNED', col('a', 'b', 'c'), col('b', 'a', 'a'))).toEqual([
      ['cycle: a → b → a'],
      ['cycle: b → a → b'],
      ['cycle: a → b → a'],
    ]);
  });
  test('an objective that is its own parent is a cycle', () => {
    expect(call('OKR_ALIGNED', col('a', 'b'), col('', 'b'))).toEqual([['top'], ['cycle: b → b']]);
  });
  test('with levels: the top is the smallest rank present; a blank parent below it is an orphan', () => {
    expect(
      call(
        'OKR_ALIGNED',
        col('c1', 't1', 't2', 'i1'),
        col('', 'c1', '', 't2'),
        col('company', 'team', 'Équipe', 'individual'),
      ),
    ).toEqual([['top'], ['aligned'], ['orphan'], ['orphan']]);
  });
  test('with levels, when no company objective exists, departments are the top', () => {
    expect(call('OKR_ALIGNED', col('d1', 't1'), col('', 'd1'), col('service', 'team'))).toEqual([
      ['top'],
      ['aligned'],
    ]);
  });
  test('level names: company/entreprise/direction, department/département/service, team/équipe, individual/individuel', () => {
    expect(
      call(
        'OKR_ALIGNED',
        col('a', 'b', 'c', 'd'),
        col('', 'a', 'b', 'c'),
        col('Direction', 'département', 'equipe', 'INDIVIDUEL'),
      ),
    ).toEqual([['top'], ['aligned'], ['aligned'], ['aligned']]);
  });
  test('duplicate ids and a blank or unknown level are # rows', () => {
    expect(
      call(
        'OKR_ALIGNED',
        col('a', 'b', 'b', 'c', 'd'),
        col('', 'a', 'a', 'a', 'a'),
        col('company', 'team', 'team', '', 'boss'),
      ),
    ).toEqual([
      ['top'],
      ['#duplicate id: b'],
      ['#duplicate id: b'],
      ['#levels: blank, a value is needed'],
      [
        '#levels: "boss" is not one of: company, entreprise, direction, department, département, service, team, équipe, individual, individuel',
      ],
    ]);
  });
  describe('a chain stops at a top-level row, before any cycle', () => {
    test('a team objective under a company one whose parent is the team’s: top and aligned', () => {
      expect(call('OKR_ALIGNED', col('a', 'b'), col('b', 'a'), col('company', 'team'))).toEqual([
        ['top'],
        ['aligned'],
      ]);
      expect(call('OKR_ALIGNMENT', col('a', 'b'), col('b', 'a'), col('company', 'team'))).toBe(1);
    });
    test('a longer loop through a top row: every row below it is aligned', () => {
      expect(
        call('OKR_ALIGNED', col('a', 'b', 'c'), col('c', 'a', 'b'), col('company', 'team', 'individual')),
      ).toEqual([['top'], ['aligned'], ['aligned']]);
    });
    test('a loop below the top level is still a cycle, for its rows and those that run into it', () => {
      const args = [
        col('a', 'x', 'y', 'z'),
        col('', 'y', 'x', 'x'),
        col('company', 'team', 'team', 'individual'),
      ];
      expect(call('OKR_ALIGNED', ...args)).toEqual([
        ['top'],
        ['cycle: x → y → x'],
        ['cycle: y → x → y'],
        ['cycle: x → y → x'],
      ]);
      expect(call('OKR_ALIGNMENT', ...args)).toBe(0);
    });
    test('OKR_ROLLUP has no levels: a loop of parent ids is a cycle there (SPEC)', () => {
      expect(call('OKR_ROLLUP', col('a', 'b'), col('b', 'a'), col(0.5, 1))).toEqual([
        ['#cycle: a → b → a'],
        ['#cycle: b → a → b'],
      ]);
    });
  });
  test('any forest or loop, with levels: where each chain ends, as SPEC words it (fast-check)', () => {
    const levels = ['company', 'department', 'team', 'individual'];
    const rows = fc
      .uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 2, maxLength: 6 })
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.constantFrom('', 'zz', ...ids), { minLength: ids.length, maxLength: ids.length }),
          fc.array(fc.constantFrom(...levels), { minLength: ids.length, maxLength: ids.length }),
        ),
      );
    fc.assert(
      fc.property(rows, ([ids, parents, lv]) => {
        const top = Math.min(...lv.map((l) => levels.indexOf(l)));
        const isTop = (i: number) => levels.indexOf(lv[i]!) === top;
        // the chain of parents from a row below the top, step by step
        const end = (i: number): string => {
          const seen = new Set<number>();
          for (let cur = i; ; ) {
            seen.add(cur);
            const pid = parents[cur]!;
            if (pid === '') return 'orphan';
            const p = ids.indexOf(pid);
            if (p < 0) return `broken: ${pid}`;
            if (isTop(p)) return 'aligned';
            if (seen.has(p)) return 'cycle';
            cur = p;
          }
        };
        const expected = ids.map((_, i) => (isTop(i) ? 'top' : end(i)));
        const out = (call('OKR_ALIGNED', col(...ids), col(...parents), col(...lv)) as string[][]).map(([v]) =>
          v!.replace(/^cycle: .*/, 'cycle'),
        );
        expect(out).toEqual(expected);
        const below = expected.filter((e) => e !== 'top');
        const share = below.length ? below.filter((e) => e === 'aligned').length / below.length : 1;
        expect(call('OKR_ALIGNMENT', col(...ids), col(...parents), col(...lv))).toBeCloseTo(share, 10);
      }),
      { numRuns: 1000 },
    );
  });
  test('a long cycle’s text is cut, not 50,000 characters', () => {
    const n = 1000;
    const ids = Array.from({ length: n }, (_, i) => [`o${i}`]);
    const parents = Array.from({ length: n }, (_, i) => [`o${(i + 1) % n}`]);
    const out = call('OKR_ALIGNED', ids, parents) as string[][];
    expect(out[0]![0]).toBe('cycle: o0 → o1 → o2 → o3 → o4 → o5 → o6 → o7 → o8 → o9 → o10 → o11 → … → o0');
    expect(out[999]![0]).toMatch(/^cycle: o999 → o0 → o1 → .* → … → o999$/);
  });
  test('French words', () => {
    expect(
      callIn(
        'fr_FR',
        'OKR_ALIGNED',
        col('a', 'b', 'c', 'd', 'e'),
        col('', 'a', 'x', 'e', 'd'),
        col('entreprise', 'équipe', 'équipe', 'équipe', 'équipe'),
      ),
    ).toEqual([
      ['sommet'],
      ['aligné'],
      ['rompu\u00a0: x'],
      ['cycle\u00a0: d → e → d'],
      ['cycle\u00a0: e → d → e'],
    ]);
    expect(callIn('fr_FR', 'OKR_ALIGNED', col('a', 'b'), col('', ''), col('entreprise', 'équipe'))).toEqual([
      ['sommet'],
      ['orphelin'],
    ]);
  });
});

describe('OKR_ALIGNMENT', () => {
  test('aligned ÷ rows below the top level', () => {
    expect(
      call(
        'OKR_ALIGNMENT',
        col('c', 't1', 't2', 't3'),
        col('', 'c', '', 'zz'),
        col('company', 'team', 'team', 'team'),
      ),
    ).toBeCloseTo(1 / 3, 10);
  });
  test('1 when there are no rows below the top', () => {
    expect(call('OKR_ALIGNMENT', col('a', 'b'), col('', ''))).toBe(1);
  });
  test('a bad row makes the total a # text naming the row', () => {
    expect(call('OKR_ALIGNMENT', col('a', 'b', 'b'), col('', 'a', 'a'))).toBe('#row 2: duplicate id: b');
    expect(call('OKR_ALIGNMENT', col('a', 'b'), col('', 'a'), col('company', 'chef'))).toMatch(
      /^#row 2: levels: "chef"/,
    );
  });
});

describe('cycle texts', () => {
  test('a ring’s texts cut from one join are those cyclePath makes, whatever the ids (fast-check)', () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.string({ minLength: 80, maxLength: 400 }),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 40 }), (ids) => {
        const ring = new Ring(ids);
        for (let from = 0; from < ids.length; from++) {
          expect(ring.path(from)).toBe(cyclePath({ ring: ids, from }));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('at most 12 ids, then … and the first again', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `o${i}`);
    expect(new Ring(ids).path(19)).toBe(
      'o19 → o0 → o1 → o2 → o3 → o4 → o5 → o6 → o7 → o8 → o9 → o10 → … → o19',
    );
    expect(new Ring(['a', 'b', 'c']).path(1)).toBe('b → c → a → b');
  });
});
