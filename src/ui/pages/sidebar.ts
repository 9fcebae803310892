import { InputError } from '../../core/errors';
import { readConfidence, readTyped } from '../../core/typed';
import { $, h, show, status } from '../lib/dom';
import { type Result, run } from '../lib/run';
import { krTrendToggle, quarterTrendChart } from './sidebar-charts';
import { SIDEBAR_TEXTS, type SidebarTexts } from './sidebar-texts';

type Lang = 'en' | 'fr';
type Tab = 'checkin' | 'health' | 'review';
let lang: Lang = 'en';
const tx = (): SidebarTexts => SIDEBAR_TEXTS[lang];
/** A share as a percentage, as each language writes it (French: a no-break space before %). */
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}${lang === 'fr' ? '\u00a0%' : '%'}`;
const num = (x: number | boolean | null | undefined) =>
  x === null || x === undefined || typeof x === 'boolean'
    ? '–'
    : x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');

function tabs(active: Tab, onPick: (t: Tab) => void): HTMLElement {
  const names: Tab[] = ['checkin', 'health', 'review'];
  const bar = h('div', { class: 'tabs', role: 'tablist' });
  for (const name of names) {
    const b = h(
      'button',
      {
        role: 'tab',
        id: `tab-${name}`,
        'aria-selected': String(name === active),
        tabindex: name === active ? 0 : -1,
      },
      tx().tabs[name],
    );
    b.addEventListener('click', () => onPick(name));
    b.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
      const next = names[(names.indexOf(name) + (k === 'ArrowRight' ? 1 : names.length - 1)) % names.length]!;
      onPick(next);
      document.getElementById(`tab-${next}`)?.focus();
    });
    bar.append(b);
  }
  return bar;
}

// ——— check-in ———

/** A save's id, kept until it succeeds: a save retried after a failure is logged once. */
let pendingRequest: { id: string; what: string } | undefined;
const newRequestId = () => `C${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

type CheckInState = Result<'getCheckInState'>;
type KrState = CheckInState['objectives'][number]['krs'][number];

/** The check-in form of one KR: what it sends, or why what was typed can't be read. */
interface KrForm {
  kr: KrState;
  value?: HTMLInputElement;
  confidence: HTMLInputElement;
  comment: HTMLInputElement;
}

type Entry = { krId: string; value?: string | boolean; confidence?: string; comment?: string };

/** How a check-in tab opens: after a save, in the order it had, with what was saved said on each card. */
interface CheckInView {
  /** The KR ids in the order shown before: a save does not move cards under the user's eyes. */
  order?: string[];
  /** The KRs just saved (and whether a confidence was): their cards say so, with what the sheet holds. */
  saved?: ReadonlyMap<string, { confidence: boolean }>;
  /** The KR to focus (the one Enter was pressed in, or the health check's "Check in"). */
  focusKr?: string;
  /** Said in the live region beside the Save button. */
  message?: string;
}

/**
 * A value as the sheet shows it, with its unit when the format has none; in French, a no-break
 * space before % and € (the sheet may show "4,3%").
 */
function shownValue(k: KrState, v: string): string {
  if (v === '') return '–';
  const unit = k.percent || k.currency ? '' : k.unit;
  const text = `${v} ${unit}`.trim();
  return lang === 'fr' ? text.replace(/[ \u00a0\u202f]?([%€])/g, '\u00a0$1') : text;
}

/** A day (ISO) as the user's language writes it briefly: "Nov 12", "12 nov.". */
function dayText(iso: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-US', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * What a KR's form sends, or an error naming the KR. Values are read here by the very parser the
 * server uses (core/typed), so the user hears at once what the server would refuse; the server
 * reads the text again in the cell's own format.
 */
function entryOf(f: KrForm): Entry | string | undefined {
  const t = tx();
  const e: Entry = { krId: f.kr.id };
  if (f.value?.type === 'checkbox') {
    if (f.value.checked !== (f.kr.current === true)) e.value = f.value.checked;
  } else if (f.value && f.value.value.trim() !== '') {
    const text = f.value.value.trim();
    try {
      readTyped(text, { percent: f.kr.percent, ...(f.kr.currency ? { currency: f.kr.currency } : {}) }, lang);
    } catch (err) {
      return t.badValue(f.kr.id, err instanceof InputError ? err.text(lang) : String(err));
    }
    e.value = text;
  }
  const conf = f.confidence.value.trim();
  if (conf !== '') {
    try {
      readConfidence(conf, lang);
    } catch (err) {
      return t.badConfidence(f.kr.id, err instanceof InputError ? err.text(lang) : String(err));
    }
    e.confidence = conf;
  }
  const comment = f.comment.value.trim();
  if (comment !== '') e.comment = comment;
  return e.value === undefined && e.confidence === undefined && e.comment === undefined ? undefined : e;
}

/**
 * One KR's card, compact for a weekly update: its id and title; its score as a bar with its last
 * check-in (marked when two weeks old); its values now and the new value typed inline; confidence
 * and comment folded behind a toggle. Every KR card is built here (the KR chart hooks in here too).
 */
function krCard(k: KrState, forms: KrForm[], saved?: { confidence: boolean }): HTMLElement {
  const t = tx();
  const milestone = k.type === 'milestone';
  const sid = k.id;
  let value: HTMLInputElement | undefined;
  if (milestone)
    value = h('input', {
      type: 'checkbox',
      id: `v-${sid}`,
      checked: k.current === true,
      'aria-describedby': `u-${sid}`,
    });
  else if (!k.live)
    value = h('input', {
      type: 'text',
      class: 'value',
      inputmode: 'decimal',
      id: `v-${sid}`,
      autocomplete: 'off',
      placeholder: k.percent ? t.newPercent : t.newValue,
      'aria-label': t.valueFor(k.id),
      'aria-describedby': `u-${sid}`,
      'aria-keyshortcuts': 'Enter Alt+ArrowDown',
    });
  const confidence = h('input', {
    type: 'text',
    inputmode: 'decimal',
    id: `c-${sid}`,
    autocomplete: 'off',
    placeholder: k.confidence === null ? '' : pct(k.confidence),
  });
  const comment = h('input', { type: 'text', id: `m-${sid}`, maxlength: 1000 });
  forms.push({ kr: k, value, confidence, comment });
  const more = h(
    'div',
    { class: 'kr-more', id: `x-${sid}`, hidden: true },
    h('div', { class: 'conf' }, h('label', { for: `c-${sid}` }, t.confidence), confidence),
    h('div', { class: 'comment' }, h('label', { for: `m-${sid}` }, t.comment), comment),
  );
  // out of the Tab order: Tab goes from one KR's value to the next; Alt+↓ (or a click) opens it
  const toggle = h(
    'button',
    {
      class: 'more',
      id: `t-${sid}`,
      tabindex: -1,
      'aria-expanded': 'false',
      'aria-controls': `x-${sid}`,
      'aria-label': t.moreFor(k.id),
      title: t.moreFor(k.id),
    },
    '⋯',
  );
  const setOpen = (open: boolean, focus?: HTMLElement) => {
    more.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    focus?.focus();
  };
  toggle.addEventListener('click', () => setOpen(more.hidden === true, more.hidden ? confidence : undefined));
  value?.addEventListener('keydown', (e) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true, confidence);
    }
  });
  more.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false, value ?? toggle);
  });
  const now = milestone ? (k.current === true ? '✓' : '✗') : shownValue(k, k.shown.current);
  const target = milestone || k.shown.target === '' ? '' : shownValue(k, k.shown.target);
  // a plain unit is said once, after the target ("now 12 · target 20 publications")
  const bare = (v: string) =>
    k.percent || k.currency || !k.unit ? v : v.replace(new RegExp(` ${k.unit}$`), '');
  const last = k.lastCheckIn
    ? h(
        'span',
        { class: k.stale ? 'last stale' : 'last', id: `l-${sid}`, 'data-date': k.lastCheckIn },
        k.stale ? '⚠ ' : '',
        t.lastCheckIn(dayText(k.lastCheckIn)),
      )
    : h('span', { class: 'last stale', id: `l-${sid}`, 'data-date': '' }, `⚠ ${t.neverCheckedIn}`);
  return h(
    'div',
    { class: k.stale ? 'kr is-stale' : 'kr', 'data-kr': k.id },
    h('div', { class: 'kr-head', title: k.title }, h('strong', {}, k.id), ' ', h('span', {}, k.title)),
    h('div', { class: 'kr-meta' }, progress(k.score), last),
    h(
      'div',
      { class: 'kr-entry' },
      h(
        'span',
        { class: 'muted now', id: `u-${sid}` },
        `${t.now} `,
        h('span', { class: 'now-value' }, target ? bare(now) : now),
        target ? ` · ${t.target} ${target}` : '',
      ),
      milestone && value ? h('label', { class: 'inline done' }, value, t.done) : (value ?? null),
      k.live ? h('span', { class: 'live', title: t.live }, t.fromFormula) : null,
      toggle,
    ),
    more,
    krTrendToggle(k, lang),
    h('p', { class: 'field-error', id: `e-${sid}`, role: 'alert', hidden: true }),
    saved
      ? h(
          'p',
          { class: 'saved-note', id: `s-${sid}` },
          `✓ ${t.savedNote}${t.colon}${now}`,
          k.confidence === null
            ? ''
            : ` · ${t.confidenceWord.replace(/[\s\u00a0]*:$/, '')} ${pct(k.confidence)}`,
        )
      : null,
  );
}

