"""`igcsante cert [options] FILE...`: checks certificates, CSRs, .p7b and .p12 files.

Exit code: 0 every file ready, 1 any not ready, 2 any unreadable file or a usage error.
"""

import argparse
import json
import os
import sys
from pathlib import Path

from igcsante.cert import check_bytes, options
from igcsante.cert.check import unreadable_result
from igcsante.cert.text_report import render
from igcsante.cert.trust import TrustFetchError, TrustStore, fetch_published

EXIT_CODES = {"ready": 0, "not_ready": 1, "unreadable": 2}


class UsageError(Exception):
    """A bad command line; the message is printed as is."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print and exit; we want one place for usage errors
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="igcsante cert", description="Check IGC-Santé software certificates, CSRs, "
                     ".p7b chains and .p12 files before installing or sending them.",
                     epilog="Exit code: 0 all ready, 1 any not ready, 2 any unreadable file or usage error. "
                            "Trust anchors: --trust-dir, else IGCSANTE_TRUST_DIR, else --fetch-anchors.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files or folders (every file inside is checked)")
    parser.add_argument("--use", choices=options.USES, default="auto",
                        help="what the certificate is for: insi, dmp-auth, dmp-sign, or auto (deduce it)")
    parser.add_argument("--env", choices=options.ENVIRONMENTS, default="prod", help="production or test platform")
    parser.add_argument("--at", metavar="YYYY-MM-DD", help="check as of this date (default: now, UTC)")
    parser.add_argument("--password-file", metavar="F", help="file whose first line is the .p12 password")
    parser.add_argument("--lang", choices=options.LANGS, default="en", help="language of the findings")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text for people, json for programs")
    parser.add_argument("--trust-dir", metavar="DIR", help="folder of IGC-Santé CA certificates (overrides IGCSANTE_TRUST_DIR); "
                        "only certificates matching the pinned SHA-256 are used")
    parser.add_argument("--fetch-anchors", action="store_true",
                        help="download the ANS chains (prod and TEST) when no folder is given")
    return parser


def expand(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise UsageError(f"folder '{name}' contains no file")
            files += found
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise UsageError(f"'{name}' is not a regular file (a pipe, socket or device): give the file itself")
        else:
            raise UsageError(f"no such file or folder: '{name}'")
    return files


MAX_PASSWORD_FILE = 64 * 1024


def read_password(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        with open(name, "rb") as file:  # bounded: --password-file /dev/zero must not eat the memory
            data = file.read(MAX_PASSWORD_FILE + 1)
        if len(data) > MAX_PASSWORD_FILE:
            raise UsageError(f"the password file '{name}' is larger than {MAX_PASSWORD_FILE:,} bytes: "
                             "give a file holding the password on its first line")
        # Notepad's "Unicode" is UTF-16 with a byte order mark; everything else must be UTF-8 (BOM or not)
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    except OSError as error:
        raise UsageError(f"cannot read the password file '{name}': {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"the password file '{name}' is neither UTF-8 nor UTF-16 text: save it as UTF-8") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def load_trust(trust_dir: str | None, fetch: bool) -> TrustStore:
    folder = trust_dir or os.environ.get("IGCSANTE_TRUST_DIR")
    if folder:
        if not Path(folder).is_dir():
            source = "--trust-dir" if trust_dir else "IGCSANTE_TRUST_DIR"
            raise UsageError(f"{source} '{folder}' is not a folder")
        return TrustStore.from_directory(folder)
    if fetch:
        try:
            return fetch_published()
        except TrustFetchError as error:
            raise UsageError(f"--fetch-anchors: {error}") from None
    return TrustStore([], pinned=True)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
        if args.at is not None:
            options.parse_at(args.at)
        files = expand(args.files)
        password = read_password(args.password_file)
        store = load_trust(args.trust_dir, args.fetch_anchors)
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    except (UsageError, options.InvalidOption) as error:
        print(f"igcsante cert: error: {error}\n\n{parser.format_usage().strip()}", file=sys.stderr)
        return 2
    results = []
    for path in files:
        try:
            data = path.read_bytes() if path.stat().st_size <= 64 * 1024 * 1024 else path.open("rb").read(64 * 1024 * 1024 + 1)
        except OSError as error:  # one unreadable file in a folder must not hide the results of the others
            results.append(unreadable_result(str(path), f"the file could not be read: {error.strerror}", args.lang))
            continue
        results.append(check_bytes(data, str(path), use=args.use, env=args.env, at=args.at, password=password,
                                   lang=args.lang, trust=store))
    output = json.dumps({"results": results}, ensure_ascii=False, indent=2) if args.format == "json" else render(results, args.lang)
    try:
        print(output, flush=True)
    except BrokenPipeError:  # `igcsante cert ... | head`: the reader left; not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return max(EXIT_CODES[result["verdict"]] for result in results)
