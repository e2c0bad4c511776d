"""Every finding code of the registry is produced by a generated fixture, with its meaning."""

from datetime import timedelta

import pytest
from fake_pki import AT, START, codes, der, key_pem, openssl_p12, openssl_sha1_certificate, openssl_sha1_csr, org_name, pem

from igcsante.cert import check_bytes
from igcsante.cert.findings import LANGUAGES, REGISTRY, SEVERITIES, reference
from igcsante.cert.trust import TrustStore


def tamper_csr(request_der: bytes) -> bytes:
    assert b"INSI-MANU" in request_der
    return request_der.replace(b"INSI-MANU", b"INSI-MANX")


def damage_signature_bits(certificate_der: bytes) -> bytes:
    """Sets the BIT STRING 'unused bits' byte of the signature to 9 (illegal): the structure stays readable."""
    position = certificate_der.rfind(b"\x03\x82\x01\x01\x00")
    return certificate_der[:position + 4] + b"\x09" + certificate_der[position + 5:]


# code -> function(pki, tmp_path) returning (bytes, check_bytes keyword arguments)
SCENARIOS = {
    "input.unreadable": lambda p, t: (b"this is not a certificate", {}),
    "input.private_key": lambda p, t: (key_pem(p.key), {}),
    "input.kind": lambda p, t: (pem(p.leaf()), {}),
    "input.invalid_option": lambda p, t: (pem(p.leaf()), {"use": "insi-auto"}),
    "input.chain_included": lambda p, t: (pem(p.leaf()) + pem(p.cas[("ORG", True)].certificate), {}),
    "cert.not_igc_sante": lambda p, t: (pem(p.leaf(issuer=p.stranger)), {}),
    "cert.legacy_classe4": lambda p, t: (pem(p.leaf(issuer=p.classe4)), {}),
    "cert.not_org": lambda p, t: (pem(p.person()), {}),
    "cert.is_ca": lambda p, t: (pem(p.cas[("ORG", True)].certificate), {}),
    "cert.malformed": lambda p, t: (damage_signature_bits(der(p.leaf())), {}),
    "cert.subject_incomplete": lambda p, t: (pem(p.leaf(subject=org_name("INSI-MANU", st=None))), {}),
    "cert.struct_id_invalid": lambda p, t: (pem(p.leaf(ou="1750712185")), {}),
    "cert.struct_id_unverified": lambda p, t: (pem(p.leaf(ou="12B0000012")), {}),
    "cert.wrong_usage": lambda p, t: (pem(p.leaf("DMP-SIGN", usage="SIGN")), {"use": "dmp-auth"}),
    "cert.use_inferred": lambda p, t: (pem(p.leaf()), {"use": "auto"}),
    "cert.no_insi_dmp_use": lambda p, t: (pem(p.leaf("CHIFFREMENT", usage="CONF")), {"use": "auto"}),
    "cert.insi_name": lambda p, t: (pem(p.leaf("INSI_MANU")), {"use": "insi"}),
    "cert.insi_auto": lambda p, t: (pem(p.leaf("INSI-AUTO")), {"use": "insi"}),
    "cert.test_environment": lambda p, t: (pem(p.leaf(test=True)), {"env": "prod"}),
    "cert.wrong_environment": lambda p, t: (pem(p.leaf(test=False)), {"env": "test"}),
    "cert.expired": lambda p, t: (pem(p.leaf(not_before=START - timedelta(days=1200))), {}),
    "cert.not_yet_valid": lambda p, t: (pem(p.leaf(not_before=START + timedelta(days=365))), {}),
    "cert.expires_soon": lambda p, t: (pem(p.leaf(days=160)), {}),
    "cert.validity_too_long": lambda p, t: (pem(p.leaf(days=4 * 365)), {}),
    "cert.weak_key": lambda p, t: (pem(p.leaf(key=p.weak_key)), {}),
    "cert.key_type": lambda p, t: (pem(p.leaf(key=p.ec_key)), {}),
    "cert.weak_signature": lambda p, t: (openssl_sha1_certificate(t, p), {}),
    "chain.verified": lambda p, t: (pem(p.leaf()), {}),
    "chain.bad_signature": lambda p, t: (pem(p.leaf(signing_key=p.other_key)), {}),
    "chain.unknown_issuer": lambda p, t: (pem(p.leaf(issuer=p.stranger)), {}),
    "chain.anchors_unavailable": lambda p, t: (pem(p.leaf()), {"trust": TrustStore([], pinned=True)}),
    "chain.signature_unchecked": lambda p, t: (pem(p.leaf(issuer=p.ed25519_ca)), {"trust": TrustStore.unpinned([p.ed25519_ca.der])}),
    "csr.bad_signature": lambda p, t: (tamper_csr(der(p.csr())), {}),
    "csr.weak_key": lambda p, t: (pem(p.csr(key=p.weak_key)), {}),
    "csr.key_type": lambda p, t: (pem(p.csr(key=p.ec_key)), {}),
    "csr.weak_signature": lambda p, t: (openssl_sha1_csr(t, p), {}),
    "csr.subject_set_by_platform": lambda p, t: (pem(p.csr()), {}),
    "p12.wrong_password": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right"), {"password": "wrong"}),
    "p12.password_ok": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right"), {"password": "right"}),
    "p12.password_not_given": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right"), {}),
    "p12.password_needed": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right", "-certpbe", "AES-256-CBC"), {}),
    "p12.mac_unchecked": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right", "-certpbe", "NONE", "-nomac"), {}),
    "p12.key_matches": lambda p, t: (openssl_p12(t, p.leaf(), p.key, "right"), {"password": "right"}),
    "p12.key_mismatch": lambda p, t: (mismatched_p12(p, t), {"password": "right"}),
    "p12.no_key": lambda p, t: (openssl_p12(t, p.leaf(), None, "right", "-certpbe", "NONE", "-nokeys"), {}),
}
# Needs an environment without `cryptography`, as in the page: see test_page_environment.py.
PRODUCED_ELSEWHERE = {"p12.encrypted_unchecked"}


