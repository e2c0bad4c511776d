"""`igcsante links check --format json` against the fake web: every case classified, one request per
second per host, hosts checked at the same time."""

import contextlib
import datetime as dt
import io
import json
from dataclasses import dataclass, field

import pytest
from fake_web import write_registry

from igcsante.links.cli import main

CONTACT = "https://example.org/igcsante-guide"


@dataclass
class Case:
    id: str
    host: str  # a letter: each letter is one loopback address, i.e. one host for the rate limiter
    path: str
    expect: dict
    status: str
    codes: list[str] = field(default_factory=list)
    kind: str = "guide"
    reviewed: str | None = None


HTML = {"type": "html"}
PDF_F413 = {"type": "pdf", "text": "F413"}
PINNED = {"type": "binary", "pins": True}

CASES = [
    # Host a carries four entries: the rate limiter must space its requests.
    Case("ok_page", "a", "/page", {"type": "html", "text": "adh\u00e9sion", "anchors": ["step-1", "old-anchor"]}, "ok"),
    Case("missing_text", "a", "/page", {"type": "html", "text": "Formulaire F999"}, "error", ["missing_text"]),
    Case("missing_anchor", "a", "/page", {"type": "html", "anchors": ["step-1", "step-9"]}, "error", ["missing_anchor"]),
    Case("stale_review", "a", "/page", HTML, "warning", ["stale_review"], reviewed="2020-01-02"),
    Case("home_page_itself", "b", "/", {"type": "html", "text": "welcome"}, "ok"),
    Case("not_found", "c", "/missing-404", HTML, "error", ["not_found"]),
    Case("gone", "d", "/gone", HTML, "error", ["not_found"]),
    Case("redirect_to_home", "e", "/old-page", PDF_F413, "error", ["soft_404"], kind="form-pdf"),
    Case("redirect_to_generic", "f", "/moved", {"type": "html", "text": "adh\u00e9sion"}, "error", ["soft_404"]),
    Case("not_found_with_200", "g", "/not-found-200", HTML, "error", ["soft_404"]),
    Case("redirect_to_error_page", "y", "/retired", HTML, "error", ["soft_404"]),
    Case("pdf_became_html", "h", "/form-now-html.pdf", PDF_F413, "error", ["wrong_type"], kind="form-pdf"),
    Case("html_became_pdf", "i", "/page-now-pdf", HTML, "error", ["wrong_type"]),
    Case("pdf_ok", "j", "/form.pdf", PDF_F413, "ok", kind="form-pdf"),
    Case("pdf_missing_text", "j", "/other.pdf", PDF_F413, "error", ["missing_text"], kind="form-pdf"),
    Case("redirect_chain", "k", "/chain/1", {"type": "html", "text": "adh\u00e9sion"}, "warning", ["redirect_chain"]),
    Case("rate_limited", "l", "/busy", HTML, "warning", ["rate_limited"]),
    Case("rate_limited_once", "m", "/busy-once", HTML, "ok"),
    Case("bot_challenge", "n", "/challenge", HTML, "warning", ["bot_challenge"]),
    Case("bot_challenge_200", "x", "/challenge-200", HTML, "warning", ["bot_challenge"]),
    Case("forbidden", "o", "/forbidden", HTML, "warning", ["bot_challenge"]),
    Case("timeout", "p", "/slow", HTML, "error", ["timeout"]),
    Case("server_error", "q", "/crash", HTML, "error", ["server_error"]),
    Case("unavailable", "r", "/unavailable", HTML, "error", ["server_error"]),
    Case("connection_reset", "s", "/reset", HTML, "error", ["server_error"]),
    Case("redirect_to_bad_port", "s", "/bad-port", HTML, "error", ["not_found"]),  # was a traceback
    Case("tls_error", "tls", "/page", HTML, "error", ["tls_error"]),
    Case("chain_pinned", "u", "/chain.p7b", PINNED, "ok", kind="ca-publication"),
    Case("chain_unpinned", "u", "/rogue.p7b", PINNED, "error", ["pin_mismatch"], kind="ca-publication"),
    Case("chain_garbage", "v", "/garbage.p7b", PINNED, "error", ["wrong_type"], kind="ca-publication"),
    Case("chain_became_html", "v", "/p7b-now-html", {"type": "binary"}, "error", ["wrong_type"], kind="ca-publication"),
    Case("portal_known_redirects", "w", "/portal", {"type": "html", "text": "connexion"}, "ok", kind="portal"),
]
HOSTS = sorted({case.host for case in CASES})
TIMEOUT = 1.0  # the /slow route answers after 3 s


@dataclass
class Run:
    exit_code: int
    report: dict
    arrivals: list  # what the fake web saw during this run only
    bases: dict[str, str]

    def result(self, case_id: str) -> dict:
        return next(r for r in self.report["results"] if r["id"] == case_id)


