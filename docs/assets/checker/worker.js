// The checker's Web Worker (a module worker): loads Pyodide and igcsante as soon as the page
// creates it, then answers {type: "check"} messages. Python never runs on the page's main thread.
import { loadPyodide } from "./pyodide/pyodide.mjs";
import { CheckerLoadError, startChecker } from "./runtime.js";

const here = new URL("./", import.meta.url);

async function fetchTrustBundle() {
  const response = await fetch(new URL("trust-anchors.json", here));
  if (!response.ok) throw new Error(`trust-anchors.json: HTTP ${response.status}`);
  return response.json();
}

const started = startChecker({
  loadPyodide,
  indexURL: new URL("pyodide/", here).href,
  trustBundle: fetchTrustBundle(),
  onProgress: (stage) => postMessage({ type: "stage", stage }),
});

started.then(
  (checker) => postMessage({ type: "ready", anchors: checker.anchors }),
  (error) => postMessage({
    type: "error",
    reason: error instanceof CheckerLoadError ? "import" : "runtime",
    detail: String(error.message || error),
  }),
);

self.onmessage = async ({ data }) => {
  if (data.type !== "check") return;
  try {
    const checker = await started;
    const result = checker.check(new Uint8Array(data.bytes), data.filename, data.options);
    postMessage({ type: "result", id: data.id, result });
  } catch (error) {
    postMessage({ type: "result", id: data.id, error: String(error.message || error) });
  }
};
