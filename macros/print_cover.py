"""What the PDF's cover says: title, version, build date and the review date of every link.

The cover template (overrides/partials/print-cover.html) is rendered by mkdocs-print-site with
only `config` in reach, so the build hook (macros/print_site_i18n.py) stores this context in
`config.extra.print_cover` for the language being built. The printer reuses the same labels
for its page header and footer.
"""

import datetime
import os
import subprocess
import tomllib
from pathlib import Path

from .i18n import pick
from .links import load_links

VALIDATORS_PYPROJECT = Path("validators") / "pyproject.toml"

LABELS = {
    "subtitle": {
        "en": "Ordering, installing and renewing the software certificates for INSi and the DMP",
        "fr": "Commander, installer et renouveler les certificats logiciels pour l'INSi et le DMP",
    },
    "version": {"en": "Version", "fr": "Version"},
    "built": {"en": "Built on", "fr": "Produit le"},
    "online": {
        "en": "The online guide is the reference: links and procedures change. Check the review dates below.",
        "fr": "Le guide en ligne fait foi : liens et démarches évoluent. Vérifiez les dates de relecture ci-dessous.",
    },
    "links_title": {"en": "External links and the date each was last reviewed", "fr": "Liens externes et date de leur dernière relecture"},
    "link": {"en": "Link", "fr": "Lien"},
    "reviewed": {"en": "Last reviewed", "fr": "Dernière relecture"},
    "toc": {"en": "Contents", "fr": "Sommaire"},
    "page": {"en": "Page", "fr": "Page"},
    "of": {"en": "of", "fr": "sur"},
}


def guide_version(project_dir) -> str:
    """The igcsante distribution's version, with the git revision when the tree is a git checkout."""
    with open(Path(project_dir) / VALIDATORS_PYPROJECT, "rb") as stream:
        version = tomllib.load(stream)["project"]["version"]
    try:
        revision = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=project_dir,
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return version  # a source archive without git: the version alone
    return f"{version} ({revision})" if revision else version


def build_date() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.now(datetime.UTC).date()


def cover_context(project_dir, lang: str) -> dict:
    """Everything the cover and the page margins print, in `lang`."""
    links = sorted(load_links(project_dir).values(), key=lambda entry: pick(entry.label, lang).casefold())
    return {
        "lang": lang,
        "labels": {key: pick(text, lang) for key, text in LABELS.items()},
        "version": guide_version(project_dir),
        "built": build_date().isoformat(),
        "links": [
            {"label": pick(entry.label, lang), "url": entry.url, "reviewed": str(entry.reviewed)}
            for entry in links
        ],
    }
