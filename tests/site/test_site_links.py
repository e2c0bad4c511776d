"""Every external URL of the built site is one of data/links.yml (igcsante.links' own scanner)."""

import pytest
from igcsante.links.registry import load_registry
from igcsante.links.scan import external_urls, unregistered
from site_pages import ROOT

pytestmark = pytest.mark.site


def test_every_external_href_is_in_the_registry(built_site):
    missing = unregistered(built_site, load_registry(ROOT / "data" / "links.yml").urls())
    assert not missing, "external URLs missing from data/links.yml: " + "; ".join(
        f"{url} (in {', '.join(pages)})" for url, pages in missing.items()
    )


def test_the_guide_links_to_the_forms_and_portals(built_site):
    # The scan above would pass on a site with no links at all: the procedure's forms must be there.
    registry = {entry.id: entry.url for entry in load_registry(ROOT / "data" / "links.yml").links}
    used = external_urls(built_site)
    for link_id in ("contract_f101_online", "f101_pdf", "f301_online", "f413_online", "igc_sante_portal", "tops_portal"):
        assert registry[link_id] in used, f"no built page links to {link_id}"
