"""The real IGC-Santé certificates of ../shared/data/igc-sante: expected verdict and findings.

Checked for the TEST platform on a fixed date, against the pinned anchors read from that folder.
Info findings every file has (input.kind, cert.use_inferred) are left out of the expectations.
"""

import pytest
from fake_pki import codes

from igcsante.cert import check_bytes

AT = "2026-01-15"
CA = {"cert.is_ca", "chain.verified"}
EXPIRED_TEST_FINESS = {"cert.expired", "cert.struct_id_unverified", "chain.verified"}  # OU 10B0...: ANS test FINESS
EXPIRED_SIRET = {"cert.expired", "chain.verified"}  # OU 318751275100020: SIRET of ASIP Santé, check digit right

EXPECTED = {
    "legacy/GIP-CPS-TEST_AC-CLASSE-4_server_2015_legacy_1024bit_sha1.pem":
        ("not_ready", {"cert.expired", "cert.legacy_classe4", "cert.not_org", "cert.weak_key", "cert.weak_signature",
                       "chain.unknown_issuer"}),
    "prod-ca/AC_IGC-SANTE_ELEMENTAIRE_ORGANISATIONS.pem": ("not_ready", CA),
    "prod-ca/AC_IGC-SANTE_ELEMENTAIRE_PERSONNES.pem": ("not_ready", CA),
    "prod-ca/AC_IGC-SANTE_FORT_PERSONNES.pem": ("not_ready", CA),
    "prod-ca/AC_IGC-SANTE_STANDARD_ORGANISATIONS.pem": ("not_ready", CA),
    "prod-ca/AC_IGC-SANTE_STANDARD_PERSONNES.pem": ("not_ready", CA),
    "prod-ca/AC_RACINE_IGC-SANTE_ELEMENTAIRE.pem": ("not_ready", CA),
    "prod-ca/AC_RACINE_IGC-SANTE_FORT.pem": ("not_ready", CA),
    "prod-ca/AC_RACINE_IGC-SANTE_STANDARD.pem": ("not_ready", CA),
    "prod-ca/Chaine_de_certification-IGC-Sante.p7b": ("not_ready", CA | {"input.chain_included"}),
    "test-ca/TEST_AC_IGC-SANTE_ELEMENTAIRE_ORGANISATIONS.pem": ("not_ready", CA),
    "test-ca/TEST_AC_IGC-SANTE_ELEMENTAIRE_PERSONNES.pem": ("not_ready", CA),
    "test-ca/TEST_AC_RACINE_IGC-SANTE_ELEMENTAIRE.pem": ("not_ready", CA),
    "test-leaf/ORG_AUTH_CLI_INSI-AUTO_2021-12-01_test_EXPIRED.pem": ("not_ready", EXPIRED_TEST_FINESS | {"cert.insi_auto"}),
    "test-leaf/ORG_AUTH_CLI_INSI-MANU_2021-12-01_test_EXPIRED.pem": ("not_ready", EXPIRED_TEST_FINESS),
    "test-leaf/ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem": ("ready", {"cert.struct_id_unverified", "chain.verified"}),
    "test-leaf/ORG_AUTH_CLI_Padoa_2021-11-15_test_EXPIRED.pem": ("not_ready", EXPIRED_TEST_FINESS),
    "test-leaf/ORG_CONF_Padoa-CONF_2021-11-15_test_EXPIRED.pem": ("not_ready", EXPIRED_TEST_FINESS | {"cert.no_insi_dmp_use"}),
    "test-leaf/ORG_SIGN_Padoa-SIGN_2021-11-15_test_EXPIRED.pem": ("not_ready", EXPIRED_TEST_FINESS),
    "test-leaf/ORG_SIGN_asipsign.flux_2019-08-08_test_EXPIRED.pem": ("not_ready", EXPIRED_SIRET),
    "test-leaf/ORG_SIGN_asipsign.preuve_test_EXPIRED.pem": ("not_ready", EXPIRED_SIRET),
    "test-leaf/ORG_SIGN_rpps.tra_2016-07-07_test_EXPIRED.pem": ("not_ready", EXPIRED_SIRET),
    "test-leaf/ORG_SIGN_testsign.test.asipsante.fr_2021-12-23_test_EXPIRED.pem": ("not_ready", EXPIRED_SIRET),
    "test-leaf/ORG_SIGN_tomwsrevoque_2019-06-14_test_EXPIRED_probably-revoked.pem": ("not_ready", EXPIRED_SIRET),
    "test-leaf/SERV_SSL_mock.platines.henix.asipsante.fr_2017_test_EXPIRED.pem":
        ("not_ready", {"cert.expired", "cert.not_org", "chain.verified"}),
    # Its issuer (TEST AC IGC-SANTE STANDARD PERSONNES) was never published: no anchor to verify against.
    "test-leaf/WRONG-TYPE_CPx-card_AUTH_CPE_2017_test_EXPIRED.pem": ("not_ready", {"cert.expired", "cert.not_org", "chain.unknown_issuer"}),
    "test-leaf/WRONG-TYPE_PS_physical-person_MED-CS_2025-03-06_test.pem": ("not_ready", {"cert.not_org", "chain.verified"}),
}
ALWAYS = {"input.kind", "cert.use_inferred"}


