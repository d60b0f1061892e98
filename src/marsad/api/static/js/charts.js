// SVG charts: the events/fatalities timeline and the alert sparkline (series against its baseline).

import { svg, t, fmtNumber } from "./common.js";

const DAY = 86400000;

function parseDay(s) {
  const d = new Date(String(s).slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(d.getTime()) ? null : d;
}
const iso = (d) => d.toISOString().slice(0, 10);

/** Day, ISO week (Monday) or month bucket start for a date. */
function bucketStart(d, unit) {
  if (unit === "day") return d;
  if (unit === "week") return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
function nextBucket(d, unit) {
  if (unit === "day") return new Date(d.getTime() + DAY);
  if (unit === "week") return new Date(d.getTime() + 7 * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Per-day rows {date, events, fatalities} from a list of events. */
export function dailyRows(events) {
  const byDay = new Map();
  for (const e of events) {
    const day = String(e.event_date || "").slice(0, 10);
    if (!parseDay(day)) continue;
    const row = byDay.get(day) || { date: day, events: 0, fatalities: 0 };
    row.events += 1;
    row.fatalities += Number(e.fatalities) || 0;
    byDay.set(day, row);
  }
  return [...byDay.values()];
}

/** Events and fatalities per day, week or month (by the span), with empty buckets filled in so
 *  gaps show as gaps. `days` are per-day rows: from the events drawn, or from GET /stats by_day
 *  when there are more events than the page draws. */
export function bucketize(days) {
  const parsed = days.map((r) => [parseDay(r.date), r]).filter(([d]) => d);
  if (!parsed.length) return { unit: "day", buckets: [] };
  const min = new Date(Math.min(...parsed.map(([d]) => d)));
  const max = new Date(Math.max(...parsed.map(([d]) => d)));
  const span = (max - min) / DAY;
  const unit = span <= 120 ? "day" : span <= 3 * 365 ? "week" : "month";
  const byKey = new Map();
  for (let d = bucketStart(min, unit); d <= max; d = nextBucket(d, unit)) {
    byKey.set(iso(d), { start: iso(d), end: iso(new Date(nextBucket(d, unit) - DAY)), events: 0, fatalities: 0 });
  }
  for (const [d, r] of parsed) {
    const b = byKey.get(iso(bucketStart(d, unit)));
    if (!b) continue;
    b.events += Number(r.events) || 0;
    b.fatalities += Number(r.fatalities) || 0;
  }
  return { unit, buckets: [...byKey.values()] };
}

/** Two bar rows sharing one time axis: events (top) and fatalities (bottom). */
export function renderTimeline(container, days, onPick) {
  const { unit, buckets } = bucketize(days);
  container.replaceChildren();
  if (!buckets.length) return unit;
  const W = Math.max(container.clientWidth || 900, 300);
  const left = 44;
  const right = 10;
  const rowH = 58;
  const top1 = 20;
  const top2 = top1 + rowH + 28;
  const H = top2 + rowH + 18;
  const n = buckets.length;
  const bw = (W - left - right) / n;
  const maxE = Math.max(1, ...buckets.map((b) => b.events));
  const maxF = Math.max(1, ...buckets.map((b) => b.fatalities));
  const root = svg("svg", { class: "timeline-svg", viewBox: `0 0 ${W} ${H}`, width: "100%", height: H, role: "img", dir: "ltr" });
  const axis = (y, label, max) => [
    svg("text", { x: left, y: y - 6, class: "axis-label" }, label),
    svg("text", { x: left - 4, y: y + rowH, class: "axis-tick", "text-anchor": "end" }, "0"),
    svg("text", { x: left - 4, y: y + 10, class: "axis-tick", "text-anchor": "end" }, fmtNumber(max)),
    svg("line", { x1: left, x2: W - right, y1: y + rowH + 0.5, y2: y + rowH + 0.5, class: "axis-line" }),
  ];
  root.append(...axis(top1, t("timeline.events"), maxE), ...axis(top2, t("timeline.fatalities"), maxF));
  buckets.forEach((b, i) => {
    const x = left + i * bw;
    const gap = bw > 4 ? 1 : 0;
    const he = (b.events / maxE) * (rowH - 12);
    const hf = (b.fatalities / maxF) * (rowH - 12);
    const tip = `${b.start}${b.end !== b.start ? " – " + b.end : ""}: ${fmtNumber(b.events)} ${t("summary.events")}, ${fmtNumber(b.fatalities)} ${t("summary.fatalities")}`;
    const g = svg("g", { class: "bucket", "data-start": b.start, "data-end": b.end, "data-events": b.events, "data-fatalities": b.fatalities });
    g.append(
      svg("rect", { class: "hit", x, y: top1, width: bw, height: top2 + rowH - top1 }),
      svg("rect", { class: "bar-events", x: x + gap / 2, y: top1 + rowH - he, width: Math.max(bw - gap, 0.5), height: he }),
      svg("rect", { class: "bar-fatalities", x: x + gap / 2, y: top2 + rowH - hf, width: Math.max(bw - gap, 0.5), height: hf }),
      svg("title", {}, tip),
    );
    if (onPick) g.addEventListener("click", () => onPick(b));
    root.append(g);
  });
  // About six date ticks along the bottom.
  const every = Math.max(1, Math.ceil(n / 6));
  for (let i = 0; i < n; i += every) {
    root.append(svg("text", { x: left + i * bw + bw / 2, y: H - 4, class: "axis-tick", "text-anchor": "middle" }, buckets[i].start));
  }
  container.append(root);
  return unit;
}

/** The baseline as one number: the mean the server reports, else the flat baseline, else the last point. */
export function baselineOf(alert) {
  const b = alert.baseline_mean ?? (typeof alert.baseline === "number" ? alert.baseline : null);
  if (b !== null && b !== undefined) return Math.round(Number(b) * 10) / 10;
  const arr = Array.isArray(alert.baseline) ? alert.baseline : [];
  return arr.length ? Math.round(Number(arr[arr.length - 1]) * 10) / 10 : null;
}

function seriesValues(series) {
  return (series || []).map((p) => (typeof p === "number" ? p : Number(p.value ?? p.count ?? p.observed ?? p.y ?? 0)));
}

/** A small chart of an alert's series (bars) against its baseline (a line, or a flat line). */
export function renderSparkline(alert) {
  const values = seriesValues(alert.series);
  const base = Array.isArray(alert.baseline) ? seriesValues(alert.baseline) : null;
  const flat = typeof alert.baseline === "number" ? alert.baseline : null;
  const W = 220;
  const H = 56;
  const n = Math.max(values.length, 1);
  const thrMax = Math.max(0, ...(alert.series || []).map((p) => Number(p && p.threshold) || 0));
  const max = Math.max(1, ...values, ...(base || []), flat || 0, thrMax, Number(alert.observed) || 0);
  const bw = W / n;
  const y = (v) => H - 4 - (v / max) * (H - 10);
  const root = svg("svg", { class: "spark", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", dir: "ltr" });
  values.forEach((v, i) => {
    const last = i === values.length - 1;
    root.append(svg("rect", { class: last ? "spark-bar last" : "spark-bar", x: i * bw + 0.5, y: y(v), width: Math.max(bw - 1, 0.5), height: H - 4 - y(v) }));
  });
  const thr = (alert.series || []).map((p) => (p && typeof p === "object" && p.threshold !== undefined ? Number(p.threshold) : null));
  if (thr.length && thr.every((v) => v !== null)) {
    const pts = thr.map((v, i) => `${(i * bw + bw / 2).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    root.append(svg("polyline", { class: "spark-threshold", points: pts }));
  }
  if (base && base.length) {
    const pts = base.map((v, i) => `${(i * bw + bw / 2).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    root.append(svg("polyline", { class: "spark-base", points: pts }));
  } else if (flat !== null) {
    root.append(svg("line", { class: "spark-base", x1: 0, x2: W, y1: y(flat), y2: y(flat) }));
  }
  root.append(svg("title", {}, `${t("alerts.observed")}: ${fmtNumber(alert.observed)} · ${t("alerts.baseline")}: ${fmtNumber(baselineOf(alert))}`));
  return root;
}
