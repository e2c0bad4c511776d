"""The Debian Chromium, driven by Playwright for the PDF printer, the browser tests and the
benchmarks: never a browser download, and flags for a closed network."""

import os

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# A closed network: no update checks, no sync, no first-run screens. Playwright's launch()
# gives every run a fresh temporary profile (user-data-dir) of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class ChromiumMissing(Exception):
    """No Chromium where we looked; the message says how to get one."""


def chromium_path() -> str:
    """The Chromium to drive: $IGCSANTE_CHROMIUM (the Makefile sets it) or the Debian package's."""
    return os.environ.get("IGCSANTE_CHROMIUM") or DEFAULT_CHROMIUM


def require_chromium(executable: str | None = None) -> str:
    executable = executable or chromium_path()
    if not os.access(executable, os.X_OK):
        raise ChromiumMissing(
            f"Chromium not found at {executable}: install the Debian package "
            "(sudo apt-get install chromium, or `make chromium` as root) or point "
            "IGCSANTE_CHROMIUM at a Chromium binary."
        )
    return executable


def launch_chromium(playwright, executable: str | None = None):
    """A headless Chromium from a running `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=require_chromium(executable), args=CHROMIUM_ARGS)
