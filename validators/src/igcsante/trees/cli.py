"""`igcsante trees check [DIR]`: check every decision tree of a folder (default data/trees).

Exit status: 0 every tree is sound, 1 at least one tree has a problem (or cannot be read),
2 the command itself cannot run (bad arguments, no such folder, data/links.yml unreadable).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import check_tree, load_link_ids
from .model import TreeFormatError, load_tree


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="igcsante trees",
        description="Check the guide's decision trees: every question reachable, no dangling or "
        "looping answer, every walk ending in an outcome, every text in English and French, every "
        "checklist item and link id known.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="check")
    check = commands.add_parser("check", help="check every <id>.yml of a folder")
    check.add_argument("folder", nargs="?", default="data/trees", type=Path,
                       help="the folder of tree files (default: data/trees)")
    check.add_argument("--links", type=Path, default=None,
                       help="the link registry (default: links.yml in the folder's parent)")
    return parser


def _check_file(path: Path, link_ids: set[str]) -> list[str]:
    try:
        tree = load_tree(path)
    except TreeFormatError as error:
        return [f"[unreadable] {error}"]
    return [str(problem) for problem in check_tree(tree, link_ids)]


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # argparse has printed the usage and the reason
        return int(stop.code or 0)
    if not args.folder.is_dir():
        print(f"igcsante trees: {args.folder} is not a folder; give the folder holding the tree files",
              file=sys.stderr)
        return 2
    files = sorted(args.folder.glob("*.yml"))
    if not files:
        print(f"igcsante trees: no .yml file in {args.folder}: nothing to check", file=sys.stderr)
        return 2
    links_file = args.links or args.folder.parent / "links.yml"
    try:
        link_ids = load_link_ids(links_file)
    except ValueError as error:
        print(f"igcsante trees: {error}; pass --links with the path of data/links.yml", file=sys.stderr)
        return 2

    failed = 0
    for path in files:
        problems = _check_file(path, link_ids)
        if problems:
            failed += 1
            print(f"{path}: {len(problems)} problem(s)")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{path}: ok")
    if failed:
        print(f"{failed} of {len(files)} tree(s) have problems.")
        return 1
    print(f"{len(files)} tree(s) checked: no problem.")
    return 0
