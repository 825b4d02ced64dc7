/**
 * A log–log line chart as hand-written SVG (no browser, no dependency): enough to show the shape
 * of latency against dataset size, for the API's path and the baseline, at a glance.
 */
export interface ChartSeries {
  name: string;
  dashed?: boolean;
  /** Index into the palette; series that measure the same thing on different databases share one. */
  color?: number;
  points: { x: number; y: number }[];
}

export interface LogChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Horizontal lines such as a goal, e.g. `{ y: 20, label: 'goal: p95 ≤ 20 ms' }`. */
  lines?: { y: number; label: string }[];
}

const width = 900;
const height = 460;
const margin = { left: 70, right: 330, top: 40, bottom: 55 };
const colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const decades = (min: number, max: number) => {
  const out: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
    out.push(10 ** exponent);
  }
  return out;
};

const label = (value: number) =>
  value >= 1_000_000 ? `${value / 1_000_000}M` : value >= 1000 ? `${value / 1000}k` : String(value);

export function renderLogChart(chart: LogChart): string {
  const points = chart.series.flatMap((series) => series.points).filter((p) => p.x > 0 && p.y > 0);
  if (points.length === 0) return '';
  const xs = points.map((p) => p.x);
  const ys = [...points.map((p) => p.y), ...(chart.lines ?? []).map((line) => line.y)];
  const xTicks = decades(Math.min(...xs) / 1.5, Math.max(...xs) * 1.5);
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const [x0, x1] = [Math.log10(xTicks[0] ?? 1), Math.log10(xTicks.at(-1) ?? 10)];
  const [y0, y1] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks.at(-1) ?? 10)];
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * plotW;
  const py = (y: number) => margin.top + plotH - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * plotH;
  const f = (n: number) => n.toFixed(1);

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="22" font-size="15" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (const tick of xTicks) {
    out.push(
      `<line x1="${f(px(tick))}" y1="${margin.top}" x2="${f(px(tick))}" y2="${margin.top + plotH}" stroke="#ddd"/>`,
      `<text x="${f(px(tick))}" y="${margin.top + plotH + 18}" text-anchor="middle">${label(tick)}</text>`,
    );
  }
  for (const tick of yTicks) {
    out.push(
      `<line x1="${margin.left}" y1="${f(py(tick))}" x2="${margin.left + plotW}" y2="${f(py(tick))}" stroke="#ddd"/>`,
      `<text x="${margin.left - 8}" y="${f(py(tick) + 4)}" text-anchor="end">${label(tick)}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  );
  for (const line of chart.lines ?? []) {
    out.push(
      `<line x1="${margin.left}" y1="${f(py(line.y))}" x2="${margin.left + plotW}" y2="${f(py(line.y))}" stroke="#555" stroke-dasharray="2 3"/>`,
      `<text x="${margin.left + 6}" y="${f(py(line.y) - 5)}" fill="#555">${escapeXml(line.label)}</text>`,
    );
  }
  chart.series.forEach((series, index) => {
    const color = colors[(series.color ?? index) % colors.length];
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    const visible = series.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    const path = visible.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(px(p.x))},${f(py(p.y))}`).join(' ');
    if (visible.length > 1)
      out.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
    for (const p of visible)
      out.push(`<circle cx="${f(px(p.x))}" cy="${f(py(p.y))}" r="4" fill="${color}"/>`);
    const legendY = margin.top + 10 + index * 20;
    const legendX = margin.left + plotW + 15;
    out.push(
      `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<circle cx="${legendX + 12}" cy="${legendY}" r="3.5" fill="${color}"/>`,
      `<text x="${legendX + 30}" y="${legendY + 4}">${escapeXml(series.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
