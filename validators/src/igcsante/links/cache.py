"""--cache FILE: what earlier runs saw, so a report can say since when a link has been broken.

The file is JSON, rewritten whole through a temporary file and a rename, so an interrupted run
never leaves half a cache behind.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from igcsante.links.atomic import write_text_atomically
from igcsante.links.problems import Result

FORMAT_VERSION = 1


class CacheError(Exception):
    pass


@dataclass
class Cache:
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Cache":
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CacheError(f"{path}: not a link-check cache ({error}); delete it to start afresh") from None
        if not isinstance(raw, dict) or raw.get("version") != FORMAT_VERSION or not isinstance(raw.get("entries"), dict):
            raise CacheError(f"{path}: not a version-{FORMAT_VERSION} link-check cache; delete it to start afresh")
        return cls(path, raw["entries"])

    def record(self, results: list[Result], checked_on: str) -> None:
        """Date every problem by the first run that saw it without a break, then remember this run."""
        for result in results:
            before = self.entries.get(result.id, {})
            same_target = before.get("url") == result.url
            seen_since = before.get("problems", {}) if same_target else {}
            for problem in result.problems:
                problem.since = seen_since.get(str(problem.code), checked_on)
            self.entries[result.id] = {
                "url": result.url,
                "checked": checked_on,
                "status": result.status,
                "last_ok": checked_on if result.status == "ok" else (before.get("last_ok") if same_target else None),
                "problems": {str(problem.code): problem.since for problem in result.problems},
                "final_url": result.final_url,
                "etag": result.etag,
                "last_modified": result.last_modified,
            }

    def save(self) -> None:
        text = json.dumps({"version": FORMAT_VERSION, "entries": self.entries}, indent=2, sort_keys=True) + "\n"
        write_text_atomically(self.path, text)
