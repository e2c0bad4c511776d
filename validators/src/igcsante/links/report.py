"""The check's results as text (a terminal), JSON (programs) or Markdown (a GitHub issue body)."""

import json

from igcsante.links.problems import ERROR, OK, WARNING, Code, Problem, Result

# What a maintainer should do, per problem code (Markdown report).
FIXES = {
    Code.NOT_FOUND: "Find where the document or page went (search its title on the site), then update `url` and `reviewed` "
    "in data/links.yml; if it is gone for good, change the pages that cite it.",
    Code.SOFT_404: "The server hides a removed page behind a redirect or a 200. Find the new address, update `url` and "
    "`reviewed` in data/links.yml.",
    Code.WRONG_TYPE: "The address now serves something else (a PDF replaced by a page, or the reverse). Find the real "
    "document, update `url`, or `expect.type` if the change is deliberate.",
    Code.MISSING_TEXT: "Open the target: if it changed on purpose, update `expect.text` (and the guide if the content moved); "
    "otherwise find the right address.",
    Code.MISSING_ANCHOR: "The section was renamed or removed: update `expect.anchors` and the pages that link to it.",
    Code.REDIRECT_CHAIN: "Replace `url` in data/links.yml with the final address shown, after checking it is the right target.",
    Code.RATE_LIMITED: "Nothing to fix: the server asked us to slow down. The next run will check again.",
    Code.BOT_CHALLENGE: "Open the link in a browser: if it works for a person, nothing to fix; the next run will check again.",
    Code.TIMEOUT: "Open the link in a browser: if the site is down, wait for the next run; if it stays down, find another source.",
    Code.SERVER_ERROR: "The server failed: if it persists over several runs, find another address for the target.",
    Code.TLS_ERROR: "The site's HTTPS certificate is invalid or expired: readers get a browser warning. If it persists, "
    "tell the site owner or cite another source.",
    Code.STALE_REVIEW: "Open the target, check it still says what the guide relies on, then set `reviewed` to today's date.",
    Code.PIN_MISMATCH: "The ANS chain file changed. Verify the new CA certificates through a second channel (ANS "
    "announcement, the PC/DPC), then update the pins in `igcsante.cert.trust` and the trust folder.",
}

LABEL = {ERROR: "ERROR", WARNING: "WARNING", OK: "ok"}


def summary(results: list[Result]) -> dict[str, int]:
    counts = {OK: 0, WARNING: 0, ERROR: 0}
    for result in results:
        counts[result.status] += 1
    return counts


def _since(problem: Problem) -> str:
    return f" (since {problem.since})" if problem.since else ""


def render_text(results: list[Result]) -> str:
    lines = []
    width = max((len(result.id) for result in results), default=0)
    for result in results:
        lines.append(f"{LABEL[result.status]:<8} {result.id:<{width}}  {result.url}")
        for problem in result.problems:
            lines.append(f"{'':<8} {'':<{width}}  {problem.code}: {problem.message}{_since(problem)}")
    counts = summary(results)
    noun = "link" if len(results) == 1 else "links"
    lines.append(f"{len(results)} {noun}: {counts[OK]} ok, {counts[WARNING]} with warnings, {counts[ERROR]} broken")
    return "\n".join(lines) + "\n"


def render_json(results: list[Result], checked_at: str) -> str:
    document = {"checked_at": checked_at, "summary": summary(results), "results": [r.to_json() for r in results]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_markdown(results: list[Result], checked_at: str, registry: str = "data/links.yml") -> str:
    counts = summary(results)
    broken = [r for r in results if r.status == ERROR]
    warned = [r for r in results if r.status == WARNING]
    lines = [
        f"## Link check: {counts[ERROR]} broken, {counts[WARNING]} with warnings, {counts[OK]} ok",
        "",
        f"Checked {checked_at} by `igcsante links check`: {len(results)} entries of `{registry}`.",
    ]
    if not broken and not warned:
        lines += ["", "Every link is what the guide says it is."]
    for heading, group in (("Broken links", broken), ("Warnings", warned)):
        if not group:
            continue
        lines += ["", f"### {heading}"]
        for result in group:
            lines += ["", f"#### `{result.id}`: <{result.url}>", ""]
            for problem in result.problems:
                lines.append(f"- **`{problem.code}`** ({problem.severity}){_since(problem)}: {problem.message}")
                if problem.final_url and problem.final_url != result.url:
                    lines.append(f"  - final address: <{problem.final_url}>")
                lines.append(f"  - suggested fix: {FIXES[problem.code]}")
    if broken or warned:
        lines += ["", "Re-run locally: `igcsante links check --only " + " ".join(r.id for r in broken + warned) + "`"]
    return "\n".join(lines) + "\n"
