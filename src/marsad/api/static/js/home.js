// The dashboard's home page: filters -> GET /events (all pages up to a cap) -> map, timeline, table;
// and the alerts panel from GET /alerts. Filter state lives in the URL so a view can be shared.

import { API, api, listOf, eventId, initI18n, LANG, t, typeLabel, fmtNumber, el, placeLabel, sourceCount, typeColor, TYPE_COLORS } from "./common.js";
import { SvgMap } from "./map.js";
import { renderTimeline, renderSparkline, baselineOf, dailyRows } from "./charts.js";

const FILTERS = ["date_from", "date_to", "country", "admin1", "event_type", "actor", "min_fatalities", "q"];
const PAGE = 500; // events per API request
// Events drawn at most (newest first); the summary says when the cap was hit. `?max=N` changes it.
const CAP = Math.min(50000, Math.max(1, Number(new URLSearchParams(window.location.search).get("max")) || 5000));
const TABLE_STEP = 100;

const form = document.getElementById("filters");
const state = { sort: { key: "date", dir: "desc" }, events: [], daily: null, totals: null, truncated: false, tableShown: TABLE_STEP, alerts: null, alertsError: null, meta: null, gen: 0 };
let map = null;

function filtersFromUrl() {
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTERS) if (form.elements[name]) form.elements[name].value = params.get(name) || "";
}

function currentFilters() {
  const out = {};
  for (const name of FILTERS) {
    const v = (form.elements[name].value || "").trim();
    if (v) out[name] = v;
  }
  return out;
}

function setStatus(text, isError) {
  const box = document.getElementById("summary");
  box.replaceChildren(el("span", { class: isError ? "error" : "muted" }, text));
}

async function fetchEvents(filters, onFirstPage) {
  const events = [];
  let cursor = null;
  let limit = Math.min(PAGE, CAP);
  for (;;) {
    let page;
    try {
      page = await api("/events", { ...filters, limit, cursor });
    } catch (err) {
      // A server with a smaller page cap answers 4xx to our limit: retry with its default.
      if (err.status >= 400 && err.status < 500 && limit !== undefined && !cursor) {
        limit = undefined;
        continue;
      }
      throw err;
    }
    events.push(...listOf(page.data, "events"));
    cursor = page.meta.next_cursor ?? page.meta.cursor ?? (page.data && page.data.next_cursor) ?? null;
    // Draw the newest page at once; the rest (cursor pages are sequential) follows.
    if (cursor && events.length <= PAGE && events.length < CAP && onFirstPage) onFirstPage(events.slice());
    if (!cursor || events.length >= CAP) return { events: events.slice(0, CAP), truncated: Boolean(cursor) };
  }
}

async function load() {
  const filters = currentFilters();
  const keep = new URLSearchParams(window.location.search);
  const qs = new URLSearchParams({ ...filters, ...(keep.get("max") ? { max: keep.get("max") } : {}), ...(keep.get("lang") ? { lang: keep.get("lang") } : {}) }).toString();
  history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  setStatus(t("status.loading"));
  document.body.classList.add("loading");
  // The export links download exactly what the filters select (every matching event, not the cap).
  const fq = new URLSearchParams(filters).toString();
  for (const [id, path] of [["dl-csv", "/export.csv"], ["dl-geojson", "/export.geojson"], ["dl-parquet", "/export.parquet"]]) {
    document.getElementById(id).href = `${API}${path}${fq ? `?${fq}` : ""}`;
  }
  const gen = ++state.gen; // a newer load() makes this one's results stale
  const show = (events, truncated, stats) => {
    if (gen !== state.gen) return;
    state.events = events;
    state.daily = stats ? stats.by_day.map((r) => ({ date: r.period, events: r.events, fatalities: r.fatalities })) : null;
    state.totals = stats ? { events: stats.events, fatalities: stats.fatalities } : null;
    state.truncated = truncated;
    state.tableShown = TABLE_STEP;
    map.setEvents(events);
    map.fitEvents();
    render();
    if (!document.body.dataset.firstMs) document.body.dataset.firstMs = String(Math.round(performance.now()));
  };
  try {
    const { events, truncated } = await fetchEvents(filters, (first) => show(first, true));
    if (gen !== state.gen) return;
    // More events match than the page draws: the timeline and totals come from GET /stats.
    const stats = truncated ? await api("/stats", filters).then((r) => r.data).catch(() => null) : null;
    show(events, truncated, stats && Array.isArray(stats.by_day) ? stats : null);
    fillDatalists(events);
    await state.boundaries; // the page counts as loaded once the map has its outlines too
  } catch (err) {
    if (gen !== state.gen) return;
    setStatus(`${t("status.error")}: ${err.message}`, true);
  } finally {
    if (gen === state.gen) {
      document.body.classList.remove("loading");
      document.body.dataset.loadedMs = String(Math.round(performance.now()));
      document.body.dataset.loaded = "1";
    }
  }
}

