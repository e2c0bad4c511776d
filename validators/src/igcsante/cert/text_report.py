"""The text report for people: per file, the verdict first, then the findings (errors first)."""

import unicodedata

VERDICTS = {
    "en": {"ready": "READY", "not_ready": "NOT READY", "unreadable": "UNREADABLE"},
    "fr": {"ready": "PRÊT", "not_ready": "PAS PRÊT", "unreadable": "ILLISIBLE"},
}
LABELS = {
    "en": {"error": "error", "warning": "warning", "info": "info", "why": "Why:", "fix": "What to do:",
           "detail": "Detail:", "see": "See:", "summary": "{n} file(s): {ready} ready, {not_ready} not ready, {unreadable} unreadable"},
    "fr": {"error": "erreur", "warning": "avertissement", "info": "info", "why": "Pourquoi :", "fix": "Que faire :",
           "detail": "Détail :", "see": "Voir :", "summary": "{n} fichier(s) : {ready} prêt(s), {not_ready} pas prêt(s), {unreadable} illisible(s)"},
}


def render(results: list[dict], lang: str) -> str:
    labels = LABELS[lang]
    blocks = []
    for result in results:
        lines = [f"{result['file']}: {VERDICTS[lang][result['verdict']]}"]
        certificate = result.get("certificate") or {}
        if certificate.get("subject") is not None:
            lines.append(f"  {certificate['subject']}")
        for finding in result["findings"]:
            lines.append(f"  [{labels[finding['severity']]}] {finding['title']} ({finding['code']})")
            if finding["severity"] != "info":
                lines.append(f"      {labels['why']} {finding['why']}")
                lines.append(f"      {labels['fix']} {finding['fix']}")
            if finding["detail"]:
                lines.append(f"      {labels['detail']} {finding['detail']}")
            if finding["severity"] != "info":
                lines.append(f"      {labels['see']} {finding['citation']}")
        blocks.append("\n".join(visible(line) for line in lines))
    counts = {verdict: sum(r["verdict"] == verdict for r in results) for verdict in ("ready", "not_ready", "unreadable")}
    blocks.append(labels["summary"].format(n=len(results), **counts))
    return "\n\n".join(blocks)


def visible(line: str) -> str:
    """`line` with control and format characters escaped (\\x1b, \\u202e, \\u200b): a certificate's
    name or a file name must not move the cursor, recolour the terminal or print a fake verdict line."""
    return "".join(_escape(c) if unicodedata.category(c) in ("Cc", "Cf") else c for c in line)


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
