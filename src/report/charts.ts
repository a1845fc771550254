// Charts for the HTML report as inline SVG (no script, no external resource, printable): the pool, each budget's
// spending per month or quarter, and for accounts the budget against actual per post. Every text is escaped.
import { formatKr } from '../money.js';
import { labelsFor } from '../i18n/languages.js';
import type { Lang } from '../types.js';
import { verdict } from './batch-summary.js';
import { escapeHtml as e } from './escape.js';
import type { FileChart, FileReport } from './types.js';

const COLOR = {
  ok: '#3b8a50',
  bad: '#c0392b',
  unreadable: '#b7950b',
  budget: '#8fa8c8',
  actual: '#2c5f94',
  over: '#c0392b',
  bar: '#4a7bb7',
  spike: '#d35400',
  funds: '#1b1b1b',
};

/** Whole kroner, short: "1,2 mio." / "1.2m" above a million, else grouped. */
function short(ore: number, lang: Lang): string {
  const kr = ore / 100;
  const L = labelsFor(lang);
  if (Math.abs(kr) >= 1_000_000) return `${(kr / 1_000_000).toFixed(1).replace('.', L.decimal)}${L.charts.million}`;
  if (Math.abs(kr) >= 10_000) return `${Math.round(kr / 1000)}${L.charts.thousand}`;
  return formatKr(ore, lang).replace(/ kr\.$/, '');
}

const px = (n: number) => (Math.round(n * 10) / 10).toString();
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function svg(kind: string, height: number, label: string, body: string[]): string {
  return `<svg class="chart chart-${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 ${Math.ceil(height)}" width="100%" role="img" aria-label="${e(label)}"><title>${e(label)}</title>${body.join('')}</svg>`;
}

export interface PoolChartFile {
  file: FileReport;
  asked: number;
  anchor: string;
  label: string;
  /** A budget of an applicant whose larger request is counted (pool-figures): its own bar, not in the total's. */
  leftOut?: boolean;
}

/** All applications as one stacked bar against the pool's funds, then one bar per application (scaled to the largest). */
export function poolChart(items: PoolChartFile[], funds: number | undefined, lang: Lang): string {
  const t = labelsFor(lang).charts;
  const counted = items.filter((x) => !x.leftOut);
  const total = counted.reduce((s, x) => s + x.asked, 0);
  const left = 210;
  const width = 560;
  const scaleTop = Math.max(total, funds ?? 0) || 1;
  const body: string[] = [];
  body.push(`<text x="0" y="22" font-size="13" font-weight="600">${e(t.all)}</text>`);
  let x = left;
  for (const it of counted) {
    const w = (it.asked / scaleTop) * width;
    body.push(
      `<a href="#${it.anchor}"><rect class="seg" x="${px(x)}" y="8" width="${px(Math.max(w, 0.5))}" height="22" fill="${COLOR[verdict(it.file)]}" stroke="#fff" stroke-width="0.5"><title>${e(`${it.label}: ${formatKr(it.asked, lang)}`)}</title></rect></a>`,
    );
    x += w;
  }
  if (funds) {
    const fx = left + (funds / scaleTop) * width;
    body.push(`<line class="funds" x1="${px(fx)}" y1="2" x2="${px(fx)}" y2="36" stroke="${COLOR.funds}" stroke-width="2" stroke-dasharray="4 2"/>`);
    body.push(
      `<text x="${px(Math.min(fx, 790))}" y="48" font-size="11" text-anchor="${fx > 700 ? 'end' : 'middle'}">${e(`${t.funds}: ${formatKr(funds, lang)}`)}</text>`,
    );
  }
  body.push(
    `<text x="${px(Math.min(left + (total / scaleTop) * width + 4, 796))}" y="24" font-size="11" text-anchor="${total / scaleTop > 0.85 ? 'end' : 'start'}" fill="${total / scaleTop > 0.85 ? '#fff' : '#1b1b1b'}">${e(short(total, lang))}</text>`,
  );
  const max = Math.max(1, ...items.map((i) => i.asked));
  const rowH = 18;
  items.forEach((it, i) => {
    const y = 62 + i * rowH;
    const w = (it.asked / max) * (width - 110);
    const share = funds ? ` · ${((it.asked / funds) * 100).toFixed(1).replace('.', labelsFor(lang).decimal)} % ${t.share}` : '';
    body.push(
      `<a href="#${it.anchor}"><text x="${left - 6}" y="${y + 12}" font-size="11" text-anchor="end">${e(cut(it.label, 34))}</text><rect class="app" x="${left}" y="${y + 2}" width="${px(Math.max(w, 0.5))}" height="${rowH - 5}" fill="${COLOR[verdict(it.file)]}"><title>${e(`${it.label}: ${formatKr(it.asked, lang)}${share}`)}</title></rect></a>`,
    );
    body.push(`<text x="${px(left + w + 4)}" y="${y + 12}" font-size="10" fill="#444">${e(short(it.asked, lang) + share)}</text>`);
  });
  return svg('pool', 62 + items.length * rowH + 6, t.pool, body);
}

