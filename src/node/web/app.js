// phantom's status page: one server-sent event stream, `snapshot` (nodes and jobs, every
// second) and `feed` (migrations, balancer decisions, jobs' ends), drawn without a reload.
"use strict";

const token = new URLSearchParams(location.search).get("token");
const query = token ? "?token=" + encodeURIComponent(token) : "";
for (const a of document.querySelectorAll("footer a")) a.href += query;

// What the page has drawn, for tests and for anyone curious: `phantom.snapshots` counts
// snapshots received, `phantom.last` is the last one.
window.phantom = { snapshots: 0, events: 0, last: null };

const where = new Map(); // job id -> node it was last seen on
const seen = new Set(); // feed events drawn: node/started/seq

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function num(n) {
  return Number(n).toLocaleString("en-US");
}

function rate(n) {
  if (!n) return "–";
  if (n >= 1e9) return (n / 1e9).toFixed(2) + " G/s";
  if (n >= 1e6) return (n / 1e6).toFixed(1) + " M/s";
  if (n >= 1e3) return (n / 1e3).toFixed(1) + " k/s";
  return n + " /s";
}

function age(ms) {
  let s = Math.floor(ms / 1000);
  if (s < 60) return s + "s";
  const m = Math.floor(s / 60);
  s %= 60;
  if (m < 60) return m + "m " + s + "s";
  return Math.floor(m / 60) + "h " + (m % 60) + "m";
}

function arch(a) {
  return el("span", a || "?", "arch " + (a || ""));
}

function row(cells, attrs, cls) {
  const tr = el("tr", null, cls);
  for (const [k, v] of Object.entries(attrs)) tr.dataset[k] = v;
  for (const c of cells) {
    const td = el("td");
    if (c instanceof Node) td.appendChild(c);
    else if (typeof c === "object" && c !== null) {
      td.textContent = c.text;
      if (c.cls) td.className = c.cls;
    } else td.textContent = c;
    tr.appendChild(td);
  }
  return tr;
}

function drawNodes(nodes, unreachable) {
  const body = document.querySelector("#nodes tbody");
  body.replaceChildren(
    ...nodes.map((n) =>
      row(
        [
          n.name,
          n.reachable ? arch(n.arch) : "",
          { text: n.reachable ? n.cores : "", cls: "num" },
          { text: n.reachable ? rate(n.speed) : "", cls: "num" },
          { text: n.cpu_percent == null ? "–" : n.cpu_percent + "%", cls: "num" },
          n.labels.join(", "),
          { text: n.reachable ? n.processes : "", cls: "num" },
          { text: n.reachable ? n.jobs : "", cls: "num" },
          n.reachable ? "yes" : "no",
        ],
        { node: n.name, arch: n.arch, reachable: n.reachable },
        n.reachable ? "" : "unreachable",
      ),
    ),
  );
  document.getElementById("unreachable").textContent = unreachable.length
    ? "did not answer: " + unreachable.join(", ")
    : "";
}

function drawJobs(jobs) {
  const body = document.querySelector("#jobs tbody");
  const rows = jobs.map((j) => {
    const ended = j.exit !== null && j.exit !== undefined;
    const before = where.get(j.id);
    const moved = before !== undefined && before !== j.node && !ended;
    where.set(j.id, j.node);
    const on = el("span");
    on.append(j.node + " ", arch(j.arch));
    const state = el("span", j.state, "state " + j.state);
    return row(
      [
        j.id,
        j.main,
        state,
        on,
        j.home,
        { text: num(j.executed), cls: "num" },
        { text: j.migrations, cls: "num" },
        { text: age(j.age_ms || 0), cls: "num" },
        ended ? j.exit : "",
      ],
      { job: j.id, node: j.node, state: j.state },
      (ended ? "ended" : "") + (moved ? " moved" : ""),
    );
  });
  body.replaceChildren(...rows);
  document.getElementById("nojobs").hidden = jobs.length > 0;
}

function addEvent(e) {
  const key = e.node + "/" + e.started_ms + "/" + e.seq;
  if (seen.has(key)) return;
  seen.add(key);
  window.phantom.events += 1;
  const li = el("li");
  li.dataset.kind = e.kind;
  li.dataset.at = e.at_ms;
  if (e.job) li.dataset.job = e.job;
  li.append(
    el("span", new Date(e.at_ms).toLocaleTimeString(), "when"),
    el("span", e.kind, "kind " + e.kind),
    el("span", e.node, "node"),
    el("span", e.text, "text"),
  );
  const feed = document.getElementById("feed");
  // Newest first; peers' events can arrive late, so place by time.
  let next = null;
  for (const other of feed.children) {
    if (Number(other.dataset.at) <= e.at_ms) {
      next = other;
      break;
    }
  }
  feed.insertBefore(li, next);
  while (feed.children.length > 300) feed.lastChild.remove();
  document.getElementById("nofeed").hidden = true;
}

const link = document.getElementById("link");
const stream = new EventSource("api/stream" + query);
stream.onopen = () => {
  link.textContent = "live";
  link.className = "link up";
};
stream.onerror = () => {
  link.textContent = "reconnecting";
  link.className = "link down";
};
stream.addEventListener("snapshot", (m) => {
  const s = JSON.parse(m.data);
  document.getElementById("via").textContent = "via node " + s.node;
  drawNodes(s.nodes, s.unreachable);
  drawJobs(s.jobs);
  window.phantom.snapshots += 1;
  window.phantom.last = s;
});
stream.addEventListener("feed", (m) => addEvent(JSON.parse(m.data)));
