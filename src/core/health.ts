import type { DayNumber } from './cells';
import type { Lang } from './i18n';
import type { ObjectiveRead } from './read-quarter';
import { LEVEL_RANK } from './words';

export type FindingKind =
  | 'tooManyObjectives'
  | 'tooManyKrs'
  | 'notMeasurable'
  | 'noKr'
  | 'misaligned'
  | 'staticMetric'
  | 'kpiNoValue'
  | 'notFilled';

export interface Finding {
  kind: FindingKind;
  /** What it is about: an objective, a KR, an owner or a KPI. */
  about: { type: 'objective' | 'kr' | 'owner' | 'kpi'; id: string; title: string };
  /** The sheet row to go to, when there is one. */
  row?: number;
  message: string;
  fix: string;
}

export interface KpiRead {
  id: string;
  name: string;
  row: number;
  /** The last period's label and whether it has a value. */
  lastPeriod: string;
  lastValue?: number;
  status?: string;
}

/** The seeds: "2 à 3 OKR par personne/équipe"; 2–5 KRs per objective; two weeks without a check-in is static. */
export const LIMITS = { objectivesPerOwner: 3, krsPerObjective: 5, staleDays: 14 } as const;

const T = {
  en: {
    tooManyObjectives: (owner: string, n: number) => [
      `${owner} owns ${n} objectives`,
      'Keep 2 to 3 per person or team: merge or drop some.',
    ],
    tooManyKrs: (n: number) => [`${n} key results`, 'Keep 2 to 5: the rest are tasks, not results.'],
    notMeasurable: () => [
      'No numeric target: not measurable',
      'Give it a number to reach, or make it a milestone.',
    ],
    noKr: () => ['No key result', 'Add 2 to 5 measurable key results.'],
    misaligned: (parent: string) =>
      parent
        ? [`Its parent ${parent} is not in this quarter`, 'Fix the parent ID.']
        : ['Below the top level with no parent: not aligned', 'Link it to the objective it serves.'],
    staticMetric: (days: number | undefined) => [
      days === undefined ? 'Never checked in' : `No check-in for ${days} days`,
      'Check in its current value and confidence.',
    ],
    kpiNoValue: (period: string) => [`No value for ${period}`, `Enter its value for ${period}.`],
    notFilled: () => ['Not filled in yet', 'Give it a title and a target (or delete its row).'],
    untitled: '(untitled)',
  },
  fr: {
    tooManyObjectives: (owner: string, n: number) => [
      `${owner} porte ${n} objectifs`,
      'En garder 2 à 3 par personne ou équipe\u00a0: en fusionner ou en abandonner.',
    ],
    tooManyKrs: (n: number) => [
      `${n} résultats clés`,
      'En garder 2 à 5\u00a0: les autres sont des tâches, pas des résultats.',
    ],
    notMeasurable: () => [
      'Pas de cible chiffrée\u00a0: non mesurable',
      'Donnez-lui un nombre à atteindre, ou faites-en un jalon.',
    ],
    noKr: () => ['Aucun résultat clé', 'Ajoutez 2 à 5 résultats clés mesurables.'],
    misaligned: (parent: string) =>
      parent
        ? [`Son parent ${parent} n'est pas dans ce trimestre`, "Corrigez l'ID du parent."]
        : ['Sous le niveau le plus haut sans parent\u00a0: non aligné', "Reliez-le à l'objectif qu'il sert."],
    staticMetric: (days: number | undefined) => [
      days === undefined ? 'Aucun point de suivi' : `Aucun point de suivi depuis ${days} jours`,
      'Faites un point de suivi de sa valeur et de sa confiance.',
    ],
    kpiNoValue: (period: string) => [`Aucune valeur pour ${period}`, `Saisissez sa valeur pour ${period}.`],
    notFilled: () => ['Pas encore rempli', 'Donnez-lui un intitulé et une cible (ou supprimez sa ligne).'],
    untitled: '(sans titre)',
  },
} as const;

/**
 * The seeds' common mistakes, found in a quarter: too many objectives per owner or KRs per
 * objective, KRs with no number to reach, objectives with no KR or no link to the top, KRs left
 * without a check-in for two weeks, KPIs with no value for their last period.
 */
export function healthCheck(input: {
  objectives: readonly ObjectiveRead[];
  /** Last check-in day of each KR this quarter. */
  lastCheckIn: ReadonlyMap<string, DayNumber>;
  quarterFirst: DayNumber;
  asOf: DayNumber;
  kpis: readonly KpiRead[];
  lang: Lang;
  /** Closed by its review: no check-in is expected any more. */
  closed?: boolean;
}): Finding[] {
  const t = T[input.lang];
  const out: Finding[] = [];
  const title = (s: string) => s || t.untitled;
  const push = (
    kind: FindingKind,
    about: Finding['about'],
    row: number | undefined,
    [message, fix]: readonly string[],
  ) => out.push({ kind, about, row, message: message!, fix: fix! });

  const byOwner = new Map<string, ObjectiveRead[]>();
  for (const o of input.objectives) {
    const key = o.owner.trim().toLowerCase();
    if (key) byOwner.set(key, [...(byOwner.get(key) ?? []), o]);
  }
  for (const list of byOwner.values()) {
    if (list.length > LIMITS.objectivesPerOwner) {
      const owner = list[0]!.owner;
      push(
        'tooManyObjectives',
        // an owner has no title: its name once, not "Marketing Marketing"
        { type: 'owner', id: owner, title: '' },
        list[0]!.row,
        t.tooManyObjectives(owner, list.length),
      );
    }
  }

  const ids = new Set(input.objectives.map((o) => o.id));
  const ranks = input.objectives.flatMap((o) => (o.level ? [LEVEL_RANK[o.level]] : []));
  const top = ranks.length ? Math.min(...ranks) : undefined;
  for (const o of input.objectives) {
    const about = { type: 'objective' as const, id: o.id, title: title(o.title) };
    if (o.krs.length === 0) push('noKr', about, o.row, t.noKr());
    if (o.krs.length > LIMITS.krsPerObjective) push('tooManyKrs', about, o.row, t.tooManyKrs(o.krs.length));
    const below = o.level !== undefined && top !== undefined && LEVEL_RANK[o.level] > top;
    if (o.parent !== '' && !ids.has(o.parent)) push('misaligned', about, o.row, t.misaligned(o.parent));
    else if (below && o.parent === '') push('misaligned', about, o.row, t.misaligned(''));
    for (const kr of o.krs) {
      const krAbout = { type: 'kr' as const, id: kr.id, title: title(kr.title) };
      // a row the template left for the team to fill in: one word for it, not every mistake
      if (kr.title === '' && kr.start === undefined && kr.target === undefined && kr.current === undefined) {
        push('notFilled', krAbout, kr.row, t.notFilled());
        continue;
      }
      if (kr.type !== 'milestone' && kr.target === undefined)
        push('notMeasurable', krAbout, kr.row, t.notMeasurable());
      const last = input.lastCheckIn.get(kr.id);
      const since = input.asOf - (last ?? input.quarterFirst);
      if (!input.closed && since >= LIMITS.staleDays)
        push('staticMetric', krAbout, kr.row, t.staticMetric(last === undefined ? undefined : since));
    }
  }
  for (const k of input.kpis) {
    if (k.lastValue === undefined)
      push('kpiNoValue', { type: 'kpi', id: k.id, title: title(k.name) }, k.row, t.kpiNoValue(k.lastPeriod));
  }
  return out;
}
