"""MkDocs hook: puts everything the in-page checker runs on into the built site.

After each build it writes, under `<site_dir>/assets/checker/`:

- `pyodide/`: the Pyodide core copied from the npm package (`node_modules/pyodide`), each file
  checked against the SHA-256 recorded below (pyodide.mjs loses its CDN default: PYODIDE_PATCH);
- `pyodide/igcsante-*.whl` (built from `validators/`) and `pyodide/asn1crypto-*.whl` (pinned,
  hash-checked), registered in `pyodide/pyodide-lock.json`, a copy of Pyodide's lock file that
  lists only what the site ships, so `loadPackage('igcsante')` checks each wheel's hash;
- `trust-anchors.json`: the pinned IGC-Santé CA certificates found in `IGCSANTE_TRUST_DIR` (none
  when it is unset or empty: the page then says that signatures could not be checked).

Nothing is downloaded except the pinned asn1crypto wheel, once, into `.cache/checker/`.
"""

import base64
import hashlib
import json
import re
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.checker_bundle")

ROOT = Path(__file__).resolve().parent.parent
VALIDATORS = ROOT / "validators"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / ".cache" / "checker"
OUTPUT = Path("assets") / "checker"

PYODIDE_VERSION = "0.29.5"
# SHA-256 of the files the page needs from the npm tarball pyodide-0.29.5.tgz, recorded after the
# tarball matched package-lock.json's sha512 integrity. The source maps, consoles and typings are
# not shipped; the lock file is only read, then rewritten with our wheels.
PYODIDE_CORE = {
    "pyodide.mjs": "510ca14305230018f50c40fb81be673afd68080e70ce7733fcce6600dd6a1714",
    "pyodide.asm.js": "356c42f69e1695397e9d8670bd3c2e678248cde76e18bdae1731e848537b47d7",
    "pyodide.asm.wasm": "54309a5a2cfd757b1f0fdbc9093c92503f7b341500110329d932487183912718",
    "python_stdlib.zip": "831fd1e535084b972f87c6a35275de3d236efd5166f5e77ce89497710635e73c",
}
PYODIDE_LOCK_SHA256 = "14d2c2dba101277999e17135e653d8f15389ad1437f53eae213bf0c3cdff723d"
# pyodide.mjs names a public CDN as its default package source. The page always passes its own
# packageBaseUrl, so the default is never used; it is replaced all the same, so that no file of the
# site names a CDN. The patched file is pinned too.
PYODIDE_PATCH = ("pyodide.mjs", re.compile(rb"https://[^\s\"'`]+/pyodide/v\$\{U\}/full/"), b"./",
                 "cc9fac87dc114a18200bcf318db50dee940ea541a7823546549a5aef1e56194d")

# The checker's only dependency, pinned like requirements.lock; the hash is PyPI's.
ASN1CRYPTO_REQUIREMENT = "asn1crypto==1.5.1"
ASN1CRYPTO_WHEEL = "asn1crypto-1.5.1-py2.py3-none-any.whl"
ASN1CRYPTO_SHA256 = "db4e40728b728508912cbb3d44f19ce188f218e9eba635821bb4b68564f8fd67"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_pyodide_pin() -> None:
    """node_modules must hold the pyodide that package.json and package-lock.json pin."""
    package = json.loads((ROOT / "package.json").read_text())["dependencies"].get("pyodide")
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"].get("node_modules/pyodide", {})
    manifest = PYODIDE_PACKAGE / "package.json"
    if not manifest.is_file():
        raise PluginError("node_modules/pyodide is missing: run `npm ci` (or `make build`, which runs it)")
    installed = json.loads(manifest.read_text())["version"]
    if {package, locked.get("version"), installed} != {PYODIDE_VERSION}:
        raise PluginError(
            f"Pyodide must be {PYODIDE_VERSION} everywhere: package.json pins {package}, "
            f"package-lock.json {locked.get('version')}, node_modules holds {installed}. "
            "Update PYODIDE_CORE in macros/checker_bundle.py together with the pin."
        )


def _verified_copy(source: Path, target: Path, expected_sha256: str) -> None:
    data = source.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_sha256:
        raise PluginError(f"{source} has SHA-256 {actual}, expected {expected_sha256}: reinstall with `npm ci`")
    name, default_source, replacement, patched_sha256 = PYODIDE_PATCH
    if source.name == name:
        data = default_source.sub(replacement, data)
        if hashlib.sha256(data).hexdigest() != patched_sha256:
            raise PluginError(f"patching {name} did not give the pinned result: update PYODIDE_PATCH with the pin")
    target.write_bytes(data)


