/** The alignment tree dialog's words (French: a no-break space before : ; ? ! and %). */
export const TREE_TEXTS = {
  en: {
    intro:
      'Each objective under the one it serves, coloured by grade, with its score rolled up from its own key results and its children. Click one to select its row.',
    quarter: 'Quarter',
    refresh: 'Refresh',
    levels: { company: 'Company', department: 'Department', team: 'Team', individual: 'Individual' },
    grades: { green: 'green', yellow: 'yellow', red: 'red' },
    noScore: 'no score',
    rolledUp: 'rolled up',
    own: (pct: string) => `own key results ${pct}`,
    children: (n: number) => (n === 1 ? '1 child' : `${n} children`),
    broken: (id: string) => `Broken link: its parent ${id} is not in this quarter.`,
    cycle: (path: string) => `Cycle: ${path}. Its parents lead back to it: fix one parent ID.`,
    orphan: 'Not aligned: below the top level with no parent.',
    allLinked: 'Every objective is linked to the top.',
    counts: (broken: number, cycles: number, orphans: number) =>
      [
        broken ? `${broken} broken link${broken > 1 ? 's' : ''}` : '',
        cycles ? `${cycles} cycle${cycles > 1 ? 's' : ''}` : '',
        orphans ? `${orphans} not aligned` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    unread: (n: number) =>
      `${n === 1 ? '1 problem' : `${n} problems`} reading the sheet (an objective with a duplicate ID is not shown): the health check lists them.`,
    empty: 'No objectives in this quarter yet.',
    goTo: (id: string, row: number) => `Select ${id}, row ${row}`,
    going: 'Selecting…',
    selected: (id: string, row: number, sheet: string) => `${id} selected: row ${row} of "${sheet}".`,
    loading: 'Loading…',
    percent: '%',
  },
  fr: {
    intro:
      'Chaque objectif sous celui qu’il sert, coloré selon sa note, avec son score consolidé à partir de ses résultats clés et de ses enfants. Cliquez sur un objectif pour sélectionner sa ligne.',
    quarter: 'Trimestre',
    refresh: 'Actualiser',
    levels: { company: 'Entreprise', department: 'Département', team: 'Équipe', individual: 'Individuel' },
    grades: { green: 'vert', yellow: 'jaune', red: 'rouge' },
    noScore: 'pas de score',
    rolledUp: 'consolidé',
    own: (pct: string) => `ses résultats clés ${pct}`,
    children: (n: number) => (n === 1 ? '1 enfant' : `${n} enfants`),
    broken: (id: string) => `Lien rompu\u00a0: son parent ${id} n’est pas dans ce trimestre.`,
    cycle: (path: string) => `Cycle\u00a0: ${path}. Ses parents ramènent à lui\u00a0: corrigez un ID parent.`,
    orphan: 'Non aligné\u00a0: sous le niveau le plus haut, sans parent.',
    allLinked: 'Tous les objectifs sont reliés au sommet.',
    counts: (broken: number, cycles: number, orphans: number) =>
      [
        broken ? `${broken} lien${broken > 1 ? 's' : ''} rompu${broken > 1 ? 's' : ''}` : '',
        cycles ? `${cycles} cycle${cycles > 1 ? 's' : ''}` : '',
        orphans ? `${orphans} non aligné${orphans > 1 ? 's' : ''}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    unread: (n: number) =>
      `${n === 1 ? '1 problème' : `${n} problèmes`} à la lecture de la feuille (un objectif à l’ID en double n’est pas montré)\u00a0: le bilan de santé les liste.`,
    empty: 'Aucun objectif dans ce trimestre pour l’instant.',
    goTo: (id: string, row: number) => `Sélectionner ${id}, ligne ${row}`,
    going: 'Sélection…',
    selected: (id: string, row: number, sheet: string) =>
      `${id} sélectionné\u00a0: ligne ${row} de «\u00a0${sheet}\u00a0».`,
    loading: 'Chargement…',
    percent: '\u00a0%',
  },
};
