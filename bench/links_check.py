"""Benchmark of `igcsante links check` against the loopback fake web of the tests (prints figures;
asserts nothing).

    .venv/bin/python bench/links_check.py [--runs 3]

Every case of tests/links (one registry entry per failure mode, 25 hosts on 127.0.0.x) is checked
through the command line, as the tests do. Printed, as medians over the runs: the whole check's
time, the busiest host's time (first to last request it received) and the sum of every host's
time (what a check one host after another would take), and the shortest gap between two requests
to one host (the rate limit is one request per second per host).
"""

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "links")]
from fake_web import FakeWeb, SelfSigned, routes, write_registry  # noqa: E402
from test_links_check import HOSTS, TIMEOUT, registry_entries  # noqa: E402

from igcsante.links.cli import main as links_main  # noqa: E402
from tests.conftest import SHARED_DATA  # noqa: E402


def one_run(folder: Path) -> dict:
    chain = (SHARED_DATA / "prod-ca" / "Chaine_de_certification-IGC-Sante.p7b").read_bytes()
    web = FakeWeb(routes(chain, SelfSigned.make("Rogue").p7b()))
    tls = SelfSigned.make("localhost").server_context(folder)
    try:
        bases = {host: web.serve(f"127.0.0.{100 + index}", tls=tls if host == "tls" else None)
                 for index, host in enumerate(HOSTS)}
        registry = write_registry(folder / "links.yml", registry_entries(bases))
        start = time.monotonic()
        with contextlib.redirect_stdout(io.StringIO()):
            links_main(["check", "--registry", str(registry), "--format", "json", "--timeout", str(TIMEOUT)])
        total = time.monotonic() - start
        spans = {host: web.arrivals_at(host) for host in {a.host for a in web.arrivals}}
        busy = {host: at[-1] - start for host, at in spans.items()}
        gaps = [later - earlier for at in spans.values() for earlier, later in zip(at, at[1:])]
        return {"total": total, "busiest": max(busy.values()), "sum": sum(busy.values()),
                "requests": len(web.arrivals), "min_gap": min(gaps)}
    finally:
        web.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not SHARED_DATA.is_dir():
        print(f"{SHARED_DATA} not found: set IGCSANTE_TRUST_DIR", file=sys.stderr)
        return 2
    runs = []
    for number in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="igc-bench-links-") as folder:
            run = one_run(Path(folder))
        runs.append(run)
        print(f"run {number}: {run['requests']} requests to {len(HOSTS)} hosts; whole check {run['total']:.2f} s, "
              f"busiest host {run['busiest']:.2f} s, hosts one after another {run['sum']:.2f} s, "
              f"shortest gap on one host {run['min_gap']:.3f} s", flush=True)
    median = lambda key: statistics.median(run[key] for run in runs)  # noqa: E731
    print()
    print(f"whole check (median of {len(runs)}):        {median('total'):.2f} s")
    print(f"busiest host (median):               {median('busiest'):.2f} s   ratio whole/busiest: "
          f"{statistics.median(r['total'] / r['busiest'] for r in runs):.2f}")
    print(f"hosts one after another (median):    {median('sum'):.2f} s")
    print(f"shortest gap between two requests to one host (min): {min(r['min_gap'] for r in runs):.3f} s   "
          f"limit 1 request/s/host: {'kept' if min(r['min_gap'] for r in runs) >= 1.0 else 'BROKEN'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