function renderSummary() {
  const ev = state.events;
  const total = state.totals ? state.totals.events : ev.length;
  const fat = state.totals ? state.totals.fatalities : ev.reduce((s, e) => s + (Number(e.fatalities) || 0), 0);
  const reports = ev.reduce((s, e) => s + sourceCount(e), 0);
  const noCoords = ev.filter((e) => e.latitude === null || e.latitude === undefined || e.longitude === null || e.longitude === undefined).length;
  const stat = (n, label, cls) => el("div", { class: `stat ${cls}` }, el("strong", {}, fmtNumber(n)), el("span", {}, label));
  const box = document.getElementById("summary");
  box.replaceChildren(
    stat(total, t("summary.events"), "s-events"),
    stat(fat, t("summary.fatalities"), "s-fatalities"),
    stat(reports, t("summary.sources"), "s-reports"),
  );
  const notes = [];
  if (state.truncated) notes.push(t("summary.truncated", { n: fmtNumber(ev.length) }));
  if (noCoords) notes.push(t("summary.no_coords", { n: fmtNumber(noCoords) }));
  if (notes.length) box.append(el("p", { class: "muted small" }, notes.join(" ")));
}

function renderLegend() {
  const present = new Set(state.events.map((e) => e.event_type));
  const items = Object.entries(TYPE_COLORS)
    .filter(([name]) => present.has(name))
    .map(([name, color]) => el("span", { class: "legend-item" }, el("i", { style: { background: color } }), typeLabel(name)));
  document.getElementById("map-legend").replaceChildren(...items, el("span", { class: "legend-item muted" }, t("map.legend")));
}

// Table sort keys; a click on a column header sorts by it, a second click reverses.
const SORT_KEYS = {
  date: (e) => String(e.event_date || ""),
  type: (e) => typeLabel(e.sub_event_type || e.event_type),
  actors: (e) => String(e.actor1 || ""),
  location: (e) => placeLabel(e),
  fatalities: (e) => Number(e.fatalities) || 0,
  sources: (e) => sourceCount(e),
};

function sortedEvents() {
  const { key, dir } = state.sort;
  const get = SORT_KEYS[key] || SORT_KEYS.date;
  const cmp = (a, b) => {
    const x = get(a);
    const y = get(b);
    return typeof x === "number" ? x - y : String(x).localeCompare(String(y), LANG);
  };
  // Ties fall back to the newest first, so the order is stable across reloads.
  return [...state.events].sort((a, b) => (dir === "asc" ? cmp(a, b) : cmp(b, a)) || SORT_KEYS.date(b).localeCompare(SORT_KEYS.date(a)));
}

function wireSorting() {
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.tabIndex = 0;
    const go = () => {
      const key = th.dataset.sort;
      const numeric = key === "fatalities" || key === "sources" || key === "date";
      state.sort = state.sort.key === key ? { key, dir: state.sort.dir === "asc" ? "desc" : "asc" } : { key, dir: numeric ? "desc" : "asc" };
      for (const other of document.querySelectorAll("#events-table th[data-sort]")) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", state.sort.dir === "asc" ? "ascending" : "descending");
      renderTable();
    };
    th.addEventListener("click", go);
    th.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), go()));
  }
}

function renderTable() {
  const body = document.querySelector("#events-table tbody");
  const rows = sortedEvents();
  body.replaceChildren();
  if (!rows.length) {
    body.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, t("table.empty"))));
  }
  for (const ev of rows.slice(0, state.tableShown)) {
    const id = eventId(ev);
    const href = `/dashboard/events/${encodeURIComponent(id)}`;
    const actors = [ev.actor1, ev.actor2].filter(Boolean).join(" — ");
    body.append(
      el(
        "tr",
        { "data-event-id": id, class: "clickable", onclick: () => (window.location.href = href) },
        el("td", { class: "nowrap" }, el("a", { href }, ev.event_date)),
        el("td", {}, el("span", { class: "dot", style: { background: typeColor(ev.event_type) } }), typeLabel(ev.sub_event_type || ev.event_type)),
        el("td", {}, actors, ev.actor1_ar ? el("div", { class: "ar muted", dir: "rtl", lang: "ar" }, [ev.actor1_ar, ev.actor2_ar].filter(Boolean).join(" — ")) : null),
        el("td", {}, placeLabel(ev), ev.location_ar ? el("div", { class: "ar muted", dir: "rtl", lang: "ar" }, ev.location_ar) : null),
        el("td", { class: "num" }, fmtNumber(ev.fatalities ?? 0)),
        el("td", { class: "num" }, fmtNumber(sourceCount(ev))),
      ),
    );
  }
  const more = document.getElementById("table-more");
  more.hidden = rows.length <= state.tableShown;
}

function renderTimelineCard() {
  // All matching events when the server's daily totals are in (more events than the page draws).
  const days = state.daily || dailyRows(state.events);
  const unit = renderTimeline(document.getElementById("timeline"), days, (bucket) => {
    form.elements.date_from.value = bucket.start;
    form.elements.date_to.value = bucket.end;
    load();
  });
  document.getElementById("timeline-unit").textContent = days.length ? t(`timeline.by_${unit}`) : "";
}

