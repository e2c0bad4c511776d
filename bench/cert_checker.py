"""Prints how fast the certificate checker is on CPython (figures, never assertions).

    .venv/bin/python bench/cert_checker.py [FOLDER]

FOLDER defaults to IGCSANTE_TRUST_DIR or ../shared/data/igc-sante. Prints the median time to check
one certificate (signature verification included) and the batch throughput over every file of
the folder. Target: below 5 ms per certificate.
"""

import os
import statistics
import sys
import time
from pathlib import Path

from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 200


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IGCSANTE_TRUST_DIR", ROOT.parent / "shared" / "data" / "igc-sante"))
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in {".pem", ".cer", ".crt", ".der", ".p7b", ".p12", ".pfx", ".csr"})
    if not files:
        print(f"no certificate files in {folder}", file=sys.stderr)
        return 2
    trust = TrustStore.from_directory(folder)
    contents = [(p.name, p.read_bytes()) for p in files]
    leaf_name, leaf = next(((n, d) for n, d in contents if "INSI-MANU_2025" in n), contents[0])

    samples, verified = [], False
    for _ in range(ROUNDS):
        start = time.perf_counter()
        result = check_bytes(leaf, leaf_name, use="insi", env="test", at="2026-01-15", trust=trust)
        samples.append(time.perf_counter() - start)
        verified = any(f["code"] == "chain.verified" for f in result["findings"])
    print(f"one certificate ({leaf_name}, signature {'verified' if verified else 'NOT verified'}): "
          f"median {statistics.median(samples) * 1000:.2f} ms, p90 {sorted(samples)[int(ROUNDS * 0.9)] * 1000:.2f} ms over {ROUNDS} runs")

    batches = []
    for _ in range(10):
        start = time.perf_counter()
        for name, data in contents:
            check_bytes(data, name, env="test", at="2026-01-15", trust=trust)
        batches.append(time.perf_counter() - start)
    median_batch = statistics.median(batches)
    print(f"batch: {len(contents)} files in {median_batch * 1000:.1f} ms (median of 10) = "
          f"{len(contents) / median_batch:.0f} files/s, {median_batch / len(contents) * 1000:.2f} ms per file")
    print("target: below 5 ms per certificate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
