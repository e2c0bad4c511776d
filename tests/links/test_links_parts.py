"""The checker's small parts, where a fake server would only hide what is being tested."""

import datetime as dt
import email.utils

import pytest
from fake_web import FakeWeb, Reply

from igcsante.cert.trust import PINS
from igcsante.links.check import check_links, user_agent
from igcsante.links.classify import contains, is_home_page, review_problem
from igcsante.links.fetch import FetchOptions, retry_after_seconds
from igcsante.links.pins import NotAChain, chain_certificates, unpinned
from igcsante.links.registry import Expectation, LinkEntry


@pytest.mark.parametrize(
    "value, seconds",
    [("120", 120.0), (" 3 ", 3.0), (email.utils.formatdate(1_000_030, usegmt=True), 30.0),
     (email.utils.formatdate(999_000, usegmt=True), 0.0), ("soon", None), ("", None), (None, None)],
)
def test_retry_after_reads_seconds_and_http_dates(value, seconds):
    assert retry_after_seconds(value, now=1_000_000) == seconds


@pytest.mark.parametrize(
    "url, home",
    [("https://esante.gouv.fr", True), ("https://esante.gouv.fr/", True), ("https://esante.gouv.fr/accueil", True),
     ("https://esante.gouv.fr/?page=2", False), ("https://esante.gouv.fr/guides/x", False), ("https://a.fr/F413.pdf", False)],
)
def test_home_pages_are_recognised(url, home):
    assert is_home_page(url) is home


def test_text_search_forgives_case_spacing_and_apostrophes():
    assert contains("Contrat  D\u2019ADH\u00c9SION\n", "contrat d'adh\u00e9sion")
    assert contains("F 4 1 3", "F413")  # PDF text extraction often splits characters
    assert not contains("F414", "F413")


def _entry(url: str, reviewed: dt.date = dt.date(2026, 6, 1)) -> LinkEntry:
    return LinkEntry("loop", url, "guide", reviewed, Expectation("html", None, (), False, None))


def test_review_is_stale_only_after_the_period():
    entry = _entry("https://example.org/")
    assert review_problem(entry, 180, dt.date(2026, 11, 28)) is None  # 180 days
    assert review_problem(entry, 180, dt.date(2026, 11, 29)).code == "stale_review"


def test_a_redirect_loop_ends_as_a_server_error():
    web = FakeWeb({"/loop": lambda before: Reply(302, headers={"Location": "/loop"})})
    try:
        base = web.serve("127.0.0.62")
        options = FetchOptions(user_agent=user_agent(), max_redirects=3)
        # A short interval: this test is about the loop, not the rate limit.
        (result,) = check_links([_entry(base + "/loop")], review_period_days=365, options=options, interval=0.01,
                                today=dt.date(2026, 12, 1))
    finally:
        web.close()
    assert [p.code for p in result.problems] == ["server_error"]
    assert "more than 3 redirects" in result.problems[0].message
    assert web.count("/loop") == 4


@pytest.mark.parametrize("location", ["http://[bad", "javascript:alert(1)"])
def test_a_redirect_to_an_invalid_address_leads_nowhere(location):
    web = FakeWeb({"/bad": lambda before: Reply(302, headers={"Location": location})})
    try:
        base = web.serve("127.0.0.63")
        options = FetchOptions(user_agent=user_agent(), backoff=0.01)
        (result,) = check_links([_entry(base + "/bad")], review_period_days=365, options=options, interval=0.01,
                                today=dt.date(2026, 12, 1))
    finally:
        web.close()
    assert [p.code for p in result.problems] == ["not_found"] and "invalid address" in result.problems[0].message
    assert web.count("/bad") == 1  # no point trying again


def test_the_published_production_chain_matches_the_checker_pins(shared_data):
    certificates = chain_certificates((shared_data / "prod-ca" / "Chaine_de_certification-IGC-Sante.p7b").read_bytes())
    assert len(certificates) == 8 and unpinned(certificates, PINS) == []
    organisations = next(c for c in certificates if "ELEMENTAIRE ORGANISATIONS" in c.subject)
    without_it = set(PINS) - {organisations.sha256}
    assert unpinned(certificates, without_it) == [organisations]


@pytest.mark.parametrize("body", [b"", b"%PDF-1.4", b"-----BEGIN PKCS7-----\nAAAA\n-----END PKCS7-----\n"])
def test_what_is_not_a_chain_says_so(body):
    with pytest.raises(NotAChain):
        chain_certificates(body)


def test_an_atomic_write_leaves_the_file_readable_like_a_plain_write(tmp_path):
    from igcsante.links.atomic import write_text_atomically

    (tmp_path / "plain.md").write_text("x")
    write_text_atomically(tmp_path / "report.md", "# report\n")
    assert (tmp_path / "report.md").read_text() == "# report\n"
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == (tmp_path / "plain.md").stat().st_mode & 0o777
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
