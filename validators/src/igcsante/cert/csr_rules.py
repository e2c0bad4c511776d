"""The rules for a certificate request (PKCS#10): self-signature, key, algorithm, subject reminder."""

import hashlib

from asn1crypto import csr

from igcsante.cert import names, signatures
from igcsante.cert.certificate import WEAK_HASHES


def describe_request(der: bytes) -> dict:
    """Expert view of a CSR (decoding errors propagate to the caller)."""
    request = csr.CertificationRequest.load(der)
    info = request["certification_request_info"]
    public_key = info["subject_pk_info"]
    return {
        "subject": names.rfc4514(names.attributes(info["subject"])),
        "key": {"type": public_key.algorithm.upper(), "bits": public_key.bit_size},
        "signature_algorithm": request["signature_algorithm"]["algorithm"].native,
        "fingerprints": {"sha256": hashlib.sha256(der).hexdigest()},
    }


def self_signature(request: csr.CertificationRequest, report) -> None:
    info = request["certification_request_info"]
    try:
        valid = signatures.verify(info["subject_pk_info"], request["signature_algorithm"],
                                  request["signature"].native, info.dump())
    except signatures.Unverifiable as error:
        report.add("chain.signature_unchecked", f"request signature: {error}")
        return
    if not valid:
        report.add("csr.bad_signature", "the signature does not match the request's own public key")


def key(request: csr.CertificationRequest, report) -> None:
    public_key = request["certification_request_info"]["subject_pk_info"]
    kind, bits = public_key.algorithm.upper(), public_key.bit_size
    if kind != "RSA":
        report.add("csr.key_type", f"{kind} {bits} bits")
    elif bits < 2048:
        report.add("csr.weak_key", f"RSA {bits} bits; at least 2048 needed")


def signature_algorithm(request: csr.CertificationRequest, report) -> None:
    algorithm = request["signature_algorithm"]
    hash_algorithm = signatures.hash_name(algorithm)  # '' if unknown: self_signature reports it
    if hash_algorithm in WEAK_HASHES:
        report.add("csr.weak_signature", f"{algorithm['algorithm'].native} ({hash_algorithm.upper()})")


def subject_reminder(request: csr.CertificationRequest, report) -> None:
    subject = names.attributes(request["certification_request_info"]["subject"])
    report.add("csr.subject_set_by_platform", f"subject written in the request: {names.rfc4514(subject) or '(empty)'}")


CSR_RULES = [self_signature, key, signature_algorithm, subject_reminder]


def check_request(der: bytes, report) -> None:
    report.run(CSR_RULES, csr.CertificationRequest.load(der))
