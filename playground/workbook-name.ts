/**
 * What a new playground workbook may be called, with the refusal in the page's language. Shared by
 * the server (which refuses) and the page (which says why before sending), so both say the same.
 */

/** Longer names would not fit the switcher's list (Sheets allows more; nobody needs it here). */
export const NAME_MAX = 80;

const TEXTS = {
  en: {
    empty: 'Name the workbook.',
    long: `A workbook's name has at most ${NAME_MAX} characters.`,
    control: "A workbook's name cannot hold a line break or a tab.",
    taken: (name: string) => `A workbook named “${name}” is already open: pick another name.`,
  },
  fr: {
    empty: 'Donnez un nom au classeur.',
    long: `Le nom d’un classeur a au plus ${NAME_MAX} caractères.`,
    control: 'Le nom d’un classeur ne peut contenir ni saut de ligne ni tabulation.',
    taken: (name: string) =>
      `Un classeur nommé «\u00a0${name}\u00a0» est déjà ouvert\u00a0: choisissez un autre nom.`,
  },
};

/** Why `name` cannot name a new workbook beside `taken`, or undefined when it can. */
export function nameProblem(name: string, taken: readonly string[], locale: string): string | undefined {
  const t = locale.toLowerCase().startsWith('fr') ? TEXTS.fr : TEXTS.en;
  const trimmed = name.trim();
  if (trimmed === '') return t.empty;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return t.control;
  if ([...trimmed].length > NAME_MAX) return t.long;
  const key = trimmed.toLocaleLowerCase();
  const same = taken.find((n) => n.trim().toLocaleLowerCase() === key);
  return same === undefined ? undefined : t.taken(same);
}
