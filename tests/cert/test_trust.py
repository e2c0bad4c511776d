"""Trust anchors: only certificates matching the pins are kept, wherever they come from."""

import pytest
from fake_pki import der

from igcsante.cert.trust import PINS, TrustStore, fetch_published


def test_directory_keeps_exactly_the_eleven_pinned_authorities(shared_data):
    store = TrustStore.from_directory(shared_data)  # the folder also holds leaves: they are ignored
    assert len(store) == 11 and store.pinned
    import hashlib

    assert {hashlib.sha256(c.dump()).hexdigest() for c in store.certificates} == set(PINS)


def test_pinned_chain_file_alone_gives_the_production_authorities(shared_data, tmp_path):
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "chain.p7b").write_bytes((shared_data / "prod-ca/Chaine_de_certification-IGC-Sante.p7b").read_bytes())
    assert len(TrustStore.from_directory(tmp_path)) == 8


def test_unpinned_certificates_are_refused(pki):
    assert len(TrustStore.from_ders(pki.trust_ders())) == 0
    assert len(TrustStore.unpinned(pki.trust_ders())) == len(pki.trust_ders())


def test_a_tampered_anchor_is_refused(shared_data, tmp_path):
    from cryptography import x509

    original = der(x509.load_pem_x509_certificate((shared_data / "test-ca/TEST_AC_RACINE_IGC-SANTE_ELEMENTAIRE.pem").read_bytes()))
    tampered = original[:-1] + bytes([original[-1] ^ 1])
    (tmp_path / "root.der").write_bytes(tampered)
    assert len(TrustStore.from_directory(tmp_path)) == 0


def test_default_reads_the_environment(shared_data, monkeypatch):
    monkeypatch.setenv("IGCSANTE_TRUST_DIR", str(shared_data))
    assert len(TrustStore.default()) == 11
    monkeypatch.delenv("IGCSANTE_TRUST_DIR")
    assert len(TrustStore.default()) == 0


@pytest.mark.network
def test_fetch_published_chains():
    store = fetch_published()
    assert len(store) >= 11 and store.pinned
