// The studio's page: the editor with live help, the program seen, and stepping at the plinth.
// Every answer comes from the server (the language services, the patient outputs, the
// session log of `prog step`); this script only shows them and sends the clinician's presses.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { keymap, hoverTooltip } from "@codemirror/view";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";
import { progLanguage } from "./language.js";

const token = document.querySelector('meta[name="prog-token"]').content;
const $ = (id) => document.getElementById(id);
const client = sessionStorage.getItem("prog-studio-client") || crypto.randomUUID();
sessionStorage.setItem("prog-studio-client", client);
history.replaceState(null, "", location.pathname); // the token stays out of the address bar

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: { "X-Prog-Token": token } };
  if (options.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  if (options.keepalive) init.keepalive = true;
  const response = await fetch(path, init);
  let data = {};
  try {
    data = await response.json();
  } catch (_) {
    data = {};
  }
  return { status: response.status, data };
}

// --- positions: the services count code points, the editor counts UTF-16 units -----------

function toOffset(doc, pos) {
  const number = Math.min(Math.max(pos.line + 1, 1), doc.lines);
  const line = doc.line(number);
  let offset = 0;
  let count = 0;
  for (const ch of line.text) {
    if (count >= pos.character) break;
    offset += ch.length;
    count += 1;
  }
  return line.from + offset;
}

function toPos(doc, offset) {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: [...line.text.slice(0, offset - line.from)].length };
}

// --- the open file ---------------------------------------------------------------------

const state = { root: "", path: null, base: null, saved: "", analysis: null, opening: 0 };
const draftKey = (path) => `prog-studio:${state.root}:${path}`;

function setSaveState() {
  const dirty = state.path !== null && view.state.doc.toString() !== state.saved;
  $("save-state").textContent = state.path === null ? "" : dirty ? "Unsaved changes" : "Saved";
  $("save-state").classList.toggle("dirty", dirty);
}

function keepDraft() {
  if (state.path === null) return;
  const text = view.state.doc.toString();
  if (text === state.saved) localStorage.removeItem(draftKey(state.path));
  else localStorage.setItem(draftKey(state.path), JSON.stringify({ text, base: state.base }));
  setSaveState();
}

async function openFile(path) {
  const call = ++state.opening; // the file chosen last is the one that opens
  const { status, data } = await api(`/api/file?path=${encodeURIComponent(path)}`);
  if (call !== state.opening) return;
  if (status !== 200) {
    $("save-state").textContent = data.error || "Cannot open this file";
    return;
  }
  state.path = path;
  state.saved = data.text;
  state.base = data.sha256;
  let text = data.text;
  const draft = JSON.parse(localStorage.getItem(draftKey(path)) || "null");
  if (draft && draft.text !== data.text) {
    text = draft.text;
    state.base = draft.base; // saving it checks the file is still what the draft began from
  }
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  $("file-picker").value = path;
  localStorage.setItem(`prog-studio:${state.root}:last`, path);
  setSaveState();
  forceLinting(view);
  if (!$("view-step").hidden) showStepStart();
}

async function save(force = false) {
  if (state.path === null) return;
  const text = view.state.doc.toString();
  const { status, data } = await api("/api/file", {
    method: "PUT",
    body: { path: state.path, text, sha256: state.base, force },
  });
  if (status === 409) {
    showConflict(data.theirs);
    return;
  }
  if (status !== 200) {
    $("save-state").textContent = data.error || "Not saved";
    return;
  }
  state.base = data.sha256;
  state.saved = text;
  localStorage.removeItem(draftKey(state.path));
  setSaveState();
}

function showConflict(theirs) {
  const dialog = $("conflict");
  $("conflict-both-texts").hidden = true;
  $("conflict-text").textContent = theirs ? theirs.text : "(the file was removed)";
  $("conflict-mine-text").textContent = view.state.doc.toString();
  $("conflict-mine").onclick = () => {
    dialog.close();
    save(true);
  };
  $("conflict-theirs").onclick = () => {
    dialog.close();
    localStorage.removeItem(draftKey(state.path));
    if (theirs) {
      state.saved = theirs.text;
      state.base = theirs.sha256;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: theirs.text } });
    }
    setSaveState();
  };
  $("conflict-both").onclick = () => {
    $("conflict-both-texts").hidden = false;
  };
  dialog.showModal();
}

