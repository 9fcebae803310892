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
  /** The sheet row to go to, when there is one (in the KPI sheet for a KPI, else the quarter's). */
  row?: number;
  message: string;
  /** What to do about this finding: its row, its column, its IDs (see fixOf). */
  fix: string;
  /** What the fix names: the rows and IDs involved, the parent typed, the period. */
  detail: FindingDetail;
}

export interface FindingDetail {
  ids?: string[];
  rows?: number[];
  parent?: string;
  days?: number;
  period?: string;
  /** Objectives a misaligned one may be linked to (a level above it). */
  candidates?: string[];
}

/**
 * Where a fix sends the user: the quarter's columns as the sheet shows them ("Target (L)"), and the
 * KPI sheet's name. Without it, the fix names the columns by their usual header.
 */
export interface FixPlace {
  column?: Partial<Record<FixColumn, string>>;
  kpiSheet?: string;
}
type FixColumn = 'title' | 'type' | 'target' | 'current' | 'confidence' | 'parent';

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

const NB = '\u00a0';
const list = (xs: readonly (string | number)[], and: string) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)}`;

/** What each finding says, then what to do about that very finding: its row, its column, its IDs. */
const T = {
  en: {
    tooManyObjectives: (owner: string, n: number) => `${owner} owns ${n} objectives`,
    tooManyKrs: (n: number) => `${n} key results`,
    notMeasurable: 'No numeric target: not measurable',
    noKr: 'No key result',
    misaligned: (parent: string) =>
      parent
        ? `Its parent ${parent} is not in this quarter`
        : 'Below the top level with no parent: not aligned',
    staticMetric: (days: number | undefined) =>
      days === undefined ? 'Never checked in' : `No check-in for ${days} days`,
    kpiNoValue: (period: string) => `No value for ${period}`,
    notFilled: 'Not filled in yet',
    untitled: '(untitled)',
    and: 'and',
    rows: (rows: readonly number[]) => (rows.length === 1 ? `row ${rows[0]}` : `rows ${list(rows, 'and')}`),
    column: {
      title: 'Title',
      type: 'Type',
      target: 'Target',
      current: 'Current',
      confidence: 'Confidence',
      parent: 'Parent objective',
    },
    fix: {
      tooManyObjectives: (owner: string, ids: string, rows: string) =>
        `${owner} owns ${ids} (${rows}): keep the 2 or 3 that matter most this quarter; merge the others into them or delete their rows.`,
      tooManyKrs: (id: string, row: number, n: number, ids: string) =>
        `${id} (row ${row}) has ${n} key results (${ids}): keep the 2 to 5 that show its outcome; the others are tasks: move them out and delete their rows.`,
      notMeasurable: (id: string, row: number, target: string, type: string) =>
        `Row ${row}: type the number ${id} should reach in ${target}, or set ${type} to "milestone" if it is simply done or not.`,
      noKr: (id: string, row: number) =>
        `${id} (row ${row}) has no key result: add 2 to 5 measurable ones under it (Add a key result).`,
      badParent: (id: string, row: number, parent: string, col: string, ids: string) =>
        `Row ${row}: ${col} says ${parent}, which is no objective of this quarter: type the ID of the objective ${id} serves${ids ? ` (${ids})` : ''}, or clear it if ${id} is at the top.`,
      noParent: (id: string, row: number, col: string, ids: string) =>
        `Row ${row}: ${id} is below the top level: type in ${col} the ID of the objective it serves${ids ? ` (${ids})` : ''}.`,
      neverCheckedIn: (id: string, row: number, current: string, confidence: string) =>
        `${id} (row ${row}) has no check-in this quarter: check it in now (Check in), or type its value in ${current} and its confidence in ${confidence}.`,
      staticMetric: (id: string, row: number, days: number, current: string, confidence: string) =>
        `${id} (row ${row}) was last checked in ${days} days ago: check in its value and confidence now (Check in), or type them in ${current} and ${confidence}.`,
      kpiNoValue: (name: string, row: number, sheet: string, period: string) =>
        `Row ${row} of "${sheet}": type ${name}’s value for ${period} in its ${period} column.`,
      notFilled: (id: string, row: number, title: string, target: string) =>
        `Row ${row}: give ${id} a title in ${title} and a target in ${target}, or delete the row.`,
    },
    kpiSheet: 'KPI dashboard',
  },
  fr: {
    tooManyObjectives: (owner: string, n: number) => `${owner} porte ${n} objectifs`,
    tooManyKrs: (n: number) => `${n} résultats clés`,
    notMeasurable: `Pas de cible chiffrée${NB}: non mesurable`,
    noKr: 'Aucun résultat clé',
    misaligned: (parent: string) =>
      parent
        ? `Son parent ${parent} n’est pas dans ce trimestre`
        : `Sous le niveau le plus haut sans parent${NB}: non aligné`,
    staticMetric: (days: number | undefined) =>
      days === undefined ? 'Aucun point de suivi' : `Aucun point de suivi depuis ${days} jours`,
    kpiNoValue: (period: string) => `Aucune valeur pour ${period}`,
    notFilled: 'Pas encore rempli',
    untitled: '(sans titre)',
    and: 'et',
    rows: (rows: readonly number[]) =>
      rows.length === 1 ? `ligne ${rows[0]}` : `lignes ${list(rows, 'et')}`,
    column: {
      title: 'Intitulé',
      type: 'Type',
      target: 'Cible',
      current: 'Actuel',
      confidence: 'Confiance',
      parent: 'Objectif parent',
    },
    fix: {
      tooManyObjectives: (owner: string, ids: string, rows: string) =>
        `${owner} porte ${ids} (${rows})${NB}: gardez les 2 ou 3 qui comptent le plus ce trimestre${NB}; fusionnez-y les autres ou supprimez leurs lignes.`,
      tooManyKrs: (id: string, row: number, n: number, ids: string) =>
        `${id} (ligne ${row}) a ${n} résultats clés (${ids})${NB}: gardez les 2 à 5 qui montrent son résultat${NB}; les autres sont des tâches${NB}: sortez-les et supprimez leurs lignes.`,
      notMeasurable: (id: string, row: number, target: string, type: string) =>
        `Ligne ${row}${NB}: saisissez dans ${target} le nombre que ${id} doit atteindre, ou mettez ${type} à «${NB}jalon${NB}» s’il est simplement fait ou non.`,
      noKr: (id: string, row: number) =>
        `${id} (ligne ${row}) n’a aucun résultat clé${NB}: ajoutez-en 2 à 5 mesurables (Ajouter un résultat clé).`,
      badParent: (id: string, row: number, parent: string, col: string, ids: string) =>
        `Ligne ${row}${NB}: ${col} indique ${parent}, qui n’est pas un objectif de ce trimestre${NB}: saisissez l’ID de l’objectif que ${id} sert${ids ? ` (${ids})` : ''}, ou videz-la si ${id} est au sommet.`,
      noParent: (id: string, row: number, col: string, ids: string) =>
        `Ligne ${row}${NB}: ${id} est sous le niveau le plus haut${NB}: saisissez dans ${col} l’ID de l’objectif qu’il sert${ids ? ` (${ids})` : ''}.`,
      neverCheckedIn: (id: string, row: number, current: string, confidence: string) =>
        `${id} (ligne ${row}) n’a aucun point de suivi ce trimestre${NB}: faites-le maintenant (Faire le point), ou saisissez sa valeur dans ${current} et sa confiance dans ${confidence}.`,
      staticMetric: (id: string, row: number, days: number, current: string, confidence: string) =>
        `Le dernier point de suivi de ${id} (ligne ${row}) date de ${days} jours${NB}: faites le point sur sa valeur et sa confiance (Faire le point), ou saisissez-les dans ${current} et ${confidence}.`,
      kpiNoValue: (name: string, row: number, sheet: string, period: string) =>
        `Ligne ${row} de «${NB}${sheet}${NB}»${NB}: saisissez la valeur de ${name} pour ${period} dans sa colonne ${period}.`,
      notFilled: (id: string, row: number, title: string, target: string) =>
        `Ligne ${row}${NB}: donnez à ${id} un intitulé dans ${title} et une cible dans ${target}, ou supprimez la ligne.`,
    },
    kpiSheet: 'Tableau de bord KPI',
  },
} as const;

/**
 * What to do about one finding, written for it: the row and column to go to, the IDs involved.
 * `place` names the columns as the sheet shows them ("Target (L)") and the KPI sheet.
 */
export function fixOf(f: Omit<Finding, 'fix'>, lang: Lang, place: FixPlace = {}): string {
  const t = T[lang];
  const col = (c: FixColumn) => place.column?.[c] ?? t.column[c];
  const d = f.detail;
  const id = f.about.id;
  const row = f.row ?? 0;
  const ids = (xs: readonly string[] | undefined) => list(xs ?? [], t.and);
  switch (f.kind) {
    case 'tooManyObjectives':
      return t.fix.tooManyObjectives(f.about.id, ids(d.ids), t.rows(d.rows ?? []));
    case 'tooManyKrs':
      return t.fix.tooManyKrs(id, row, d.ids?.length ?? 0, ids(d.ids));
    case 'notMeasurable':
      return t.fix.notMeasurable(id, row, col('target'), col('type'));
    case 'noKr':
      return t.fix.noKr(id, row);
    case 'misaligned':
      return d.parent
        ? t.fix.badParent(id, row, d.parent, col('parent'), ids(d.candidates))
        : t.fix.noParent(id, row, col('parent'), ids(d.candidates));
    case 'staticMetric':
      return d.days === undefined
        ? t.fix.neverCheckedIn(id, row, col('current'), col('confidence'))
        : t.fix.staticMetric(id, row, d.days, col('current'), col('confidence'));
    case 'kpiNoValue':
      return t.fix.kpiNoValue(f.about.title, row, place.kpiSheet ?? t.kpiSheet, d.period ?? '');
    case 'notFilled':
      return t.fix.notFilled(id, row, col('title'), col('target'));
  }
}

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
  place?: FixPlace;
}): Finding[] {
  const t = T[input.lang];
  const out: Finding[] = [];
  const title = (s: string) => s || t.untitled;
  const push = (
    kind: FindingKind,
    about: Finding['about'],
    row: number | undefined,
    message: string,
    detail: FindingDetail = {},
  ) => {
    const f = { kind, about, row, message, detail };
    out.push({ ...f, fix: fixOf(f, input.lang, input.place) });
  };

  const byOwner = new Map<string, ObjectiveRead[]>();
  for (const o of input.objectives) {
    const key = o.owner.trim().toLowerCase();
    if (key) byOwner.set(key, [...(byOwner.get(key) ?? []), o]);
  }
  for (const owned of byOwner.values()) {
    if (owned.length > LIMITS.objectivesPerOwner) {
      const owner = owned[0]!.owner;
      push(
        'tooManyObjectives',
        // an owner has no title: its name once, not "Marketing Marketing"
        { type: 'owner', id: owner, title: '' },
        owned[0]!.row,
        t.tooManyObjectives(owner, owned.length),
        { ids: owned.map((o) => o.id), rows: owned.map((o) => o.row) },
      );
    }
  }

  const ids = new Set(input.objectives.map((o) => o.id));
  const ranks = input.objectives.flatMap((o) => (o.level ? [LEVEL_RANK[o.level]] : []));
  const top = ranks.length ? Math.min(...ranks) : undefined;
  /** The objectives a level above this one: where it may be linked (at most a few, named). */
  const above = (o: ObjectiveRead) =>
    input.objectives
      .filter((p) => p.id !== o.id && p.level && (!o.level || LEVEL_RANK[p.level] < LEVEL_RANK[o.level]))
      .map((p) => p.id)
      .slice(0, 4);
  for (const o of input.objectives) {
    const about = { type: 'objective' as const, id: o.id, title: title(o.title) };
    if (o.krs.length === 0) push('noKr', about, o.row, t.noKr);
    if (o.krs.length > LIMITS.krsPerObjective)
      push('tooManyKrs', about, o.row, t.tooManyKrs(o.krs.length), { ids: o.krs.map((k) => k.id) });
    const below = o.level !== undefined && top !== undefined && LEVEL_RANK[o.level] > top;
    if (o.parent !== '' && !ids.has(o.parent))
      push('misaligned', about, o.row, t.misaligned(o.parent), { parent: o.parent, candidates: above(o) });
    else if (below && o.parent === '')
      push('misaligned', about, o.row, t.misaligned(''), { candidates: above(o) });
    for (const kr of o.krs) {
      const krAbout = { type: 'kr' as const, id: kr.id, title: title(kr.title) };
      // a row the template left for the team to fill in: one word for it, not every mistake
      if (kr.title === '' && kr.start === undefined && kr.target === undefined && kr.current === undefined) {
        push('notFilled', krAbout, kr.row, t.notFilled);
        continue;
      }
      if (kr.type !== 'milestone' && kr.target === undefined)
        push('notMeasurable', krAbout, kr.row, t.notMeasurable);
      const last = input.lastCheckIn.get(kr.id);
      const since = input.asOf - (last ?? input.quarterFirst);
      if (!input.closed && since >= LIMITS.staleDays) {
        const days = last === undefined ? undefined : since;
        push('staticMetric', krAbout, kr.row, t.staticMetric(days), days === undefined ? {} : { days });
      }
    }
  }
  for (const k of input.kpis) {
    if (k.lastValue === undefined)
      push('kpiNoValue', { type: 'kpi', id: k.id, title: title(k.name) }, k.row, t.kpiNoValue(k.lastPeriod), {
        period: k.lastPeriod,
      });
  }
  return out;
}
