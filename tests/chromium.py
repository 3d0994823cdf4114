"""Headless Chromium for the browser tests: where it is, and how it is started here.

The machine's network is closed, so Chromium is started without its background
networking, component updates and sync (they would only fail, many times over), as root
without its sandbox, and with a fresh profile per run (the callers pass
``--user-data-dir``).
"""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISSING = "Chromium is not installed (Debian: apt-get install chromium)"
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