// --- live help: diagnostics with their fixes, the steps and the chart ---------------------

async function analyse(view) {
  if (state.path === null) return [];
  const doc = view.state.doc;
  const { status, data } = await api("/api/analyse", {
    method: "POST",
    body: { path: state.path, text: doc.toString() },
  });
  if (status !== 200 || view.state.doc !== doc) return [];
  state.analysis = data;
  showDiagnostics(data.diagnostics, doc);
  showProgram(data);
  return data.diagnostics.map((d) => {
    const from = toOffset(doc, d.from);
    const to = Math.max(toOffset(doc, d.to), from);
    return {
      from,
      to,
      severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
      source: d.code,
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      actions: d.fixes.map((fix) => ({
        name: fix.title,
        apply: (target) => applyEdits(target, fix.edits, doc),
      })),
    };
  });
}

function applyEdits(target, edits, doc) {
  const changes = edits.map((e) => ({
    from: toOffset(doc, e.range.start),
    to: toOffset(doc, e.range.end),
    insert: e.new_text,
  }));
  target.dispatch({ changes, userEvent: "input.fix" });
  target.focus();
}

function showDiagnostics(diagnostics, doc) {
  const list = $("diagnostics");
  list.replaceChildren();
  if (diagnostics.length === 0) {
    const item = document.createElement("li");
    item.className = "clean";
    item.textContent = "No problems: the program reads cleanly.";
    list.append(item);
    return;
  }
  for (const d of diagnostics) {
    const item = document.createElement("li");
    item.className = `diagnostic ${d.severity}`;
    const go = document.createElement("button");
    go.className = "diagnostic-go";
    go.setAttribute("aria-label", `${d.severity} ${d.code} on line ${d.from.line + 1}: ${d.message}`);
    go.innerHTML = "";
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = d.code;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `line ${d.from.line + 1}`;
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = d.message;
    go.append(code, where, message);
    if (d.hint) go.append(el("span", d.hint, "hint"));
    go.onclick = () => {
      view.dispatch({ selection: { anchor: toOffset(view.state.doc, d.from) }, scrollIntoView: true });
      view.focus();
    };
    item.append(go);
    for (const fix of d.fixes) {
      const button = document.createElement("button");
      button.className = "fix";
      button.textContent = fix.title;
      button.onclick = () => applyEdits(view, fix.edits, doc);
      item.append(button);
    }
    list.append(item);
  }
}

function showProgram(data) {
  $("chart").innerHTML = data.chart || "";
  const list = $("steps");
  list.replaceChildren();
  if (data.steps.length === 0) {
    const why = data.diagnostics.some((d) => d.severity === "error")
      ? "Fix the problems marked in red to see the steps."
      : "No steps yet: write a movement, such as pivot frontal x10.";
    $("chart").append(el("p", why, "empty"));
    list.append(el("li", why, "empty"));
  }
  let phase = null;
  for (const step of data.steps) {
    if (step.phase !== phase) {
      phase = step.phase;
      if (phase) {
        const heading = document.createElement("li");
        heading.className = "phase";
        heading.textContent = `Phase ${phase}`;
        list.append(heading);
      }
    }
    const item = document.createElement("li");
    item.className = `step op-${step.op}`;
    item.dataset.n = step.n;
    item.dataset.line = step.file ? "" : step.line;
    const number = document.createElement("span");
    number.className = "n";
    number.textContent = step.n;
    const words = document.createElement("span");
    words.className = "words";
    words.textContent = step.instruction || step.text;
    item.append(number, words);
    const code = document.createElement("span");
    code.className = "dose";
    code.textContent = step.text;
    item.append(code);
    list.append(item);
  }
  highlightCursorStep();
}

