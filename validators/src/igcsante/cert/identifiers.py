"""The structure identifier (idNat_Struct) carried in the OU of ORG certificates.

idNat_Struct = a one-character type prefix (TRE_G07) + the identifier: 0 + ADELI-rang (11),
1 + FINESS (9), 2 + SIREN (9), 3 + SIRET (14), 4 + RPPS-rang (14). FACTS §2.3, §3.
"""

from dataclasses import dataclass

PREFIXES = {
    "0": ("ADELI-rang", 11),
    "1": ("FINESS", 9),
    "2": ("SIREN", 9),
    "3": ("SIRET", 14),
    "4": ("RPPS-rang", 14),
}
LA_POSTE_SIREN = "356000000"  # its SIRETs other than the head office follow a digit-sum rule


@dataclass
class StructIdCheck:
    status: str  # "valid", "unverified" (tolerated, warn), "invalid"
    kind: str  # FINESS, SIRET...
    reason: str  # plain-English detail for the finding


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def check_struct_id(value: str) -> StructIdCheck:
    if not value:
        return StructIdCheck("invalid", "", "the OU is empty")
    prefix, identifier = value[0], value[1:]
    if prefix not in PREFIXES:
        return StructIdCheck("invalid", "", f"'{value}' starts with '{prefix}'; an idNat_Struct starts with 0, 1, 2, 3 or 4")
    kind, length = PREFIXES[prefix]
    if len(identifier) != length:
        return StructIdCheck("invalid", kind, f"'{value}': prefix {prefix} means {kind}, which has {length} characters after the prefix, not {len(identifier)}")
    if kind == "FINESS":
        return _finess(identifier)
    if kind == "ADELI-rang":
        if not identifier.isalnum() or not identifier.isascii():
            return StructIdCheck("invalid", kind, f"ADELI-rang '{identifier}' has characters other than letters and digits")
        return StructIdCheck("valid", kind, f"ADELI-rang {identifier} (no check digit to verify)")
    if not identifier.isdigit() or not identifier.isascii():
        return StructIdCheck("invalid", kind, f"{kind} '{identifier}' must be made of digits only")
    if kind == "SIRET" and identifier.startswith(LA_POSTE_SIREN):
        ok = sum(int(c) for c in identifier) % 5 == 0 or luhn_ok(identifier)
    else:
        ok = luhn_ok(identifier)
    if not ok:
        return StructIdCheck("invalid", kind, f"{kind} {identifier}: the check digit is wrong (Luhn), probably a typing error")
    return StructIdCheck("valid", kind, f"{kind} {identifier}, check digit correct")


def _finess(number: str) -> StructIdCheck:
    if number.isdigit() and number.isascii():
        if luhn_ok(number):
            return StructIdCheck("valid", "FINESS", f"FINESS {number}, check digit correct")
        return StructIdCheck("invalid", "FINESS", f"FINESS {number}: the check digit is wrong (Luhn), probably a typing error")
    if number[:2] in ("2A", "2B") and number[2:].isdigit():
        return StructIdCheck("unverified", "FINESS", f"FINESS {number} is a Corsican number (2A/2B); its check digit cannot be verified reliably")
    if number[0].isdigit() and number[1].isalpha() and number[1].isupper() and number[2:].isdigit():
        return StructIdCheck("unverified", "FINESS", f"FINESS {number} has a letter in second position, as the ANS test structures do; its check digit is not verified")
    return StructIdCheck("invalid", "FINESS", f"FINESS '{number}' is neither 9 digits nor a Corsican (2A/2B) or test number")
