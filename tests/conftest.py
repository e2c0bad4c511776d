"""Shared test set-up: where the real IGC-Santé certificates are, and the network gate."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("IGCSANTE_TRUST_DIR", ROOT.parent / "shared" / "data" / "igc-sante"))
# Helpers working in parallel build into their own folder and point the tests at it.
SITE = Path(os.environ.get("IGCSANTE_SITE_DIR", ROOT / "site"))


def pytest_collection_modifyitems(config, items):
    if os.environ.get("IGCSANTE_LIVE") == "1":
        return
    skip = pytest.mark.skip(reason="needs the internet: set IGCSANTE_LIVE=1 (the links workflow does)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real IGC-Santé test certificates not found at {SHARED_DATA} (../shared must sit beside the project)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run the tests through `make test`, which builds it first")
    return SITE
