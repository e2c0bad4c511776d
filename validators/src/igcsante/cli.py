"""`igcsante <command> ...`: dispatches to each validator's own command line.

Each command module is imported only when asked for, so the certificate checker never pulls in
the link checker's network libraries (which do not exist in Pyodide).
"""

import importlib
import sys

COMMANDS = {
    "cert": ("igcsante.cert.cli", "Check certificates, CSRs, .p7b chains and .p12 files."),
    "links": ("igcsante.links.cli", "Check the guide's external links against data/links.yml."),
    "trees": ("igcsante.trees.cli", "Check the decision trees in data/trees/."),
}


def _usage() -> str:
    lines = ["usage: igcsante <command> [options]", "", "commands:"]
    lines += [f"  {name:<6} {summary}" for name, (_, summary) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(_usage())
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"igcsante: unknown command '{name}'\n\n{_usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return module.main(rest)