/** What was wrong with a KR's typing, said under its own fields, where the user is looking. */
function fieldError(f: KrForm, message: string | undefined): void {
  const el = document.getElementById(`e-${f.kr.id}`);
  for (const input of [f.value, f.confidence]) input?.removeAttribute('aria-invalid');
  if (!el) return;
  el.hidden = message === undefined;
  el.textContent = message ?? '';
  if (message === undefined) return;
  const onConfidence = message.includes(tx().confidenceWord);
  const bad = onConfidence ? f.confidence : (f.value ?? f.confidence);
  if (bad === f.confidence) {
    document.getElementById(`x-${f.kr.id}`)?.removeAttribute('hidden');
    document.getElementById(`t-${f.kr.id}`)?.setAttribute('aria-expanded', 'true');
  }
  bad.setAttribute('aria-invalid', 'true');
  bad.focus();
  el.scrollIntoView({ block: 'nearest' });
}

/** Sorts by the place each id had in `order` (ids not there keep theirs, after). */
function byOrder<T>(items: T[], id: (x: T) => string, order: readonly string[] | undefined): T[] {
  if (!order) return items;
  const rank = (x: T) => {
    const i = order.indexOf(id(x));
    return i < 0 ? order.length : i;
  };
  return items
    .map((x, i) => [x, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([x]) => x);
}

async function checkInTab(panel: HTMLElement, sheet?: string, view: CheckInView = {}): Promise<void> {
  // no argument rather than undefined: google.script.run sends an undefined argument as null
  const s = await (sheet ? run('getCheckInState', { sheet }) : run('getCheckInState'));
  lang = s.lang;
  const t = tx();
  // the live region is in the page before its message is set: screen readers announce the change
  const line = h('p', { id: 'checkin-status', role: 'status', 'aria-live': 'polite' });
  const forms: KrForm[] = [];
  const picker = h(
    'select',
    { id: 'quarter-sheet', 'aria-label': t.quarterSheet },
    ...s.quarters.map((q) => h('option', { value: q }, q)),
  );
  picker.value = s.sheet;
  picker.addEventListener('change', () => void checkInTab(panel, picker.value));
  const reload = () => void checkInTab(panel, s.sheet);
  const writable = !s.opensOn && !s.closed;
  // an owner's weekly update: their key results only (remembered for this user, in this file); a
  // KR's owner is its own, else its objective's. Only owners the filter shows something for are
  // offered: an objective's owner whose KRs all have owners of their own would show an empty list
  const owners = [
    ...new Set(
      s.objectives
        .flatMap((o) => (o.krs.length ? o.krs.map((k) => k.owner) : [o.owner]))
        .filter((x) => x !== ''),
    ),
  ].sort();
  const ownerPick =
    owners.length > 1
      ? h(
          'select',
          { id: 'owner-filter' },
          h('option', { value: '' }, t.allOwners),
          ...owners.map((o) => h('option', { value: o }, o)),
        )
      : null;
  if (ownerPick) ownerPick.value = s.ownerFilter && owners.includes(s.ownerFilter) ? s.ownerFilter : '';
  const krVisible = (k: KrState) => !ownerPick?.value || k.owner === ownerPick.value;
  const visible = (o: (typeof s.objectives)[number]) =>
    !ownerPick?.value ||
    !o.found ||
    o.krs.some(krVisible) ||
    (o.krs.length === 0 && o.owner === ownerPick.value);
  // stale first when the tab opens; after a save, the order the user had
  const krOrder = view.order;
  const objectives = byOrder(
    s.objectives.map((o) => ({ ...o, krs: byOrder(o.krs, (k) => k.id, krOrder) })),
    (o) => o.krs[0]?.id ?? '',
    krOrder,
  );
  const cards = objectives.map((o) =>
    h(
      'section',
      { class: o.found ? 'card' : 'card stray', 'data-objective': o.id, hidden: !visible(o) },
      h('h3', {}, o.found ? `${o.id} · ${o.title}` : o.title),
      o.found ? null : h('p', { class: 'status error' }, t.strayGroup),
      ...o.krs.map((k) => krCard(k, forms, view.saved?.get(k.id))),
    ),
  );
  const showOwner = () =>
    objectives.forEach((o, i) => {
      cards[i]!.hidden = !visible(o);
      for (const k of o.krs) {
        const card = cards[i]!.querySelector<HTMLElement>(`.kr[data-kr="${CSS.escape(k.id)}"]`);
        if (card) card.hidden = o.found && !krVisible(k);
      }
    });
  showOwner();
  ownerPick?.addEventListener('change', () => {
    showOwner();
    void run('setOwnerFilter', { owner: ownerPick.value || null });
  });
  const list = h(
    'div',
    { class: 'kr-list', id: 'kr-list' },
    ...(cards.length ? cards : [h('p', {}, t.noKr)]),
  );
  let lastKr: string | undefined;
  list.addEventListener('focusin', (e) => {
    lastKr = (e.target as HTMLElement).closest<HTMLElement>('.kr')?.dataset.kr ?? lastKr;
  });
  const save = h('button', { class: 'action', id: 'save-checkin' }, t.save);
  const saveAll = async () => {
    if (save.disabled) return;
    const entries: Entry[] = [];
    for (const f of forms) {
      const e = entryOf(f);
      fieldError(f, typeof e === 'string' ? e : undefined);
      if (typeof e === 'string') return status(line, 'error', e);
      if (e) entries.push(e);
    }
    if (entries.length === 0) return status(line, 'error', t.nothing);
    save.disabled = true;
    status(line, 'busy', t.saving);
    // the same save retried keeps its id (logged once); a save changed since gets a new one
    const what = JSON.stringify([s.sheet, entries]);
    if (pendingRequest?.what !== what) pendingRequest = { id: newRequestId(), what };
    try {
      const r = await run('checkIn', { sheet: s.sheet, requestId: pendingRequest.id, entries });
      pendingRequest = undefined;
      const ids = new Map(entries.map((e) => [e.krId, { confidence: e.confidence !== undefined }]));
      await checkInTab(panel, s.sheet, {
        order: objectives.flatMap((o) => o.krs.map((k) => k.id)),
        saved: ids,
        focusKr: lastKr && ids.has(lastKr) ? lastKr : entries[0]!.krId,
        message: t.saved(r.updated),
      });
    } catch (e) {
      status(line, 'error', (e as Error).message);
      save.disabled = false;
    }
  };
  save.addEventListener('click', () => void saveAll());
  // Enter in any field of any KR saves everything typed: one save for the whole weekly update
  list.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || target.tagName !== 'INPUT' || !target.closest('.kr')) return;
    e.preventDefault();
    void saveAll();
  });
  if (s.opensOn || s.closed) save.disabled = true;
  const stale = s.objectives.some((o) => o.krs.some((k) => k.stale));
  show(
    panel,
    s.quarters.length > 1 ? h('div', {}, h('label', { for: 'quarter-sheet' }, t.quarterSheet), picker) : null,
    h('p', { class: 'muted' }, `${s.quarter} · ${t.asOf(s.asOf)}`),
    ownerPick
      ? h(
          'div',
          { class: 'checkin-top' },
          h('label', { class: 'inline owner', for: 'owner-filter' }, t.ownerFilter),
          ownerPick,
        )
      : null,
    s.opensOn ? h('p', { class: 'status', id: 'opens-on' }, t.opensOn(s.quarter, s.opensOn)) : null,
    s.closed ? h('p', { class: 'status', id: 'closed' }, s.closed) : null,
    s.problems ? h('p', { class: 'status error' }, t.problems(s.problems)) : null,
    writable && forms.length ? h('p', { class: 'muted hint', id: 'checkin-hint' }, t.keys) : null,
    stale ? h('p', { class: 'muted stale', id: 'stale-legend' }, t.staleFirst) : null,
    writable ? liveBlock(s, line, (message) => void checkInTab(panel, s.sheet, { message })) : null,
    list,
    writable
      ? addKrForm(
          s.sheet,
          objectives.filter((o) => o.found),
          reload,
        )
      : null,
    writable ? addObjectiveForm(s.sheet, reload) : null,
    h('div', { class: 'buttons sticky' }, save, line),
  );
  const focusCard = view.focusKr
    ? panel.querySelector<HTMLElement>(`.kr[data-kr="${CSS.escape(view.focusKr)}"]`)
    : null;
  if (focusCard) {
    const section = focusCard.closest<HTMLElement>('section');
    if (section?.hidden) section.hidden = false; // asked for by name: shown even when filtered out
    (focusCard.querySelector<HTMLElement>('input') ?? focusCard).focus({ preventScroll: true });
    focusCard.scrollIntoView({ block: 'nearest' });
  }
  if (view.message) {
    const message = view.message;
    requestAnimationFrame(() => status(line, 'ok', message));
  }
}

