"""The site is self-contained: no file of site/ names a CDN or a font service."""

import re

import pytest

pytestmark = pytest.mark.site

# Hosts that serve libraries or fonts to other sites: a page that names them may call them.
THIRD_PARTY_ASSET_HOSTS = re.compile(
    rb"(?:cdn\.jsdelivr\.net|jsdelivr\.com|unpkg\.com|cdnjs\.cloudflare\.com|ajax\.googleapis\.com|"
    rb"fonts\.googleapis\.com|fonts\.gstatic\.com|gstatic\.com|googletagmanager\.com|google-analytics\.com|"
    rb"use\.fontawesome\.com|fonts\.bunny\.net|use\.typekit\.net|cdn\.skypack\.dev|esm\.sh|polyfill\.io|"
    rb"stackpath\.bootstrapcdn\.com|code\.jquery\.com)",
    re.IGNORECASE,
)


def test_no_file_names_a_cdn_or_font_service(built_site):
    offenders = {}
    for path in sorted(p for p in built_site.rglob("*") if p.is_file()):
        hosts = {m.group(0).decode().lower() for m in THIRD_PARTY_ASSET_HOSTS.finditer(path.read_bytes())}
        if hosts:
            offenders[path.relative_to(built_site).as_posix()] = sorted(hosts)
    assert not offenders, f"files naming a CDN or font service: {offenders}"
