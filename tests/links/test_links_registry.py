"""data/links.yml is loaded whole or refused with every mistake listed (exit 2, no traceback)."""

from pathlib import Path

import pytest
import yaml
from fake_web import write_registry

from igcsante.links.cli import main
from igcsante.links.registry import RegistryError, load_registry

ROOT = Path(__file__).resolve().parents[2]


def test_the_repository_registry_is_valid():
    registry = load_registry(ROOT / "data" / "links.yml")
    assert registry.review_period_days > 0
    pinned = [entry for entry in registry.links if entry.expect.pins]
    assert pinned and all(entry.kind == "ca-publication" and entry.url.endswith(".p7b") for entry in pinned)


BAD_ENTRIES = [
    ({"id": "Bad-Id"}, "id must match"),
    ({"url": "ftp://example.org/x"}, "url must be an absolute http"),
    ({"url": "/relative"}, "url must be an absolute http"),
    ({"url": "http://[::1"}, "url must be an absolute http"),  # an unclosed IPv6 bracket was a traceback
    ({"kind": "blog"}, "kind must be one of"),
    ({"reviewed": "yesterday"}, "reviewed must be a date"),
    ({"expect": {"type": "doc"}}, "expect.type must be one of"),
    ({"expect": {"type": "html", "anchor": ["x"]}}, "unknown keys anchor"),
    ({"expect": {"type": "pdf", "anchors": ["x"]}}, "anchors only make sense for type html"),
    ({"expect": {"type": "binary", "pins": True}}, "pins: true is for kind ca-publication"),
    ({"expect": {"type": "html", "text": ""}}, "expect.text must be a non-empty string"),
    ({"expect": {"type": "html", "final_url": "somewhere"}}, "expect.final_url must be an absolute"),
    ({"expect": None}, "expect must be a mapping"),
    ({"label": "F413"}, "label must map languages to non-empty texts"),
    ({"label": {"en": " "}}, "label must map languages to non-empty texts"),
]


@pytest.mark.parametrize("change, message", BAD_ENTRIES, ids=[m for _, m in BAD_ENTRIES])
def test_a_bad_entry_is_refused_with_a_precise_message(tmp_path, capsys, change, message):
    entry = {"id": "good_id", "url": "https://example.org/page", "expect": {"type": "html"}, **change}
    path = write_registry(tmp_path / "links.yml", [entry])
    with pytest.raises(RegistryError) as refused:
        load_registry(path)
    assert any(message in problem for problem in refused.value.problems), refused.value.problems
    assert main(["check", "--registry", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_every_mistake_is_listed_at_once(tmp_path):
    entries = [
        {"id": "twice", "url": "https://example.org/a", "expect": {"type": "html"}},
        {"id": "twice", "url": "https://example.org/b", "expect": {"type": "html"}},
        {"id": "no_type", "url": "https://example.org/c", "expect": {}},
    ]
    path = write_registry(tmp_path / "links.yml", entries, review_period_days=0)
    with pytest.raises(RegistryError) as refused:
        load_registry(path)
    problems = " | ".join(refused.value.problems)
    assert "used twice" in problems and "expect.type" in problems and "review_period_days" in problems


@pytest.mark.parametrize(
    "text, message",
    [
        ("links: [", "not valid YAML"),
        ("links:\n  - reviewed: 2026-13-45\n", "an impossible date"),
        ("- just a list", "top level must be a mapping"),
        ("review_period_days: 30\n", "links must be"),
    ],
)
def test_a_registry_that_is_not_one_is_refused(tmp_path, capsys, text, message):
    path = tmp_path / "links.yml"
    path.write_text(text)
    assert main(["check", "--registry", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_registry_or_unknown_id_is_a_usage_error(tmp_path, capsys):
    assert main(["check", "--registry", str(tmp_path / "nowhere.yml")]) == 2
    assert "file not found" in capsys.readouterr().err
    path = write_registry(tmp_path / "links.yml", [{"id": "known", "url": "https://example.org/", "expect": {"type": "html"}}])
    assert main(["check", "--registry", str(path), "--only", "unknown_one"]) == 2
    assert "no entry with id unknown_one" in capsys.readouterr().err


def test_bad_arguments_exit_2_with_usage(capsys):
    assert main(["check", "--format", "xml"]) == 2
    assert main(["check", "--timeout", "-1"]) == 2
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "usage: igcsante links" in err and "invalid choice: 'xml'" in err


def test_dates_may_be_written_as_strings(tmp_path):
    path = tmp_path / "links.yml"
    entry = {"id": "a", "url": "https://example.org/", "kind": "guide", "label": {"en": "A"}, "reviewed": "2026-12-01",
             "expect": {"type": "html"}}
    path.write_text(yaml.safe_dump({"review_period_days": 10, "links": [entry]}))
    assert load_registry(path).links[0].reviewed.isoformat() == "2026-12-01"
