import { $, h, show, status } from '../lib/dom';
import { closeHost, type Result, run } from '../lib/run';
import { INSERT_TEXTS } from './insert-texts';

type Options = Result<'getInsertOptions'>;
type Texts = (typeof INSERT_TEXTS)['en'];

/** The Insert button: checks the form, calls the server, says what happened, closes on success. */
function insertButton(
  t: Texts,
  line: HTMLElement,
  insert: () => string | Promise<{ sheet: string }>,
): HTMLButtonElement {
  const submit = h('button', { class: 'action', id: 'insert' }, t.insert);
  submit.addEventListener('click', async () => {
    const pending = insert();
    if (typeof pending === 'string') return status(line, 'error', pending);
    submit.disabled = true;
    status(line, 'busy', t.inserting);
    try {
      status(line, 'ok', t.inserted((await pending).sheet));
      setTimeout(closeHost, 900);
    } catch (e) {
      status(line, 'error', (e as Error).message);
      submit.disabled = false;
    }
  });
  return submit;
}
/** "Pick at least one…" goes once the user picks one: it would no longer say what is. */
function clearRefusal(line: HTMLElement, refusal: string): void {
  if (line.textContent !== refusal) return;
  line.textContent = '';
  line.className = '';
  line.removeAttribute('role');
}

const LEVELS = ['company', 'department', 'team', 'individual'] as const;

function quarterForm(o: Options) {
  const t = INSERT_TEXTS[o.lang];
  const quarter = h('select', { id: 'quarter' }, ...o.quarters.map((q) => h('option', { value: q }, q)));
  quarter.value = o.suggested;
  const fiscal = h('select', { id: 'fiscal' }, ...t.months.map((m, i) => h('option', { value: i + 1 }, m)));
  fiscal.value = String(o.fiscalStart);
  const levelBoxes = LEVELS.map((l) =>
    h('input', { type: 'checkbox', name: 'level', value: l, checked: true }),
  );
  const examples = h('input', { type: 'radio', name: 'content', value: 'examples', checked: true });
  const blank = h('input', { type: 'radio', name: 'content', value: 'blank' });
  const withKpis = h('input', { type: 'checkbox', id: 'withKpis', checked: !o.hasKpis });
  const line = h('p', { id: 'status' });
  const submit = insertButton(t, line, () => {
    const levels = levelBoxes.filter((b) => b.checked).map((b) => b.value as (typeof LEVELS)[number]);
    if (levels.length === 0) return t.pickLevel;
    return run('insertQuarter', {
      quarter: quarter.value,
      fiscalStart: Number(fiscal.value),
      levels,
      content: examples.checked ? 'examples' : 'blank',
      withKpis: examples.checked && withKpis.checked,
    });
  });
  return h(
    'form',
    {
      onsubmit: (e: Event) => e.preventDefault(),
      onchange: () => levelBoxes.some((b) => b.checked) && clearRefusal(line, t.pickLevel),
    },
    h('p', { class: 'muted' }, t.quarterIntro),
    h(
      'div',
      { class: 'row' },
      h('div', {}, h('label', { for: 'quarter' }, t.quarter), quarter),
      h('div', {}, h('label', { for: 'fiscal' }, t.fiscalStart), fiscal),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t.levels),
      ...LEVELS.map((l, i) => h('label', { class: 'inline' }, levelBoxes[i]!, t.levelNames[l])),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t.content),
      h('label', { class: 'inline' }, examples, t.examples),
      h('label', { class: 'inline' }, blank, t.blank),
    ),
    o.hasKpis ? null : h('label', { class: 'inline' }, withKpis, t.withKpis),
    h(
      'div',
      { class: 'buttons' },
      submit,
      h('button', { type: 'button', onclick: () => closeHost() }, t.cancel),
    ),
    line,
  );
}

function kpiForm(o: Options) {
  const t = INSERT_TEXTS[o.lang];
  const boxes: HTMLInputElement[] = [];
  const families = o.kpiLibrary.map((f) =>
    h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, f.name),
      ...f.kpis.map((k) => {
        const box = h('input', { type: 'checkbox', name: 'kpi', value: k.key });
        boxes.push(box);
        return h(
          'label',
          { class: 'inline' },
          box,
          `${k.name} (${k.unit}, ${k.direction === 'higher' ? t.higher : t.lower})`,
        );
      }),
    ),
  );
  const examples = h('input', { type: 'checkbox', id: 'exampleKpis' });
  const line = h('p', { id: 'status' });
  const submit = insertButton(t, line, () => {
    const kpis = boxes.filter((b) => b.checked).map((b) => b.value);
    if (kpis.length === 0 && !examples.checked) return t.pickKpi;
    return run('insertKpis', { kpis, examples: examples.checked });
  });
  return h(
    'form',
    {
      onsubmit: (e: Event) => e.preventDefault(),
      onchange: () => (boxes.some((b) => b.checked) || examples.checked) && clearRefusal(line, t.pickKpi),
    },
    h('p', { class: 'muted' }, t.kpisIntro),
    ...families,
    h('label', { class: 'inline' }, examples, t.examplesKpis),
    h(
      'div',
      { class: 'buttons' },
      submit,
      h('button', { type: 'button', onclick: () => closeHost() }, t.cancel),
    ),
    line,
  );
}

async function main() {
  const app = $('#app');
  try {
    const o = await run('getInsertOptions');
    document.documentElement.lang = o.lang;
    show(app, document.body.dataset.page === 'insert-kpis' ? kpiForm(o) : quarterForm(o));
  } catch (e) {
    const line = h('p');
    status(line, 'error', (e as Error).message);
    show(app, line);
  }
}

void main();
