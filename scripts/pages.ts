/** The sidebar and dialogs: each src/ui/pages/<name>.html gets its client script and CSS inlined. */
export const PAGES: readonly string[] = [];

export async function buildPages(_root: string, _dist: string): Promise<void> {}
