// One event: its coded fields, the sources that reported it, and each source's ORIGINAL Arabic text
// (right-to-left) with the evidence span of every field highlighted as <mark data-field="...">.

import { api, eventId, initI18n, t, typeLabel, fieldLabel, fmtNumber, el, placeLabel, typeColor } from "./common.js";
import { SvgMap } from "./map.js";
import { highlight, fieldClass, placeable } from "./highlight.js";

const ID = document.body.dataset.eventId;
// Fields shown in the facts table, in this order; each row links to its evidence spans.
const FACTS = [
  "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
  "location", "admin2", "admin1", "country", "latitude", "longitude", "fatalities", "injured", "interaction", "civilian_targeting",
  "time_precision", "geo_precision", "confidence",
];
let EVENT = null;
const DOCS = new Map();
let MAP = null;
let MERGED_FROM = null;

function valueOf(ev, f) {
  const v = ev[f];
  if (f === "event_type" || f === "sub_event_type") return typeLabel(v);
  if (f === "fatalities" && Array.isArray(ev.fatalities_range) && ev.fatalities_range[0] !== ev.fatalities_range[1]) {
    return `${fmtNumber(v)} (${t("event.range")} ${fmtNumber(ev.fatalities_range[0])}–${fmtNumber(ev.fatalities_range[1])})`;
  }
  if (f === "actor1" && ev.actor1_ar) return el("span", {}, v, " ", el("span", { class: "ar", lang: "ar", dir: "rtl" }, `(${ev.actor1_ar})`));
  if (f === "actor2" && ev.actor2_ar) return el("span", {}, v, " ", el("span", { class: "ar", lang: "ar", dir: "rtl" }, `(${ev.actor2_ar})`));
  if (f === "location" && ev.location_ar) return el("span", {}, v, " ", el("span", { class: "ar", lang: "ar", dir: "rtl" }, `(${ev.location_ar})`));
  if (f === "confidence" && typeof v === "number") return v.toFixed(2);
  if (typeof v === "number") return fmtNumber(v);
  return v === null || v === undefined || v === "" ? null : String(v);
}

function focusField(field) {
  document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
  const marks = [...document.querySelectorAll("#ev-texts mark")].filter((m) => m.dataset.fields.split(" ").includes(field));
  marks.forEach((m) => m.classList.add("focus"));
  if (marks[0]) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
}

function renderFacts(ev) {
  const evidence = ev.evidence || [];
  const body = document.querySelector("#ev-facts tbody");
  body.replaceChildren();
  for (const f of FACTS) {
    const value = valueOf(ev, f);
    if (value === null) continue;
    const spans = evidence.filter((e) => e.field === f);
    const evCell = spans.length
      ? spans.map((s) => el("button", { type: "button", class: `ev-chip ${fieldClass(f)}`, lang: "ar", dir: "rtl", onclick: () => focusField(f) }, s.text))
      : el("span", { class: "muted small" }, t("event.no_evidence"));
    body.append(el("tr", { "data-field": f }, el("th", {}, fieldLabel(f)), el("td", {}, value), el("td", {}, evCell)));
  }
}

function renderHeader(ev) {
  const chip = document.getElementById("ev-type");
  chip.textContent = typeLabel(ev.event_type);
  chip.style.background = typeColor(ev.event_type);
  document.getElementById("ev-title").textContent = `${typeLabel(ev.sub_event_type)} — ${ev.location || ev.admin1 || ev.country || ""}`;
  document.getElementById("ev-sub").textContent = `${ev.event_date} · ${placeLabel(ev)} · ${eventId(ev)}`;
  const fig = (n, label, cls) => el("div", { class: `figure ${cls}` }, el("strong", {}, n === null || n === undefined ? "—" : fmtNumber(n)), el("span", {}, label));
  document.getElementById("ev-figures").replaceChildren(
    fig(ev.fatalities, fieldLabel("fatalities"), "fat"),
    fig(ev.injured, fieldLabel("injured"), "inj"),
    fig((ev.doc_ids || []).length || (ev.sources || []).length, t("table.sources"), "src"),
  );
  document.getElementById("ev-notes").textContent = ev.notes || "—";
}

function sourcesOf(ev) {
  if (Array.isArray(ev.sources) && ev.sources.length) return ev.sources;
  return (ev.doc_ids || []).map((id) => ({ doc_id: id }));
}

