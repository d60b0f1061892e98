// Evidence highlighting: the original text with each field's span wrapped in <mark data-field="...">.

import { el, t, fieldLabel } from "./common.js";

// A stable colour per evidence field (index into the CSS palette --f0 … --f9).
// Place fields (admin units, coordinates) share the location's colour: they come from the same words.
const FIELD_ORDER = ["fatalities", "injured", "event_date", "location", "actor1", "actor2", "sub_event_type", "event_type", "trigger"];
const SAME_AS = { admin1: "location", admin2: "location", admin3: "location", country: "location", latitude: "location", longitude: "location" };
export const fieldClass = (f) => {
  const i = FIELD_ORDER.indexOf(SAME_AS[f] || f);
  return `f${i >= 0 ? i : 9}`;
};

/**
 * Split `text` at every evidence boundary and wrap covered pieces in <mark>. Offsets are Python
 * string indices (code points), so we index an array of code points, not UTF-16 units.
 * Where spans overlap, the innermost (shortest) span names the mark; data-fields lists them all.
 */
/** Spans that can be placed in a text of `n` code points. */
export function placeable(spans, n) {
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end);
}

export function highlight(text, spans) {
  const chars = Array.from(text);
  const n = chars.length;
  const valid = placeable(spans, n);
  const cuts = new Set([0, n]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    // Innermost span first; among spans of equal length, the field earlier in FIELD_ORDER.
    const rank = (f) => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);
    const cover = valid
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => x.end - x.start - (y.end - y.start) || rank(x.field) - rank(y.field));
    if (!cover.length) {
      frag.append(piece);
      continue;
    }
    const fields = [...new Set(cover.map((s) => s.field))];
    const mismatch = cover.some((s) => s.text !== undefined && s.text !== chars.slice(s.start, s.end).join(""));
    const mark = el(
      "mark",
      {
        class: `${fieldClass(fields[0])}${mismatch ? " mismatch" : ""}`,
        "data-field": fields[0],
        "data-fields": fields.join(" "),
        title: fields.map(fieldLabel).join(" · ") + (mismatch ? ` — ${t("event.mismatch")}` : ""),
      },
      piece,
    );
    frag.append(mark);
  }
  return frag;
}

