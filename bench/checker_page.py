"""Benchmark of the checker page in headless Chromium over loopback (prints figures; asserts nothing).

    .venv/bin/python bench/checker_page.py [--site SITE_DIR] [--runs 5]

For each of N fresh Chromium profiles: time from navigation to data-state="ready" and bytes sent
by the server (cold), against Pyodide alone started the same way in another fresh profile; the
same after a reload (warm: the HTTP cache revalidates with ETags); the time from a file drop to data-verdict for each test file, and the longest main-thread task
(PerformanceObserver 'longtask'). Then the medians against the targets of issue 4.
"""

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.browser import CHROMIUM_ARGS, require_chromium  # noqa: E402
from macros.serve import SiteServer  # noqa: E402

TRUST_DIR = Path(os.environ.get("IGCSANTE_TRUST_DIR", ROOT.parent / "shared" / "data" / "igc-sante"))
DROP_FILES = [  # a certificate of each shape: current, expired, another kind, a chain, a legacy one
    TRUST_DIR / "test-leaf" / "ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem",
    TRUST_DIR / "test-leaf" / "ORG_SIGN_Padoa-SIGN_2021-11-15_test_EXPIRED.pem",
    TRUST_DIR / "test-leaf" / "WRONG-TYPE_PS_physical-person_MED-CS_2025-03-06_test.pem",
    TRUST_DIR / "prod-ca" / "Chaine_de_certification-IGC-Sante.p7b",
    TRUST_DIR / "legacy" / "GIP-CPS-TEST_AC-CLASSE-4_server_2015_legacy_1024bit_sha1.pem",
]

# Installed before any page script: records when the checker becomes ready, when a file is chosen
# and when a verdict appears, and the longest main-thread task.
PROBE = """
window.__bench = {ready: null, change: null, verdict: null, longest: 0};
new PerformanceObserver(list => {
  for (const task of list.getEntries()) __bench.longest = Math.max(__bench.longest, task.duration);
}).observe({type: 'longtask', buffered: true});
document.addEventListener('change', () => { __bench.change = performance.now(); __bench.verdict = null; }, true);
new MutationObserver(() => {
  const root = document.getElementById('igc-checker');
  if (!root) return;
  if (__bench.ready === null && root.dataset.state === 'ready') __bench.ready = performance.now();
  if (__bench.verdict === null && __bench.change !== null && root.dataset.verdict) __bench.verdict = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state', 'data-verdict']});
"""


# The baseline: the same Pyodide core started alone in a module worker (as the checker's is), on a
# page the benchmark serves itself; what the checker adds is the difference.
BASELINE_PAGE = """<!doctype html><title>baseline</title><script type="module">
const core = new URL("assets/checker/pyodide/", location.href).href;
const source = `import { loadPyodide } from "${core}pyodide.mjs";
await loadPyodide({ indexURL: "${core}" }); postMessage("ready");`;
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), { type: "module" });
worker.onmessage = () => { window.__baseline = performance.now(); document.body.dataset.ready = "1"; };
</script><body></body>"""


