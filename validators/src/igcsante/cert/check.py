"""`check_bytes`: one file in, one JSON-ready result out, whatever the bytes."""

import hashlib

from asn1crypto import x509

from igcsante.cert import cert_rules, csr_rules, der, inputs, options, pkcs12
from igcsante.cert.certificate import describe
from igcsante.cert.report import Report
from igcsante.cert.trust import PINS, TrustStore, pkcs7_certificates

KIND_LABELS = {"certificate": "certificate", "csr": "certificate request (CSR)", "pkcs7": ".p7b chain (PKCS#7)",
               "pkcs12": ".p12 file (PKCS#12)", "private_key": "private key"}


def check_bytes(data: bytes, filename: str = "", *, use="auto", env="prod", at=None, password=None,
                lang="en", trust=None) -> dict:
    """Checks one file; returns {"file", "kind", "verdict", "findings", "certificate"}. Never raises."""
    report = Report(lang if lang in options.LANGS else "en")
    result = {"file": filename, "kind": "unknown", "verdict": "unreadable", "findings": [], "certificate": {}}
    try:
        opts = options.build(use, env, at, lang, trust if trust is not None else TrustStore.default())
        checked = _check(data, opts, report, result, password)
    except options.InvalidOption as error:
        report.add("input.invalid_option", str(error))
        checked = False
    except (inputs.Unreadable, der.MalformedDER) as error:
        report.add("input.unreadable", str(error))
        checked = False
    except Exception as error:  # noqa: BLE001 - the promise is a verdict for every input
        report.add("input.unreadable", f"the structure could not be decoded ({type(error).__name__}: {error})")
        checked = False
    result["verdict"] = report.verdict(checked)
    result["findings"] = report.sorted_items()
    return result


def unreadable_result(filename: str, detail: str, lang: str = "en") -> dict:
    """The result for a file that could not even be read (permissions, I/O error)."""
    report = Report(lang if lang in options.LANGS else "en")
    report.add("input.unreadable", detail)
    return {"file": filename, "kind": "unknown", "verdict": "unreadable", "findings": report.sorted_items(), "certificate": {}}


def _check(data, opts, report, result, password) -> bool:
    if isinstance(data, str):
        data = data.encode("utf-8")
    blocks, notes = inputs.read_blocks(bytes(data))
    keys = [block for block in blocks if block.kind == "private_key"]
    others = [block for block in blocks if block.kind != "private_key"]
    if not others:
        result["kind"] = "private_key"
        report.add("input.private_key", f"{', '.join(k.key_description for k in keys)}; nothing else in the file")
        return False
    main = next((b for b in others if b.kind == "pkcs12"), None) or next((b for b in others if b.kind in ("pkcs7", "certificate")), None) or others[0]
    result["kind"] = main.kind
    description = f"{main.encoding} {KIND_LABELS[main.kind]}" + (f" ({len(blocks)} blocks)" if len(blocks) > 1 else "")
    if main.kind in ("certificate", "csr") and main.der[1:2] == b"\x80":
        notes = notes + ["encoded as BER with indefinite lengths, not the DER that certificates must use: strict software may refuse it"]
    report.add("input.kind", "; ".join([description] + notes))
    if keys:
        report.add("input.private_key", f"the file also holds a {keys[0].key_description}; it was not read")
    if main.kind == "csr":
        result["certificate"] = csr_rules.describe_request(main.der)
        csr_rules.check_request(main.der, report)
        return True
    if main.kind == "pkcs12":
        certificates, leaf_hint = _pkcs12_certificates(main.der, password, report)
    else:
        certificates, leaf_hint = _certificates(others), None
    if not certificates:
        # a .p12 whose certificates are encrypted already says why (password needed, wrong, or not openable here)
        if not report.has("p12.password_needed", "p12.wrong_password", "p12.encrypted_unchecked"):
            report.add("input.unreadable", "no certificate found in the file")
        return False
    return _check_leaf(certificates, leaf_hint, opts, report, result)