function highlightCursorStep() {
  if (!state.analysis) return;
  const line = view.state.doc.lineAt(view.state.selection.main.head).number;
  const current = new Set(state.analysis.steps.filter((s) => !s.file && s.line === line).map((s) => String(s.n)));
  let first = null;
  for (const item of $("steps").querySelectorAll("li.step")) {
    const on = current.has(item.dataset.n);
    item.classList.toggle("current", on);
    if (on && !first) first = item;
  }
  for (const group of $("chart").querySelectorAll("[data-step]")) {
    group.classList.toggle("current", current.has(group.dataset.step));
  }
  if (first) first.scrollIntoView({ block: "nearest" });
}

// --- completion and hover come from the services -----------------------------------------

async function complete(context) {
  if (state.path === null) return null;
  const word = context.matchBefore(/[\w.-]*/);
  if (!context.explicit && (!word || word.from === word.to)) return null;
  const doc = context.state.doc;
  const { status, data } = await api("/api/complete", {
    method: "POST",
    body: { path: state.path, text: doc.toString(), position: toPos(doc, context.pos) },
  });
  if (status !== 200 || !data.items || data.items.length === 0) return null;
  const replace = data.items[0].replace;
  return {
    from: replace ? toOffset(doc, replace.start) : word ? word.from : context.pos,
    options: data.items.map((i) => ({
      label: i.label,
      detail: i.detail || undefined,
      info: i.documentation || undefined,
      type: i.kind === "keyword" ? "keyword" : "variable",
    })),
    validFor: /^[\w.-]*$/,
  };
}

