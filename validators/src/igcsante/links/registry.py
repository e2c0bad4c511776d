"""data/links.yml: load it and refuse it whole, with every mistake listed, when it is malformed."""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

KINDS = ("form-online", "form-pdf", "portal", "guide", "directory", "ca-publication", "article")
TYPES = ("pdf", "html", "binary")
EXPECT_KEYS = ("type", "text", "anchors", "pins", "final_url")
ID_PATTERN = re.compile(r"[a-z0-9_]+")


class RegistryError(Exception):
    """The registry cannot be used; `problems` lists every mistake found."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


@dataclass(frozen=True)
class Expectation:
    type: str  # pdf | html | binary: what the final response must be
    text: str | None  # text the page, the PDF or its title must contain
    anchors: tuple[str, ...]  # ids the HTML page must have
    pins: bool  # the file's certificates must match igcsante.cert.trust's pins
    final_url: str | None  # where a known, harmless redirect chain ends (portals behind a login)


@dataclass(frozen=True)
class LinkEntry:
    id: str
    url: str
    kind: str
    reviewed: dt.date
    expect: Expectation
    label: dict[str, str] = field(default_factory=dict)  # by language, shown by the guide's pages


@dataclass(frozen=True)
class Registry:
    review_period_days: int
    links: tuple[LinkEntry, ...]

    def select(self, ids: list[str]) -> tuple[LinkEntry, ...]:
        """The entries named by `ids`, in registry order; KeyError names the unknown ones."""
        known = {entry.id for entry in self.links}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise KeyError(", ".join(unknown))
        wanted = set(ids)
        return tuple(entry for entry in self.links if entry.id in wanted)

    def urls(self) -> set[str]:
        return {entry.url for entry in self.links}


def is_web_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. "http://[::1": an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def load_registry(path: Path) -> Registry:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegistryError(path, ["file not found (give the registry with --registry data/links.yml)"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RegistryError(path, [f"cannot be read: {error}"]) from None
    except yaml.YAMLError as error:
        raise RegistryError(path, [f"is not valid YAML: {error}"]) from None
    except ValueError as error:  # PyYAML builds dates itself: 2026-13-45 fails here, not as a YAMLError
        raise RegistryError(path, [f"holds a value that cannot be read ({error}): an impossible date?"]) from None
    return parse_registry(raw, path)


def parse_registry(raw: object, path: Path) -> Registry:
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise RegistryError(path, ["the top level must be a mapping with review_period_days and links"])
    period = raw.get("review_period_days")
    if not isinstance(period, int) or isinstance(period, bool) or period <= 0:
        problems.append(f"review_period_days must be a positive number of days, not {period!r}")
    items = raw.get("links")
    if not isinstance(items, list) or not items:
        problems.append("links must be a non-empty list of entries")
        items = []
    entries, seen = [], set()
    for index, item in enumerate(items):
        entry = _parse_entry(item, f"links[{index}]", problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"links[{index}]: id '{entry.id}' is used twice; ids must be unique")
        seen.add(entry.id)
        entries.append(entry)
    if problems:
        raise RegistryError(path, problems)
    return Registry(review_period_days=period, links=tuple(entries))


def _parse_entry(item: object, where: str, problems: list[str]) -> LinkEntry | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: each entry must be a mapping (id, url, kind, label, reviewed, expect)")
        return None
    before = len(problems)
    entry_id = item.get("id")
    if not isinstance(entry_id, str) or not ID_PATTERN.fullmatch(entry_id):
        problems.append(f"{where}: id must match [a-z0-9_]+, not {entry_id!r}")
    else:
        where = f"{where} ({entry_id})"
    url = item.get("url")
    if not is_web_url(url):
        problems.append(f"{where}: url must be an absolute http:// or https:// URL, not {url!r}")
    kind = item.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    reviewed = item.get("reviewed")
    if isinstance(reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(reviewed)
        except ValueError:
            pass
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        problems.append(f"{where}: reviewed must be a date like 2026-12-03, not {reviewed!r}")
    label = item.get("label", {})
    if not isinstance(label, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                              for k, v in label.items()):
        problems.append(f"{where}: label must map languages to non-empty texts, like {{en: ..., fr: ...}}, not {label!r}")
    expect = _parse_expect(item.get("expect"), kind, where, problems)
    if len(problems) > before or expect is None:
        return None
    return LinkEntry(id=entry_id, url=url, kind=kind, reviewed=reviewed, expect=expect, label=label)


def _parse_expect(raw: object, kind: object, where: str, problems: list[str]) -> Expectation | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expect must be a mapping with at least type (pdf, html or binary)")
        return None
    before = len(problems)
    unknown = sorted(set(raw) - set(EXPECT_KEYS))
    if unknown:
        problems.append(f"{where}: expect has unknown keys {', '.join(map(str, unknown))} (known: {', '.join(EXPECT_KEYS)})")
    kind_of_target = raw.get("type")
    if kind_of_target not in TYPES:
        problems.append(f"{where}: expect.type must be one of {', '.join(TYPES)}, not {kind_of_target!r}")
    text = raw.get("text")
    if text is not None and (not isinstance(text, str) or not text.strip()):
        problems.append(f"{where}: expect.text must be a non-empty string when given, not {text!r}")
    anchors = raw.get("anchors") or []
    if not isinstance(anchors, list) or not all(isinstance(a, str) and a for a in anchors):
        problems.append(f"{where}: expect.anchors must be a list of element ids, not {anchors!r}")
    elif anchors and kind_of_target != "html":
        problems.append(f"{where}: expect.anchors only make sense for type html")
    pins = raw.get("pins", False)
    if not isinstance(pins, bool):
        problems.append(f"{where}: expect.pins must be true or false, not {pins!r}")
    elif pins and kind != "ca-publication":
        problems.append(f"{where}: expect.pins: true is for kind ca-publication (certificate chains) only")
    final_url = raw.get("final_url")
    if final_url is not None and not is_web_url(final_url):
        problems.append(f"{where}: expect.final_url must be an absolute http:// or https:// URL, not {final_url!r}")
    if len(problems) > before:
        return None
    return Expectation(
        type=kind_of_target,
        text=text,
        anchors=tuple(anchors),
        pins=pins,
        final_url=final_url,
    )
