"""Collects the findings of one file and turns them into the verdict."""

from igcsante.cert import findings

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class Report:
    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[dict] = []

    def add(self, code: str, detail: str = "") -> None:
        self.items.append(findings.make(code, self.lang, detail))

    def has(self, *codes: str) -> bool:
        return any(item["code"] in codes for item in self.items)

    def run(self, rules, *args) -> None:
        """Runs each rule; a field that cannot be decoded becomes a finding, never an exception."""
        for rule in rules:
            try:
                rule(*args, self)
            except Exception as error:  # asn1crypto raises many types on damaged fields
                self.add("cert.malformed", f"rule '{rule.__name__}' could not read a field: {type(error).__name__}: {error}")

    def verdict(self, checked: bool) -> str:
        if not checked:
            return "unreadable"
        return "not_ready" if any(item["severity"] == "error" for item in self.items) else "ready"

    def sorted_items(self) -> list[dict]:
        return sorted(self.items, key=lambda item: SEVERITY_ORDER[item["severity"]])