function renderSources(ev) {
  const list = document.getElementById("ev-sources");
  list.replaceChildren(
    ...sourcesOf(ev).map((s) => {
      const doc = DOCS.get(s.doc_id) || {};
      const outlet = s.outlet || doc.outlet || s.source || s.doc_id;
      const url = s.url || doc.url;
      const published = s.published || doc.published;
      const figures = [];
      if (s.fatalities !== undefined && s.fatalities !== null) figures.push(`${fieldLabel("fatalities")}: ${fmtNumber(s.fatalities)}`);
      if (s.injured !== undefined && s.injured !== null) figures.push(`${fieldLabel("injured")}: ${fmtNumber(s.injured)}`);
      return el(
        "li",
        { "data-doc-id": s.doc_id },
        el("strong", {}, outlet),
        published ? el("span", { class: "muted" }, ` · ${t("event.published")}: ${String(published).replace("T", " ").slice(0, 16)}`) : null,
        figures.length ? el("span", { class: "per-report" }, ` · ${t("event.per_report")}: ${figures.join(", ")}`) : null,
        (s.title || doc.title) ? el("div", { class: "ar", lang: "ar", dir: "rtl" }, s.title || doc.title) : null,
        url ? el("div", { class: "small" }, el("a", { href: url, rel: "noreferrer noopener", target: "_blank", dir: "ltr" }, url)) : null,
        el("div", { class: "small muted" }, el("a", { href: `#doc-${s.doc_id}` }, s.doc_id)),
      );
    }),
  );
}

function renderLegend(ev) {
  const fields = [...new Set((ev.evidence || []).map((e) => e.field))];
  document.getElementById("ev-legend").replaceChildren(
    ...fields.map((f) => el("button", { type: "button", class: `legend-field ${fieldClass(f)}`, "data-field": f, onclick: () => focusField(f) }, fieldLabel(f))),
  );
}

function renderTexts(ev) {
  const box = document.getElementById("ev-texts");
  box.replaceChildren();
  for (const s of sourcesOf(ev)) {
    const doc = DOCS.get(s.doc_id);
    const spans = (ev.evidence || []).filter((e) => e.doc_id === s.doc_id);
    const head = el("h3", { id: `doc-${s.doc_id}` }, s.outlet || (doc && doc.outlet) || s.doc_id);
    if (!doc || typeof doc.text !== "string") {
      box.append(head, el("p", { class: "muted" }, t("event.doc_missing")));
      continue;
    }
    const title = doc.title ? el("h4", { class: "doc-title", lang: "ar", dir: "rtl" }, doc.title) : null;
    const body = el("div", { class: "source-text", lang: "ar", dir: "rtl", "data-doc-id": s.doc_id });
    body.append(highlight(doc.text, spans));
    const lost = spans.length - placeable(spans, Array.from(doc.text).length).length;
    const warn = lost ? el("p", { class: "error small" }, t("event.bad_spans", { n: fmtNumber(lost) })) : null;
    box.append(el("div", { class: "source-doc" }, head, title, warn, body));
  }
}

function render() {
  if (!EVENT) return;
  if (MAP) {
    MAP.drawLabels();
    MAP.applyViewBox();
  }
  renderHeader(EVENT);
  renderFacts(EVENT);
  renderSources(EVENT);
  renderLegend(EVENT);
  renderTexts(EVENT);
}

async function main() {
  await initI18n(render);
  const status = document.getElementById("event-status");
  status.textContent = t("status.loading");
  try {
    const resp = await api(`/events/${encodeURIComponent(ID)}`);
    EVENT = resp.data;
    if (resp.meta.merged_from) {
      // The id asked for was merged into another event: show the survivor under its own URL.
      history.replaceState(null, "", `/dashboard/events/${encodeURIComponent(eventId(EVENT))}${window.location.search}`);
      MERGED_FROM = resp.meta.merged_from;
    }
    if (EVENT && EVENT.event) EVENT = { ...EVENT.event, sources: EVENT.sources ?? EVENT.event.sources, evidence: EVENT.evidence ?? EVENT.event.evidence };
  } catch (err) {
    status.textContent = err.status === 404 ? t("event.not_found") : `${t("status.error")}: ${err.message}`;
    status.classList.add("error");
    document.body.dataset.loaded = "1";
    return;
  }
  const ids = [...new Set([...sourcesOf(EVENT).map((s) => s.doc_id), ...(EVENT.evidence || []).map((e) => e.doc_id)])].filter(Boolean);
  await Promise.all(
    ids.map((id) =>
      api(`/documents/${encodeURIComponent(id)}`)
        .then(({ data }) => DOCS.set(id, data && data.document ? data.document : data))
        .catch(() => null),
    ),
  );
  // Evidence in a document that is not among the listed sources still gets shown.
  if (!Array.isArray(EVENT.sources) || !EVENT.sources.length) EVENT.sources = ids.map((id) => ({ doc_id: id }));
  status.textContent = MERGED_FROM ? t("event.merged_from", { id: MERGED_FROM }) : "";
  document.getElementById("event").hidden = false;
  render();
  const map = new SvgMap(document.getElementById("ev-map"), {});
  const meta = await fetch("/dashboard/meta.json").then((r) => r.json());
  await map.loadBoundaries(meta.data.boundaries);
  map.setEvents([EVENT]);
  map.fitEvents();
  MAP = map;
  document.body.dataset.loadedMs = String(Math.round(performance.now()));
  document.body.dataset.loaded = "1";
}

main();
