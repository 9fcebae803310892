/**
 * The add-on's sidebars and dialogs: its own HTML in a sandboxed iframe (served by /surface/{id}
 * with the shim), a 300 px panel on the right for a sidebar, a modal for a dialog. The iframe
 * posts google.script.run calls here; they go to the server, and the answer goes back.
 */
import { h } from '../../src/ui/lib/dom';
import type { AlertInfo, Shown, SurfaceInfo } from '../protocol';
import { api } from './api';
import { messageDialog } from './dialogs';
import type { FromSurface, ToSurface } from './messages';

/** What the iframe may do: run scripts and forms and alerts, in its own opaque origin. */
const SANDBOX = 'allow-scripts allow-forms allow-modals allow-popups';

interface Open {
  info: SurfaceInfo;
  frame: HTMLIFrameElement;
  close(): void;
}

const open: Open[] = [];
let afterChange: () => Promise<void> = async () => {};

/** Called after every google.script.run call: the grid shows what the add-on wrote. */
export function onAddonChange(f: () => Promise<void>): void {
  afterChange = f;
}

function frameFor(info: SurfaceInfo): HTMLIFrameElement {
  return h('iframe', {
    class: 'surface-frame',
    src: `/surface/${info.id}`,
    sandbox: SANDBOX,
    title: info.title || 'Add-on',
    'data-surface': info.kind,
  });
}

function head(title: string, id: string, close: () => void): HTMLElement {
  return h(
    'div',
    { class: 'surface-head' },
    h('h2', { class: 'surface-title', id }, title),
    h(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Close', title: 'Close', onclick: close },
      '×',
    ),
  );
}

function forget(frame: HTMLIFrameElement): void {
  const at = open.findIndex((o) => o.frame === frame);
  if (at >= 0) open.splice(at, 1);
}

function showSidebar(info: SurfaceInfo): void {
  const aside = document.getElementById('sidebar')!;
  for (const o of open.filter((x) => x.info.kind === 'sidebar')) forget(o.frame);
  const frame = frameFor(info);
  const close = () => {
    aside.hidden = true;
    aside.replaceChildren();
    forget(frame);
    document.querySelector<HTMLElement>('table.sheet')?.focus();
  };
  aside.setAttribute('aria-labelledby', 'sidebar-title');
  aside.replaceChildren(head(info.title || 'Add-on', 'sidebar-title', close), frame);
  aside.hidden = false;
  open.push({ info, frame, close });
}

function showDialog(info: SurfaceInfo): void {
  const before = document.activeElement as HTMLElement | null;
  const frame = frameFor(info);
  frame.style.width = `${info.width ?? 460}px`;
  frame.style.height = `${info.height ?? 400}px`;
  const id = `dialog-title-${info.id}`;
  const modal = info.kind === 'modal';
  const close = () => {
    (modal ? backdrop : dialog).remove();
    forget(frame);
    before?.focus();
  };
  const dialog = h(
    'div',
    { class: `dialog ${info.kind}`, role: 'dialog', 'aria-modal': String(modal), 'aria-labelledby': id },
    head(info.title, id, close),
    frame,
  );
  const backdrop = h('div', { class: 'backdrop' }, dialog);
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  document.body.append(modal ? backdrop : dialog);
  frame.addEventListener('load', () => frame.focus(), { once: true });
  open.push({ info, frame, close });
}

async function showAlerts(alerts: AlertInfo[]): Promise<void> {
  for (const a of alerts) await messageDialog(a.title || 'OKR & KPI', a.message);
}

/** Opens what a menu item or an endpoint brought up. */
export async function present(shown: Shown): Promise<void> {
  for (const s of shown.shown) {
    if (s.kind === 'sidebar') showSidebar(s);
    else showDialog(s);
  }
  await showAlerts(shown.alerts);
}

async function relay(o: Open, m: Extract<FromSurface, { type: 'run' }>): Promise<void> {
  const reply: ToSurface = { type: 'run-reply', id: m.id };
  let shown: Shown | undefined;
  try {
    const r = await api.run(m.name, m.args);
    reply.result = r.result;
    shown = r;
  } catch (e) {
    reply.error = e instanceof Error ? e.message : String(e);
  }
  o.frame.contentWindow?.postMessage(reply, '*');
  await afterChange();
  if (shown) await present(shown);
}

window.addEventListener('message', (e: MessageEvent<FromSurface>) => {
  // only our own iframes, told apart by their window (their origin is opaque: "null")
  const o = open.find((x) => x.frame.contentWindow === e.source);
  if (!o || !e.data || typeof e.data !== 'object') return;
  const m = e.data;
  if (m.type === 'run' && typeof m.name === 'string' && Array.isArray(m.args)) void relay(o, m);
  else if (m.type === 'close') o.close();
  else if (m.type === 'resize' && o.info.kind !== 'sidebar') {
    if (typeof m.width === 'number') o.frame.style.width = `${m.width}px`;
    if (typeof m.height === 'number') o.frame.style.height = `${m.height}px`;
  } else if (m.type === 'focus-editor') document.querySelector<HTMLElement>('table.sheet')?.focus();
});

/** How many sidebars and dialogs are open (the tests and the screenshots wait on it). */
export function openSurfaces(): number {
  return open.length;
}

/** Closes every sidebar and dialog (another workbook goes on screen: they belong to this one). */
export function closeSurfaces(): void {
  for (const o of [...open]) o.close();
}