function quarterOf(m: string): string {
  return `${m.slice(0, 4)}-K${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A budget's spending per month (or quarter): bars far above the typical month are marked. */
export function monthsChart(chart: FileChart, lang: Lang): string | undefined {
  if (!chart.months?.length) return undefined;
  const t = labelsFor(lang).charts;
  const quarter = chart.granularity === 'quarter';
  const bins: Array<[string, number]> = [];
  for (const [m, ore] of chart.months) {
    const key = quarter ? quarterOf(m) : m;
    const last = bins[bins.length - 1];
    if (last && last[0] === key) last[1] += ore;
    else bins.push([key, ore]);
  }
  const values = bins.map((b) => b[1]);
  const max = Math.max(1, ...values);
  const nonZero = values.filter((v) => v > 0).sort((a, b) => a - b);
  const typical = nonZero.length ? nonZero[Math.floor(nonZero.length / 2)] : 0;
  const left = 60;
  const plotW = 730;
  const top = 10;
  const plotH = 130;
  const bw = plotW / bins.length;
  const body: string[] = [
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#888"/>`,
    `<text x="${left - 4}" y="${top + 8}" font-size="10" text-anchor="end">${e(short(max, lang))}</text>`,
    `<text x="${left - 4}" y="${top + plotH}" font-size="10" text-anchor="end">0</text>`,
  ];
  bins.forEach(([key, ore], i) => {
    const h = (Math.max(0, ore) / max) * plotH;
    const spike = typical > 0 && ore > 2 * typical && nonZero.length >= 3;
    body.push(
      `<rect class="${spike ? 'bar spike' : 'bar'}" x="${px(left + i * bw + bw * 0.1)}" y="${px(top + plotH - h)}" width="${px(Math.max(bw * 0.8, 0.5))}" height="${px(h)}" fill="${spike ? COLOR.spike : COLOR.bar}"><title>${e(`${quarter ? key.replace('-K', t.quarter) : key}: ${formatKr(ore, lang)}${spike ? ` (${t.spike})` : ''}`)}</title></rect>`,
    );
    const first = i === 0 || (quarter ? key.endsWith('K1') : key.endsWith('-01'));
    if (first) body.push(`<text x="${px(left + i * bw + 1)}" y="${top + plotH + 14}" font-size="10">${e(quarter ? key.slice(0, 4) : key)}</text>`);
  });
  return svg('months', top + plotH + 22, quarter ? t.quarters : t.months, body);
}

/** Accounts: each post's budget and actual spending side by side; spending over budget in red. */
export function postsChart(chart: FileChart, lang: Lang): string | undefined {
  if (!chart.posts?.length) return undefined;
  const t = labelsFor(lang).charts;
  const left = 210;
  const width = 450; // room on the right for the figures
  const rowH = 26;
  const max = Math.max(1, ...chart.posts.flatMap((p) => [p.budget, p.actual]));
  const body: string[] = [
    `<rect x="${left}" y="2" width="10" height="10" fill="${COLOR.budget}"/><text x="${left + 14}" y="11" font-size="11">${e(t.budget)}</text>`,
    `<rect x="${left + 80}" y="2" width="10" height="10" fill="${COLOR.actual}"/><text x="${left + 94}" y="11" font-size="11">${e(t.actual)}</text>`,
  ];
  chart.posts.forEach((p, i) => {
    const y = 18 + i * rowH;
    const bw = (Math.max(0, p.budget) / max) * width;
    const aw = (Math.max(0, p.actual) / max) * width;
    const over = p.actual > p.budget;
    body.push(`<text x="${left - 6}" y="${y + 15}" font-size="11" text-anchor="end">${e(cut(p.post, 34))}</text>`);
    body.push(
      `<rect class="budget" x="${left}" y="${y + 2}" width="${px(Math.max(bw, 0.5))}" height="10" fill="${COLOR.budget}"><title>${e(`${p.post}: ${t.budget} ${formatKr(p.budget, lang)}`)}</title></rect>`,
    );
    body.push(
      `<rect class="${over ? 'actual over' : 'actual'}" x="${left}" y="${y + 12}" width="${px(Math.max(aw, 0.5))}" height="10" fill="${over ? COLOR.over : COLOR.actual}"><title>${e(`${p.post}: ${t.actual} ${formatKr(p.actual, lang)}`)}</title></rect>`,
    );
    body.push(
      `<text x="${px(left + Math.max(bw, aw) + 4)}" y="${y + 16}" font-size="10" fill="#444">${e(`${short(p.budget, lang)} / ${short(p.actual, lang)}`)}</text>`,
    );
  });
  return svg('posts', 18 + chart.posts.length * rowH + 4, t.posts, body);
}