def _certificates(blocks) -> list[bytes]:
    found = []
    for block in blocks:
        if block.kind == "certificate":
            found.append(block.der)
        elif block.kind == "pkcs7":
            found += [der.check(d) for d in pkcs7_certificates(block.der)]
    return found


def _pkcs12_certificates(data: bytes, password, report) -> tuple[list[bytes], bytes | None]:
    if isinstance(password, bytes):
        password = password.decode("utf-8", errors="replace")
    contents = pkcs12.read(data, password)
    for code, detail in contents.findings:
        report.add(code, detail)
    if contents.clear_key:
        report.add("input.private_key", "the .p12 holds its private key WITHOUT encryption (keyBag)")
    certificates, hint = list(contents.certificates), contents.leaf_hint()
    # With no MAC to confirm the password, decrypting is the only way left to try it.
    can_open = contents.mac == "ok" or (password is not None and contents.mac == "absent")
    if can_open and (contents.has_key or contents.encrypted_parts):
        extra, findings = pkcs12.open_with_password(data, password, contents, hint or _pick_leaf(certificates))
        certificates += [c for c in extra if c not in certificates]
        for code, detail in findings:
            report.add(code, detail)
    elif not certificates and contents.encrypted_parts:
        if password is None:
            report.add("p12.password_needed", f"{contents.encrypted_parts} encrypted part(s), no certificate in clear")
        elif not report.has("p12.wrong_password"):
            report.add("p12.encrypted_unchecked", "the certificates are encrypted and could not be decrypted here")
    if not contents.has_key:
        report.add("p12.no_key", f"{len(contents.certificates)} certificate(s), no key bag")
    return certificates, hint


def _pick_leaf(certificates: list[bytes]) -> bytes | None:
    """The end-entity certificate: not a CA; failing that, the CA that issued none of the others."""
    if len(certificates) < 2:
        return certificates[0] if certificates else None
    loaded = []
    for certificate in certificates:
        parsed = x509.Certificate.load(certificate)
        try:
            is_ca = bool(parsed.ca)
        except Exception:  # noqa: BLE001 - a damaged extension: treat as end-entity, the rules will say
            is_ca = False
        loaded.append((certificate, parsed, is_ca))
    for certificate, _, is_ca in loaded:
        if not is_ca:
            return certificate
    issuers = {parsed.issuer.hashable for certificate, parsed, _ in loaded if parsed.issuer.hashable != parsed.subject.hashable}
    for certificate, parsed, _ in loaded:
        if parsed.subject.hashable not in issuers:
            return certificate
    return certificates[0]


def _check_leaf(certificates, leaf_hint, opts, report, result) -> bool:
    leaf = leaf_hint if leaf_hint in certificates else _pick_leaf(certificates)
    others = [c for c in certificates if c != leaf]
    if others:
        subjects = []
        for other in others:
            try:
                subjects.append(describe(other).expert_view()["subject"])
            except Exception:  # noqa: BLE001
                subjects.append(f"(undecodable certificate, SHA-256 {hashlib.sha256(other).hexdigest()})")
        report.add("input.chain_included", f"{len(others)} other certificate(s): " + " | ".join(subjects))
        result["other_certificates"] = subjects
    try:
        view = describe(leaf)
        result["certificate"] = view.expert_view()
    except Exception as error:  # noqa: BLE001
        report.add("input.unreadable", f"the certificate's fields could not be decoded ({type(error).__name__}: {error})")
        return False
    if others:
        result["certificate"]["other_certificates"] = result.pop("other_certificates")
    file_anchors = [x509.Certificate.load(c) for c in others if hashlib.sha256(c).hexdigest() in PINS]
    context = cert_rules.Context(opts, opts.trust, file_anchors)
    cert_rules.check_certificate(view, context, report)
    return True
