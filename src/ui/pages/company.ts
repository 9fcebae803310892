/**
 * The Company rollup dialog: the teams listed on the Company sheet, and a form to add one (its
 * name, its spreadsheet's URL, its quarter sheet). Every text from src/core/company.ts.
 */
import { COMPANY_TEXTS } from '../../core/company';
import { $, h, show, status } from '../lib/dom';
import { closeHost, type Result, run } from '../lib/run';

type State = Result<'getCompanyState'>;

function teamList(s: State) {
  const t = COMPANY_TEXTS[s.lang];
  if (s.teams.length === 0) return h('p', { class: 'muted', id: 'teams' }, t.none);
  return h(
    'ul',
    { id: 'teams' },
    ...s.teams.map((x) => h('li', {}, h('strong', {}, x.name), ` (${x.prefix}, ${x.quarter})`)),
  );
}

function form(s: State): HTMLElement {
  const t = COMPANY_TEXTS[s.lang];
  const name = h('input', { id: 'team-name', autocomplete: 'off' });
  const url = h('input', {
    id: 'team-url',
    autocomplete: 'off',
    placeholder: 'https://docs.google.com/spreadsheets/d/…',
  });
  const quarter = h('input', { id: 'team-quarter', value: s.quarter, autocomplete: 'off' });
  const line = h('p', { id: 'status', role: 'status' });
  let list = teamList(s);
  const add = h('button', { class: 'action', id: 'add-team', type: 'submit' }, t.add);
  const refresh = h('button', { type: 'button', id: 'refresh' }, t.refresh);
  const busy = async (work: () => Promise<string>) => {
    add.disabled = refresh.disabled = true;
    status(line, 'busy', t.adding);
    try {
      status(line, 'ok', await work());
    } catch (e) {
      status(line, 'error', (e as Error).message);
    } finally {
      add.disabled = refresh.disabled = false;
    }
  };
  const redraw = (teams: State['teams']) => {
    const next = teamList({ ...s, teams });
    list.replaceWith(next);
    list = next;
  };
  const el = h(
    'form',
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (!name.value.trim()) return status(line, 'error', t.noName);
        if (!url.value.trim()) return status(line, 'error', t.badUrl);
        void busy(async () => {
          const r = await run('addCompanyTeam', { name: name.value, url: url.value, quarter: quarter.value });
          redraw(r.teams);
          const added = name.value.trim();
          name.value = '';
          url.value = '';
          name.focus();
          return t.added(added);
        });
      },
    },
    h('h1', {}, t.title),
    h('p', { class: 'muted' }, t.intro),
    list,
    h('label', { for: 'team-name' }, t.teamName),
    name,
    h('label', { for: 'team-url' }, t.url),
    url,
    h('label', { for: 'team-quarter' }, t.quarter),
    quarter,
    h(
      'div',
      { class: 'buttons' },
      add,
      refresh,
      h('button', { type: 'button', onclick: () => closeHost() }, 'OK'),
    ),
    line,
  );
  refresh.addEventListener('click', () =>
    busy(async () => {
      redraw((await run('refreshCompany')).teams);
      return t.refreshed;
    }),
  );
  return el;
}

async function main() {
  const app = $('#app');
  try {
    const s = await run('getCompanyState');
    document.documentElement.lang = s.lang;
    show(app, form(s));
    $('#team-name').focus();
  } catch (e) {
    const line = h('p');
    status(line, 'error', (e as Error).message);
    show(app, line);
  }
}

void main();