def _source_fingerprint() -> str:
    """A hash of the checker's sources, so an unchanged tree reuses the wheel already built."""
    digest = hashlib.sha256()
    files = [VALIDATORS / "pyproject.toml", VALIDATORS / "README.md"]
    files += sorted(p for p in (VALIDATORS / "src").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(VALIDATORS)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_igcsante_wheel() -> Path:
    """The igcsante wheel for the current sources (built with `python -m build`, then cached)."""
    folder = CACHE / "igcsante" / _source_fingerprint()
    wheels = sorted(folder.glob("igcsante-*.whl"))
    if wheels:
        return wheels[0]
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp, str(VALIDATORS)],
            capture_output=True, text=True,
        )
        built = sorted(Path(tmp).glob("igcsante-*.whl"))
        if result.returncode != 0 or not built:
            raise PluginError(f"building the igcsante wheel failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        _store(built[0], folder / built[0].name)
    return folder / built[0].name


def _store(source: Path, target: Path) -> None:
    """Copies into the cache under a unique temporary name, then renames: parallel builds never
    see half a wheel."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".partial", delete=False) as partial:
        with source.open("rb") as stream:
            shutil.copyfileobj(stream, partial)
    os.replace(partial.name, target)


def asn1crypto_wheel() -> Path:
    """The pinned asn1crypto wheel: downloaded once into .cache/checker/, hash-checked every time."""
    wheel = CACHE / "wheels" / ASN1CRYPTO_WHEEL
    if not wheel.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            requirement = Path(tmp) / "requirements.txt"
            requirement.write_text(f"{ASN1CRYPTO_REQUIREMENT} --hash=sha256:{ASN1CRYPTO_SHA256}\n")
            result = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                 "--only-binary", ":all:", "--require-hashes", "-r", str(requirement), "-d", tmp],
                capture_output=True, text=True,
            )
            downloaded = Path(tmp) / ASN1CRYPTO_WHEEL
            if result.returncode != 0 or not downloaded.is_file():
                raise PluginError(
                    f"could not download {ASN1CRYPTO_REQUIREMENT} for the in-page checker (PyPI unreachable?). "
                    f"Put {ASN1CRYPTO_WHEEL} into {wheel.parent} by hand and build again.\n{result.stderr[-1500:]}"
                )
            _store(downloaded, wheel)
    actual = sha256_file(wheel)
    if actual != ASN1CRYPTO_SHA256:
        raise PluginError(f"{wheel} has SHA-256 {actual}, expected {ASN1CRYPTO_SHA256}: delete it and build again")
    return wheel


def write_lock(target_dir: Path, wheels: list[Path]) -> None:
    """Pyodide's lock file reduced to our wheels: the site hosts no other package."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    source = PYODIDE_PACKAGE / "pyodide-lock.json"
    if sha256_file(source) != PYODIDE_LOCK_SHA256:
        raise PluginError(f"{source} does not match the pinned Pyodide {PYODIDE_VERSION}: reinstall with `npm ci`")
    spec = PyodideLockSpec.from_json(source)
    spec.packages = {}
    spec = add_wheels_to_spec(spec, wheels, base_path=target_dir)
    spec.to_json(target_dir / "pyodide-lock.json", indent=1)


def trust_anchor_bundle(trust_dir: str | None, published: tuple[str, ...] | None = None) -> dict:
    """The pinned CA certificates, as the worker's JSON: from `trust_dir` (IGCSANTE_TRUST_DIR) when it
    holds them, else downloaded from the ANS publication point, else none (the page then says it
    cannot verify signatures). Only certificates whose SHA-256 is pinned are ever kept."""
    from igcsante.cert.trust import PUBLISHED_CHAINS, TrustFetchError, TrustStore, fetch_published

    store, source = TrustStore.from_directory(trust_dir) if trust_dir else None, "IGCSANTE_TRUST_DIR"
    if store is None or not store.certificates:
        log.info("IGCSANTE_TRUST_DIR=%s holds no pinned IGC-Santé CA certificate: downloading the ANS chains", trust_dir)
        try:
            store, source = fetch_published(published or PUBLISHED_CHAINS, timeout=20), "ANS publication point"
        except TrustFetchError as error:
            log.warning("no trust anchors for the in-page checker (%s): it will say it cannot verify signatures", error)
            return {"source": None, "anchors": []}
    ders = [certificate.dump() for certificate in store.certificates]
    return {
        "source": source,
        "anchors": [{"sha256": hashlib.sha256(der).hexdigest(), "der": base64.b64encode(der).decode()} for der in ders],
    }


def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # mkdocs-static-i18n building another language into the same site: the bundle is there
    _check_pyodide_pin()
    wheels = [build_igcsante_wheel(), asn1crypto_wheel()]
    output = Path(config["site_dir"]) / OUTPUT
    core = output / "pyodide"
    core.mkdir(parents=True, exist_ok=True)
    for name, expected in PYODIDE_CORE.items():
        _verified_copy(PYODIDE_PACKAGE / name, core / name, expected)
    for wheel in wheels:
        shutil.copyfile(wheel, core / wheel.name)
    write_lock(core, [core / wheel.name for wheel in wheels])
    anchors = trust_anchor_bundle(os.environ.get("IGCSANTE_TRUST_DIR"))
    (output / "trust-anchors.json").write_text(json.dumps(anchors))
    log.info("checker bundle: Pyodide %s, %s, %d trust anchors", PYODIDE_VERSION,
             ", ".join(w.name for w in wheels), len(anchors["anchors"]))
