"""The built site links only to URLs that data/links.yml holds (and so that the link check watches)."""

from pathlib import Path

import pytest

from igcsante.links.registry import load_registry
from igcsante.links.scan import unregistered

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.site
def test_every_external_url_of_the_built_site_is_registered(built_site):
    missing = unregistered(built_site, load_registry(ROOT / "data" / "links.yml").urls())
    assert not missing, "add these to data/links.yml and link them with {{ link('<id>') }}:\n" + "\n".join(
        f"{url} (in {', '.join(pages)})" for url, pages in missing.items()
    )
