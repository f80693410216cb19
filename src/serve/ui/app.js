// The newsdex page: every view is a function of the URL's parameters, so
// links can be shared and the back button works. Data comes from /api/.
"use strict";

const FILTERS = ["speaker", "place", "source", "from", "to"];
const PAGE = 10;
const $ = (selector) => document.querySelector(selector);

function state() {
  const params = new URLSearchParams(location.search);
  const s = {
    q: params.get("q") || "", offset: Number(params.get("offset") || 0), article: params.get("article"),
    by: params.get("by") || "month", drill: params.get("drill") || "", profile: params.get("profile"),
  };
  for (const f of FILTERS) s[f] = params.get(f);
  return s;
}

function url(s) {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  for (const f of FILTERS) if (s[f]) params.set(f, s[f]);
  if (s.offset) params.set("offset", s.offset);
  if (s.by && s.by !== "month") params.set("by", s.by);
  if (s.drill) params.set("drill", s.drill);
  if (s.article) params.set("article", s.article);
  if (s.profile) params.set("profile", s.profile);
  const text = params.toString();
  return text ? "?" + text : location.pathname;
}

function go(changes) {
  const next = Object.assign(state(), { offset: 0, article: null, profile: null }, changes);
  history.pushState(null, "", url(next));
  render();
}

function apiParams(s, extra) {
  const params = new URLSearchParams(extra);
  params.set("q", s.q || "*");
  for (const f of FILTERS) if (s[f]) params.set(f, s[f]);
  return params;
}

