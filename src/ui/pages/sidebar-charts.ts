/**
 * The sidebar's charts: a KR's trend (folded under a "Trend" button on its check-in card) and the
 * quarter's overall score week by week (in the review's summary). The data come computed from the
 * server (core/charts); this draws them.
 */
import { dayOf, formatValue, legend, lineChart, niceTicks, shortDate, type ValueStyle } from '../lib/chart';
import { h } from '../lib/dom';
import type { Result } from '../lib/run';
import { CHART_TEXTS } from './sidebar-texts';

type Lang = 'en' | 'fr';
type KrState = Result<'getCheckInState'>['objectives'][number]['krs'][number];
type QuarterTrend = Result<'getReviewState'>['trend'];

const pct = (x: number, lang: Lang) => `${Math.round(x * 100)}${lang === 'fr' ? '\u00a0%' : '%'}`;

/** The KRs whose trend is open: a save redraws the cards, the open ones stay open (new point in view). */
const open = new Set<string>();

/** A KR's values as its cells show them: its currency before or after, as the sheet writes it. */
function styleOf(k: KrState): ValueStyle {
  const shown = [k.shown.current, k.shown.target, k.shown.start];
  return {
    percent: k.percent,
    currency: k.currency,
    currencyFirst: k.currency !== null && shown.some((s) => s.trim().startsWith(k.currency!)),
    unit: k.percent || k.currency ? '' : k.unit,
    milestone: k.type === 'milestone',
  };
}

/** A KR's chart: its check-ins, the straight line start → target, the forecast; then its legend. */
export function krChart(k: KrState, lang: Lang): HTMLElement[] {
  const t = CHART_TEXTS[lang];
  const tr = k.trend;
  const style = styleOf(k);
  const points = tr.points.map((p) => ({ day: dayOf(p.date), value: p.value }));
  const expected = tr.expected
    ? [
        { day: dayOf(tr.expected.from.date), value: tr.expected.from.value },
        { day: dayOf(tr.expected.to.date), value: tr.expected.to.value },
      ]
    : [];
  const forecast = tr.forecast
    ? [
        { day: dayOf(tr.forecast.from.date), value: tr.forecast.from.value },
        { day: dayOf(tr.forecast.to.date), value: tr.forecast.to.value },
      ]
    : [];
  if (points.length === 0) return [h('p', { class: 'muted' }, t.noPoint)];
  // the check-ins and the expected line are seen whole; a forecast running far off is clipped
  const seen = [...points, ...expected].map((p) => p.value);
  let lo = Math.min(...seen);
  let hi = Math.max(...seen);
  const room = Math.max(hi - lo, Math.abs(hi) * 0.1, 1e-9);
  for (const p of forecast) {
    lo = Math.min(lo, Math.max(p.value, lo - room / 2));
    hi = Math.max(hi, Math.min(p.value, hi + room / 2));
  }
  const axis = style.milestone ? { ticks: [0, 1], decimals: 0 } : niceTicks(lo, hi);
  const compact = axis.ticks.some((v) => Math.abs(v) >= 1e5);
  const precise = Math.max(axis.decimals + 1, style.percent ? 3 : 2);
  const value = (v: number) =>
    style.milestone ? (v >= 1 ? t.done : t.todo) : formatValue(v, style, lang, precise);
  const score = tr.forecast ? pct(tr.forecast.score, lang) : null;
  const svg = lineChart({
    name: 'kr',
    label: t.krLabel(k.id, points.length, score),
    // a check-in typed with a date outside the quarter widens the span rather than leave the plot
    first: Math.min(dayOf(tr.first), ...points.map((p) => p.day)),
    last: Math.max(dayOf(tr.last), ...points.map((p) => p.day)),
    asOf: dayOf(tr.asOf),
    lines: [
      { kind: 'expected', points: expected },
      { kind: 'forecast', points: forecast },
      { kind: 'actual', points, dots: true },
    ],
    y: {
      ticks: axis.ticks,
      label: (v) =>
        style.milestone
          ? v >= 1
            ? t.done
            : t.todo
          : formatValue(v, style, lang, axis.decimals, false, compact),
      title: value,
    },
    caption: style.unit || undefined,
    lang,
  });
  svg.setAttribute('data-kr', k.id);
  return [
    svg,
    legend([
      { kind: 'actual', text: t.checkIns(points.length) },
      ...(expected.length ? [{ kind: 'expected' as const, text: t.expected }] : []),
      ...(score ? [{ kind: 'forecast' as const, text: t.forecast(score) }] : []),
      { kind: 'as-of', text: t.asOf(shortDate(dayOf(tr.asOf), lang)) },
    ]),
    score || new Set(points.map((p) => p.day)).size > 1 || !tr.expected
      ? null
      : h('p', { class: 'muted' }, t.needsTwo),
  ].filter((x): x is HTMLElement | SVGSVGElement => x !== null) as HTMLElement[];
}

/** "Trend" under a KR's card: unfolds its chart (drawn on first open). */
export function krTrendToggle(k: KrState, lang: Lang): HTMLElement {
  const t = CHART_TEXTS[lang];
  const id = `trend-${k.id.replace(/[^\w-]/g, '_')}`;
  const button = h(
    'button',
    // out of the Tab order, like the ⋯ toggle: Tab goes from one KR's value to the next
    { class: 'link', id: `${id}-toggle`, tabindex: -1, 'aria-expanded': 'false', 'aria-controls': id },
    t.trend,
  );
  const box = h('div', { id, class: 'trend', hidden: true });
  const toggle = (show: boolean) => {
    if (show && !box.hasChildNodes()) box.append(...krChart(k, lang));
    box.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) open.add(k.id);
    else open.delete(k.id);
  };
  button.addEventListener('click', () => toggle(box.hidden !== false));
  if (open.has(k.id)) toggle(true);
  return h('div', {}, button, box);
}

/** The quarter's overall score week by week, with its heading and legend. */
export function quarterTrendChart(trend: QuarterTrend, lang: Lang): HTMLElement {
  const t = CHART_TEXTS[lang];
  const weeks = trend.weeks.map((w) => ({ day: dayOf(w.date), value: w.score }));
  const scored = weeks.filter((w) => w.value !== null);
  const body: (HTMLElement | SVGSVGElement)[] = [];
  if (scored.length === 0) body.push(h('p', { class: 'muted' }, t.noWeek));
  else {
    const last = scored[scored.length - 1]!;
    body.push(
      lineChart({
        name: 'quarter',
        label: t.weeklyLabel(weeks.length, pct(last.value!, lang)),
        first: dayOf(trend.first),
        last: dayOf(trend.last),
        asOf: dayOf(trend.asOf),
        lines: [{ kind: 'actual', points: weeks, dots: true }],
        y: { ticks: [0, 0.25, 0.5, 0.75, 1], label: (v) => pct(v, lang), title: (v) => pct(v, lang) },
        lang,
      }),
      legend([
        { kind: 'actual', text: t.overall },
        { kind: 'as-of', text: t.asOf(shortDate(dayOf(trend.asOf), lang)) },
      ]),
    );
  }
  return h('div', { id: 'quarter-trend' }, h('h2', {}, t.weeklyTitle), ...(body as HTMLElement[]));
}
