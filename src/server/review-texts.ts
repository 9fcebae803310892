import type { Lang } from '../core/i18n';

/** What the review's endpoints say, in both languages. */
export const REVIEW_TEXTS = {
  en: {
    notOpen: 'This review is no longer open: open the review again from the menu.',
    sheetGone: 'The quarter sheet of this review was deleted: nothing was written.',
    alreadyFinished: (at: string, next: string) =>
      `This review was already finished on ${at} (next quarter: "${next}"): nothing was changed.`,
    noObjective: (id: string, sheet: string) =>
      `${id} is no longer an objective of "${sheet}" (its ID was changed or its row deleted): open the review again.`,
    orphans: (ids: string[]) =>
      `Answers were saved for ${ids.join(', ')}, which ${ids.length === 1 ? 'is' : 'are'} no longer in the sheet (ID changed or row deleted): give the ID back, or discard these answers.`,
    unreadable: (lines: string[], total: number) =>
      `The review can't be finished while rows of the sheet can't be read (fix them, then finish): ${lines.join(' · ')}${total > lines.length ? ` · and ${total - lines.length} more (see Health)` : ''}. Nothing was written.`,
    closedBy: (label: string, id: string) => `OKR & KPI: quarter ${label} closed by its review (${id})`,
    notClosed: (label: string) => `${label} is not closed: there is nothing to reopen.`,
    nextClosed: (label: string, at: string) =>
      `${label}, where the carried objectives would go, was closed by its review on ${at}: reopen it first (Extensions › OKR & KPI › Reopen the quarter…), or carry nothing over.`,
    reopenedLine: (at: string) => `Quarter reopened (its review of ${at} was lifted)`,
    closed: (label: string, at: string) =>
      `${label} was closed by its review on ${at}: it takes no check-in. To change it on purpose, reopen it (Extensions › OKR & KPI › Reopen the quarter).`,
    full: (kb: number) =>
      `The review's notes no longer fit in the document's storage (${kb} KB of 500 KB): shorten what went well and what to improve, then save again. Nothing was written.`,
  },
  fr: {
    notOpen: 'Cette revue n’est plus en cours\u00a0: rouvrez la revue depuis le menu.',
    sheetGone: 'La feuille du trimestre de cette revue a été supprimée\u00a0: rien n’a été écrit.',
    alreadyFinished: (at: string, next: string) =>
      `Cette revue a déjà été terminée le ${at} (trimestre suivant\u00a0: «\u00a0${next}\u00a0»)\u00a0: rien n’a changé.`,
    noObjective: (id: string, sheet: string) =>
      `${id} n’est plus un objectif de «\u00a0${sheet}\u00a0» (ID modifié ou ligne supprimée)\u00a0: rouvrez la revue.`,
    orphans: (ids: string[]) =>
      `Des réponses ont été enregistrées pour ${ids.join(', ')}, qui ${ids.length === 1 ? 'n’est' : 'ne sont'} plus dans la feuille (ID modifié ou ligne supprimée)\u00a0: rendez l’ID, ou abandonnez ces réponses.`,
    unreadable: (lines: string[], total: number) =>
      `La revue ne peut pas être terminée tant que des lignes de la feuille sont illisibles (corrigez-les, puis terminez)\u00a0: ${lines.join(' · ')}${total > lines.length ? ` · et ${total - lines.length} de plus (voir Santé)` : ''}. Rien n’a été écrit.`,
    closedBy: (label: string, id: string) => `OKR & KPI\u00a0: trimestre ${label} clos par sa revue (${id})`,
    notClosed: (label: string) => `${label} n’est pas clos\u00a0: il n’y a rien à rouvrir.`,
    nextClosed: (label: string, at: string) =>
      `${label}, où iraient les objectifs reportés, a été clos par sa revue le ${at}\u00a0: rouvrez-le d’abord (Extensions › OKR & KPI › Rouvrir le trimestre…), ou ne reportez rien.`,
    reopenedLine: (at: string) => `Trimestre rouvert (sa revue du ${at} a été levée)`,
    closed: (label: string, at: string) =>
      `${label} a été clos par sa revue le ${at}\u00a0: il ne prend plus de point de suivi. Pour le modifier volontairement, rouvrez-le (Extensions › OKR & KPI › Rouvrir le trimestre).`,
    full: (kb: number) =>
      `Les notes de la revue ne tiennent plus dans le stockage du document (${kb} Ko sur 500 Ko)\u00a0: raccourcissez ce qui a bien marché et ce qui est à améliorer, puis enregistrez à nouveau. Rien n’a été écrit.`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
