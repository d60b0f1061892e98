// Shared helpers: the JSON API envelope, the label dictionary and the language toggle.
// Everything is fetched from this server (same origin): the dashboard works with no internet.

export const API = document.body.dataset.apiBase || "";

let LABELS = { en: {}, ar: {} };
export let LANG = "en";

/** GET a JSON API path and unwrap the envelope {"ok": true, "data", "meta"}; throws on {"ok": false}. */
export async function api(path, params) {
  const url = new URL(API + path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch (_) {
    body = null;
  }
  if (!resp.ok || !body || body.ok === false) {
    const err = new Error((body && body.error && body.error.message) || `${resp.status} ${resp.statusText}`);
    err.status = resp.status;
    err.code = body && body.error ? body.error.code : "";
    throw err;
  }
  return { data: body.data, meta: body.meta || {} };
}

/** The list inside a list response, whichever key the server uses. */
export function listOf(data, ...keys) {
  if (Array.isArray(data)) return data;
  for (const k of [...keys, "items", "results"]) if (data && Array.isArray(data[k])) return data[k];
  return [];
}

export function eventId(ev) {
  return ev.id ?? ev.event_id ?? ev.event_id_cnty;
}

export function t(key, vars) {
  let s = (LABELS[LANG] && LABELS[LANG][key]) ?? (LABELS.en && LABELS.en[key]) ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, v);
  return s;
}

/** An ACLED type name in the current language (falls back to the English name). */
export function typeLabel(name) {
  if (!name) return "";
  const key = `type:${name}`;
  return (LABELS[LANG] && LABELS[LANG][key]) || name;
}

export function fieldLabel(name) {
  const key = `field.${name}`;
  return (LABELS[LANG] && LABELS[LANG][key]) || name;
}

export function applyLabels(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  document.documentElement.lang = LANG;
  document.documentElement.dir = LANG === "ar" ? "rtl" : "ltr";
}

/** Load the dictionary, pick the language (?lang=, then the saved choice), wire the toggle.
 *  `onChange` re-renders the page's dynamic parts when the language changes. */
export async function initI18n(onChange) {
  const resp = await fetch("/static/i18n.json");
  LABELS = await resp.json();
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  let saved = null;
  try {
    saved = window.localStorage.getItem("marsad.lang");
  } catch (_) {
    saved = null;
  }
  LANG = fromUrl === "ar" || fromUrl === "en" ? fromUrl : saved === "ar" ? "ar" : "en";
  applyLabels();
  const btn = document.getElementById("lang-toggle");
  if (btn) {
    btn.addEventListener("click", () => {
      LANG = LANG === "ar" ? "en" : "ar";
      try {
        window.localStorage.setItem("marsad.lang", LANG);
      } catch (_) {
        /* private mode: the choice lasts for this page only */
      }
      // A ?lang= in the address would override the choice on the next load: keep it in step.
      const url = new URL(window.location.href);
      if (url.searchParams.has("lang")) {
        url.searchParams.set("lang", LANG);
        history.replaceState(null, "", url);
      }
      applyLabels();
      if (onChange) onChange();
    });
  }
}

export function fmtNumber(n) {
  if (n === null || n === undefined || n === "") return "—";
  return new Intl.NumberFormat(LANG === "ar" ? "ar-EG" : "en-US").format(n);
}

/** Create an element: el("td", {class: "num", title: "x"}, child, "text", ...). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    // Through the CSSOM: the page's CSP forbids style="" attributes.
    else if (k === "style") Object.assign(node.style, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// One colour per ACLED event type, used by the map, the table and the legend.
export const TYPE_COLORS = {
  Battles: "#d1495b",
  "Explosions/Remote violence": "#ed8b00",
  "Violence against civilians": "#8e3b9e",
  Riots: "#2e86ab",
  Protests: "#3a9d5d",
  "Strategic developments": "#6c757d",
};
export function typeColor(eventType) {
  return TYPE_COLORS[eventType] || "#555";
}

export function placeLabel(ev) {
  const parts = [ev.location, ev.admin2 && ev.admin2 !== ev.location ? ev.admin2 : "", ev.admin1, ev.country];
  return [...new Set(parts.filter(Boolean))].join(LANG === "ar" ? "، " : ", ");
}

export function sourceCount(ev) {
  if (Array.isArray(ev.doc_ids) && ev.doc_ids.length) return ev.doc_ids.length;
  if (Array.isArray(ev.sources)) return ev.sources.length;
  if (typeof ev.source === "string" && ev.source) return ev.source.split(";").length;
  return 0;
}
