"""Fixtures of the certificate checker tests: the fake PKI (built once) and trust stores."""

import pytest
from fake_pki import FakePKI

from igcsante.cert.trust import TrustStore


@pytest.fixture(scope="session")
def pki() -> FakePKI:
    return FakePKI()


@pytest.fixture(scope="session")
def fake_trust(pki) -> TrustStore:
    return TrustStore.unpinned(pki.trust_ders())


@pytest.fixture(scope="session")
def real_trust(shared_data) -> TrustStore:
    return TrustStore.from_directory(shared_data)

