"""The Markdown report is an issue body: what broke, since when, the suggested fix; text for terminals."""

import contextlib
import io

from fake_web import FakeWeb, Reply, write_registry

from igcsante.links import report
from igcsante.links.cli import main
from igcsante.links.problems import SEVERITY, Code, Problem, Result


def test_markdown_groups_broken_links_and_warnings_with_fixes():
    results = [
        Result("good", "https://example.org/ok"),
        Result("gone", "https://example.org/gone", problems=[Problem(Code.NOT_FOUND, "404", since="2026-11-20")]),
        Result("moved", "https://example.org/a", problems=[Problem(Code.REDIRECT_CHAIN, "2 redirects", "https://example.org/c")]),
    ]
    text = report.render_markdown(results, "2026-12-03 14:00 UTC")
    assert text.startswith("## Link check: 1 broken, 1 with warnings, 1 ok")
    broken, warnings = text.index("### Broken links"), text.index("### Warnings")
    assert broken < text.index("`gone`") < warnings < text.index("`moved`")
    assert "(since 2026-11-20)" in text and "final address: <https://example.org/c>" in text
    assert report.FIXES[Code.NOT_FOUND] in text and report.FIXES[Code.REDIRECT_CHAIN] in text
    assert "`good`" not in text
    assert "igcsante links check --only gone moved" in text


def test_markdown_says_so_when_all_is_green():
    text = report.render_markdown([Result("good", "https://example.org/ok")], "2026-12-03 14:00 UTC")
    assert "0 broken, 0 with warnings, 1 ok" in text and "Every link is what the guide says it is." in text


def test_every_code_has_a_severity_and_a_fix():
    assert set(SEVERITY) == set(Code) == set(report.FIXES)


def test_text_report_and_output_file(tmp_path):
    web = FakeWeb({"/x": lambda before: Reply(404)})
    try:
        base = web.serve("127.0.0.61")
        registry = write_registry(tmp_path / "links.yml", [{"id": "x", "url": base + "/x", "expect": {"type": "html"}}])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["check", "--registry", str(registry), "--output", str(tmp_path / "report.txt")]) == 1
        assert out.getvalue() == ""
        text = (tmp_path / "report.txt").read_text()
        assert text.splitlines()[0].split() == ["ERROR", "x", base + "/x"]
        assert "not_found: the server answered 404 (not found)" in text
        assert text.rstrip().endswith("1 link: 0 ok, 0 with warnings, 1 broken")
    finally:
        web.close()