/** A click's id, kept until it succeeds: a record retried after a failure logs nothing twice. */
let pendingLive: string | undefined;

/**
 * Live key results (a Current that is a formula): one button logs what their formulas show now,
 * and a checkbox turns the opening-time recording on or off for the file. Shown only when the
 * quarter has a live KR.
 */
function liveBlock(
  s: CheckInState,
  line: HTMLElement,
  reload: (message: string) => void,
): HTMLElement | null {
  if (!s.objectives.some((o) => o.krs.some((k) => k.live))) return null;
  const t = tx();
  const button = h('button', { id: 'record-live', title: t.recordLiveHint }, t.recordLive);
  const auto = h('input', { type: 'checkbox', id: 'live-on-open' }) as HTMLInputElement;
  auto.checked = s.liveOnOpen;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status(line, 'busy', t.saving);
    pendingLive ??= `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    try {
      const r = await run('recordLiveValues', { sheet: s.sheet, requestId: pendingLive });
      pendingLive = undefined;
      reload(r.message);
    } catch (e) {
      status(line, 'error', (e as Error).message);
      button.disabled = false;
    }
  });
  auto.addEventListener('change', async () => {
    try {
      const r = await run('setLiveOnOpen', { on: auto.checked });
      status(line, 'ok', r.message);
    } catch (e) {
      auto.checked = !auto.checked;
      status(line, 'error', (e as Error).message);
    }
  });
  return h(
    'div',
    { class: 'live-values', id: 'live-values' },
    button,
    h('label', { class: 'inline', for: 'live-on-open' }, auto, ` ${t.liveOnOpen}`),
  );
}

/**
 * A small form at the end of the list that adds a row to the sheet (a key result, an objective):
 * folded behind one button, so the weekly check-in stays short and Tab goes from KR to KR.
 */
function addForm(
  label: string,
  id: string,
  fields: { key: string; label: string; mode?: string; options?: { value: string; label: string }[] }[],
  send: (values: Record<string, string>) => Promise<unknown>,
  reload: () => void,
): HTMLElement {
  const t = tx();
  const open = h('button', { class: 'link', id: `add-${id}`, 'aria-expanded': 'false' }, `+ ${label}`);
  const inputs = fields.map((f) =>
    f.options
      ? h(
          'select',
          { id: `${id}-${f.key}` },
          ...f.options.map((o) => h('option', { value: o.value }, o.label)),
        )
      : h('input', {
          type: 'text',
          id: `${id}-${f.key}`,
          ...(f.mode ? { inputmode: f.mode } : {}),
          autocomplete: 'off',
        }),
  );
  const line = h('p', {});
  const ok = h('button', { class: 'action', id: `${id}-add` }, t.add);
  const body = h(
    'div',
    { class: 'add-form', hidden: true },
    ...fields.flatMap((f, i) => [h('label', { for: `${id}-${f.key}` }, f.label), inputs[i]!]),
    h('div', { class: 'buttons' }, ok),
    line,
  );
  open.addEventListener('click', () => {
    body.hidden = !body.hidden;
    open.setAttribute('aria-expanded', String(!body.hidden));
    if (!body.hidden) inputs[0]?.focus();
  });
  ok.addEventListener('click', async () => {
    ok.disabled = true;
    status(line, 'busy', t.saving);
    try {
      await send(Object.fromEntries(fields.map((f, i) => [f.key, inputs[i]!.value])));
      reload();
    } catch (e) {
      status(line, 'error', (e as Error).message);
      ok.disabled = false;
    }
  });
  return h('div', { class: 'add' }, open, body);
}

function addKrForm(
  sheet: string,
  objectives: { id: string; title: string }[],
  reload: () => void,
): HTMLElement | null {
  if (objectives.length === 0) return null;
  const t = tx();
  return addForm(
    t.addKr,
    'kr',
    [
      {
        key: 'objective',
        label: t.objectiveTitle,
        options: objectives.map((o) => ({ value: o.id, label: `${o.id} · ${o.title}` })),
      },
      { key: 'title', label: t.krTitle },
      { key: 'start', label: t.startCol, mode: 'decimal' },
      { key: 'target', label: t.targetCol, mode: 'decimal' },
      { key: 'unit', label: t.unit },
    ],
    (v) =>
      run('addKeyResult', {
        sheet,
        objectiveId: v.objective!,
        kr: { title: v.title!, start: v.start!, target: v.target!, unit: v.unit! },
      }),
    reload,
  );
}

function addObjectiveForm(sheet: string, reload: () => void): HTMLElement {
  const t = tx();
  return addForm(
    t.addObjective,
    'objective',
    [
      { key: 'title', label: t.objectiveTitle },
      { key: 'owner', label: t.owner },
    ],
    (v) => run('addObjective', { sheet, objective: { title: v.title!, owner: v.owner! } }),
    reload,
  );
}

// ——— health ———

type Finding = Result<'getHealth'>['findings'][number];

/**
 * What a finding offers: its row selected in the sheet, and, for a KR left without a check-in, its
 * card in the check-in tab. What happened is said beside the buttons.
 */
function findingActions(f: Finding, i: number, quarterSheet: string): HTMLElement | null {
  const t = tx();
  const said = h('span', { class: 'muted', id: `said-${i}`, role: 'status' });
  const go = f.row && f.sheet ? h('button', { class: 'link', id: `go-${i}` }, t.goToRow(f.row)) : null;
  go?.addEventListener('click', async () => {
    try {
      await run('selectRow', { sheet: f.sheet, row: f.row! });
      status(said, 'ok', t.selected(f.row!, f.sheet));
    } catch (e) {
      status(said, 'error', (e as Error).message);
    }
  });
  const checkIn =
    f.kind === 'staticMetric' && f.about.type === 'kr'
      ? h('button', { class: 'link', id: `ci-${i}` }, t.checkInKr(f.about.id))
      : null;
  checkIn?.addEventListener(
    'click',
    () => void open('checkin', { sheet: quarterSheet, focusKr: f.about.id }),
  );
  if (!go && !checkIn) return null;
  return h('div', { class: 'finding-actions' }, go, checkIn, said);
}

async function healthTab(panel: HTMLElement, sheet?: string): Promise<void> {
  const s = await (sheet ? run('getHealth', { sheet }) : run('getHealth'));
  lang = s.lang;
  const t = tx();
  const again = h('button', { id: 'recheck' }, t.recheck);
  again.addEventListener('click', () => void healthTab(panel, s.sheet));
  show(
    panel,
    quarterPicker(s.quarters, s.sheet, (x) => void healthTab(panel, x)),
    h('h1', {}, `${t.healthTitle} — ${s.quarter}`),
    h('p', { class: 'muted' }, t.healthIntro),
    s.findings.length === 0
      ? h('p', { class: 'status ok' }, t.healthy)
      : h(
          'ul',
          { class: 'findings', id: 'findings' },
          ...s.findings.map((f, i) =>
            h(
              'li',
              { 'data-kind': f.kind, 'data-about': f.about.id, ...(f.row ? { 'data-row': f.row } : {}) },
              h('strong', {}, `${f.about.id} `),
              f.about.type === 'owner' ? null : f.about.title,
              h('div', {}, f.message),
              h('div', { class: 'muted fix' }, `${t.fix} ${f.fix}`),
              findingActions(f, i, s.sheet),
            ),
          ),
        ),
    s.computed.length ? h('h2', {}, t.computedProblems) : null,
    s.computed.length
      ? h('ul', { class: 'findings', id: 'computed' }, ...s.computed.map((c) => h('li', {}, c)))
      : null,
    s.repair ? h('p', { class: 'muted' }, s.repair) : null,
    s.repair ? h('div', { class: 'buttons' }, repairButton(panel, s.sheet)) : null,
    s.problems.length ? h('h2', {}, t.sheetProblems) : null,
    s.problems.length
      ? h('ul', { class: 'findings', id: 'problems' }, ...s.problems.map((p) => h('li', {}, p)))
      : null,
    h('div', { class: 'buttons' }, again),
  );
}

/** Repair the sheet: its computed columns back, what was typed in them kept in notes. */
function repairButton(panel: HTMLElement, sheet: string): HTMLElement {
  const t = tx();
  const b = h('button', { class: 'action', id: 'repair' }, t.repair);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const r = await run('repairSheet', { sheet });
      await healthTab(panel, sheet);
      status(panel.appendChild(h('p', { id: 'repaired' })), 'ok', t.repaired(r.restored.join(', '), r.moved));
    } catch (e) {
      status(panel.appendChild(h('p', {})), 'error', (e as Error).message);
      b.disabled = false;
    }
  });
  return b;
}

// ——— review ———

type ReviewState = Result<'getReviewState'>;
type Answer = ReviewState['answers'][number];

/** The quarter picker of a tab: another quarter's sheet opens the same tab on it. */
function quarterPicker(
  quarters: readonly string[],
  current: string,
  open: (sheet: string) => void,
): HTMLElement | null {
  if (quarters.length < 2) return null;
  const t = tx();
  const picker = h(
    'select',
    { id: 'quarter-sheet', 'aria-label': t.quarterSheet },
    ...quarters.map((q) => h('option', { value: q }, q)),
  );
  picker.value = current;
  picker.addEventListener('change', () => open(picker.value));
  return h('div', {}, h('label', { for: 'quarter-sheet' }, t.quarterSheet), picker);
}

async function reviewTab(panel: HTMLElement, sheet?: string): Promise<void> {
  const s = await (sheet ? run('getReviewState', { sheet }) : run('getReviewState'));
  lang = s.lang;
  const answers = new Map<string, Answer>(s.answers.map((a) => [a.objectiveId, a]));
  const saved = new Set(s.saved);
  const objectives = s.summary.objectives;
  const render = (step: number): void => {
    if (s.finished) finishedView(panel, s, answers, s.finished);
    else if (step === 0) summaryView(panel, s, render, saved.size > 0);
    else if (step > objectives.length) recapView(panel, s, answers, render);
    else
      objectiveView(panel, s, step, answers, async (a, go) => {
        answers.set(a.objectiveId, a);
        await run('saveReviewStep', { reviewId: s.reviewId, answer: a });
        saved.add(a.objectiveId);
        render(go);
      });
  };
  // a review left half-way resumes at the first objective not saved yet
  const firstUnsaved = objectives.findIndex((o) => !saved.has(o.id));
  render(saved.size === 0 ? 0 : firstUnsaved < 0 ? objectives.length + 1 : firstUnsaved + 1);
}

/** "2 greens · 1 yellow · 0 reds": each count with its grade, plural when more than one. */
function spreadText(spread: Record<'green' | 'yellow' | 'red', number>, sep: string): string {
  const t = tx();
  return (['green', 'yellow', 'red'] as const)
    .map((g) => `${spread[g]} ${spread[g] > 1 ? t.gradesPlural[g] : t.grades[g]}`)
    .join(sep);
}

/** A KR's score as a bar (the sheet's own score, not computed here), with its percentage. */
function progress(score: number | null): HTMLElement {
  const width = score === null ? 0 : Math.max(0, Math.min(1, score)) * 100;
  return h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-label': tx().score,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      ...(score === null ? { 'aria-valuetext': tx().noScore } : { 'aria-valuenow': Math.round(score * 100) }),
    },
    h(
      'span',
      { class: 'track' },
      h('span', { class: score === null ? 'fill none' : 'fill', style: `width:${width}%` }),
    ),
    h('span', { class: 'pct', 'aria-hidden': 'true' }, pct(score)),
  );
}

/** A grade as a coloured chip; no grade says so (`empty`: no score yet, or no grade given). */
function gradeChip(g: string | undefined | null, empty = tx().noScore): HTMLElement {
  return g
    ? h('span', { class: `chip ${g}` }, tx().grades[g as 'green'])
    : h('span', { class: 'muted' }, empty);
}

function summaryView(panel: HTMLElement, s: ReviewState, go: (n: number) => void, resume: boolean): void {
  const t = tx();
  const sum = s.summary;
  const total = sum.spread.green + sum.spread.yellow + sum.spread.red || 1;
  const start = h('button', { class: 'action', id: 'start-review' }, resume ? t.resume : t.start);
  start.addEventListener('click', () => go(resume ? Math.max(1, s.saved.length + 1) : 1));
  show(
    panel,
    quarterPicker(s.quarters, s.sheet, (sheet) => void reviewTab(panel, sheet)),
    h('h1', {}, t.reviewTitle(sum.quarter)),
    s.early ? h('p', { class: 'status', id: 'early' }, t.early(s.early)) : null,
    h('p', {}, `${t.overall}${t.colon}`, h('strong', { id: 'overall' }, pct(sum.overall))),
    quarterTrendChart(s.trend, lang),
    h('h2', {}, t.spread),
    h(
      'div',
      {
        class: 'bar',
        role: 'img',
        'aria-label': spreadText(sum.spread, ', '),
      },
      ...(['green', 'yellow', 'red'] as const).map((g) =>
        h('span', { class: g, style: `width:${(100 * sum.spread[g]) / total}%` }),
      ),
    ),
    h('p', { class: 'muted', id: 'spread' }, spreadText(sum.spread, ' · ')),
    h('h2', {}, t.objectives),
    ...sum.objectives.map((o) =>
      h(
        'div',
        { class: 'card', 'data-objective': o.id },
        h('h3', {}, `${o.id} · ${o.title}`),
        h(
          'div',
          {},
          `${t.score}${t.colon}${pct(o.score)} `,
          gradeChip(o.grade),
          ` · ${t.lowestConfidence} ${pct(o.confidence)}`,
        ),
        o.pace
          ? h(
              'div',
              { class: 'muted' },
              `${t.status[o.pace.status]} — ${t.pace(pct(o.pace.actual), pct(o.pace.expected))}`,
            )
          : null,
      ),
    ),
    sum.kpisOutOfBand.length ? h('h2', {}, t.kpisOut) : null,
    sum.kpisOutOfBand.length
      ? h(
          'ul',
          { class: 'findings' },
          ...sum.kpisOutOfBand.map((k) => h('li', {}, gradeChip(k.status), ` ${k.name}`)),
        )
      : null,
    sum.findings.length ? h('p', { class: 'muted' }, t.findings(sum.findings.length)) : null,
    blockingView(s),
    h('div', { class: 'buttons' }, start),
  );
}

/**
 * Why the review can't be finished yet: the rows to fix (the sheet says which), and answers saved
 * for objectives no longer in the sheet, which go only at the user's word.
 */
function blockingView(s: ReviewState): HTMLElement | null {
  if (s.blocking.length === 0) return null;
  const t = tx();
  const line = h('p', {});
  const discard = s.orphans.length ? h('button', { id: 'discard-orphans' }, t.discard) : null;
  discard?.addEventListener('click', async () => {
    discard.disabled = true;
    try {
      await run('discardReviewAnswers', {
        reviewId: s.reviewId,
        objectiveIds: s.orphans.map((a) => a.objectiveId),
      });
      await reviewTab($('#panel'));
    } catch (e) {
      status(line, 'error', (e as Error).message);
      discard.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'card blocking', id: 'blocking' },
    h('h2', {}, t.cannotFinish),
    h('ul', { class: 'findings' }, ...s.blocking.map((b) => h('li', {}, b))),
    s.orphans.length
      ? h(
          'ul',
          { class: 'findings', id: 'orphans' },
          ...s.orphans.map((a) =>
            h(
              'li',
              {},
              h('strong', {}, a.objectiveId),
              ` · ${a.grade ? t.grades[a.grade] : t.noGrade} · ${t.decisions[a.decision]}`,
              h('div', { class: 'muted' }, a.wentWell),
              h('div', { class: 'muted' }, a.toImprove),
            ),
          ),
        )
      : null,
    discard ? h('div', { class: 'buttons' }, discard) : null,
    line,
  );
}

function objectiveView(
  panel: HTMLElement,
  s: ReviewState,
  step: number,
  answers: Map<string, Answer>,
  save: (a: Answer, go: number) => Promise<void>,
): void {
  const t = tx();
  const o = s.summary.objectives[step - 1]!;
  const a = answers.get(o.id)!;
  const grade = h(
    'select',
    { id: 'grade' },
    // no grade is made up for an objective with no score: the user picks one, or leaves it blank
    h('option', { value: '' }, t.noGrade),
    ...(['green', 'yellow', 'red'] as const).map((g) => h('option', { value: g }, t.grades[g])),
  );
  grade.value = a.grade;
  const wentWell = h('textarea', { id: 'went-well', maxlength: 1000 });
  wentWell.value = a.wentWell;
  const toImprove = h('textarea', { id: 'to-improve', maxlength: 1000 });
  toImprove.value = a.toImprove;
  const decisions = (['carry_over', 'close', 'drop'] as const).map((d) =>
    h('input', { type: 'radio', name: 'decision', value: d, checked: a.decision === d }),
  );
  const line = h('p', {});
  const collect = (): Answer => ({
    objectiveId: o.id,
    grade: grade.value as Answer['grade'],
    wentWell: wentWell.value,
    toImprove: toImprove.value,
    decision: (decisions.find((d) => d.checked)?.value ?? 'carry_over') as Answer['decision'],
  });
  const move = async (to: number) => {
    status(line, 'busy', t.saving);
    try {
      await save(collect(), to);
    } catch (e) {
      status(line, 'error', (e as Error).message);
    }
  };
  const back = h('button', { id: 'back' }, t.back);
  back.addEventListener('click', () => void move(step - 1));
  const next = h('button', { class: 'action', id: 'next' }, t.next);
  next.addEventListener('click', () => void move(step + 1));
  show(
    panel,
    h('p', { class: 'muted' }, t.step(step, s.summary.objectives.length)),
    h('h1', {}, `${o.id} · ${o.title}`),
    h('p', {}, t.computed(pct(o.score), o.grade ? t.grades[o.grade] : t.noScore)),
    h(
      'table',
      { class: 'krs', id: 'step-krs' },
      h(
        'thead',
        {},
        h('tr', {}, ...[t.kr, t.startCol, t.targetCol, t.lastCol, t.score].map((x) => h('th', {}, x))),
      ),
      h(
        'tbody',
        {},
        ...o.krs.map((k) =>
          h(
            'tr',
            {},
            h('td', { title: k.title }, k.id),
            h('td', {}, k.shown.start || num(k.start)),
            h('td', {}, k.shown.target || num(k.target)),
            h(
              'td',
              {},
              typeof k.current === 'boolean' ? (k.current ? '✓' : '✗') : k.shown.current || num(k.current),
            ),
            h('td', {}, pct(k.score)),
          ),
        ),
      ),
    ),
    h('label', { for: 'grade' }, t.finalGrade),
    grade,
    h('label', { for: 'went-well' }, t.wentWell),
    wentWell,
    h('label', { for: 'to-improve' }, t.toImprove),
    toImprove,
    h(
      'fieldset',
      {},
      h('legend', {}, t.decision),
      ...decisions.map((d) =>
        h(
          'label',
          { class: 'decision' },
          d,
          h(
            'span',
            {},
            h('strong', {}, t.decisions[d.value as 'close']),
            ' — ',
            t.decisionHelp[d.value as 'close'],
          ),
        ),
      ),
    ),
    h('div', { class: 'buttons' }, back, next),
    line,
  );
  wentWell.focus();
}

function recapView(
  panel: HTMLElement,
  s: ReviewState,
  answers: Map<string, Answer>,
  go: (n: number) => void,
): void {
  const t = tx();
  const line = h('p', { id: 'finish-status' });
  const carried = s.summary.objectives.filter((o) => answers.get(o.id)?.decision === 'carry_over').length;
  const finish = h('button', { class: 'action', id: 'finish' }, t.finish);
  const confirm = h('div', { class: 'card confirm', id: 'confirm', hidden: true });
  const yes = h('button', { class: 'action', id: 'confirm-finish' }, t.confirmFinish);
  const no = h('button', { id: 'cancel-finish' }, t.cancel);
  confirm.append(
    s.early ? h('p', { class: 'status error' }, t.early(s.early)) : '',
    h('p', {}, t.willWrite(s.summary.objectives.length, s.sheet, carried)),
    h('div', { class: 'buttons' }, no, yes),
  );
  finish.disabled = s.blocking.length > 0;
  finish.addEventListener('click', () => {
    confirm.hidden = false;
    finish.disabled = true;
    yes.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    finish.disabled = false;
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    back.disabled = true;
    status(line, 'busy', t.finishing);
    try {
      const r = await run('finishReview', { reviewId: s.reviewId, sheet: s.sheet });
      finishedView(panel, s, answers, r);
    } catch (e) {
      status(line, 'error', (e as Error).message);
      confirm.hidden = true;
      finish.disabled = s.blocking.length > 0;
      yes.disabled = false;
      no.disabled = false;
      back.disabled = false;
    }
  });
  const back = h('button', { id: 'back' }, t.back);
  back.addEventListener('click', () => go(s.summary.objectives.length));
  show(
    panel,
    h('h1', {}, t.recap),
    h('p', { class: 'muted' }, t.recapIntro),
    h(
      'ul',
      { class: 'findings', id: 'recap' },
      ...s.summary.objectives.map((o) => {
        const a = answers.get(o.id)!;
        return h(
          'li',
          {},
          `${o.id} · ${o.title}${t.colon}`,
          gradeChip(a.grade, t.noGrade),
          ` · ${t.decisions[a.decision]}`,
        );
      }),
    ),
    blockingView(s),
    h('div', { class: 'buttons' }, back, finish),
    confirm,
    line,
  );
}

type Finished = NonNullable<ReviewState['finished']> & { alreadyFinished?: boolean };

/** After the finish (or opening a finished review): what was recorded, read-only. */
function finishedView(panel: HTMLElement, s: ReviewState, answers: Map<string, Answer>, f: Finished): void {
  const t = tx();
  const line = h('p', { id: 'reopen-status' });
  const reopen = h('button', { id: 'reopen' }, t.reopen);
  const ask = h('div', { class: 'card confirm', id: 'reopen-confirm', hidden: true });
  const yes = h('button', { class: 'action', id: 'confirm-reopen' }, t.confirmReopen);
  const no = h('button', { id: 'cancel-reopen' }, t.cancel);
  ask.append(h('p', {}, t.reopenAsk(s.sheet)), h('div', { class: 'buttons' }, no, yes));
  reopen.addEventListener('click', () => {
    ask.hidden = false;
    reopen.disabled = true;
    yes.focus();
  });
  no.addEventListener('click', () => {
    ask.hidden = true;
    reopen.disabled = false;
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    status(line, 'busy', t.saving);
    try {
      await run('reopenQuarter', { sheet: s.sheet });
      await reviewTab(panel, s.sheet);
      status($('#panel').appendChild(h('p', {})), 'ok', t.reopened(s.sheet));
    } catch (e) {
      status(line, 'error', (e as Error).message);
      yes.disabled = false;
    }
  });
  const roll = s.kpiRoll
    ? h('button', { id: 'roll-kpis' }, t.rollKpis(s.kpiRoll.months.length, s.kpiRoll.until))
    : null;
  roll?.addEventListener('click', async () => {
    roll.disabled = true;
    try {
      const r = await run('rollKpis', { until: s.kpiRoll!.until });
      roll.replaceWith(h('p', { class: 'status ok', id: 'rolled' }, t.rolled(r.months.join(', '), r.sheet)));
    } catch (e) {
      status(line, 'error', (e as Error).message);
      roll.disabled = false;
    }
  });
  show(
    panel,
    quarterPicker(s.quarters, s.sheet, (sheet) => void reviewTab(panel, sheet)),
    h('h1', {}, t.reviewTitle(s.summary.quarter)),
    h(
      'p',
      { class: 'status ok', id: 'finish-status' },
      f.alreadyFinished === false ? t.finished(f.rows, f.nextSheet) : t.finishedAt(f.at, f.nextSheet),
    ),
    f.renamed?.length
      ? h(
          'p',
          { class: 'muted', id: 'renamed' },
          t.renamed(f.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')),
        )
      : null,
    f.achieved?.length ? h('p', { class: 'muted', id: 'achieved' }, t.achieved(f.achieved.join(', '))) : null,
    f.unlinked?.length
      ? h(
          'p',
          { class: 'muted', id: 'unlinked' },
          t.unlinked(f.unlinked.map((u) => `${u.id} (${u.parent})`).join(', ')),
        )
      : null,
    h(
      'ul',
      { class: 'findings', id: 'recap' },
      ...s.summary.objectives.map((o) => {
        const a = answers.get(o.id) ?? s.answers.find((x) => x.objectiveId === o.id)!;
        return h(
          'li',
          {},
          `${o.id} · ${o.title}${t.colon}`,
          gradeChip(a.grade, t.noGrade),
          ` · ${t.decisions[a.decision]}`,
        );
      }),
    ),
    roll ? h('div', { class: 'buttons' }, roll) : null,
    h('div', { class: 'buttons' }, reopen),
    ask,
    line,
  );
}

// ——— shell ———

/** Opens a tab; the check-in may open on a quarter with a KR's card focused (from the health check). */
async function open(tab: Tab, at: { sheet?: string; focusKr?: string } = {}): Promise<void> {
  const app = $('#app');
  const panel = h(
    'div',
    { role: 'tabpanel', id: 'panel', 'aria-labelledby': `tab-${tab}` },
    h('p', { class: 'muted' }, tx().loading),
  );
  show(
    app,
    tabs(tab, (t) => void open(t)),
    panel,
  );
  try {
    if (tab === 'checkin') await checkInTab(panel, at.sheet, at.focusKr ? { focusKr: at.focusKr } : {});
    else if (tab === 'health') await healthTab(panel, at.sheet);
    else await reviewTab(panel);
    document.documentElement.lang = lang;
    // the tab names follow the spreadsheet's language once it is known
    for (const name of ['checkin', 'health', 'review'] as const) {
      const b = document.getElementById(`tab-${name}`);
      if (b) b.textContent = tx().tabs[name];
    }
  } catch (e) {
    const line = h('p', {});
    status(line, 'error', (e as Error).message);
    show(panel, line);
  }
}

const page = document.body.dataset.page;
void open(page === 'health' || page === 'review' ? page : 'checkin');
