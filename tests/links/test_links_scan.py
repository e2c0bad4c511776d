"""`igcsante links scan SITE`: every external URL of the built HTML must be a registry entry."""

from fake_web import write_registry

from igcsante.links.cli import main
from igcsante.links.scan import unregistered

REGISTERED = "https://esante.gouv.fr/guide"


def _site(tmp_path, pages: dict[str, str]):
    site = tmp_path / "site"
    for name, body in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<!DOCTYPE html><html><body>{body}</body></html>")
    return site


def _registry(tmp_path):
    return write_registry(tmp_path / "links.yml", [{"id": "guide", "url": REGISTERED, "expect": {"type": "html"}}])


def test_unregistered_urls_are_listed_with_their_pages(tmp_path, capsys):
    site = _site(
        tmp_path,
        {
            "index.html": f'<a href="{REGISTERED}">ok</a><a href="{REGISTERED}#section">ok</a>'
            '<a href="mailto:someone@example.org">mail</a><a href="procedure/">relative</a>'
            '<img src="https://cdn.example.com/logo.png">',
            "procedure/index.html": '<a href=" HTTP://old.example.org/form.pdf ">old</a>'
            '<script src="https://cdn.example.com/logo.png"></script>',
        },
    )
    assert unregistered(site, {REGISTERED}) == {
        "HTTP://old.example.org/form.pdf": ["procedure/index.html"],
        "https://cdn.example.com/logo.png": ["index.html", "procedure/index.html"],
    }
    assert main(["scan", str(site), "--registry", str(_registry(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "2 external URL(s)" in out and "https://cdn.example.com/logo.png" in out and "index.html, procedure/index.html" in out


def test_a_site_whose_urls_are_all_registered_passes(tmp_path, capsys):
    site = _site(tmp_path, {"index.html": f'<a href="{REGISTERED}">ok</a><a href="#top">top</a>'})
    assert main(["scan", str(site), "--registry", str(_registry(tmp_path))]) == 0
    assert "Every external URL" in capsys.readouterr().out


def test_a_folder_that_is_not_a_built_site_is_a_usage_error(tmp_path, capsys):
    assert main(["scan", str(tmp_path / "nothing"), "--registry", str(_registry(tmp_path))]) == 2
    assert "not a built site" in capsys.readouterr().err


def test_the_sites_own_address_is_not_external(tmp_path):
    own = "http://127.0.0.1:8000/"
    site = _site(
        tmp_path,
        {
            "index.html": f'<link rel="canonical" href="{own}"><a href="{own}fr/">français</a>',
            "procedure/index.html": f'<link rel="canonical" href="{own}procedure/"><a href="https://elsewhere.example/">x</a>',
        },
    )
    assert unregistered(site, set()) == {"https://elsewhere.example/": ["procedure/index.html"]}


def test_a_malformed_external_url_is_reported_not_a_traceback(tmp_path):
    site = _site(tmp_path, {"index.html": '<a href="http://[::1">unclosed IPv6 bracket</a>'})
    assert unregistered(site, {REGISTERED}) == {"http://[::1": ["index.html"]}
