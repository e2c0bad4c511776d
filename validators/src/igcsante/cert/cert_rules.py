"""The rules for a certificate: one small function each, emitting findings with stable codes.

Every rule has the signature `rule(view, context, report)`; `check_certificate` runs them in
order (earlier findings such as cert.not_org silence later, redundant ones).
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from asn1crypto import x509

from igcsante.cert import names, signatures, trust
from igcsante.cert.certificate import ORG_CAS, PROD_CATEGORIES, TEST_CATEGORIES, WEAK_HASHES, CertView
from igcsante.cert.identifiers import check_struct_id
from igcsante.cert.options import Options

EXPIRY_NOTICE = timedelta(days=60)  # ANS warns the technical administrators 60 days before expiry
REQUIRED_SUBJECT_FIELDS = ("C", "ST", "O", "OU", "CN")
PERSON_FIELDS = ("GN", "SN", "T")
INSI_NAME, INSI_AUTO = "INSI-MANU", "INSI-AUTO"
NEEDED_USAGE = {"insi": "AUTH_CLI", "dmp-auth": "AUTH_CLI", "dmp-sign": "SIGN"}
USE_LABELS = {"insi": "INSi", "dmp-auth": "DMP connection (authentication)", "dmp-sign": "DMP signature (VIHF)"}


@dataclass
class Context:
    options: Options
    anchors: trust.TrustStore
    file_anchors: list  # pinned CA certificates found in the checked file itself


def issuer(view: CertView, context: Context, report) -> None:
    issuer_o = names.first(view.issuer, "O")
    issuer_ous = names.values(view.issuer, "OU")
    issuer_text = names.rfc4514(view.issuer)
    if issuer_o.startswith("GIP-CPS") or any("CLASSE-4" in ou.upper() for ou in issuer_ous):
        report.add("cert.legacy_classe4", f"issuer: {issuer_text}")
    elif view.issuer_cn in ORG_CAS:
        return
    elif "IGC-SANTE" in view.issuer_cn and "PERSONNES" in view.issuer_cn:
        report.add("cert.not_org", f"issued by {view.issuer_cn}, the authority for people's and cards' certificates")
    else:
        report.add("cert.not_igc_sante", f"issuer: {issuer_text}; expected AC IGC-SANTE ELEMENTAIRE ORGANISATIONS "
                                         "(or TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS)")


def offer(view: CertView, context: Context, report) -> None:
    """ORG certificates name a structure: no person fields, no server names, not a card."""
    if report.has("cert.not_org"):
        return
    reasons = []
    person_fields = [f for f in PERSON_FIELDS if names.values(view.subject, f)]
    if person_fields:
        reasons.append(f"the subject names a person ({', '.join(person_fields)})")
    if any(len(rdn) > 1 for rdn in view.subject):
        reasons.append("the subject has a multi-valued name (GN+CN+SN), as person and card certificates do")
    if view.usage == "SSL_SERV" or view.dns_names:
        reasons.append("it is a server certificate (SERV offer: serverAuth or DNS names "
                       f"{', '.join(view.dns_names) or 'none'})")
    if view.product_category in (0x00, 0x80):
        reasons.append("its product category (TRE_G01) is a CPx card")
    if reasons:
        report.add("cert.not_org", "; ".join(reasons))


def subject_fields(view: CertView, context: Context, report) -> None:
    if report.has("cert.not_org"):
        return
    missing = [f for f in REQUIRED_SUBJECT_FIELDS if not names.values(view.subject, f)]
    country = names.first(view.subject, "C")
    if missing:
        report.add("cert.subject_incomplete", f"missing: {', '.join(missing)}; subject: {names.rfc4514(view.subject)}")
    elif country != "FR":
        report.add("cert.subject_incomplete", f"country (C) is '{country}', IGC-Santé certificates say FR")


def structure_identifier(view: CertView, context: Context, report) -> None:
    if report.has("cert.not_org"):
        return
    for ou in names.values(view.subject, "OU"):
        result = check_struct_id(ou)
        if result.status == "invalid":
            report.add("cert.struct_id_invalid", f"OU={ou}: {result.reason}")
        elif result.status == "unverified":
            report.add("cert.struct_id_unverified", f"OU={ou}: {result.reason}")


def environment(view: CertView, context: Context, report) -> None:
    category = TEST_CATEGORIES.get(view.product_category) or PROD_CATEGORIES.get(view.product_category)
    marker = f"issuer {view.issuer_cn or names.rfc4514(view.issuer)}" + (f", product category {category}" if category else "")
    if view.environment == "test" and context.options.env == "prod":
        report.add("cert.test_environment", marker)
    elif view.environment == "prod" and context.options.env == "test":
        report.add("cert.wrong_environment", marker)


def usage_and_name(view: CertView, context: Context, report) -> None:
    if report.has("cert.not_org"):
        return
    use = context.options.use
    usage = view.usage or "unknown"
    if use == "auto":
        use = _inferred_use(view)
        label = USE_LABELS.get(use, "no INSi or DMP purpose (encryption or other)")
        report.add("cert.use_inferred", f"{usage} certificate named '{view.cn}': checked as for {label} ({view.usage_text()})")
        if use == "auto":
            report.add("cert.no_insi_dmp_use", f"{usage} certificate ({view.usage_text()})")
            return
    needed = NEEDED_USAGE[use]
    if view.usage != needed:
        report.add("cert.wrong_usage", f"{USE_LABELS[use]} needs {needed}; this certificate is {usage} ({view.usage_text()})")
    if use == "insi":
        if view.cn == INSI_AUTO:
            report.add("cert.insi_auto", f"CN={view.cn}")
        elif view.cn != INSI_NAME:
            unusual = names.unusual_characters(view.cn)
            shown = unusual[:3] + ([f"{len(unusual) - 3} more"] if len(unusual) > 3 else [])
            hidden = f"; it holds {', '.join(shown)}" if unusual else ""
            report.add("cert.insi_name", f"CN='{view.cn}'{hidden}; INSi expects exactly '{INSI_NAME}' (or '{INSI_AUTO}') "
                                         "and answers DESIR_560 otherwise")


def _inferred_use(view: CertView) -> str:
    # the skeleton also catches names that only look like INSI-MANU (fullwidth, Cyrillic, zero-width characters)
    if names.skeleton(view.cn).startswith("INSI"):
        return "insi"
    return {"AUTH_CLI": "dmp-auth", "SIGN": "dmp-sign"}.get(view.usage, "auto")


def dates(view: CertView, context: Context, report) -> None:
    at = context.options.at
    period = f"valid from {view.not_before:%Y-%m-%d %H:%M} to {view.not_after:%Y-%m-%d %H:%M} UTC; checked at {at:%Y-%m-%d %H:%M} UTC"
    if at > view.not_after:
        report.add("cert.expired", f"expired {(at - view.not_after).days} days ago; {period}")
    elif at < view.not_before:
        report.add("cert.not_yet_valid", period)
    elif view.not_after - at < EXPIRY_NOTICE:
        report.add("cert.expires_soon", f"{(view.not_after - at).days} days left; {period}")


def validity_length(view: CertView, context: Context, report) -> None:
    longest = _add_months(view.not_before, 37) + timedelta(days=1)  # 3 years + 1 month, a day of slack
    if view.not_after > longest:
        report.add("cert.validity_too_long", f"{(view.not_after - view.not_before).days} days, from "
                                             f"{view.not_before:%Y-%m-%d} to {view.not_after:%Y-%m-%d}; at most 3 years and 1 month")


def _add_months(moment, months: int):
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError("unreachable")


def key(view: CertView, context: Context, report) -> None:
    if view.key_type == "RSA":
        if view.key_bits < 2048:
            report.add("cert.weak_key", f"RSA {view.key_bits} bits; at least 2048 needed")
    else:
        report.add("cert.key_type", f"{view.key_type} {view.key_bits} bits")


def signature_algorithm(view: CertView, context: Context, report) -> None:
    if view.signature_hash in WEAK_HASHES:
        report.add("cert.weak_signature", f"{view.signature_name} ({view.signature_hash.upper()})")


def chain_signature(view: CertView, context: Context, report) -> None:
    pin_name = trust.PINS.get(view.sha256)
    if pin_name:
        report.add("chain.verified", f"this is the pinned certificate of {pin_name} (SHA-256 {view.sha256})")
        return
    candidates = context.anchors.issuers_of(view.certificate) + [
        anchor for anchor in context.file_anchors if anchor.subject.hashable == view.certificate.issuer.hashable]
    if not candidates:
        if not context.anchors.certificates and not context.file_anchors:
            report.add("chain.anchors_unavailable", f"issuer: {names.rfc4514(view.issuer)}")
        else:
            report.add("chain.unknown_issuer", f"issuer: {names.rfc4514(view.issuer)}; known authorities: "
                                               f"{len(context.anchors) + len(context.file_anchors)}")
        return
    certificate = view.certificate
    unsupported = ""
    for anchor in candidates:
        try:
            if signatures.verify(anchor.public_key, certificate["signature_algorithm"],
                                 certificate["signature_value"].native, certificate["tbs_certificate"].dump()):
                fingerprint = _sha256(anchor)
                pinned = trust.PINS.get(fingerprint)
                report.add("chain.verified", f"signed by {names.rfc4514(names.attributes(anchor.subject))} "
                                             + (f"(pinned SHA-256 {fingerprint})" if pinned else f"(SHA-256 {fingerprint}, NOT pinned: test store)"))
                return
        except signatures.Unverifiable as error:
            unsupported = str(error)
    if unsupported:
        report.add("chain.signature_unchecked", unsupported)
    else:
        report.add("chain.bad_signature", f"the signature ({view.signature_name}) does not match the key of "
                                          f"{view.issuer_cn or names.rfc4514(view.issuer)}")


def _sha256(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.dump()).hexdigest()


def is_ca(view: CertView, context: Context, report) -> None:
    report.add("cert.is_ca", f"{names.rfc4514(view.subject)} is a certification authority (basicConstraints CA:TRUE)")


LEAF_RULES = [issuer, offer, subject_fields, structure_identifier, environment, usage_and_name, dates, validity_length, key,
              signature_algorithm, chain_signature]
CA_RULES = [is_ca, dates, chain_signature]


def check_certificate(view: CertView, context: Context, report) -> None:
    report.run(CA_RULES if view.is_ca else LEAF_RULES, view, context)