async function api(path, params) {
  const response = await fetch(params ? `${path}?${params}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// A speaker or place opens its profile (the facets on the side narrow).
function chip(kind, value) {
  const profile = `${kind}:${value}`;
  return el("a", {
    class: `chip ${kind}`, href: url({ profile }),
    title: `The profile of ${value}`,
    onclick: (e) => { e.preventDefault(); go({ profile }); },
  }, value);
}

// Highlight spans are [start, end) in characters (code points).
function highlighted(text, spans) {
  const chars = Array.from(text);
  const out = [];
  let at = 0;
  for (const [start, end] of spans || []) {
    out.push(chars.slice(at, start).join(""), el("mark", {}, chars.slice(start, end).join("")));
    at = end;
  }
  out.push(chars.slice(at).join(""));
  return out;
}

// What was said, as a reader takes it: words said word for word in
// quotation marks, reported speech ("Okafor said that …") without them and
// labelled "reported".
function said(quote, text) {
  return quote.direct ? ["“", text, "”"] : [reportedLabel(), " ", text];
}

function reportedLabel() {
  return el("span", { class: "kind", title: "Reported speech: the article's words, not the speaker's" }, "reported");
}

// Who said it, as the corpus names them; a vague source has no name.
function speakersOf(quote) {
  const names = [quote.speaker, ...(quote.co_speakers || [])].filter(Boolean);
  return names.length ? names.join(" and ") : "unnamed source";
}

function articleLink(id, title) {
  return el("a", { href: url({ article: id }), onclick: (e) => { e.preventDefault(); go({ article: id }); } }, title || id);
}

function showError(message) {
  $("#error").textContent = message || "";
}

async function render() {
  const s = state();
  $("#q").value = s.q;
  renderActive(s);
  if (s.article) return renderArticle(s.article);
  if (s.profile) return renderProfile(s.profile);
  $("#article").hidden = true;
  $("#profile").hidden = true;
  $("#results").hidden = false;
  try {
    const [results, timeline, places] = await Promise.all([
      api("/api/search", apiParams(s, { offset: s.offset, limit: PAGE, facets: "speaker,source,date:year", facet_limit: 8 })),
      api("/api/timeline", apiParams(s, { by: s.by })),
      api("/api/facets/place", apiParams(s, { drill: s.drill, limit: 10 })).catch(() => null),
    ]);
    showError("");
    renderResults(s, results, timeline);
    renderFacets(results.facets, places, s);
    renderAnalysis(s);
    window.newsdexRendered = performance.now();
  } catch (err) {
    showError(err.message);
    $("#results").replaceChildren();
    $("#facets").replaceChildren();
  }
}

function renderActive(s) {
  const chips = FILTERS.filter((f) => s[f]).map((f) =>
    el("a", { class: "chip remove", href: "#", title: `Remove ${f} filter`, onclick: (e) => { e.preventDefault(); go({ [f]: null }); } },
      `${f}: ${s[f]}`));
  $("#active").replaceChildren(...chips);
}

function renderResults(s, results, timeline) {
  const periods = timeline.periods || [];
  const most = Math.max(1, ...periods.map((p) => p.count));
  const bars = periods.map((p) => el("div", {
    title: `${p.period}: ${p.count} articles`, style: `height:${Math.round((100 * p.count) / most)}%`,
    class: s.from === periodRange(p.period).from && s.to === periodRange(p.period).to ? "on" : "",
    onclick: () => go(Object.assign(state(), periodRange(p.period), { offset: 0 })),
  }));
  const hits = results.hits.map((hit) => el("article", { class: "hit", "data-id": hit.id },
    el("h3", {}, el("a", { href: url({ article: hit.id }), class: "title", onclick: (e) => { e.preventDefault(); go({ article: hit.id }); } }, hit.title || hit.id)),
    el("div", { class: "meta" }, [hit.date, hit.source, hit.dateline].filter(Boolean).join(" · "),
      hit.copies ? ` · ${hit.copies} similar ${hit.copies === 1 ? "copy" : "copies"}` : ""),
    el("p", { class: "snippet" }, hit.snippet_speaker ? `${hit.snippet_speaker}: ` : null,
      hit.snippet_speaker === "" ? el("span", { class: "meta" }, "unnamed source: ") : null,
      hit.snippet_direct === false ? [reportedLabel(), " "] : null, highlighted(hit.snippet, hit.highlights)),
    el("div", {}, hit.speakers.map((v) => chip("speaker", v)), hit.places.map((v) => chip("place", v.split(",")[0])))));
  const pager = el("div", { class: "pager" },
    s.offset > 0 ? el("button", { onclick: () => go(Object.assign(state(), { offset: Math.max(0, s.offset - PAGE) })) }, "← Previous") : null,
    s.offset + PAGE < results.total ? el("button", { onclick: () => go(Object.assign(state(), { offset: s.offset + PAGE })) }, "Next →") : null);
  $("#results").replaceChildren(
    el("p", { id: "total" }, results.total === 1 ? "1 article matches" : `${results.total.toLocaleString()} articles match`),
    el("div", { class: "meta" }, "Articles per ",
      el("select", { id: "by", "aria-label": "Period", onchange: (e) => go(Object.assign(state(), { by: e.target.value, offset: 0 })) },
        ["day", "week", "month", "year"].map((b) => el("option", b === s.by ? { value: b, selected: "" } : { value: b }, b))),
      " — click a bar to keep that period"),
    el("div", { id: "timeline", "aria-label": `Articles per ${s.by}` }, bars),
    el("div", { id: "hits" }, hits), pager);
  selected = -1;
}

// A period label as a date range the filters take: a week (2016-W47)
// becomes its Monday to Sunday; days, months and years are ranges already.
function periodRange(period) {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!week) return { from: period, to: period };
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(week[2]) - 1) * 7 * 86400000);
  const sunday = new Date(monday.getTime() + 6 * 86400000);
  const day = (d) => d.toISOString().slice(0, 10);
  return { from: day(monday), to: day(sunday) };
}

function renderPlaces(places, s) {
  if (!places) return null;
  const path = s.drill ? s.drill.split("/") : [];
  const crumbs = [el("a", { href: "#", onclick: (e) => { e.preventDefault(); go(Object.assign(state(), { drill: "" })); } }, "World")];
  path.forEach((part, i) => crumbs.push(" › ", el("a", { href: "#", onclick: (e) => {
    e.preventDefault(); go(Object.assign(state(), { drill: path.slice(0, i + 1).join("/") }));
  } }, part)));
  const items = places.values.map((c) => el("li", {},
    el("a", { href: "#", class: "facet place", title: `Within ${c.value}`, onclick: (e) => {
      e.preventDefault(); go(Object.assign(state(), { drill: [...path, c.value].join("/"), place: c.value, offset: 0 }));
    } }, c.value),
    el("span", {}, c.count.toLocaleString())));
  return el("section", { id: "places" }, el("h2", {}, "place"), el("div", { class: "meta" }, crumbs), el("ul", {}, items));
}

function renderFacets(facets, places, s) {
  const kinds = { speaker: "speaker", place: "place", source: "source", "date:year": "year" };
  // `facets` maps each facet to its values, most frequent first.
  const sections = (facets ? Object.entries(facets) : []).map(([name, counts]) => {
    const kind = kinds[name] || name;
    const items = counts.map((c) => {
      const value = kind === "place" ? c.value.split(",")[0] : c.value;
      const changes = kind === "year" ? { from: c.value, to: c.value } : { [kind]: value };
      return el("li", {}, el("a", { href: "#", class: `facet ${kind}`, onclick: (e) => { e.preventDefault(); go(changes); } }, c.value),
        el("span", {}, c.count.toLocaleString()));
    });
    return el("section", {}, el("h2", {}, kind), el("ul", {}, items));
  });
  sections.splice(1, 0, renderPlaces(places, s));
  $("#facets").replaceChildren(...sections.filter(Boolean));
}

// The terms that set the results apart, and where in the world they are
// (nothing for every article: there is nothing to set them apart from).
async function renderAnalysis(s) {
  const panel = el("section", { id: "terms" });
  $("#facets").append(panel);
  if (!s.q || s.q === "*") return;
  try {
    const terms = await api("/api/terms", apiParams(s, { limit: 12 }));
    if (terms.terms.length) {
      panel.replaceChildren(el("h2", { title: "Over-represented in these articles (log-likelihood G²)" }, "terms"),
        el("ul", {}, terms.terms.map((t) => el("li", {},
          el("a", { href: "#", class: "term", onclick: (e) => { e.preventDefault(); go({ q: `${s.q} "${t.term}"` }); } }, t.term),
          el("span", {}, Math.round(t.g2).toLocaleString())))));
    }
  } catch (err) { /* no terms: nothing to show */ }
  $("#results").append(el("figure", { id: "map" },
    el("img", { src: `/api/map?${apiParams(s, { format: "svg" })}`, alt: `Coverage of ${s.q} by country`, style: "width:100%;max-width:48rem" })));
}

// A speaker's or place's profile: when, what about, with whom, where.
async function renderProfile(profile) {
  const [kind, ...rest] = profile.split(":");
  const name = rest.join(":");
  $("#results").hidden = true;
  $("#article").hidden = true;
  const view = $("#profile");
  view.hidden = false;
  try {
    const p = await api(`/api/profile/${encodeURIComponent(kind)}`, new URLSearchParams({ name, limit: 10 }));
    showError("");
    const most = Math.max(1, ...p.timeline.map((t) => t.count));
    const list = (title, id, counts, link) => counts.length ? el("section", { id }, el("h3", {}, title),
      el("ul", {}, counts.map((c) => el("li", {}, link ? link(c.value) : c.value, " ", el("span", { class: "meta" }, c.count.toLocaleString()))))) : null;
    const figures = [`${p.articles.toLocaleString()} articles`];
    if (p.quotes !== undefined) figures.push(p.quotes_read < p.articles
    ? `about ${p.quotes.toLocaleString()} quotes (from ${p.quotes_read.toLocaleString()} articles read)`
    : `${p.quotes.toLocaleString()} quotes`);
    if (p.first_seen) figures.push(`first seen ${p.first_seen}`);
    if (p.last_seen) figures.push(`last seen ${p.last_seen}`);
    const shown = p.resolved || p.name;
    // `replaceChildren` writes a null as the text "null": `el` skips them.
    view.replaceChildren(el("div", {},
      el("p", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); history.back(); } }, "← Back")),
      el("h2", { class: "title" }, shown),
      el("div", { class: "meta" }, `${kind} · ${figures.join(" · ")} · `,
        el("a", { href: url({ [kind]: shown }), onclick: (e) => { e.preventDefault(); go({ [kind]: shown }); } }, "search these articles")),
      el("div", { id: "profile-timeline", class: "timeline", "aria-label": "Articles per month" },
        p.timeline.map((t) => el("div", { title: `${t.value}: ${t.count} articles`, style: `height:${Math.round((100 * t.count) / most)}%` }))),
      p.terms.length ? el("section", { id: "profile-terms" }, el("h3", {}, kind === "speaker" ? "What they talk about" : "What its coverage is about",
          p.terms_read < p.articles ? el("small", {}, ` (from a sample of ${p.terms_read.toLocaleString()} articles)`) : null),
        el("p", {}, p.terms.map((t) => el("span", { class: "chip term", title: `G² ${t.g2.toFixed(1)}` }, t.term)))) : null,
      list(kind === "speaker" ? "Quoted in the same articles" : "Most quoted", "profile-speakers", p.speakers, (v) => chip("speaker", v)),
      el("figure", { id: "profile-graph" }),
      list(kind === "speaker" ? "Places of the articles" : "Places inside it", "profile-places", p.places, (v) => chip("place", v.split(",")[0])),
      p.roles ? list("Roles as written", "profile-roles", p.roles) : null,
      list("Sources", "profile-sources", p.sources),
      p.latest_quotes && p.latest_quotes.length ? el("section", { id: "profile-quotes" }, el("h3", {}, "Latest quotes"),
        el("ul", {}, p.latest_quotes.map((q) => el("li", { class: q.direct ? "direct" : "reported" },
          el("span", { class: "meta" }, q.date || "undated"), " ",
          // The speaker when it is not the profile's own alone.
          q.speaker === shown && !(q.co_speakers || []).length ? null : [el("b", {}, speakersOf(q)), ": "],
          said(q, q.text), " — ", articleLink(q.id, q.title))))) : null));
    window.scrollTo(0, 0);
    window.newsdexRendered = performance.now();
    const network = await api("/api/network", new URLSearchParams({ q: "*", [kind]: shown, nodes: "speaker", top: 13 }));
    drawGraph($("#profile-graph"), network, kind === "speaker" ? shown : null);
  } catch (err) {
    showError(err.message);
    view.replaceChildren();
  }
}

// Who is quoted with whom in the profile's articles: the speakers on a
// circle (the profile's own speaker in the middle), a line for each pair
// quoted in the same articles, thicker for more; a click opens a profile.
function drawGraph(figure, network, centre) {
  if (!figure || network.nodes.length < 2) return;
  const ns = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  };
  const size = 360, middle = size / 2, radius = 130;
  const ring = network.nodes.filter((n) => n.label !== centre);
  const at = {};
  network.nodes.forEach((n) => {
    if (n.label === centre) { at[n.id] = [middle, middle]; return; }
    const angle = (2 * Math.PI * ring.indexOf(n)) / ring.length - Math.PI / 2;
    at[n.id] = [middle + radius * Math.cos(angle), middle + radius * Math.sin(angle)];
  });
  const heaviest = Math.max(1, ...network.edges.map((e) => e.weight));
  const most = Math.max(1, ...network.nodes.map((n) => n.articles));
  const svg = svgEl("svg", { viewBox: `-60 0 ${size + 120} ${size}`, width: "100%", style: "max-width:30rem", role: "img", "aria-label": "Speakers quoted together" });
  for (const e of network.edges) {
    const [x1, y1] = at[e.source], [x2, y2] = at[e.target];
    svg.append(svgEl("line", { x1, y1, x2, y2, stroke: "#9db9d8", "stroke-width": 1 + (4 * e.weight) / heaviest }));
  }
  for (const n of network.nodes) {
    const [x, y] = at[n.id];
    const group = svgEl("g", { class: "node", style: "cursor:pointer" });
    group.append(svgEl("circle", { cx: x, cy: y, r: 4 + 10 * Math.sqrt(n.articles / most), fill: n.label === centre ? "#0b5cad" : "#6baed6" }),
      svgEl("text", { x, y: y + 24, "text-anchor": "middle", "font-size": 11 }, n.label),
      svgEl("title", {}, `${n.label}: ${n.articles} articles`));
    group.addEventListener("click", () => go({ profile: `speaker:${n.label}` }));
    svg.append(group);
  }
  figure.replaceChildren(el("h3", {}, "Quoted together"), svg);
}

async function renderArticle(id) {
  $("#results").hidden = true;
  $("#profile").hidden = true;
  const view = $("#article");
  view.hidden = false;
  try {
    const [article, similar] = await Promise.all([
      api(`/api/article/${encodeURIComponent(id)}`),
      api(`/api/similar/${encodeURIComponent(id)}`, new URLSearchParams({ limit: 5 })),
    ]);
    showError("");
    const placeNames = (article.place || []).map((label) => label.split(",")[0]);
    const body = el("div", { class: "body" }, marked(article.body || "", article.quotes || [], placeNames));
    // Other copies of the same wire story (same cluster).
    const copies = article.cluster
      ? (await api("/api/search", new URLSearchParams({ q: `cluster:"${article.cluster}"`, all_copies: true, limit: 20 }))).hits.filter((h) => h.id !== id)
      : [];
    const copiesList = copies.length ? el("div", { id: "copies" }, el("h3", {}, `Copies of this story (${copies.length})`),
      el("ul", {}, copies.map((hit) => el("li", {},
        el("a", { href: url({ article: hit.id }), onclick: (e) => { e.preventDefault(); go({ article: hit.id }); } }, hit.title || hit.id),
        ` ${[hit.date, hit.source].filter(Boolean).join(" · ")}`)))) : null;
    view.replaceChildren(el("div", {},
      el("p", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); history.back(); } }, "← Back to results")),
      el("h2", { class: "title" }, article.title || id),
      el("div", { class: "meta" }, [article.date, article.source, [].concat(article.author || []).join(", ")].filter(Boolean).join(" · ")),
      el("div", {}, (article.speaker || []).map((v) => chip("speaker", v)), (article.place || []).map((v) => chip("place", v.split(",")[0]))),
      body,
      copiesList,
      el("h3", {}, "Similar stories"),
      el("ul", { class: "similar" }, similar.hits.map((hit) => el("li", {},
        el("a", { href: url({ article: hit.id }), onclick: (e) => { e.preventDefault(); go({ article: hit.id }); } }, hit.title || hit.id),
        ` ${hit.date || ""}`)))));
    window.scrollTo(0, 0);
  } catch (err) {
    showError(err.message);
    view.replaceChildren();
  }
}

// The body with each quote found in it marked and attributed to its
// speaker (direct quotes and reported speech each their own way), and the
// places the article names marked where they occur.
function marked(text, quotes, places) {
  const spans = [];
  const free = (a, b) => !spans.some(([x, y]) => a < y && b > x);
  for (const quote of quotes) {
    // A quotation split by its attribution is stored joined with " … ":
    // each part is marked where it is, in order.
    const parts = quote.text.split(" … ");
    const found = [];
    let from = 0;
    for (const part of parts) {
      const at = text.indexOf(part, from);
      if (at < 0 || !free(at, at + part.length)) break;
      found.push([at, at + part.length]);
      from = at + part.length;
    }
    // The speaker is named after the last part.
    found.forEach(([start, end], i) => {
      if (found.length === parts.length) spans.push([start, end, "quote", quote, i === found.length - 1]);
    });
  }
  for (const name of places) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))) {
      const end = match.index + name.length;
      if (free(match.index, end)) spans.push([match.index, end, "place-name", name]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  for (const [start, end, kind, what, last] of spans) {
    const attrs = kind === "quote"
      ? { class: `quote ${what.direct ? "direct" : "reported"}`, "data-speaker": what.speaker || "unattributed",
          "data-label": last ? (what.direct ? speakersOf(what) : `${speakersOf(what)}, reported`) : null,
          title: `${speakersOf(what)}: ${what.direct ? "quoted word for word" : "reported speech"}` }
      : { class: "place-name", title: what };
    out.push(text.slice(at, start), el("span", attrs, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

let selected = -1;
function select(step) {
  const hits = document.querySelectorAll(".hit");
  if (!hits.length) return;
  hits[selected]?.classList.remove("selected");
  selected = Math.min(hits.length - 1, Math.max(0, selected + step));
  hits[selected].classList.add("selected");
  hits[selected].scrollIntoView({ block: "nearest" });
}

document.addEventListener("keydown", (e) => {
  if (e.target.tagName === "INPUT") {
    if (e.key === "Escape") e.target.blur();
    return;
  }
  if (e.key === "/") { e.preventDefault(); $("#q").focus(); }
  else if (e.key === "j") select(1);
  else if (e.key === "k") select(-1);
  else if (e.key === "Enter" && selected >= 0) document.querySelectorAll(".hit .title")[selected]?.click();
  else if (e.key === "Escape" && state().article) history.back();
});

$("#search").addEventListener("submit", (e) => {
  e.preventDefault();
  go({ q: $("#q").value.trim() });
});
$("#hint").addEventListener("click", (e) => {
  if (e.target.tagName === "CODE") go({ q: e.target.textContent });
});
window.addEventListener("popstate", render);
render();
