/**
 * The alignment tree dialog: the quarter's objectives under the ones they serve, coloured by grade,
 * each with its rolled-up score; broken links, cycles and objectives linked to nothing said on their
 * row; a click selects the objective's row in the sheet. Every text from the sheet goes through
 * textContent (h), never innerHTML.
 */
import { $, h, show, status } from '../lib/dom';
import { type Result, run } from '../lib/run';
import { TREE_TEXTS } from './tree-texts';

type State = Result<'getAlignmentTree'>;
type Node = State['nodes'][number];
type Texts = (typeof TREE_TEXTS)['en'];

/** Indentation stops growing here: a chain 1000 deep stays readable (its depth is still announced). */
const MAX_INDENT = 8;

const pct = (t: Texts, x: number) => `${Math.round(x * 100)}${t.percent}`;

function markText(t: Texts, n: Node): string | undefined {
  const m = n.mark;
  if (!m) return undefined;
  if (m.kind === 'broken') return t.broken(m.parent);
  if (m.kind === 'cycle') return t.cycle(m.path);
  return t.orphan;
}

function nodeItem(t: Texts, s: State, n: Node, line: HTMLElement): HTMLElement {
  const grade = n.grade ?? 'none';
  const mark = markText(t, n);
  const meta = [
    n.level ? t.levels[n.level] : '',
    n.owner,
    n.own === undefined ? '' : t.own(pct(t, n.own)),
    n.children ? t.children(n.children) : '',
  ].filter(Boolean);
  const go = h(
    'button',
    { type: 'button', class: 'go', 'aria-label': t.goTo(n.id, n.row) },
    h(
      'span',
      { class: `score ${grade}` },
      h('strong', {}, n.score === undefined ? '—' : pct(t, n.score)),
      h('small', {}, n.grade ? t.grades[n.grade] : t.noScore),
    ),
    h(
      'span',
      { class: 'what' },
      h('span', { class: 'name' }, h('span', { class: 'id' }, n.id), ' ', n.title),
      h('span', { class: 'meta' }, meta.join(' · ')),
    ),
  );
  go.addEventListener('click', async () => {
    document.querySelector('li.current')?.classList.remove('current');
    item.classList.add('current');
    status(line, 'busy', t.going);
    try {
      const r = await run('goToObjective', { sheet: s.sheet, id: n.id });
      status(line, 'ok', t.selected(r.id, r.row, r.sheet));
    } catch (e) {
      status(line, 'error', (e as Error).message);
    }
  });
  const item = h(
    'li',
    {
      role: 'treeitem',
      'aria-level': n.depth + 1,
      class: `node ${grade}${n.mark ? ` marked ${n.mark.kind}` : ''}`,
      'data-id': n.id,
      'data-level': n.level ?? '',
      'data-depth': n.depth,
      style: `--indent: ${Math.min(n.depth, MAX_INDENT)}`,
    },
    go,
    mark ? h('p', { class: 'mark' }, mark) : null,
  );
  return item;
}

function view(s: State): HTMLElement {
  const t = TREE_TEXTS[s.lang];
  const line = h('p', { id: 'status', role: 'status' });
  const picker =
    s.quarters.length > 1
      ? h(
          'select',
          { id: 'quarter', 'aria-label': t.quarter },
          ...s.quarters.map((q) => h('option', { value: q }, q)),
        )
      : null;
  if (picker) {
    picker.value = s.sheet;
    picker.addEventListener('change', () => void load(picker.value));
  }
  const counts = t.counts(s.broken, s.cycles, s.orphans);
  return h(
    'div',
    { class: 'tree-page' },
    h(
      'div',
      { class: 'tree-head' },
      h('p', { class: 'muted' }, t.intro),
      h(
        'div',
        { class: 'row' },
        picker ?? h('strong', {}, s.quarter),
        h('button', { type: 'button', id: 'refresh', onclick: () => void load(s.sheet) }, t.refresh),
      ),
      h(
        'p',
        { class: 'levels' },
        s.levels.map((l) => `${t.levels[l.level]} ${l.count}`).join(' → '),
        ' — ',
        h('span', { class: counts ? 'warn' : 'ok' }, counts || t.allLinked),
      ),
      s.problems ? h('p', { class: 'muted' }, t.unread(s.problems)) : null,
      line,
    ),
    s.nodes.length
      ? h(
          'ul',
          { role: 'tree', class: 'tree', 'aria-label': s.quarter },
          ...s.nodes.map((n) => nodeItem(t, s, n, line)),
        )
      : h('p', {}, t.empty),
  );
}

async function load(sheet?: string): Promise<void> {
  const app = $('#app');
  try {
    const s = await run('getAlignmentTree', sheet ? { sheet } : null);
    document.documentElement.lang = s.lang;
    show(app, view(s));
  } catch (e) {
    const line = h('p');
    status(line, 'error', (e as Error).message);
    show(app, line);
  }
}

void load();
