/**
 * The page's own small dialogs (a protected range's warning, a refused edit, the add-on's alerts)
 * and toasts. Text is set with textContent only.
 */
import { h } from '../../src/ui/lib/dom';

let counter = 0;

/** A modal with a title, text and buttons; resolves with the button picked (Escape = the first). */
export function messageDialog(title: string, text: string, buttons: string[] = ['OK']): Promise<string> {
  return new Promise((resolve) => {
    const before = document.activeElement as HTMLElement | null;
    const id = `message-title-${++counter}`;
    const close = (answer: string) => {
      backdrop.remove();
      before?.focus();
      resolve(answer);
    };
    const buttonEls = buttons.map((b, i) =>
      h(
        'button',
        { type: 'button', class: i === buttons.length - 1 ? 'primary' : undefined, onclick: () => close(b) },
        b,
      ),
    );
    const dialog = h(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': id },
      h('div', { class: 'surface-head' }, h('h2', { class: 'surface-title', id }, title)),
      h(
        'div',
        { class: 'message' },
        ...text.split('\n\n').map((p) => h('p', {}, p)),
        h('div', { class: 'buttons' }, ...buttonEls),
      ),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    backdrop.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(buttons[0]!);
      }
      // keep Tab inside the dialog
      if (e.key === 'Tab') {
        const first = buttonEls[0]!;
        const last = buttonEls.at(-1)!;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    document.body.append(backdrop);
    buttonEls.at(-1)!.focus();
  });
}

/** Asks as Sheets does before an edit in a warning-only protected range. */
export async function confirmDialog(title: string, text: string): Promise<boolean> {
  return (await messageDialog(title, text, ['Cancel', 'OK'])) === 'OK';
}

/** A toast at the bottom right, as Spreadsheet.toast shows; timeout ≤ 0 keeps it until clicked. */
export function toast(title: string, message: string, seconds = 5, kind: 'info' | 'error' = 'info'): void {
  const el = h(
    'div',
    { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    title ? h('strong', {}, title) : null,
    message,
  );
  el.addEventListener('click', () => el.remove());
  document.getElementById('toasts')!.append(el);
  if (seconds > 0) setTimeout(() => el.remove(), seconds * 1000);
}