@contextlib.contextmanager
def fresh_profile(playwright):
    """A headless Chromium on a new, empty profile (so an empty HTTP cache), closed on exit."""
    with tempfile.TemporaryDirectory(prefix="igc-bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=require_chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield context
        finally:
            context.close()


def bare_pyodide_profile(playwright, server: SiteServer) -> float:
    """Milliseconds from navigation until Pyodide alone is started in a worker, in a fresh profile."""
    with fresh_profile(playwright) as context:
        page = context.new_page()
        page.route(server.url + "__bench.html", lambda route: route.fulfill(content_type="text/html", body=BASELINE_PAGE))
        page.goto(server.url + "__bench.html")
        page.wait_for_selector("body[data-ready]", state="attached", timeout=180_000)
        return page.evaluate("window.__baseline")


def one_profile(playwright, server: SiteServer) -> dict:
    with fresh_profile(playwright) as context:
        context.add_init_script(PROBE)
        page = context.new_page()
        foreign = []
        page.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:")) else foreign.append(r.url))
        server.take_bytes()
        page.goto(server.url + "checker/")
        page.wait_for_selector('#igc-checker[data-state="ready"]', timeout=180_000)
        cold_ready = page.evaluate("__bench.ready")
        drops = []
        for path in DROP_FILES:
            page.set_input_files('#igc-checker input[type="file"]', str(path))
            # (selectors, not wait_for_function: the page's CSP forbids evaluating strings)
            page.wait_for_selector(f'#igc-checker[data-verdict] .igc-result[data-file="{path.name}"]',
                                   timeout=60_000)
            drops.append(page.evaluate("__bench.verdict - __bench.change"))
        longest = page.evaluate("__bench.longest")
        page.wait_for_timeout(300)  # let the last responses finish before counting
        cold_bytes = server.take_bytes()
        page.reload()
        page.wait_for_selector('#igc-checker[data-state="ready"]', timeout=180_000)
        warm_ready = page.evaluate("__bench.ready")
        page.wait_for_timeout(300)
        warm_bytes = server.take_bytes()
        longest = max(longest, page.evaluate("__bench.longest"))
    return {"cold_ready_ms": cold_ready, "warm_ready_ms": warm_ready, "drop_ms": drops, "longest_task_ms": longest,
            "cold_bytes": cold_bytes, "warm_bytes": warm_bytes, "foreign": foreign}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path(os.environ.get("IGCSANTE_SITE_DIR", ROOT / "site")))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not (args.site / "assets" / "checker" / "pyodide" / "pyodide-lock.json").is_file():
        print(f"no checker bundle in {args.site}: build the site first (make build)", file=sys.stderr)
        return 2
    missing = [str(p) for p in DROP_FILES if not p.is_file()]
    if missing:
        print(f"test files not found (set IGCSANTE_TRUST_DIR): {', '.join(missing)}", file=sys.stderr)
        return 2
    runs = []
    with SiteServer(args.site) as server, sync_playwright() as playwright:
        for number in range(1, args.runs + 1):
            run = one_profile(playwright, server)
            run["bare_pyodide_ms"] = bare_pyodide_profile(playwright, server)
            runs.append(run)
            print(f"profile {number}: ready cold {run['cold_ready_ms']:.0f} ms (Pyodide alone {run['bare_pyodide_ms']:.0f} ms), "
                  f"warm {run['warm_ready_ms']:.0f} ms; "
                  f"drop->verdict {', '.join(f'{d:.0f}' for d in run['drop_ms'])} ms; "
                  f"longest task {run['longest_task_ms']:.0f} ms; "
                  f"bytes cold {run['cold_bytes'] / 1e6:.2f} MB, warm {run['warm_bytes'] / 1e3:.1f} KB", flush=True)
    median = lambda key: statistics.median(run[key] for run in runs)  # noqa: E731
    drops = [d for run in runs for d in run["drop_ms"]]
    longest = max(run["longest_task_ms"] for run in runs)
    foreign = sorted({url for run in runs for url in run["foreign"]})
    print()
    print(f"time to ready, cold (median of {len(runs)}):  {median('cold_ready_ms'):.0f} ms")
    print(f"Pyodide alone in a worker, cold:       {median('bare_pyodide_ms'):.0f} ms   "
          f"(checker ready / Pyodide alone, median of ratios: "
          f"{statistics.median(run['cold_ready_ms'] / run['bare_pyodide_ms'] for run in runs):.2f})")
    print(f"time to ready, warm reload (median):   {median('warm_ready_ms'):.0f} ms")
    print(f"drop -> verdict (median of {len(drops)}):      {statistics.median(drops):.0f} ms   "
          f"(max {max(drops):.0f})   target < 300 ms: {'met' if statistics.median(drops) < 300 else 'MISSED'}")
    print(f"longest main-thread task (max):        {longest:.0f} ms   "
          f"target < 200 ms: {'met' if longest < 200 else 'MISSED'}")
    print(f"bytes transferred, cold (median):      {median('cold_bytes') / 1e6:.2f} MB")
    print(f"bytes transferred, warm (median):      {median('warm_bytes') / 1e3:.1f} KB   "
          f"target < 100 KB: {'met' if median('warm_bytes') < 100_000 else 'MISSED'}")
    print(f"requests to another origin:            {len(foreign)}" + (f" {foreign}" if foreign else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
