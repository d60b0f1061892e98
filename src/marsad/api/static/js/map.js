// A small SVG map renderer: Web-Mercator projection of the bundled GeoJSON boundaries, pan and zoom
// through the viewBox, events as circles sized by fatalities. No tiles, no external library.

import { LANG, svg, typeColor, typeLabel, fmtNumber, placeLabel, eventId } from "./common.js";

const WORLD = 1000; // map units across 360° of longitude

export function project(lon, lat) {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * WORLD;
  const y = (WORLD / (2 * Math.PI)) * (Math.PI - Math.log(Math.tan(Math.PI / 4 + phi / 2)));
  return [x, y];
}

function ringPath(ring) {
  let d = "";
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = project(ring[i][0], ring[i][1]);
    d += (i ? "L" : "M") + x.toFixed(2) + "," + y.toFixed(2);
  }
  return d + "Z";
}

function geometryPath(geom) {
  if (!geom) return "";
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  return polys.map((rings) => rings.map(ringPath).join("")).join("");
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of a geometry's largest polygon (for labels). */
function mainBox(geom) {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  let best = null;
  let bestArea = -1;
  for (const rings of polys) {
    const xs = rings[0].map((p) => p[0]);
    const ys = rings[0].map((p) => p[1]);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const area = (box[2] - box[0]) * (box[3] - box[1]);
    if (area > bestArea) [best, bestArea] = [box, area];
  }
  return best;
}

function geomBox(geom) {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polys) {
    for (const [x, y] of rings[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** Even-odd point-in-polygon over every ring (holes included) of a Polygon or MultiPolygon. */
export function contains(geom, lon, lat) {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  let inside = false;
  for (const rings of polys) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

export function radiusFor(fatalities) {
  // Screen pixels: a visible dot for 0, growing with the square root so area ~ fatalities.
  return Math.min(26, 3.5 + 2.2 * Math.sqrt(Math.max(0, Number(fatalities) || 0)));
}

export class SvgMap {
  constructor(container, opts = {}) {
    this.container = container;
    this.opts = opts;
    this.root = svg("svg", { class: "map-svg", xmlns: "http://www.w3.org/2000/svg", preserveAspectRatio: "xMidYMid meet" });
    this.sea = svg("rect", { class: "sea", x: 0, y: 0, width: WORLD, height: WORLD });
    this.gCountries = svg("g", { class: "countries" });
    this.gAdmin2 = svg("g", { class: "admin2" });
    this.gAdmin1 = svg("g", { class: "admin1" });
    this.gLabels = svg("g", { class: "labels" });
    this.gEvents = svg("g", { class: "events" });
    this.root.append(this.sea, this.gCountries, this.gAdmin2, this.gAdmin1, this.gLabels, this.gEvents);
    container.replaceChildren(this.root);
    this.home = this.boxFor([-18, 4, 64, 42]);
    this.vb = { ...this.home };
    this.labels = [];
    this.units = []; // the finest polygons bundled (Iraq's districts), shaded by events
    this.circles = [];
    this.applyViewBox();
    this.wirePanZoom();
    new ResizeObserver(() => this.applyViewBox()).observe(container);
  }

  /** A viewBox around a lon/lat box, padded and widened to the container's aspect ratio. */
  boxFor([minLon, minLat, maxLon, maxLat], pad = 0.08) {
    const [x0, y1] = project(minLon, minLat);
    const [x1, y0] = project(maxLon, maxLat);
    let w = Math.max(x1 - x0, 2);
    let h = Math.max(y1 - y0, 2);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    w *= 1 + 2 * pad;
    h *= 1 + 2 * pad;
    const aspect = (this.container.clientWidth || 800) / (this.container.clientHeight || 450);
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    return { x: cx - w / 2, y: cy - h / 2, w, h };
  }

  async loadBoundaries(urls) {
    const layers = await Promise.all(
      urls.map((u) =>
        fetch(u)
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null),
      ),
    );
    urls.forEach((url, i) => {
      const fc = layers[i];
      if (!fc) return;
      const name = url.split("/").pop().replace(".geojson", "");
      const group = name === "countries" ? this.gCountries : name.endsWith("adm2") ? this.gAdmin2 : this.gAdmin1;
      for (const f of fc.features) {
        const p = f.properties || {};
        const cls = name === "countries" ? (p.focus ? "country focus" : "country") : "admin";
        const path = svg("path", { class: cls, d: geometryPath(f.geometry), "data-code": p.code || p.pcode || "" });
        path.append(svg("title", {}, p.name_en + (p.name_ar ? ` — ${p.name_ar}` : "")));
        group.append(path);
        if (name === "countries" && p.focus) this.labels.push({ props: p, box: mainBox(f.geometry) });
        if (name.endsWith("adm2")) this.units.push({ props: p, geom: f.geometry, box: geomBox(f.geometry), path });
      }
    });
    this.drawLabels();
    if (this.events) this.shadeUnits(); // events may have arrived before the outlines
    this.applyViewBox();
  }

  drawLabels() {
    this.gLabels.replaceChildren();
    for (const lab of this.labels) {
      const [x, y] = project((lab.box[0] + lab.box[2]) / 2, (lab.box[1] + lab.box[3]) / 2);
      const text = svg("text", { x, y, "text-anchor": "middle" }, LANG === "ar" ? lab.props.name_ar : lab.props.name_en);
      lab.node = text;
      lab.width = project(lab.box[2], 0)[0] - project(lab.box[0], 0)[0];
      this.gLabels.append(text);
    }
  }

  setEvents(events) {
    this.events = events.filter((e) => Number.isFinite(Number(e.latitude)) && Number.isFinite(Number(e.longitude)) && e.latitude !== null && e.longitude !== null);
    // Big circles first so small ones stay clickable on top.
    const sorted = [...this.events].sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    this.gEvents.replaceChildren();
    this.circles = sorted.map((ev) => {
      const [x, y] = project(Number(ev.longitude), Number(ev.latitude));
      const c = svg("circle", {
        class: "event-dot",
        cx: x.toFixed(3),
        cy: y.toFixed(3),
        fill: typeColor(ev.event_type),
        "data-event-id": eventId(ev),
        "data-fatalities": ev.fatalities || 0,
        tabindex: 0,
      });
      c.append(svg("title", {}, `${ev.event_date} · ${typeLabel(ev.sub_event_type || ev.event_type)} · ${placeLabel(ev)} · ☠ ${fmtNumber(ev.fatalities || 0)}`));
      const open = () => this.opts.onSelect && this.opts.onSelect(ev);
      c.addEventListener("click", open);
      c.addEventListener("keydown", (e) => e.key === "Enter" && open());
      this.gEvents.append(c);
      return { node: c, r: radiusFor(ev.fatalities) };
    });
    this.shadeUnits();
    this.applyViewBox();
    return this.circles.length;
  }

  /** Shade each district by the number of events that fall inside it (a choropleth under the dots). */
  shadeUnits() {
    if (!this.units.length) return;
    const counts = new Map();
    for (const ev of this.events) {
      const lon = Number(ev.longitude);
      const lat = Number(ev.latitude);
      const unit = this.units.find((u) => lon >= u.box[0] && lon <= u.box[2] && lat >= u.box[1] && lat <= u.box[3] && contains(u.geom, lon, lat));
      if (!unit) continue;
      const c = counts.get(unit) || { events: 0, fatalities: 0 };
      c.events += 1;
      c.fatalities += Number(ev.fatalities) || 0;
      counts.set(unit, c);
    }
    const max = Math.max(1, ...[...counts.values()].map((c) => c.events));
    for (const u of this.units) {
      const c = counts.get(u);
      u.path.classList.toggle("shaded", Boolean(c));
      u.path.style.fillOpacity = c ? (0.12 + 0.5 * Math.sqrt(c.events / max)).toFixed(3) : "";
      u.path.dataset.events = c ? String(c.events) : "0";
      const name = LANG === "ar" ? u.props.name_ar : u.props.name_en;
      const title = u.path.querySelector("title");
      if (title) title.textContent = c ? `${name} (${u.props.admin1_en}): ${fmtNumber(c.events)} · ☠ ${fmtNumber(c.fatalities)}` : name;
    }
  }

  /** Zoom to the events (or back to the whole region when there are none). */
  fitEvents() {
    if (!this.events || !this.events.length) {
      this.vb = { ...this.home };
    } else {
      const lons = this.events.map((e) => Number(e.longitude));
      const lats = this.events.map((e) => Number(e.latitude));
      let box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
      // At least ~4° across so a single town still shows its surroundings.
      const grow = (lo, hi, min) => (hi - lo >= min ? [lo, hi] : [(lo + hi) / 2 - min / 2, (lo + hi) / 2 + min / 2]);
      [box[0], box[2]] = grow(box[0], box[2], 4);
      [box[1], box[3]] = grow(box[1], box[3], 3);
      this.vb = this.boxFor(box, 0.15);
    }
    this.applyViewBox();
  }

  pxPerUnit() {
    const w = this.container.clientWidth || 800;
    const h = this.container.clientHeight || 450;
    return Math.min(w / this.vb.w, h / this.vb.h);
  }

  applyViewBox() {
    const { x, y, w, h } = this.vb;
    this.root.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    const unit = 1 / this.pxPerUnit(); // map units per screen pixel
    for (const c of this.circles) c.node.setAttribute("r", (c.r * unit).toFixed(4));
    const zoom = this.home.w / w;
    this.root.classList.toggle("zoomed", zoom >= 2.5);
    this.placeLabels(unit);
  }

  /** Show a country's name only where it fits inside the country and clears the names already placed
   *  (bigger countries first); text width is estimated, which is enough to avoid overlaps. */
  placeLabels(unit) {
    const fs = 12 * unit;
    const placed = [];
    const byWidth = [...this.labels].sort((a, b) => b.width - a.width);
    for (const lab of byWidth) {
      if (!lab.node) continue;
      lab.node.setAttribute("font-size", fs.toFixed(4));
      const w = lab.node.textContent.length * fs * 0.58;
      const x = Number(lab.node.getAttribute("x"));
      const y = Number(lab.node.getAttribute("y"));
      const box = [x - w / 2 - 2 * unit, y - fs, x + w / 2 + 2 * unit, y + 0.3 * fs];
      const fits = lab.width > w * 0.8 && !placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
      lab.node.style.display = fits ? "" : "none";
      if (fits) placed.push(box);
    }
  }

  zoomBy(factor, cx, cy) {
    const { x, y, w, h } = this.vb;
    const px = cx ?? x + w / 2;
    const py = cy ?? y + h / 2;
    const nw = Math.max(0.5, Math.min(WORLD, w / factor));
    const nh = (h * nw) / w;
    this.vb = { x: px - ((px - x) * nw) / w, y: py - ((py - y) * nh) / h, w: nw, h: nh };
    this.applyViewBox();
  }

  reset() {
    this.fitEvents();
  }

  toMap(evt) {
    const pt = this.root.createSVGPoint();
    pt.x = evt.clientX;
    pt.y = evt.clientY;
    return pt.matrixTransform(this.root.getScreenCTM().inverse());
  }

  wirePanZoom() {
    this.root.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const p = this.toMap(e);
        this.zoomBy(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
      },
      { passive: false },
    );
    let drag = null;
    this.root.addEventListener("pointerdown", (e) => {
      if (e.target.classList.contains("event-dot")) return;
      drag = { x: e.clientX, y: e.clientY, vb: { ...this.vb } };
      this.root.setPointerCapture(e.pointerId);
      this.root.classList.add("dragging");
    });
    this.root.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const unit = 1 / this.pxPerUnit();
      this.vb = { ...drag.vb, x: drag.vb.x - (e.clientX - drag.x) * unit, y: drag.vb.y - (e.clientY - drag.y) * unit };
      this.applyViewBox();
    });
    const end = () => {
      drag = null;
      this.root.classList.remove("dragging");
    };
    this.root.addEventListener("pointerup", end);
    this.root.addEventListener("pointercancel", end);
  }
}