def test_every_shared_file_is_listed(shared_data):
    found = {str(p.relative_to(shared_data)) for p in shared_data.rglob("*") if p.is_file() and p.suffix != ".md"}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file(name, shared_data, real_trust):
    verdict, expected = EXPECTED[name]
    result = check_bytes((shared_data / name).read_bytes(), name, env="test", at=AT, trust=real_trust)
    assert result["verdict"] == verdict
    assert codes(result) - ALWAYS == expected


def test_insi_manu_2025_for_insi_in_test_and_prod(shared_data, real_trust):
    data = (shared_data / "test-leaf/ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem").read_bytes()
    in_test = check_bytes(data, "m.pem", use="insi", env="test", at=AT, trust=real_trust)
    assert in_test["verdict"] == "ready"
    assert in_test["certificate"]["subject"] == "CN=INSI-MANU,OU=10B0221636,O=CENTRE DE SANTE RPPS22163,ST=Rhône (69),C=FR"
    assert in_test["certificate"]["fingerprints"]["sha256"] == "150125b66afea10cc4eae022645cf40d217e496d138bae20feae32b242048000"
    in_prod = check_bytes(data, "m.pem", use="insi", env="prod", at=AT, trust=real_trust)
    assert "cert.test_environment" in codes(in_prod) and in_prod["verdict"] == "not_ready"
    near_end = check_bytes(data, "m.pem", use="insi", env="test", at="2028-03-15", trust=real_trust)
    assert "cert.expires_soon" in codes(near_end) and near_end["verdict"] == "ready"


@pytest.mark.parametrize("name, use, code", [
    ("test-leaf/ORG_AUTH_CLI_Padoa_2021-11-15_test_EXPIRED.pem", "insi", "cert.insi_name"),
    ("test-leaf/ORG_SIGN_Padoa-SIGN_2021-11-15_test_EXPIRED.pem", "insi", "cert.wrong_usage"),
    ("test-leaf/ORG_SIGN_Padoa-SIGN_2021-11-15_test_EXPIRED.pem", "dmp-auth", "cert.wrong_usage"),
    ("test-leaf/ORG_AUTH_CLI_Padoa_2021-11-15_test_EXPIRED.pem", "dmp-sign", "cert.wrong_usage"),
    ("test-leaf/ORG_AUTH_CLI_INSI-AUTO_2021-12-01_test_EXPIRED.pem", "insi", "cert.insi_auto"),
])
def test_real_file_with_a_use(name, use, code, shared_data, real_trust):
    result = check_bytes((shared_data / name).read_bytes(), name, use=use, env="test", at=AT, trust=real_trust)
    assert code in codes(result)


def test_sign_certificate_passes_dmp_sign_before_expiry(shared_data, real_trust):
    name = "test-leaf/ORG_SIGN_testsign.test.asipsante.fr_2021-12-23_test_EXPIRED.pem"
    result = check_bytes((shared_data / name).read_bytes(), name, use="dmp-sign", env="test", at="2023-01-01", trust=real_trust)
    assert result["verdict"] == "ready", result["findings"]


def test_semicolon_in_cn_is_escaped(shared_data, real_trust):
    name = "test-leaf/ORG_SIGN_rpps.tra_2016-07-07_test_EXPIRED.pem"
    result = check_bytes((shared_data / name).read_bytes(), name, env="test", at=AT, trust=real_trust)
    assert result["certificate"]["subject"].startswith("CN=rpps.tra.henix\\;asipsante.fr,OU=318751275100020")
