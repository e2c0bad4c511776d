// Starts the igcsante checker inside Pyodide. Shared by the page's Web Worker and by the Node
// test harness (tests/pyodide/run_checker.mjs), so both run exactly the same code.

// Python side: the bridge between JavaScript values and igcsante.cert.check_bytes.
const BRIDGE = `
import base64, json
from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore

def make_checker(bundle_json):
    bundle = json.loads(bundle_json)
    trust = TrustStore.from_ders([base64.b64decode(anchor["der"]) for anchor in bundle["anchors"]])

    def check(data, filename, options_json):
        options = json.loads(options_json)
        result = check_bytes(
            data.to_bytes(), filename,
            use=options.get("use", "auto"), env=options.get("env", "prod"), at=options.get("at"),
            password=options.get("password") or None, lang=options.get("lang", "en"), trust=trust,
        )
        return json.dumps(result)

    return check
`;

export class CheckerLoadError extends Error {}

/**
 * loadPyodide: the function exported by pyodide.mjs.
 * indexURL: the folder holding the Pyodide core, our pyodide-lock.json and the wheels.
 * trustBundle: the parsed trust-anchors.json written by macros/checker_bundle.py (or a promise of it).
 * onProgress: called with "runtime", "package", then "checker" as each stage starts.
 * Resolves to { check(bytes, filename, options) -> result object, anchors: number }.
 */
export async function startChecker({ loadPyodide, indexURL, trustBundle, onProgress = () => {} }) {
  onProgress("runtime");
  // packageBaseUrl given explicitly: wheels come from the site, never from Pyodide's default CDN.
  const pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json`, packageBaseUrl: indexURL });
  onProgress("package");
  // loadPackage reports a missing or corrupt wheel through errorCallback and resolves anyway:
  // keep the messages, and judge by whether the import below works.
  const messages = [];
  await pyodide.loadPackage("igcsante", { messageCallback: () => {}, errorCallback: (m) => messages.push(m) });
  onProgress("checker");
  trustBundle = await trustBundle;
  const namespace = pyodide.globals.get("dict")();
  let check;
  try {
    pyodide.runPython(BRIDGE, { globals: namespace });
    check = namespace.get("make_checker")(JSON.stringify(trustBundle));
  } catch (error) {
    const detail = [...messages, String(error.message || error).trim().split("\n").pop()].join(" ");
    throw new CheckerLoadError(detail);
  }
  return {
    anchors: trustBundle.anchors.length,
    check(bytes, filename, options = {}) {
      return JSON.parse(check(bytes, filename, JSON.stringify(options)));
    },
  };
}
