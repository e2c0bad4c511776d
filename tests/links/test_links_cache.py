"""--cache: a rerun says since when a link is broken; the file is written whole or not at all."""

import contextlib
import datetime as dt
import io
import json

import pytest
from fake_web import FakeWeb, Reply, html, write_registry

from igcsante.links.cli import main

TODAY = dt.date.today().isoformat()


@pytest.fixture
def flaky_page():
    """A page that is missing until the test puts it back."""
    state = {"up": False}
    web = FakeWeb({"/form": lambda before: Reply(body=html("Form F413")) if state["up"] else Reply(404, html("Not found"))})
    base = web.serve("127.0.0.60")
    yield web, base, state
    web.close()


def _check(registry, cache, report_format="json"):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--registry", str(registry), "--cache", str(cache), "--format", report_format])
    return code, out.getvalue()


def test_broken_since_survives_reruns_and_clears_when_fixed(tmp_path, flaky_page):
    web, base, state = flaky_page
    entry = {"id": "form", "url": base + "/form", "expect": {"type": "html", "text": "F413"}}
    registry = write_registry(tmp_path / "links.yml", [entry])
    cache = tmp_path / "state" / "links-cache.json"

    code, out = _check(registry, cache)
    assert code == 1
    (result,) = json.loads(out)["results"]
    assert result["since"] == TODAY and result["problems"][0]["since"] == TODAY
    saved = json.loads(cache.read_text())
    assert saved["entries"]["form"]["problems"] == {"not_found": TODAY}

    # As if the first failure had been seen weeks ago: the date must be carried over, not reset.
    saved["entries"]["form"]["problems"]["not_found"] = "2026-01-05"
    cache.write_text(json.dumps(saved))
    code, out = _check(registry, cache, "markdown")
    assert code == 1
    assert "**`not_found`** (error) (since 2026-01-05)" in out
    assert json.loads(cache.read_text())["entries"]["form"]["problems"] == {"not_found": "2026-01-05"}

    state["up"] = True
    code, out = _check(registry, cache)
    assert code == 0 and json.loads(out)["results"][0]["since"] is None
    entry = json.loads(cache.read_text())["entries"]["form"]
    assert entry["problems"] == {} and entry["last_ok"] == TODAY and entry["status"] == "ok"
    assert [p.name for p in cache.parent.iterdir()] == [cache.name]  # no temporary file left behind


def test_a_changed_url_starts_a_new_history(tmp_path, flaky_page):
    _, base, _ = flaky_page
    cache = tmp_path / "cache.json"
    earlier = {"url": "https://old.example.org/form", "problems": {"not_found": "2025-01-01"}}
    cache.write_text(json.dumps({"version": 1, "entries": {"form": earlier}}))
    registry = write_registry(tmp_path / "links.yml", [{"id": "form", "url": base + "/form", "expect": {"type": "html"}}])
    code, out = _check(registry, cache)
    assert json.loads(out)["results"][0]["since"] == TODAY


@pytest.mark.parametrize("content", ["{not json", json.dumps({"version": 99, "entries": {}}), json.dumps([1, 2])])
def test_an_unreadable_cache_stops_before_any_request_and_is_left_alone(tmp_path, capsys, flaky_page, content):
    web, base, _ = flaky_page
    cache = tmp_path / "cache.json"
    cache.write_text(content)
    registry = write_registry(tmp_path / "links.yml", [{"id": "form", "url": base + "/form", "expect": {"type": "html"}}])
    assert main(["check", "--registry", str(registry), "--cache", str(cache)]) == 2
    assert "delete it to start afresh" in capsys.readouterr().err
    assert cache.read_text() == content and web.arrivals == []
