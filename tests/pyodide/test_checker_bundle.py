"""What the build put into the site for the checker: pinned Pyodide core, wheels registered by
hash in the lock file, trust anchors, the findings reference and the Content-Security-Policy."""

import base64
import hashlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from igcsante.cert.findings import REGISTRY
from igcsante.cert.trust import PINS
from macros import checker_bundle, csp
from macros.serve import SiteServer



def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.site
def test_the_pyodide_core_is_the_pinned_one(built_site):
    core = built_site / "assets" / "checker" / "pyodide"
    patched, _, _, patched_sha256 = checker_bundle.PYODIDE_PATCH
    for name, expected in checker_bundle.PYODIDE_CORE.items():
        assert sha256(core / name) == (patched_sha256 if name == patched else expected), name
    assert b"jsdelivr" not in (core / patched).read_bytes()


@pytest.mark.site
def test_the_lock_file_lists_only_our_wheels_with_their_hashes(built_site):
    core = built_site / "assets" / "checker" / "pyodide"
    lock = json.loads((core / "pyodide-lock.json").read_text())
    assert sorted(lock["packages"]) == ["asn1crypto", "igcsante"]
    assert lock["packages"]["igcsante"]["depends"] == ["asn1crypto"]
    for package in lock["packages"].values():
        assert sha256(core / package["file_name"]) == package["sha256"], package["name"]
    assert lock["packages"]["asn1crypto"]["sha256"] == checker_bundle.ASN1CRYPTO_SHA256


@pytest.mark.site
def test_the_trust_anchors_are_pinned_certificates(built_site):
    bundle = json.loads((built_site / "assets" / "checker" / "trust-anchors.json").read_text())
    assert bundle["anchors"], "the site was built without IGCSANTE_TRUST_DIR"
    for anchor in bundle["anchors"]:
        assert hashlib.sha256(base64.b64decode(anchor["der"])).hexdigest() == anchor["sha256"] in PINS


@pytest.mark.site
def test_the_findings_reference_has_one_anchor_per_code(built_site):
    soup = BeautifulSoup((built_site / "checker" / "findings" / "index.html").read_text(), "html.parser")
    for code in REGISTRY:
        assert len(soup.find_all(id=code)) == 1, code
    assert len(soup.select("[data-code]")) == len(REGISTRY)


@pytest.mark.site
def test_every_page_has_a_policy_that_covers_its_inline_scripts(built_site):
    pages = list(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = BeautifulSoup(html, "html.parser").head
        meta = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        first_script = head.find("script")
        assert first_script is None or meta.sourceline < first_script.sourceline, "the policy must come first"
        policy = meta["content"]
        assert "connect-src 'self'" in policy and "default-src 'self'" in policy
        assert not re.search(r"https?://", policy), "the policy must name no other origin"
        assert csp.script_hashes(html) <= set(policy.replace(";", " ").split()), page


def test_a_core_file_that_does_not_match_its_pin_is_refused(tmp_path):
    tampered = tmp_path / "pyodide.asm.wasm"
    tampered.write_bytes(b"\0asm tampered")
    with pytest.raises(PluginError, match="SHA-256"):
        checker_bundle._verified_copy(tampered, tmp_path / "copy.wasm", checker_bundle.PYODIDE_CORE["pyodide.asm.wasm"])
    assert not (tmp_path / "copy.wasm").exists()


def test_anchors_come_from_the_trust_folder_and_only_pinned_ones(shared_data):
    bundle = checker_bundle.trust_anchor_bundle(str(shared_data))
    assert bundle["source"] == "IGCSANTE_TRUST_DIR" and len(bundle["anchors"]) == len(PINS)
    assert {anchor["sha256"] for anchor in bundle["anchors"]} == set(PINS)


def test_without_a_trust_folder_the_published_chains_are_downloaded(tmp_path, shared_data):
    # The ANS publication point, played by a loopback server holding the real production chain.
    (tmp_path / "AC").mkdir()
    (tmp_path / "AC" / "chain.p7b").write_bytes((shared_data / "prod-ca" / "Chaine_de_certification-IGC-Sante.p7b").read_bytes())
    with SiteServer(tmp_path) as ans:
        bundle = checker_bundle.trust_anchor_bundle(None, published=(ans.url + "AC/chain.p7b",))
    assert bundle["source"] == "ANS publication point"
    assert len(bundle["anchors"]) == 8  # the production chain's eight CAs, all pinned


def test_without_any_source_no_anchor_is_bundled(tmp_path, shared_data):
    with SiteServer(tmp_path) as unreachable:  # answers 404 for the chain
        nowhere = (unreachable.url + "missing.p7b",)
        assert checker_bundle.trust_anchor_bundle(None, published=nowhere)["anchors"] == []
        assert checker_bundle.trust_anchor_bundle(str(tmp_path / "missing"), published=nowhere)["anchors"] == []
        # Leaf certificates are not anchors: only pinned CA certificates are kept.
        assert checker_bundle.trust_anchor_bundle(str(shared_data / "test-leaf"), published=nowhere)["anchors"] == []