def mismatched_p12(pki, folder) -> bytes:
    """Certificate bags of one .p12 with the key bag of another (no MAC, so the splice stays valid)."""
    from asn1crypto import pkcs12

    shape = ["-certpbe", "NONE", "-keypbe", "PBE-SHA1-3DES", "-nomac"]
    first = pkcs12.Pfx.load(openssl_p12(folder, pki.leaf(), pki.key, "right", *shape))
    second = pkcs12.Pfx.load(openssl_p12(folder, pki.leaf("OTHER", key=pki.other_key), pki.other_key, "right", *shape))
    certificate_part = first.authenticated_safe[0]
    key_part = second.authenticated_safe[1]
    safe = pkcs12.AuthenticatedSafe([certificate_part, key_part])
    return pkcs12.Pfx({"version": "v3", "auth_safe": {"content_type": "data", "content": safe.dump()}}).dump()


def test_every_code_has_a_scenario():
    assert set(REGISTRY) == set(SCENARIOS) | PRODUCED_ELSEWHERE


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_scenario_produces_its_code(code, pki, fake_trust, tmp_path):
    data, options = SCENARIOS[code](pki, tmp_path)
    options = {"env": "test", "at": AT, "trust": fake_trust, **options}
    result = check_bytes(data, f"{code}.bin", **options)
    assert code in codes(result), result["findings"]
    severity = REGISTRY[code].severity
    if severity == "error" and code not in ("input.unreadable", "input.invalid_option"):
        assert result["verdict"] == "not_ready"
    if code in ("input.unreadable", "input.invalid_option", "input.private_key", "p12.password_needed"):
        assert result["verdict"] == "unreadable"


def test_a_clean_certificate_is_ready_with_no_warning(pki, fake_trust):
    result = check_bytes(pem(pki.leaf()), "good.pem", use="insi", env="test", at=AT, trust=fake_trust)
    assert result["verdict"] == "ready"
    assert codes(result, "error", "warning") == set()
    assert "chain.verified" in codes(result)


def test_production_certificate_in_production_is_ready(pki, fake_trust):
    result = check_bytes(pem(pki.leaf(test=False)), "prod.pem", use="dmp-auth", env="prod", at=AT, trust=fake_trust)
    assert result["verdict"] == "ready", result["findings"]
    assert result["certificate"]["environment"] == "prod"


@pytest.mark.parametrize("cn", ["insi-manu", "INSI_MANU", "INSI MANU", "INSIMANU", "Padoa"])
def test_insi_name_must_be_exact(cn, pki, fake_trust):
    result = check_bytes(pem(pki.leaf(cn)), "x.pem", use="insi", env="test", at=AT, trust=fake_trust)
    assert "cert.insi_name" in codes(result)
    assert "DESIR_560" in next(f["why"] for f in result["findings"] if f["code"] == "cert.insi_name")


def test_auto_use_infers_insi_from_a_near_miss_name(pki, fake_trust):
    result = check_bytes(pem(pki.leaf("insi-manu")), "x.pem", env="test", at=AT, trust=fake_trust)
    assert "cert.insi_name" in codes(result)


@pytest.mark.parametrize("use, usage, ok", [("insi", "AUTH_CLI", True), ("dmp-auth", "AUTH_CLI", True),
                                            ("dmp-sign", "SIGN", True), ("dmp-sign", "AUTH_CLI", False),
                                            ("insi", "SIGN", False), ("dmp-auth", "CONF", False)])
def test_usage_profiles(use, usage, ok, pki, fake_trust):
    result = check_bytes(pem(pki.leaf("INSI-MANU", usage=usage)), "x.pem", use=use, env="test", at=AT, trust=fake_trust)
    assert ("cert.wrong_usage" not in codes(result)) == ok


def test_server_certificate_is_not_org(pki, fake_trust):
    result = check_bytes(pem(pki.leaf("srv.example.fr", usage="SSL_SERV", dns_names=["srv.example.fr"])), "s.pem",
                         env="test", at=AT, trust=fake_trust)
    assert "cert.not_org" in codes(result)


def test_expiry_notice_is_60_days(pki, fake_trust):
    near = check_bytes(pem(pki.leaf(days=140)), "n.pem", env="test", at=AT, trust=fake_trust)  # 2026-05-30 + ~1 day
    far = check_bytes(pem(pki.leaf(days=220)), "f.pem", env="test", at=AT, trust=fake_trust)
    assert "cert.expires_soon" in codes(near) or "cert.expired" in codes(near)
    assert "cert.expires_soon" not in codes(far)


def test_sign_validity_of_three_years_and_a_month_is_accepted(pki, fake_trust):
    result = check_bytes(pem(pki.leaf(usage="SIGN", days=1127)), "s.pem", env="test", at=AT, trust=fake_trust)
    assert "cert.validity_too_long" not in codes(result)


def test_registry_texts_are_complete():
    for spec in REGISTRY.values():
        assert spec.severity in SEVERITIES
        assert spec.citation
        for lang in LANGUAGES:
            assert spec.title[lang] and spec.why[lang] and spec.fix[lang], (spec.code, lang)
        assert spec.title["en"] != spec.title["fr"], spec.code


def test_reference_lists_every_code_in_both_languages():
    for lang in LANGUAGES:
        entries = reference(lang)
        assert [e["code"] for e in entries] == list(REGISTRY)
        assert all(set(e) == {"code", "severity", "title", "why", "fix", "citation"} for e in entries)
