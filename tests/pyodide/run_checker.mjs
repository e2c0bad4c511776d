// Runs the in-page checker under Node: the same Pyodide core, lock file, wheels, trust anchors and
// start-up code (assets/checker/runtime.js) as the page, read from a built site folder.
//
//   node tests/pyodide/run_checker.mjs SITE_DIR < jobs.json
//
// jobs.json: [{"path": "...", "use": "insi", "env": "test", "at": "2026-12-03",
//              "password": "..."}, ...]. Prints {"anchors": N, "results": [check_bytes result, ...]}.
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

async function main() {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node run_checker.mjs SITE_DIR < jobs.json");
    process.exit(2);
  }
  const checkerDir = resolve(site, "assets", "checker");
  const { loadPyodide } = await import(pathToFileURL(join(checkerDir, "pyodide", "pyodide.mjs")).href);
  const { startChecker } = await import(pathToFileURL(join(checkerDir, "runtime.js")).href);
  const trustBundle = JSON.parse(readFileSync(join(checkerDir, "trust-anchors.json"), "utf8"));
  const checker = await startChecker({ loadPyodide, indexURL: join(checkerDir, "pyodide") + "/", trustBundle });
  const jobs = JSON.parse(readFileSync(0, "utf8"));
  const results = jobs.map(({ path, ...options }) =>
    checker.check(new Uint8Array(readFileSync(path)), basename(path), options));
  process.stdout.write(JSON.stringify({ anchors: checker.anchors, results }));
}

main().catch((error) => {
  console.error(`run_checker: ${error.message || error}`);
  process.exit(1);
});
