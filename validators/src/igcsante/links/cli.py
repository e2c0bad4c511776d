"""`igcsante links check|scan`: check the registry's links, or find the built site's unregistered URLs.

Exit codes: 0 nothing broken (warnings allowed) / every external URL registered; 1 a broken link /
an unregistered URL; 2 bad input (registry, cache, arguments, site folder).
"""

import argparse
import datetime as dt
import sys
from pathlib import Path

from igcsante.links import report
from igcsante.links.atomic import write_text_atomically
from igcsante.links.cache import Cache, CacheError
from igcsante.links.check import check_links, user_agent
from igcsante.links.fetch import FetchOptions
from igcsante.links.problems import ERROR
from igcsante.links.registry import RegistryError, load_registry
from igcsante.links.scan import unregistered

DEFAULT_REGISTRY = Path("data/links.yml")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise _BadInput(f"{self.prog}: {message}")


class _BadInput(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="igcsante links", description="Check the guide's external links against data/links.yml.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check every registry entry (or --only some) on the internet")
    check.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY, help="the registry (default: data/links.yml)")
    check.add_argument("--only", nargs="+", metavar="ID", help="check these entry ids only")
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="report format")
    check.add_argument("--cache", type=Path, metavar="FILE", help="remember results here, to report since when a link is broken")
    check.add_argument("--output", type=Path, metavar="FILE", help="write the report here instead of standard output")
    check.add_argument("--timeout", type=_positive, default=20.0, help="seconds allowed for one request (default 20)")
    check.add_argument(
        "--contact", metavar="URL", help="contact URL for the User-Agent (default: the GitHub repository on Actions)"
    )

    scan = commands.add_parser("scan", help="list the built site's external URLs that the registry lacks")
    scan.add_argument("site", type=Path, help="the built site folder (mkdocs build output)")
    scan.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY, help="the registry (default: data/links.yml)")
    return parser


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
        registry = load_registry(args.registry)
        return _check(args, registry) if args.command == "check" else _scan(args, registry)
    except _BadInput as error:
        print(error, file=sys.stderr)
        return 2
    except RegistryError as error:
        print(f"igcsante links: the registry {error.path} cannot be used:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    except CacheError as error:
        print(f"igcsante links: {error}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)


def _check(args, registry) -> int:
    try:
        entries = registry.select(args.only) if args.only else registry.links
    except KeyError as error:
        raise _BadInput(f"igcsante links check: no entry with id {error.args[0]} in {args.registry}") from None
    cache = Cache.load(args.cache) if args.cache else None  # a bad cache stops us before any request
    options = FetchOptions(user_agent=user_agent(args.contact), timeout=args.timeout)
    results = check_links(entries, review_period_days=registry.review_period_days, options=options)
    now = dt.datetime.now(dt.timezone.utc)
    if cache is not None:
        cache.record(results, now.date().isoformat())
    rendered = {
        "text": lambda: report.render_text(results),
        "json": lambda: report.render_json(results, now.isoformat(timespec="seconds")),
        "markdown": lambda: report.render_markdown(results, now.strftime("%Y-%m-%d %H:%M UTC"), str(args.registry)),
    }[args.format]()
    _write(rendered, args.output)
    if cache is not None:
        cache.save()
    return 1 if any(result.status == ERROR for result in results) else 0


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_text_atomically(output, text)
    except OSError as error:
        raise _BadInput(f"igcsante links: cannot write the report to {output}: {error.strerror}") from None


def _scan(args, registry) -> int:
    if not (args.site / "index.html").is_file():
        raise _BadInput(f"igcsante links scan: {args.site} is not a built site (no index.html): run mkdocs build first")
    missing = unregistered(args.site, registry.urls())
    if not missing:
        print(f"Every external URL in {args.site} is in {args.registry}.")
        return 0
    print(f"{len(missing)} external URL(s) in {args.site} are not in {args.registry}; add each as an entry (with its "
          "expectations) and have the pages use {{ link('<id>') }}:")
    for url, pages in missing.items():
        print(f"  {url}\n    used in: {', '.join(pages)}")
    return 1