def registry_entries(bases: dict[str, str]) -> list[dict]:
    """The registry entry of every case, its URL on the fake host serving it (`bases`: host -> base URL)."""
    entries = []
    for case in CASES:
        expect = dict(case.expect)
        if case.id == "portal_known_redirects":
            expect["final_url"] = bases[case.host] + "/sso/login"
        entry = {"id": case.id, "url": bases[case.host] + case.path, "kind": case.kind, "expect": expect}
        if case.reviewed:
            entry["reviewed"] = case.reviewed
        entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def run(fake_web, self_signed_tls, tmp_path_factory):
    bases = {
        host: fake_web.serve(f"127.0.0.{10 + index}", tls=self_signed_tls if host == "tls" else None)
        for index, host in enumerate(HOSTS)
    }
    registry = write_registry(tmp_path_factory.mktemp("registry") / "links.yml", registry_entries(bases))
    already = len(fake_web.arrivals)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # capsys is function-scoped; this run serves the whole module
        code = main(["check", "--registry", str(registry), "--format", "json", "--timeout", str(TIMEOUT), "--contact", CONTACT])
    return Run(code, json.loads(out.getvalue()), list(fake_web.arrivals[already:]), bases)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_case_is_classified(run, case):
    result = run.result(case.id)
    assert result["status"] == case.status, result
    assert sorted(p["code"] for p in result["problems"]) == sorted(case.codes), result


def test_the_json_report_has_the_documented_shape(run):
    assert set(run.report) >= {"checked_at", "summary", "results"}
    assert [r["id"] for r in run.report["results"]] == [case.id for case in CASES]
    for result in run.report["results"]:
        assert {"id", "url", "status", "problems", "final_url", "http_status"} <= set(result)
        for problem in result["problems"]:
            assert {"code", "severity", "message", "final_url"} <= set(problem)
            assert problem["message"]
    statuses = [case.status for case in CASES]
    assert run.report["summary"] == {s: statuses.count(s) for s in ("ok", "warning", "error")}


def test_an_error_makes_the_exit_code_1(run):
    assert run.exit_code == 1


def test_a_redirect_chain_names_the_final_url(run):
    problem = run.result("redirect_chain")["problems"][0]
    assert problem["final_url"] == run.bases["k"] + "/chain/end"
    assert "/chain/end" in problem["message"]


def test_a_soft_404_names_where_the_redirect_went(run):
    assert run.result("redirect_to_home")["problems"][0]["final_url"] == run.bases["e"] + "/"
    assert run.result("redirect_to_generic")["problems"][0]["final_url"] == run.bases["f"] + "/generic"


def test_retry_after_is_honoured_then_the_answer_is_used(run):
    arrivals = sorted(a.at for a in run.arrivals if a.path == "/busy-once")
    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 1.0  # Retry-After: 1
    assert "wait 1 s" in run.result("rate_limited")["problems"][0]["message"]


def test_transient_failures_are_retried_and_challenges_are_not(run):
    paths = [a.path for a in run.arrivals]
    assert paths.count("/crash") == 3
    assert paths.count("/reset") == 3
    assert paths.count("/challenge") == 1
    assert paths.count("/missing-404") == 1


def test_at_most_one_request_per_second_per_host(run):
    for host in {a.host for a in run.arrivals}:
        times = sorted(a.at for a in run.arrivals if a.host == host)
        gaps = [later - earlier for earlier, later in zip(times, times[1:])]
        # No slack needed: the next request starts a second after the previous one ended, and the
        # server logged that one's arrival before answering it (one clock: same process).
        assert all(gap >= 1.0 for gap in gaps), (host, gaps)
    assert len([a for a in run.arrivals if a.host == "127.0.0.10"]) == 4  # host a really had 4 requests


def test_hosts_are_checked_at_the_same_time(run):
    # Every host's first request arrives before host a's second one, which the rate limiter holds
    # back by a second: a checker taking hosts one after the other cannot do that.
    host_a = sorted(a.at for a in run.arrivals if a.host == "127.0.0.10")
    firsts = {}
    for arrival in sorted(run.arrivals, key=lambda a: a.at):
        firsts.setdefault(arrival.host, arrival.at)
    assert len(firsts) == len(HOSTS) - 1  # every host but the TLS one, which never gets past the handshake
    assert max(firsts.values()) < host_a[1]


def test_the_user_agent_names_the_project_and_a_contact(run):
    agents = {a.user_agent for a in run.arrivals}
    assert len(agents) == 1
    (agent,) = agents
    assert agent.startswith("igcsante-links/") and f"+{CONTACT}" in agent


def test_a_stale_review_says_when_and_what_to_do(run):
    message = run.result("stale_review")["problems"][0]["message"]
    age = (dt.date.today() - dt.date(2020, 1, 2)).days
    assert "2020-01-02" in message and f"{age} days" in message and "reviewed" in message