// Hover text is a little markdown: paragraphs and **bold**; built as nodes, never as HTML.
function markdown(text) {
  const dom = document.createElement("div");
  dom.className = "hover";
  for (const paragraph of text.split("\n\n")) {
    const p = document.createElement("p");
    paragraph.split("**").forEach((part, i) => {
      p.append(i % 2 ? el("strong", part) : document.createTextNode(part.replace(/`/g, "")));
    });
    dom.append(p);
  }
  return dom;
}

const hover = hoverTooltip(async (target, pos) => {
  if (state.path === null) return null;
  const doc = target.state.doc;
  const { status, data } = await api("/api/hover", {
    method: "POST",
    body: { path: state.path, text: doc.toString(), position: toPos(doc, pos) },
  });
  if (status !== 200 || !data.contents || target.state.doc !== doc) return null;
  return {
    pos: data.range ? toOffset(doc, data.range.start) : pos,
    end: data.range ? toOffset(doc, data.range.end) : pos,
    above: true,
    create: () => ({ dom: markdown(data.contents) }),
  };
});

async function tidy() {
  if (state.path === null) return;
  const doc = view.state.doc;
  const { status, data } = await api("/api/format", {
    method: "POST",
    body: { path: state.path, text: doc.toString() },
  });
  if (status === 200 && view.state.doc === doc) applyEdits(view, data.edits, doc);
}

// --- the editor ----------------------------------------------------------------------------

let view;

function makeEditor(language) {
  view = new EditorView({
    parent: $("editor"),
    state: EditorState.create({
      doc: "",
      extensions: [
        basicSetup,
        EditorView.lineWrapping,
        progLanguage(language.keywords || [], language.vocabulary || []),
        lintGutter(),
        linter(analyse, { delay: 350 }),
        autocompletion({ override: [complete] }),
        hover,
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => (save(), true) },
          { key: "Shift-Alt-f", preventDefault: true, run: () => (tidy(), true) },
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) keepDraft();
          if (update.selectionSet || update.docChanged) highlightCursorStep();
        }),
        EditorView.contentAttributes.of({ "aria-label": "Program text" }),
      ],
    }),
  });
}

// --- stepping at the plinth ---------------------------------------------------------------

const plinth = { log: null, state: null, busy: false, heartbeat: null, shown: 0 };

function showTab(which) {
  const step = which === "step";
  $("view-write").hidden = step;
  $("view-step").hidden = !step;
  $("tab-write").setAttribute("aria-selected", String(!step));
  $("tab-step").setAttribute("aria-selected", String(step));
  if (step) showStepStart();
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function showStepStart() {
  $("report").hidden = true;
  if (plinth.log && plinth.state && !plinth.state.ended && plinth.state.program === state.path) {
    return; // a session is on: keep showing it
  }
  stopHeartbeat();
  plinth.log = null;
  const call = ++plinth.shown; // a later call (another file, another tab click) wins
  $("step-live").hidden = true;
  const start = $("step-start");
  start.hidden = false;
  if (state.path === null) return;
  if (view.state.doc.toString() !== state.saved) {
    start.replaceChildren(el("h2", `Step through ${state.path} with the patient`));
    start.append(el("p", "This program has unsaved changes. Stepping uses the saved file: save first.", "warning"));
    const saveFirst = el("button", "Save and go on", "primary");
    saveFirst.onclick = async () => {
      await save();
      showStepStart();
    };
    start.append(saveFirst);
    return;
  }
  const { data } = await api(`/api/sessions?path=${encodeURIComponent(state.path)}`);
  if (call !== plinth.shown) return;
  start.replaceChildren(el("h2", `Step through ${state.path} with the patient`));
  const sessions = data.sessions || [];
  const unfinished = sessions.filter((s) => !s.ended);
  const actions = el("div", undefined, "start-actions");
  for (const s of unfinished.slice(0, 3)) {
    const button = el("button", `Resume the session started ${when(s.started)} (${s.done} steps done)`, "big resume");
    button.onclick = () => startSession(s.log);
    actions.append(button);
  }
  const fresh = el("button", "Start a new session", unfinished.length ? "big" : "big primary");
  fresh.onclick = () => startSession(null);
  actions.append(fresh);
  start.append(actions);
  if (sessions.length) {
    start.append(el("h3", "Earlier sessions"));
    const list = el("ul", undefined, "session-list");
    for (const s of sessions) {
      const item = el("li");
      item.append(el("span", `${when(s.started)} — ${s.done} steps, ${s.ended ? "finished" : "not finished"}`));
      const report = el("button", "What worked");
      report.onclick = () => showReport(s.log);
      item.append(report);
      list.append(item);
    }
    start.append(list);
  }
}

function when(iso) {
  if (!iso) return "earlier";
  const date = new Date(iso);
  return date.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

async function startSession(log) {
  const body = { path: state.path, client };
  if (log) body.log = log;
  const { status, data } = await api("/api/session/start", { method: "POST", body });
  if (status !== 200) {
    showStepProblem(data.error || "The session could not be opened.");
    return;
  }
  plinth.log = data.log;
  showSession(data);
  $("step-live").focus(); // the start buttons are gone: keys go to the session now
  startHeartbeat();
}

function showStepProblem(message) {
  const start = $("step-start");
  start.hidden = false;
  const problem = start.querySelector(".problem") || el("p", undefined, "problem");
  problem.setAttribute("role", "alert");
  problem.textContent = message;
  start.prepend(problem);
}

function showSession(data) {
  plinth.state = data;
  $("step-start").hidden = true;
  $("step-live").hidden = false;
  const step = data.step;
  const ended = Boolean(data.ended);
  document.querySelector(".buttons").hidden = ended;
  document.querySelector(".step-detail").hidden = ended;
  for (const button of document.querySelectorAll("[data-button]")) {
    const kind = button.dataset.button;
    const answer = ["better", "same", "worse"].includes(kind);
    button.disabled = ended || plinth.busy || (kind === "next" ? data.retest : answer ? !data.retest : false);
  }
  $("step-messages").textContent = [...data.messages.filter((m) => m.kind !== "hint" || !ended).map((m) => m.text), data.failure || ""].join(" ").trim();
  $("step-log").textContent = `Every answer is kept in ${data.log}.`;
  if (ended) {
    $("step-where").textContent = data.title || data.program;
    $("step-alternative").hidden = true;
    $("step-words").textContent = data.ended === "end" ? "The program is done." : "The session is stopped.";
    $("step-dose").textContent = "";
    $("step-question").replaceChildren();
    const again = el("button", "See what worked", "primary");
    again.onclick = () => showReport(data.log);
    const back = el("button", "Back to the sessions");
    back.onclick = () => {
      plinth.log = null;
      plinth.state = null;
      showStepStart();
    };
    $("step-question").append(
      el("span", data.ended === "end" ? "Every step is done and recorded. " : "Everything answered is kept; you can resume later. "),
      again,
      back,
    );
    $("step-detail").replaceChildren();
    stopHeartbeat();
    return;
  }
  if (!step) return;
  $("step-where").textContent = `Step ${step.n}${step.phase ? ` · phase ${step.phase}` : ""}`;
  const alternative = step.alternative;
  $("step-alternative").hidden = !alternative;
  $("step-alternative").textContent = alternative ? `Trying until better: alternative ${alternative[0]} of ${alternative[1]}` : "";
  $("step-words").textContent = step.instruction || step.text;
  $("step-dose").textContent = [step.progress, step.why].filter(Boolean).join(" · ");
  $("step-question").textContent = data.retest
    ? `Retest${step.test ? ` (${step.test})` : ""}: is it better, the same or worse than before?`
    : "When the patient has done this, go to the next step.";
  const detail = $("step-detail");
  detail.replaceChildren();
  const rows = [
    ["Doing", [step.base || "no base movement yet", ...step.tweaks.map((t) => `${t.kind} ${t.name}${t.intensity !== 100 ? ` at ${t.intensity}%` : ""}`)].join(" + ")],
    ["Drive", Object.entries(step.drive).map(([plane, value]) => `${plane} ${value >= 0 ? "+" : ""}${value.toFixed(2)}`).join(", ")],
    ["Advantage", `${step.advantage}/3${step.favorable.length ? ` (${step.favorable.join(", ")})` : ""}`],
    ["Changed", step.changed.join("; ")],
    ["Answers so far", data.answers.map((a) => a[1]).join(", ") || "none yet"],
  ];
  if (step.note) rows.push(["Note", step.note]);
  for (const [term, value] of rows) {
    detail.append(el("dt", term), el("dd", value));
  }
}

async function press(button) {
  if (!plinth.log || plinth.busy) return;
  const target = document.querySelector(`[data-button="${button}"]`);
  if (!target) return;
  if (target.disabled) {
    if (plinth.state && !plinth.state.ended) {
      $("step-messages").textContent = plinth.state.retest
        ? "This is a retest: press Better (b), Same (s) or Worse (w)."
        : "Nothing to answer here: press Next step (Enter) when the patient has done it.";
    }
    return;
  }
  plinth.busy = true;
  const { status, data } = await api("/api/session/press", {
    method: "POST",
    body: { log: plinth.log, client, button },
  });
  plinth.busy = false;
  if (status === 200) showSession(data);
  else lockedOut(data.error);
  const live = $("step-live");
  live.dataset.answered = String(Number(live.dataset.answered || 0) + 1); // presses settled

}

function lockedOut(message) {
  for (const button of document.querySelectorAll("[data-button]")) button.disabled = true;
  $("step-messages").textContent = message || "This session cannot be answered here.";
}

function startHeartbeat() {
  stopHeartbeat();
  plinth.heartbeat = setInterval(async () => {
    if (!plinth.log) return;
    const { status, data } = await api("/api/session/state", { method: "POST", body: { log: plinth.log, client } });
    if (status !== 200) lockedOut(data.error);
  }, 5000);
}

function stopHeartbeat() {
  if (plinth.heartbeat) clearInterval(plinth.heartbeat);
  plinth.heartbeat = null;
}

async function showReport(log) {
  const { status, data } = await api(`/api/report?log=${encodeURIComponent(log)}`);
  const panel = $("report");
  panel.hidden = false;
  panel.replaceChildren();
  if (status !== 200) {
    panel.append(el("p", data.error || "No report for this session.", "problem"));
    return;
  }
  panel.append(el("h2", "What worked", undefined));
  panel.firstChild.id = "report-title";
  panel.append(
    el(
      "p",
      `${data.title || data.program} · started ${when(data.started)} · ${data.steps} steps · ${data.complete ? "finished" : "not finished"}${data.taken_back ? ` · ${data.taken_back} answer(s) taken back` : ""}`,
      "report-head",
    ),
  );
  panel.append(table("Retests", ["Step", "Phase", "Test", "Outcome", "Doing"], data.retests.map((r) => [r.n, r.phase || "", r.test || "", r.outcome, doing(r)])));
  panel.append(
    table(
      "What works",
      ["Tried", "Better", "Same", "Worse", "Retests"],
      data.tried.map((t) => [
        label(t),
        t.outcomes.better,
        t.outcomes.same,
        t.outcomes.worse,
        t.retests.map((r) => `#${r.n} ${r.outcome}${r.intensity !== undefined ? ` at ${r.intensity}%` : ""}`).join(", "),
      ]),
    ),
  );
  panel.scrollIntoView({ block: "start" });
}

function doing(step) {
  const parts = [step.base || "no base movement yet", ...(step.tweaks || []).map((t) => `${t.kind} ${t.name}${t.intensity !== 100 ? ` at ${t.intensity}%` : ""}`)];
  let out = parts.join(" + ");
  if (step.disadvantaged && step.disadvantaged.length) out += `, disadvantaged ${step.disadvantaged.join(", ")}`;
  return out;
}

function label(item) {
  if (item.kind === "base") return item.name;
  if (item.kind === "disadvantage") return `disadvantaged ${item.name}`;
  return `${item.kind} ${item.name}`;
}

function table(caption, heads, rows) {
  const node = el("table", undefined, "report-table");
  node.append(el("caption", caption));
  const head = el("tr");
  for (const h of heads) {
    const th = el("th", h);
    th.scope = "col";
    head.append(th);
  }
  node.append(el("thead"));
  node.tHead.append(head);
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr");
    row.forEach((cell, i) => tr.append(el("td", String(cell), heads[i] === "Outcome" ? `outcome ${cell}` : undefined)));
    body.append(tr);
  }
  node.append(body);
  return node;
}

const SHORTCUTS = { Enter: "next", n: "next", b: "better", s: "same", w: "worse", u: "undo", q: "stop" };

document.addEventListener("keydown", (event) => {
  if ($("view-step").hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  const inField = event.target.closest && event.target.closest("input, select, textarea, .cm-editor, summary");
  if (inField) return;
  // Enter on a focused button presses that button, as the keyboard user means.
  if (event.key === "Enter" && event.target.tagName === "BUTTON" && !event.target.dataset.button) return;
  const button = SHORTCUTS[event.key];
  if (!button || !plinth.log) return;
  event.preventDefault();
  press(button);
});

window.addEventListener("pagehide", () => {
  if (plinth.log) api("/api/session/leave", { method: "POST", body: { log: plinth.log, client }, keepalive: true });
});

// --- start ---------------------------------------------------------------------------------

async function main() {
  const [{ data: language }, { data: listing }] = await Promise.all([api("/api/language"), api("/api/files")]);
  makeEditor(language);
  state.root = listing.root;
  const picker = $("file-picker");
  for (const file of listing.files) picker.append(new Option(file, file));
  picker.onchange = () => openFile(picker.value);
  $("save").onclick = () => save();
  $("tidy").onclick = () => tidy();
  $("tab-write").onclick = () => showTab("write");
  $("tab-step").onclick = () => showTab("step");
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const other = tab.id === "tab-write" ? $("tab-step") : $("tab-write");
      other.focus();
      other.click();
    });
  }
  for (const button of document.querySelectorAll("[data-button]")) {
    button.onclick = () => press(button.dataset.button);
  }
  const last = localStorage.getItem(`prog-studio:${state.root}:last`);
  const first = listing.start || (listing.files.includes(last) ? last : listing.files[0]);
  if (first) await openFile(first);
}

main();
