/**
 * `npm start` (after the build): the add-on running locally, on the Sheets emulator, in a browser.
 *
 *   npm start                       opens .playground/workbook.json (a new one with an example quarter the first time;
 *                                   its backup workbook.json.bak when it is damaged)
 *                                   and the workbooks made from the page's switcher, listed in .playground/workbooks.json
 *   npm start -- --fresh            starts anew (one workbook; the others' files stay on disk)
 *   npm start -- --locale fr_FR     a new workbook in French (with --fresh when one is saved)
 *   npm start -- --file other.json  another workbook file
 *   PORT=9000 npm start             another port (or --port 9000)
 */
import { parseArgs } from 'node:util';
import { DEFAULT_FILE, DEFAULT_PORT, startPlayground } from './start';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    locale: { type: 'string' },
    file: { type: 'string', default: DEFAULT_FILE },
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'npm start [-- --fresh] [--locale fr_FR] [--file .playground/workbook.json] [--port 8787]\n' +
      'The add-on on a local Sheets emulator, at http://127.0.0.1:PORT/. The workbook is saved after every change\n' +
      '(a temporary file renamed over it; the previous one kept as FILE.bak, opened at start if FILE is damaged).\n' +
      'Workbooks made from the page (its switcher, beside the name) are saved in the same folder, listed in workbooks.json.',
  );
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
if (values.locale && !/^[a-z]{2}(_[A-Z]{2})?$/.test(values.locale)) {
  console.error(`Not a locale: ${values.locale} (e.g. en_US, fr_FR)`);
  process.exit(2);
}

const started = performance.now();
const pg = await startPlayground({
  file: values.file,
  fresh: values.fresh,
  ...(values.locale ? { locale: values.locale } : {}),
  port,
}).catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is taken: stop the other server, or run PORT=${port + 1} npm start.`
      : `The playground could not start: ${err.message}\n` +
          // a damaged workbook file does not stop it (its backup opens, or a new workbook with the file
          // moved aside): this is something else, and a new workbook is the way around it
          `To start anew with a new workbook (${values.file} is replaced): npm start -- --fresh`,
  );
  process.exit(1);
});

const file = pg.session.shownFile();
const s = pg.session;
const others = pg.workbooks.all.length - 1;
for (const note of pg.workbooks.notes) console.warn(`Note: ${note}`);
console.log(
  `\nOKR & KPI playground (${s.created ? 'new workbook' : 'workbook reopened'}, ${s.locale}` +
    `${others ? `, ${others} other workbook${others > 1 ? 's' : ''}` : ''}) ` +
    `ready in ${Math.round(performance.now() - started)} ms\n\n  ${pg.url}\n\n` +
    `Saved to ${file} after every change (--fresh to start anew). Ctrl+C to stop.`,
);
if (values.locale && !s.created && values.locale !== s.locale) {
  console.log(`Note: ${file} is in ${s.locale}; --locale applies to a new workbook (add --fresh).`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void pg.close().then(() => process.exit(0));
  });
}
