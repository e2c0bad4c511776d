"""The real registry against the real internet: run by the links workflow (IGCSANTE_LIVE=1), skipped here."""

from pathlib import Path

import pytest

from igcsante.links.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.network
def test_every_registered_link_is_what_the_guide_says(capsys):
    code = main(["check", "--registry", str(ROOT / "data" / "links.yml")])
    report = capsys.readouterr().out
    assert code == 0, report
