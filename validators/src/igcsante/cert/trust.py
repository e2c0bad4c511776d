"""IGC-Santé trust anchors: CA certificates accepted only when their SHA-256 matches a pin.

Anchors come from the ANS publication point (`fetch_published`, CPython only) or from a folder
(`from_directory`, e.g. IGCSANTE_TRUST_DIR pointing at a copy of the published chains). A
certificate whose hash is not pinned is ignored, whatever folder or file it comes from.
"""

import hashlib
import os
from pathlib import Path

from asn1crypto import cms, x509

from igcsante.cert import der, inputs

# SHA-256 of the DER of the 11 IGC-Santé CA certificates (shared/data/igc-sante/README.md).
PINS = {
    "2d9e22ca19f777c6b745257c723ecb8df3c35fa6f1f6ec36b83600c97346967f": "AC RACINE IGC-SANTE ELEMENTAIRE",
    "d834ee5b40686b73573f60547bf6052c6d404d942a5665cdb2c0b9137b5d27b2": "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
    "19c1eaeab477b6fbc233cda3b53fbdbc3f4e9bf6cf6973e46f7dfaef89c06c6c": "AC IGC-SANTE ELEMENTAIRE PERSONNES",
    "5891815e864506c662afb32f8de5b8de38bffa1af721780b69e19a0c050386c3": "AC RACINE IGC-SANTE STANDARD",
    "c0520a2b14fb68836a807bf86ab2b3e07d1b6061d91bc9c7b86a6f8de4b5638e": "AC IGC-SANTE STANDARD ORGANISATIONS",
    "6c339ebcb3e1b0102b143c9694225c2a4ab2ef6fedf7d364da8db305e7f7d997": "AC IGC-SANTE STANDARD PERSONNES",
    "53d30a19570826bde0c0762501f1f1c7a659f976c6c023123df5239df34a4eea": "AC RACINE IGC-SANTE FORT",
    "38284e4f6107456e70c7439c85da7d564d0fe1fe1a968c9eb6d43e1fc0d63c3a": "AC IGC-SANTE FORT PERSONNES",
    "01325aeb193871eec90fa89556804e4185cb362e0ca87a3d79939c71186da805": "TEST AC RACINE IGC-SANTE ELEMENTAIRE",
    "dc528e3788691b3f7950164076f95b02c64334c68662bdede5750b4e0e5338f6": "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS",
    "67be67df1673552a6c2c110f6603309c4b68fd7b7a2bba847ec87dc5d7c71b1f": "TEST AC IGC-SANTE ELEMENTAIRE PERSONNES",
}

PUBLISHED_CHAINS = (
    "http://igc-sante.esante.gouv.fr/AC/Chaine_de_certification-IGC-Sante.p7b",
    "http://igc-sante.esante.gouv.fr/AC%20TEST/Chaine_de_certification-IGC-Sante-TEST.p7b",
)
TRUST_FILE_SUFFIXES = {".pem", ".cer", ".crt", ".der", ".p7b", ".p7c"}


class TrustFetchError(RuntimeError):
    """The published chains could not be downloaded or held no pinned certificate."""


class TrustStore:
    """CA certificates to verify signatures against, looked up by subject name."""

    def __init__(self, certificates: list[x509.Certificate], pinned: bool):
        self.pinned = pinned
        self.certificates = []
        self._by_subject: dict[bytes, list[x509.Certificate]] = {}
        for certificate in certificates:
            fingerprint = hashlib.sha256(certificate.dump()).hexdigest()
            if any(fingerprint == hashlib.sha256(c.dump()).hexdigest() for c in self.certificates):
                continue
            self.certificates.append(certificate)
            self._by_subject.setdefault(certificate.subject.dump(), []).append(certificate)

    @classmethod
    def from_ders(cls, ders: list[bytes]) -> "TrustStore":
        """Keeps the certificates whose SHA-256 is pinned; ignores the rest."""
        return cls([x509.Certificate.load(d) for d in ders if hashlib.sha256(d).hexdigest() in PINS], pinned=True)

    @classmethod
    def unpinned(cls, ders: list[bytes]) -> "TrustStore":
        """FOR TESTS ONLY: trusts every given certificate (a fake hierarchy built by the tests)."""
        return cls([x509.Certificate.load(der.check(d)) for d in ders], pinned=False)

    @classmethod
    def from_directory(cls, path: str | os.PathLike) -> "TrustStore":
        """Walks `path` recursively, reads .pem/.cer/.crt/.der/.p7b files, keeps pinned certificates."""
        ders = []
        for file in sorted(Path(path).rglob("*")):
            if file.suffix.lower() in TRUST_FILE_SUFFIXES and file.is_file():
                ders += certificates_in(file.read_bytes())
        return cls.from_ders(ders)

    @classmethod
    def default(cls) -> "TrustStore":
        """The folder named by IGCSANTE_TRUST_DIR if set, else an empty store."""
        folder = os.environ.get("IGCSANTE_TRUST_DIR")
        return _cached_directory_store(folder) if folder else cls([], pinned=True)

    def issuers_of(self, certificate: x509.Certificate) -> list[x509.Certificate]:
        """Authorities whose subject is the certificate's issuer: same bytes (the fast, usual case),
        else the same name after RFC 5280 normalisation."""
        found = self._by_subject.get(certificate.issuer.dump())
        if found:
            return found
        issuer = certificate.issuer.hashable
        return [c for c in self.certificates if c.subject.hashable == issuer]

    def __len__(self) -> int:
        return len(self.certificates)


_DIRECTORY_STORES: dict[str, TrustStore] = {}


def _cached_directory_store(folder: str) -> TrustStore:
    if folder not in _DIRECTORY_STORES:
        _DIRECTORY_STORES[folder] = TrustStore.from_directory(folder) if Path(folder).is_dir() else TrustStore([], True)
    return _DIRECTORY_STORES[folder]


def certificates_in(data: bytes) -> list[bytes]:
    """DER of every certificate in a PEM/DER certificate file or a .p7b chain; [] if none or unreadable."""
    try:
        blocks, _ = inputs.read_blocks(data)
    except (inputs.Unreadable, der.MalformedDER):
        return []
    ders = []
    for block in blocks:
        if block.kind == "certificate":
            ders.append(block.der)
        elif block.kind == "pkcs7":
            ders += pkcs7_certificates(block.der)
    return ders


def pkcs7_certificates(data: bytes) -> list[bytes]:
    """DER of the certificates of a PKCS#7 SignedData (a .p7b chain)."""
    signed = cms.ContentInfo.load(data)["content"]
    return [choice.chosen.dump() for choice in signed["certificates"] if choice.name == "certificate"] \
        if signed["certificates"].native is not None else []


def fetch_published(urls: tuple[str, ...] = PUBLISHED_CHAINS, timeout: float = 30.0) -> TrustStore:
    """Downloads the ANS .p7b chains (CPython only: urllib) and keeps the pinned certificates."""
    import urllib.request  # not on the in-page path

    ders = []
    for url in urls:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "igcsante-checker (IGC-Sante guide)"})
            with urllib.request.urlopen(request, timeout=timeout) as response:
                ders += certificates_in(response.read(inputs.MAX_INPUT_BYTES + 1))
        except OSError as error:
            raise TrustFetchError(f"could not download {url}: {error}") from None
    store = TrustStore.from_ders(ders)
    if not store.certificates:
        raise TrustFetchError(f"the published chains ({', '.join(urls)}) hold no certificate matching the pins")
    return store
