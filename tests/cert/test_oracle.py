"""Differential oracle: `cryptography` (OpenSSL) must agree with the checker's parsing and signatures."""

from datetime import timezone

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from fake_pki import AT, codes, der

from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore

KEY_USAGE_NAMES = {"digital_signature": "digital_signature", "content_commitment": "non_repudiation",
                   "key_encipherment": "key_encipherment", "data_encipherment": "data_encipherment",
                   "key_agreement": "key_agreement", "key_cert_sign": "key_cert_sign", "crl_sign": "crl_sign"}


def generated_certificates(pki) -> dict[str, tuple[bytes, list]]:
    """name -> (DER, possible issuers as cryptography certificates)."""
    org = pki.cas[("ORG", True)]
    pss_certificate = _resign_pss(pki, pki.leaf("PSS"))
    samples = {
        "good": pki.leaf(), "sign": pki.leaf("S", usage="SIGN"), "conf": pki.leaf("C", usage="CONF"),
        "forged": pki.leaf(signing_key=pki.other_key), "weak key": pki.leaf(key=pki.weak_key),
        "ec key": pki.leaf(key=pki.ec_key), "pss": pss_certificate, "person": pki.person(),
        "prod": pki.leaf(test=False), "ca": org.certificate,
    }
    issuers = [a.certificate for a in [*pki.roots.values(), *pki.cas.values()]]
    return {name: (der(c), issuers) for name, c in samples.items()}


def _resign_pss(pki, template: x509.Certificate) -> x509.Certificate:
    authority = pki.cas[("ORG", True)]
    builder = (x509.CertificateBuilder().subject_name(template.subject).issuer_name(template.issuer)
               .public_key(template.public_key()).serial_number(template.serial_number)
               .not_valid_before(template.not_valid_before_utc).not_valid_after(template.not_valid_after_utc))
    for extension in template.extensions:
        builder = builder.add_extension(extension.value, extension.critical)
    return builder.sign(authority.key, hashes.SHA256(),
                        rsa_padding=padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32))


def oracle_signature_ok(certificate: x509.Certificate, issuers: list) -> bool | None:
    candidates = [i for i in issuers if i.subject == certificate.issuer]
    if not candidates:
        return None
    for issuer in candidates:
        try:
            certificate.verify_directly_issued_by(issuer)
            return True
        except (InvalidSignature, ValueError, TypeError):
            continue
    return False


def compare(data: bytes, issuers: list, trust: TrustStore):
    oracle = x509.load_der_x509_certificate(data)
    result = check_bytes(data, "x.der", env="test", at=AT, trust=trust)
    mine = result["certificate"]
    assert mine["subject"] == oracle.subject.rfc4514_string()
    assert mine["issuer"] == oracle.issuer.rfc4514_string()
    assert int(mine["serial"], 16) == oracle.serial_number
    assert mine["validity"]["not_before"] == oracle.not_valid_before_utc.astimezone(timezone.utc).isoformat()
    assert mine["validity"]["not_after"] == oracle.not_valid_after_utc.isoformat()
    assert mine["key"]["bits"] == oracle.public_key().key_size
    assert mine["fingerprints"]["sha256"] == oracle.fingerprint(hashes.SHA256()).hex()
    try:
        usage = oracle.extensions.get_extension_for_class(x509.KeyUsage).value
        expected = {mine_name for name, mine_name in KEY_USAGE_NAMES.items() if getattr(usage, name)}
    except x509.ExtensionNotFound:
        expected = set()
    assert set(mine["usages"]["key_usage"]) == expected
    signature = oracle_signature_ok(oracle, issuers)
    found = codes(result)
    if "cert.is_ca" in found and oracle.issuer == oracle.subject:
        return
    if signature is True:
        assert "chain.verified" in found
    elif signature is False:
        assert "chain.bad_signature" in found
    else:
        assert {"chain.unknown_issuer", "chain.anchors_unavailable"} & found


def test_generated_certificates_agree(pki, fake_trust):
    for name, (data, issuers) in generated_certificates(pki).items():
        compare(data, issuers, fake_trust)


def test_real_certificates_agree(shared_data, real_trust):
    issuers = [x509.load_der_x509_certificate(c.dump()) for c in real_trust.certificates]
    pem_files = [p for p in shared_data.rglob("*.pem")]
    assert len(pem_files) >= 25
    for path in pem_files:
        compare(der(x509.load_pem_x509_certificate(path.read_bytes())), issuers, real_trust)


def pss_csr(pki) -> x509.CertificateSigningRequest:
    from fake_pki import org_name

    return x509.CertificateSigningRequestBuilder().subject_name(org_name("INSI-MANU")).sign(
        pki.key, hashes.SHA256(), rsa_padding=padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH))


@pytest.mark.parametrize("variant", ["good", "tampered", "weak", "ec", "ec tampered", "ec p384", "ec sha512",
                                     "pss", "pss tampered"])
def test_csr_signature_agrees(variant, pki, fake_trust):
    from cryptography.hazmat.primitives.asymmetric import ec

    p384 = ec.generate_private_key(ec.SECP384R1())
    request = {"good": pki.csr(), "weak": pki.csr(key=pki.weak_key), "ec": pki.csr(key=pki.ec_key),
               "ec tampered": pki.csr(key=pki.ec_key), "ec p384": pki.csr(key=p384),
               "ec sha512": pki.csr(key=p384, algorithm=hashes.SHA512()),
               "tampered": pki.csr(), "pss": pss_csr(pki), "pss tampered": pss_csr(pki)}[variant]
    data = der(request)
    if "tampered" in variant:
        data = data.replace(b"INSI-MANU", b"INSI-MANV")
    oracle_valid = x509.load_der_x509_csr(data).is_signature_valid
    result = check_bytes(data, "r.csr", trust=fake_trust)
    found = codes(result)
    assert "chain.signature_unchecked" not in found
    assert ("csr.bad_signature" not in found) == oracle_valid


def test_ecdsa_certificates_agree(pki):
    from cryptography.hazmat.primitives.asymmetric import ec

    trust = TrustStore.unpinned([pki.ec_ca.der])
    samples = {"signed": pki.leaf(issuer=pki.ec_ca), "forged": pki.leaf(issuer=pki.ec_ca, signing_key=ec.generate_private_key(ec.SECP256R1()))}
    for name, certificate in samples.items():
        compare(der(certificate), [pki.ec_ca.certificate], trust)
    assert "chain.verified" in codes(check_bytes(der(samples["signed"]), "s", env="test", at=AT, trust=trust))
    assert "chain.bad_signature" in codes(check_bytes(der(samples["forged"]), "f", env="test", at=AT, trust=trust))
