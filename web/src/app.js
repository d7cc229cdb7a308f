// eventwire web UI: map (points, regions, countries by precision), timeline with brush, filters in
// the URL, event list and evidence panel. All data comes from the local API; every piece of article
// text is inserted with textContent (never innerHTML), so markup in articles is shown, never run.
import L from "leaflet";
import { feature, mesh } from "topojson-client";
import { scaleUtc, scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import codes from "i18n-iso-countries/codes.json";

const FILTER_KEYS = ["type", "actor", "country", "status", "corroboration", "q", "since", "until", "precision"];
const TYPE_COLORS = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", PROTEST: "#8e44ad", THREATEN: "#d35400", MOBILIZE: "#a04000",
  SANCTION: "#7f8c8d", ACCUSE: "#b9770e", REQUEST: "#2980b9", REJECT: "#5d6d7e", RETREAT: "#16a085",
  AID: "#27ae60", AGREE: "#1abc9c", CONSULT: "#3498db", SUPPORT: "#2ecc71", CONCEDE: "#76d7c4",
  COOPERATE: "#52be80",
};
const ROLE_NAMES = {
  trigger: "trigger", actor: "actor", recipient: "recipient", place: "place", location: "event location",
  date: "date", number: "number", cue: "attribution cue",
};
const PRECISION_NAMES = {
  exact: "exact place", district: "district (admin-2)", admin1: "region (admin-1)", country: "country only",
  none: "not located",
};
const ISO3_TO_NUM = Object.fromEntries(codes.map((c) => [c[1], String(Number(c[2]))]));

const state = { filters: {}, event: null, offset: 0, total: 0 };
let map, countryLayer, eventLayer, countryFeatures;

// -- tiny DOM helper: strings always become text nodes ------------------------------------------
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const typeColor = (t) => TYPE_COLORS[t] || "#566573";

