// The checker page: binds the widget written by macros/checker.py (#igc-checker) to a Web Worker
// that runs igcsante in Pyodide (worker.js). Loaded on every page; with Material's instant
// navigation the worker lives for the whole visit and the widget is bound again whenever a page
// holding it is shown.
//
// Markup contract (tests, docs): #igc-checker carries data-state="loading|ready|error" for the
// runtime and, once results are shown, data-verdict="ready|not_ready|unreadable" (the worst of the
// files checked); each result carries its own data-verdict, each finding data-code.
import { jsonReport, markdownReport } from "./report.js";

const STAGE_STEP = { runtime: 0, package: 1, checker: 2, ready: 3 };
const VERDICT_RANK = { ready: 0, not_ready: 1, unreadable: 2 };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const PKCS12_NAME = /\.(p12|pfx)$/i;

// ---------------------------------------------------------------- the worker, one per visit
let runtime = null;

function getRuntime() {
  if (runtime) return runtime;
  runtime = { worker: null, state: "loading", stage: "runtime", anchors: null, error: null, pending: new Map(), nextId: 1, onChange: null };
  const fail = (reason, detail) => {
    Object.assign(runtime, { state: "error", error: { reason, detail } });
    for (const { reject } of runtime.pending.values()) reject(new Error(detail));
    runtime.pending.clear();
  };
  let worker;
  try {
    worker = runtime.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch (error) {  // a browser without module workers
    fail("runtime", String(error.message || error));
    return runtime;
  }
  worker.onmessage = ({ data }) => {
    if (data.type === "stage") runtime.stage = data.stage;
    else if (data.type === "ready") Object.assign(runtime, { state: "ready", stage: "ready", anchors: data.anchors });
    else if (data.type === "error") fail(data.reason, data.detail);
    else if (data.type === "result") {
      const { resolve, reject } = runtime.pending.get(data.id);
      runtime.pending.delete(data.id);
      if (data.error) reject(new Error(data.error));
      else resolve(data.result);
    }
    runtime.onChange?.();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail("runtime", event.message || "the worker script could not be loaded");
    runtime.onChange?.();
  };
  return runtime;
}

function checkInWorker(bytes, filename, options) {
  const rt = getRuntime();
  if (rt.state === "error") return Promise.reject(new Error(rt.error.detail));
  const id = rt.nextId++;
  return new Promise((resolve, reject) => {
    rt.pending.set(id, { resolve, reject });
    rt.worker.postMessage({ type: "check", id, bytes: bytes.buffer, filename, options }, [bytes.buffer]);
  });
}

// ---------------------------------------------------------------- small DOM helpers
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function decoded(value) {
  // The certificate's decoded fields as nested definition lists (text only, never HTML).
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ") || "—";
  const list = el("dl");
  for (const [key, item] of Object.entries(value)) list.append(el("dt", {}, key), el("dd", {}, decoded(item)));
  return list;
}

// ---------------------------------------------------------------- the widget
class CheckerView {
  constructor(root) {
    this.root = root;
    this.config = JSON.parse(root.dataset.config);
    this.checks = [];        // [{options, result}] of the results shown
    this.generation = 0;     // a newer check makes older answers stale
    this.pkcs12 = null;      // {name, bytes} of the last .p12, to check again with a password
    this.lastItems = null;   // what was checked last, to check again when an option changes
    this.lastPassword = undefined;
    this.find = (selector) => root.querySelector(selector);
  }

  t = (key, values = {}, fallback) => {
    const text = this.config.strings[key] ?? fallback ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  };

  start() {
    this.root.classList.add("igc-checker--live");
    this.find(".igc-checker__live").hidden = false;
    this.bindInputs();
    const rt = getRuntime();
    rt.onChange = () => this.showRuntime();
    this.showRuntime();
  }

  showRuntime() {
    const rt = getRuntime();
    this.root.dataset.state = rt.state;
    this.find(".igc-checker__progress").value = STAGE_STEP[rt.stage] ?? 0;
    const stage = this.find(".igc-checker__stage");
    if (rt.state === "error") {
      const detail = rt.error.reason === "import" ? this.t("import_failed", { detail: rt.error.detail }) : rt.error.detail;
      stage.textContent = this.t("stage_error", { detail });
    } else {
      stage.textContent = this.t(`stage_${rt.stage}`);
    }
  }

  options(password) {
    return {
      use: this.find('select[name="use"]').value,
      env: this.find('select[name="env"]').value,
      lang: this.config.lang,
      password: password || undefined,
    };
  }

  bindInputs() {
    const drop = this.find(".igc-checker__drop");
    const input = this.find('input[type="file"]');
    input.addEventListener("change", () => {
      if (input.files.length) this.checkFiles([...input.files]);
      input.value = "";
    });
    drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("igc-checker__drop--over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("igc-checker__drop--over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("igc-checker__drop--over");
      if (event.dataTransfer.files.length) this.checkFiles([...event.dataTransfer.files]);
    });
    drop.addEventListener("keydown", (event) => {
      if (event.target === drop && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        input.click();
      }
    });
    this.find(".igc-checker__paste-button").addEventListener("click", () => {
      const text = this.find('textarea[name="pem"]').value;
      if (text.trim()) this.run([{ name: this.t("pasted_name"), bytes: new TextEncoder().encode(text) }]);
    });
    this.find(".igc-checker__password").addEventListener("submit", (event) => {
      event.preventDefault();  // nothing is ever submitted: the password only goes to the worker
      const password = this.find('input[name="password"]').value;
      if (this.pkcs12) this.run([{ ...this.pkcs12, bytes: this.pkcs12.bytes.slice() }], password);
    });
    for (const select of this.root.querySelectorAll("select")) {
      // A new use or environment applies to what is shown: check the same files again.
      select.addEventListener("change", () => this.lastItems && this.run(this.lastItems.map((i) => ({ ...i, bytes: i.bytes.slice() })), this.lastPassword));
    }
    this.find(".igc-checker__report").addEventListener("click", (event) => {
      const action = event.target.closest("[data-report]")?.dataset.report;
      if (action) this.report(action);
    });
  }

  async checkFiles(files) {
    const items = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const pkcs12 = items.find((item) => PKCS12_NAME.test(item.name));
    const box = this.find(".igc-checker__password");
    box.hidden = !pkcs12;
    this.find('input[name="password"]').value = "";
    this.pkcs12 = pkcs12 ? { name: pkcs12.name, bytes: pkcs12.bytes.slice() } : null;
    if (pkcs12) this.find(".igc-checker__password-label").textContent = this.t("password_label", { name: pkcs12.name });
    this.run(items);
  }

  async run(items, password) {
    const generation = ++this.generation;
    this.lastItems = items.map((item) => ({ ...item, bytes: item.bytes.slice() }));
    this.lastPassword = password;
    const results = this.find(".igc-checker__results");
    this.root.removeAttribute("data-verdict");
    this.find(".igc-checker__report").hidden = true;
    this.checks = [];
    const waiting = getRuntime().state === "loading";
    results.replaceChildren(...items.map((item) =>
      el("p", { class: "igc-checker__pending" }, this.t(waiting ? "queued" : "checking", { name: item.name }))));
    const checks = [];
    try {
      for (const item of items) {
        const usePassword = password && PKCS12_NAME.test(item.name) ? password : undefined;
        const options = this.options(usePassword);
        const result = await checkInWorker(item.bytes, item.name, options);
        delete options.password;
        checks.push({ options, result });
      }
    } catch (error) {
      if (generation !== this.generation) return;
      results.replaceChildren(el("p", { class: "igc-checker__failure" }, this.t("stage_error", { detail: error.message })));
      return;
    }
    if (generation !== this.generation) return;
    this.checks = checks;
    results.replaceChildren(...checks.map(({ result, options }) => this.renderResult(result, options)));
    const worst = checks.map(({ result }) => result.verdict).sort((a, b) => VERDICT_RANK[b] - VERDICT_RANK[a])[0];
    this.find(".igc-checker__report").hidden = false;
    this.root.dataset.verdict = worst;
  }

  renderResult(result, options) {
    const findings = [...result.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const certificate = result.certificate && Object.keys(result.certificate).length
      ? el("details", { class: "igc-result__certificate" }, el("summary", {}, this.t("certificate")), decoded(result.certificate))
      : null;
    return el("article", { class: `igc-result igc-result--${result.verdict}`, "data-verdict": result.verdict,
      "data-file": result.file, "data-use": options.use, "data-env": options.env },
      el("h3", { class: "igc-result__verdict" }, this.t(`verdict_${result.verdict}`)),
      el("p", { class: "igc-result__file" }, `${result.file} — ${this.t("kind")} ${this.t(`kind_${result.kind}`, {}, result.kind)}`),
      getRuntime().anchors === 0 ? el("p", { class: "igc-result__notice" }, this.t("no_anchors")) : null,
      el("ol", { class: "igc-result__findings" }, ...findings.map((finding) => this.renderFinding(finding))),
      certificate);
  }

  renderFinding(finding) {
    const citation = this.config.citations[finding.citation];
    return el("li", { class: `igc-finding igc-finding--${finding.severity}`, "data-code": finding.code, "data-severity": finding.severity },
      el("p", { class: "igc-finding__title" },
        el("span", { class: "igc-finding__severity" }, this.t(`severity_${finding.severity}`)), " ",
        el("strong", {}, finding.title), " ",
        el("a", { class: "igc-finding__code", href: `${this.config.findings}#${finding.code}`, title: this.t("reference") },
          el("code", {}, finding.code))),
      el("p", {}, el("strong", {}, `${this.t("why")}. `), finding.why),
      el("p", {}, el("strong", {}, `${this.t("fix")}. `), finding.fix),
      citation ? el("p", { class: "igc-finding__links" }, `${this.t("guide")} `, el("a", { href: citation.href }, citation.label)) : null,
      finding.detail ? el("details", {}, el("summary", {}, this.t("detail")), el("pre", {}, finding.detail)) : null);
  }

  async report(action) {
    const status = this.find(".igc-checker__report-status");
    if (action === "copy") {
      try {
        await navigator.clipboard.writeText(markdownReport(this.checks, this.t));
        status.textContent = this.t("copied");
      } catch {
        status.textContent = this.t("copy_failed");
      }
      return;
    }
    const [text, type, extension] = action === "json"
      ? [jsonReport(this.checks), "application/json", "json"]
      : [markdownReport(this.checks, this.t), "text/markdown", "md"];
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: `igcsante-report.${extension}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

// ---------------------------------------------------------------- start-up
const bound = new WeakSet();

function init() {
  const root = document.getElementById("igc-checker");
  // The print page (PDF) shows the command line instead; it never starts Python.
  if (!root || bound.has(root) || root.closest("#print-site-page")) return;
  bound.add(root);
  new CheckerView(root).start();
}

// Module scripts run once the page is parsed, after Material's bundle has defined document$ (which
// emits again after each instant navigation). Starting Python earlier, from the head, was measured
// slower: compiling Pyodide then competes with the page's own start on a 2-core machine.
if (window.document$) window.document$.subscribe(init);
else init();