function renderAlerts() {
  const box = document.getElementById("alerts");
  if (state.alertsError) {
    box.replaceChildren(el("p", { class: "muted" }, t("alerts.unavailable")));
    return;
  }
  if (!state.alerts) {
    box.replaceChildren(el("p", { class: "muted" }, t("status.loading")));
    return;
  }
  if (!state.alerts.length) {
    box.replaceChildren(el("p", { class: "muted" }, t("alerts.none")));
    return;
  }
  box.replaceChildren(
    ...state.alerts.map((a) => {
      const ids = a.event_ids || [];
      const head = alertTitle(a);
      const period = a.period_start ? `${a.period_start}${a.period_end && a.period_end !== a.period_start ? " – " + a.period_end : ""}` : "";
      return el(
        "div",
        { class: `alert-item kind-${a.kind || "spike"}`, "data-alert-id": a.id || "" },
        el("div", { class: "alert-head" }, el("strong", {}, head), el("span", { class: "score" }, `${t("alerts.score")} ${fmtNumber(Math.round((Number(a.score) || 0) * 10) / 10)}`)),
        el("div", { class: "muted small" }, [period, `${t("alerts.observed")}: ${fmtNumber(a.observed)}`, `${t("alerts.baseline")}: ${fmtNumber(baselineOf(a))}`].filter(Boolean).join(" · ")),
        renderSparkline(a),
        ids.length
          ? el("div", { class: "alert-events small" }, `${t("alerts.events")}: `, ...ids.slice(0, 5).map((id, i) => el("a", { href: `/dashboard/events/${encodeURIComponent(id)}`, title: String(id) }, `#${i + 1}`)), ids.length > 5 ? `+${ids.length - 5}` : null)
          : null,
      );
    }),
  );
}

/** The server's English title; in Arabic, one built from the alert's key with translated labels. */
function alertTitle(a) {
  const key = a.key && typeof a.key === "object" ? a.key : null;
  if (LANG !== "ar" || !key) return a.title || (key ? key.label : String(a.key || ""));
  const place = [key.country, key.admin1, key.admin2].filter(Boolean).join(" / ");
  const what = [typeLabel(key.event_type), key.actor].filter(Boolean).join(" · ");
  const kind = a.kind === "new" ? t("alerts.new") : t(`alerts.rise_${a.metric === "fatalities" ? "fatalities" : "events"}`);
  return `${kind}: ${[place, what].filter(Boolean).join(" — ")}`;
}

async function loadAlerts() {
  try {
    const { data } = await api("/alerts");
    state.alerts = listOf(data, "alerts");
  } catch (err) {
    state.alertsError = err;
  }
  renderAlerts();
  document.body.dataset.alertsMs = String(Math.round(performance.now()));
  document.body.dataset.alertsLoaded = "1";
}

function fillDatalists(events) {
  const fill = (id, values) => {
    const uniq = [...new Set(values.filter(Boolean))].sort().slice(0, 300);
    document.getElementById(id).replaceChildren(...uniq.map((v) => el("option", { value: v })));
  };
  fill("dl-country", events.map((e) => e.country));
  fill("dl-admin1", events.map((e) => e.admin1));
  fill("dl-actor", events.flatMap((e) => [e.actor1, e.actor2]));
}

function fillEventTypes(types) {
  const select = form.elements.event_type;
  const keep = select.value || new URLSearchParams(window.location.search).get("event_type") || "";
  select.replaceChildren(el("option", { value: "" }, t("filters.any")), ...Object.keys(types).map((et) => el("option", { value: et }, typeLabel(et))));
  select.value = keep;
}

function render() {
  renderSummary();
  renderLegend();
  renderTimelineCard();
  renderTable();
}

async function main() {
  // Labels and metadata are fetched together; boundaries and the first events page then load in
  // parallel (one round trip less each than doing them in turn).
  const metaP = fetch("/dashboard/meta.json").then((r) => r.json());
  await initI18n(() => {
    if (state.meta) fillEventTypes(state.meta.event_types);
    map.drawLabels();
    map.setEvents(state.events);
    render();
    renderAlerts();
  });
  map = new SvgMap(document.getElementById("map"), {
    onSelect: (ev) => (window.location.href = `/dashboard/events/${encodeURIComponent(eventId(ev))}`),
  });
  document.getElementById("map-zoom-in").addEventListener("click", () => map.zoomBy(1.6));
  document.getElementById("map-zoom-out").addEventListener("click", () => map.zoomBy(1 / 1.6));
  document.getElementById("map-reset").addEventListener("click", () => map.reset());
  wireSorting();
  document.getElementById("table-more").addEventListener("click", () => {
    state.tableShown += TABLE_STEP;
    renderTable();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  document.getElementById("filters-reset").addEventListener("click", () => {
    form.reset();
    for (const name of FILTERS) form.elements[name].value = "";
    load();
  });
  state.meta = (await metaP).data;
  fillEventTypes(state.meta.event_types); // before reading the URL: the select needs its options
  filtersFromUrl();
  renderAlerts();
  state.boundaries = map.loadBoundaries(state.meta.boundaries);
  // Alerts are computed on request and can take a while on a large store: the map, timeline and
  // table come first, the panel fills in afterwards.
  await load();
  await loadAlerts();
}

main();