// -- URL state ------------------------------------------------------------------------------------
function readUrl() {
  const p = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTER_KEYS) if (p.get(k)) state.filters[k] = p.get(k);
  state.event = p.get("event");
}
function writeUrl(push = true) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.event) p.set("event", state.event);
  const url = `${location.pathname}${p.toString() ? "?" + p : ""}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}
function apiParams(extra = {}, { dates = true } = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) {
    if (!dates && (k === "since" || k === "until")) continue;
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

// -- fetch with store-busy retry ------------------------------------------------------------------
async function api(path, params) {
  const url = params ? `${path}?${params}` : path;
  for (let attempt = 0; attempt < 30; attempt++) {
    const res = await fetch(url);
    if (res.status === 503) {
      document.getElementById("busy").hidden = false;
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("Retry-After") || 2)));
      continue;
    }
    document.getElementById("busy").hidden = true;
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
    return body;
  }
  throw new Error("store busy for too long");
}

// -- filters form ---------------------------------------------------------------------------------
function fillForm() {
  const form = document.getElementById("filters");
  for (const el of form.elements) if (el.name) el.value = state.filters[el.name] || "";
}
function initFilters() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.value.trim()) state.filters[el.name] = el.value.trim();
      else delete state.filters[el.name];
    }
    state.event = null;
    writeUrl();
    refresh();
  });
  for (const el of form.querySelectorAll("select")) el.addEventListener("change", () => form.requestSubmit());
  document.getElementById("f-clear").addEventListener("click", () => {
    state.filters = {};
    state.event = null;
    fillForm();
    writeUrl();
    refresh();
  });
  window.addEventListener("popstate", () => {
    readUrl();
    fillForm();
    refresh();
  });
}

// -- map ------------------------------------------------------------------------------------------
async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([48, 30], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas · no tiles, all local · "
    + "Places: <a href=\"https://www.geonames.org/\">GeoNames</a> (CC BY 4.0)");
  const topo = await (await fetch("/static/countries-50m.json")).json();
  countryFeatures = feature(topo, topo.objects.countries).features;
  countryLayer = L.geoJSON(countryFeatures, {
    style: { color: "#ffffff", weight: 0.8, fillColor: "#d5d8dc", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  L.geoJSON(mesh(topo, topo.objects.countries, (a, b) => a !== b), {
    style: { color: "#ffffff", weight: 1, fill: false }, interactive: false,
  }).addTo(map);
  eventLayer = L.layerGroup().addTo(map);
  addLegend();
  map.on("moveend", () => loadMap());
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => h("div", { class: "legend", id: "legend" },
    h("strong", {}, "Where (precision)"),
    h("div", {}, h("span", { class: "sym sym-exact" }), " exact place"),
    h("div", {}, h("span", { class: "sym sym-district" }), " district (approximate)"),
    h("div", {}, h("span", { class: "sym sym-region" }), " region (admin-1): area, not a point"),
    h("div", {}, h("span", { class: "sym sym-country" }), " country only: whole country shaded"),
    h("div", {}, h("span", { class: "sym sym-cluster" }, "9"), " several events (click to zoom)"),
    h("div", { id: "unlocated" }));
  legend.addTo(map);
}

function tooltip(...lines) {
  return h("div", {}, ...lines.map((l, i) => (i === 0 ? h("strong", {}, l) : h("div", {}, l))));
}

async function loadMap() {
  const zoom = Math.round(map.getZoom());
  const data = await api("/api/map", apiParams({ zoom }));
  eventLayer.clearLayers();
  // country-level events: shade the country itself
  const byNum = {};
  for (const c of data.countries) byNum[ISO3_TO_NUM[c.country]] = c;
  countryLayer.eachLayer((layer) => {
    const c = byNum[String(Number(layer.feature.id))];
    const path = layer.getElement && layer.getElement();
    if (path) path.classList.toggle("ew-country-event", Boolean(c));
    layer.setStyle(c ? { fillColor: typeColor(c.type), fillOpacity: 0.18 } : { fillColor: "#d5d8dc", fillOpacity: 1 });
  });
  for (const c of data.countries) {
    const f = countryFeatures.find((x) => String(Number(x.id)) === ISO3_TO_NUM[c.country]);
    if (!f) continue;
    const shape = L.geoJSON(f, {
      style: { color: typeColor(c.type), weight: 1.5, dashArray: "2 4", fillOpacity: 0.08, className: "ew-country" },
    });
    shape.bindTooltip(tooltip(f.properties.name, `${c.count} country-level event(s): no finer place known`),
      { sticky: true });
    shape.on("click", () => (c.id ? selectEvent(c.id) : setFilter("country", c.country)));
    eventLayer.addLayer(shape);
  }
  // admin-1 events: a dashed area over the region, never a pin
  for (const r of data.regions) {
    const radius = 60000 + 12000 * Math.log2(1 + r.count);
    const area = L.circle([r.lat, r.lon], {
      radius, color: typeColor(r.type), weight: 2, dashArray: "6 5", fillColor: typeColor(r.type),
      fillOpacity: 0.15, className: "ew-region",
    });
    area.bindTooltip(tooltip(r.name || "region", `${r.count} region-level event(s) — somewhere in this region`),
      { sticky: true });
    area.on("click", () => (r.id ? selectEvent(r.id) : setFilter("admin1", String(r.admin1_id))));
    area.on("add", () => {
      const el = area.getElement();
      if (el) { el.dataset.name = r.name || ""; el.dataset.count = r.count; if (r.id) el.dataset.id = r.id; }
    });
    eventLayer.addLayer(area);
  }
  // exact and district events: server-side clusters
  for (const p of data.points) {
    if (p.count === 1) {
      const m = L.circleMarker([p.lat, p.lon], {
        radius: p.precision === "exact" ? 7 : 10, color: typeColor(p.type), weight: 2,
        fillColor: p.precision === "exact" ? typeColor(p.type) : "#ffffff", fillOpacity: 0.85,
        dashArray: p.precision === "exact" ? null : "3 3", className: `ew-point ew-${p.precision}`,
      });
      m.bindTooltip(tooltip(p.type, PRECISION_NAMES[p.precision]));
      m.on("click", () => selectEvent(p.id));
      m.on("add", () => { const el = m.getElement(); if (el) el.dataset.id = p.id; });
      eventLayer.addLayer(m);
    } else {
      const size = Math.min(54, 22 + 6 * Math.log10(p.count) * 2);
      const icon = L.divIcon({
        className: "ew-cluster", iconSize: [size, size],
        html: `<span style="background:${typeColor(p.type)}">${Number(p.count)}</span>`,
      });
      const m = L.marker([p.lat, p.lon], { icon, keyboard: true, title: `${p.count} events` });
      m.on("click", () => map.setView([p.lat, p.lon], Math.min(map.getZoom() + 2, 12)));
      eventLayer.addLayer(m);
    }
  }
  document.getElementById("unlocated").textContent = data.unlocated ? `${data.unlocated} event(s) not located` : "";
}

function setFilter(key, value) {
  state.filters[key] = value;
  state.event = null;
  fillForm();
  writeUrl();
  refresh();
}

// -- timeline -------------------------------------------------------------------------------------
async function loadTimeline() {
  const stats = await api("/api/stats", apiParams({ timeline: "true" }, { dates: false }));
  const types = [...new Set(stats.by_day.map((d) => d.type))];
  const select0 = document.getElementById("f-type");
  if (select0.options.length <= 1) {
    for (const t of stats.by_type.map((x) => x.key)) select0.append(h("option", { value: t }, t));
    select0.value = state.filters.type || "";
  }
  drawTimeline(stats.by_day, types);
}

function drawTimeline(byDay, types) {
  const svg = select("#timeline");
  svg.selectAll("*").remove();
  const el = document.getElementById("timeline");
  const width = el.clientWidth || 600;
  const height = el.clientHeight || 140;
  const m = { l: 34, r: 10, t: 6, b: 20 };
  if (!byDay.length) {
    svg.append("text").attr("x", 10).attr("y", 20).text("no dated events");
    return;
  }
  const day = (s) => new Date(`${s}T00:00:00Z`);
  const dates = byDay.map((d) => day(d.date));
  let lo = new Date(Math.min(...dates));
  let hi = new Date(Math.max(...dates));
  const span = (hi - lo) / 864e5;
  const bucketDays = span > 800 ? 7 : 1;
  lo = new Date(lo.getTime() - 864e5);
  hi = new Date(hi.getTime() + 2 * 864e5);
  const bucket = (d) => Math.floor(d / (864e5 * bucketDays)) * 864e5 * bucketDays;
  const stacks = new Map();
  for (const d of byDay) {
    const k = bucket(day(d.date).getTime());
    if (!stacks.has(k)) stacks.set(k, {});
    stacks.get(k)[d.type] = (stacks.get(k)[d.type] || 0) + d.count;
  }
  const maxY = Math.max(...[...stacks.values()].map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  const x = scaleUtc().domain([lo, hi]).range([m.l, width - m.r]);
  const y = scaleLinear().domain([0, maxY]).nice().range([height - m.b, m.t]);
  const barW = Math.max(1, x(new Date(lo.getTime() + 864e5 * bucketDays)) - x(lo) - 1);
  const g = svg.append("g");
  for (const [k, s] of stacks) {
    let acc = 0;
    for (const t of types) {
      const n = s[t] || 0;
      if (!n) continue;
      g.append("rect").attr("class", "bar").attr("x", x(new Date(k))).attr("width", barW)
        .attr("y", y(acc + n)).attr("height", y(acc) - y(acc + n)).attr("fill", typeColor(t))
        .append("title").text(`${new Date(k).toISOString().slice(0, 10)} ${t}: ${n}`);
      acc += n;
    }
  }
  svg.append("g").attr("transform", `translate(0,${height - m.b})`).call(axisBottom(x).ticks(Math.max(2, width / 90)));
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(axisLeft(y).ticks(3));
  const brush = brushX().extent([[m.l, m.t], [width - m.r, height - m.b]]).on("end", (ev) => {
    if (!ev.sourceEvent) return;
    if (!ev.selection) { setDates(null, null); return; }
    const [a, b] = ev.selection.map((px) => x.invert(px).toISOString().slice(0, 10));
    setDates(a, b);
  });
  const gb = svg.append("g").attr("class", "brush").call(brush);
  if (state.filters.since || state.filters.until) {
    const a = state.filters.since ? x(day(state.filters.since)) : m.l;
    const b = state.filters.until ? x(day(state.filters.until)) : width - m.r;
    gb.call(brush.move, [Math.max(m.l, a), Math.min(width - m.r, b)]);
  }
  const legend = document.getElementById("timeline-legend");
  legend.replaceChildren(...types.map((t) => h("span", { class: "key" },
    h("i", { style: `background:${typeColor(t)}` }), t)));
}

function setDates(since, until) {
  if (since) state.filters.since = since; else delete state.filters.since;
  if (until) state.filters.until = until; else delete state.filters.until;
  state.event = null;
  writeUrl();
  loadList();
  loadMap();
  showRange();
}
function showRange() {
  const { since, until } = state.filters;
  document.getElementById("range").textContent = since || until ? `${since || "…"} → ${until || "…"}` : "";
  document.getElementById("brush-clear").hidden = !(since || until);
}

// -- list -----------------------------------------------------------------------------------------
async function loadList(append = false) {
  if (!append) state.offset = 0;
  const data = await api("/api/events", apiParams({ limit: 50, offset: state.offset }));
  state.total = data.total;
  document.getElementById("count").textContent = `${data.total.toLocaleString()} event${data.total === 1 ? "" : "s"}`;
  const list = document.getElementById("list");
  const items = data.events.map(listItem);
  if (append) list.append(...items); else list.replaceChildren(...items);
  state.offset += data.events.length;
  document.getElementById("more").hidden = state.offset >= data.total;
  document.getElementById("export-link").href = `/api/export?${apiParams({ format: "csv" })}`;
  markSelected();
}

function listItem(e) {
  const who = [e.actors.join(", ") || "?", e.recipients.length ? `→ ${e.recipients.join(", ")}` : ""].join(" ");
  return h("li", { class: "event", dataset: { id: e.id }, tabindex: 0,
    onclick: () => selectEvent(e.id), onkeydown: (ev) => ev.key === "Enter" && selectEvent(e.id) },
  h("span", { class: "badge", style: `background:${typeColor(e.plover_type)}` },
    e.plover_type + (e.plover_mode ? `:${e.plover_mode}` : "")),
  h("span", { class: "date" }, e.date || "undated"),
  h("div", { class: "who" }, who),
  h("div", { class: "meta" },
    h("span", { class: `prec prec-${e.precision}`, title: PRECISION_NAMES[e.precision] || e.precision },
      e.place ? `${e.place} (${PRECISION_NAMES[e.precision] || e.precision})` : "no place"),
    " · ", h("span", { class: `status status-${e.status}` }, e.status),
    " · ", `${e.sources} source${e.sources === 1 ? "" : "s"}`,
    " · ", h("span", { class: "outlet" }, e.outlet || "")));
}

function markSelected() {
  for (const li of document.querySelectorAll("#list li.event")) {
    li.classList.toggle("selected", li.dataset.id === state.event);
  }
}

// -- evidence ---------------------------------------------------------------------------------------
async function selectEvent(id) {
  state.event = id;
  writeUrl();
  markSelected();
  await showEvidence(id);
}

function highlighted(passage) {
  // Split the passage at every span boundary; each piece is marked with the spans covering it.
  const text = passage.text;
  const cuts = new Set([0, text.length]);
  for (const s of passage.spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = passage.spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { out.push(piece); continue; }
    const roles = [...new Set(covering.map((s) => s.role))];
    const title = covering.map((s) => `${ROLE_NAMES[s.role] || s.role}: ${s.label} — ${s.reason} [${s.method}]`)
      .join("\n");
    out.push(h("mark", { class: roles.map((r) => `hl hl-${r}`).join(" "), title, dataset: { roles: roles.join(" ") } },
      piece));
  }
  return h("p", { class: passage.main ? "passage main" : "passage" }, out);
}

function field(label, ...value) {
  return h("div", { class: "field" }, h("span", { class: "k" }, label), h("span", { class: "v" }, ...value));
}

async function showEvidence(id) {
  const panel = document.getElementById("evidence");
  panel.replaceChildren(h("p", { class: "hint" }, "loading…"));
  let data;
  try {
    data = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    panel.replaceChildren(h("p", { class: "error" }, String(err.message)));
    return;
  }
  const e = data.event;
  const parts = [
    h("h2", {}, h("span", { class: "badge", style: `background:${typeColor(e.plover_type)}` },
      e.plover_type + (e.plover_mode ? `:${e.plover_mode}` : "")), " ", e.trigger || ""),
    field("ACLED", e.acled_type ? `${e.acled_type} / ${e.acled_subtype}` : "not an ACLED event type"),
    field("CAMEO root", e.cameo_root || "–"),
    field("when", `${e.date || "unknown"} (${e.date_precision})`),
    field("where", e.place ? `${e.place}${e.admin1 && e.admin1 !== e.place ? ", " + e.admin1 : ""}` : "not located",
      " ", h("span", { class: `prec prec-${e.precision}` }, PRECISION_NAMES[e.precision] || e.precision)),
    field("who", `${e.actors.join(", ") || "?"}${e.recipients.length ? " → " + e.recipients.join(", ") : ""}`),
    field("status", e.status, e.status_source ? ` — according to ${e.status_source}` : ""),
    field("confidence", e.confidence.toFixed(2)),
    field("sources", `${e.sources} article(s), ${e.independent_sources} independent (${e.corroboration})`),
  ];
  for (const r of data.reports) parts.push(reportView(r));
  parts.push(h("h3", {}, "Sources"), h("ul", { class: "sources" }, data.sources.map((s) => h("li", {
    class: `source source-${s.role}` }, h("span", { class: "role" }, s.role), " ",
  s.outlet || "", s.title ? ` — ${s.title}` : "", s.published ? ` (${s.published.slice(0, 10)})` : "",
  h("div", { class: "why" }, s.reason)))));
  panel.replaceChildren(...parts);
  panel.scrollTop = 0;
}

function reportView(r) {
  const a = r.article;
  const legend = h("div", { class: "hl-legend" }, Object.entries(ROLE_NAMES).map(([k, v]) =>
    h("mark", { class: `hl hl-${k}` }, v)));
  const view = [
    h("h3", {}, "Evidence"),
    h("div", { class: "article-head" }, h("span", { class: "outlet" }, a.outlet || "unknown outlet"), " · ",
      a.title || "(untitled)", a.published ? ` · ${a.published.slice(0, 10)}` : "",
      a.cited_outlets.length ? ` · cites ${a.cited_outlets.join(", ")}` : ""),
    legend,
    ...r.evidence.map(highlighted),
  ];
  if (r.statement) view.push(field("statement", `${r.statement.kind}${r.statement.source ? " — " + r.statement.source : ""}`));
  if (r.headline_flags.length) {
    view.push(h("h3", {}, "Headline flags"), h("ul", { class: "flags" }, r.headline_flags.map((f) =>
      h("li", {}, h("strong", {}, f.kind), f.headline ? ` — headline says “${f.headline}”` : "",
        f.body.length ? `; body says “${f.body.join(" … ")}”` : "", h("div", { class: "why" }, `${f.reason} [${f.method}]`)))));
  }
  if (r.quotes.length) {
    view.push(h("h3", {}, "Quotes"), h("ul", { class: "quotes" }, r.quotes.map((q) =>
      h("li", {}, h("q", {}, q.content), " — ", q.speaker_name || q.speaker || "unknown speaker",
        q.affiliation ? ` (${q.affiliation})` : "", h("div", { class: "why" }, `${q.kind}; ${q.reason} [${q.method}]`)))));
  }
  view.push(h("h3", {}, "Why (each decision)"), h("table", { class: "decisions" },
    h("thead", {}, h("tr", {}, h("th", {}, "field"), h("th", {}, "value"), h("th", {}, "why"))),
    h("tbody", {}, r.decisions.map((d) => h("tr", {}, h("td", {}, d.field), h("td", {}, d.value),
      h("td", {}, d.reason, h("span", { class: "method" }, d.method ? ` [${d.method}]` : "")))))));
  return h("section", { class: "report" }, view);
}

// -- boot -------------------------------------------------------------------------------------------
async function refresh() {
  showRange();
  await Promise.all([loadTimeline(), loadList(), loadMap()]);
  if (state.event) await showEvidence(state.event);
  else document.getElementById("evidence").replaceChildren(h("p", { class: "hint" },
    "Select an event on the map or in the list to see the sentences behind it."));
}

async function main() {
  readUrl();
  initFilters();
  fillForm();
  document.getElementById("more").addEventListener("click", () => loadList(true));
  document.getElementById("brush-clear").addEventListener("click", () => { setDates(null, null); loadTimeline(); });
  await initMap();
  await refresh();
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  document.body.dataset.ready = "error";
  document.getElementById("evidence").replaceChildren(h("p", { class: "error" }, `UI failed: ${err.message}`));
});
