"""Compare the certificates of a published PKCS#7 chain (.p7b) with the checker's SHA-256 pins."""

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

from asn1crypto import cms, pem


class NotAChain(ValueError):
    """The bytes are not a PKCS#7 bundle holding certificates."""


@dataclass(frozen=True)
class ChainCertificate:
    subject: str
    sha256: str  # lowercase hex of the DER certificate


def chain_certificates(body: bytes) -> list[ChainCertificate]:
    data = body
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        content_info = cms.ContentInfo.load(data)
        if content_info["content_type"].native != "signed_data":
            raise NotAChain(f"a PKCS#7 {content_info['content_type'].native} structure, not a certificate bundle")
        certificates = content_info["content"]["certificates"]
        found = [
            ChainCertificate(
                subject=choice.chosen.subject.human_friendly,
                sha256=hashlib.sha256(choice.chosen.dump()).hexdigest(),
            )
            for choice in certificates
            if choice.name == "certificate"
        ]
    except NotAChain:
        raise
    except Exception as error:  # asn1crypto raises many types on malformed input
        raise NotAChain(f"not a PKCS#7 certificate bundle ({type(error).__name__}: {error})") from None
    if not found:
        raise NotAChain("a PKCS#7 bundle without any certificate")
    return found


def unpinned(certificates: list[ChainCertificate], pins: Collection[str]) -> list[ChainCertificate]:
    pinned = {pin.lower().replace(":", "") for pin in pins}
    return [certificate for certificate in certificates if certificate.sha256 not in pinned]
