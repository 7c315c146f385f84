"""Open a written page (the demo briefing) in a browser when there is one to show it.

`make demo` calls it after writing the HTML. On a machine without a display (a server, CI, the
test suite) it only prints where the page is: it never fails and never starts a text browser.
Usage: python scripts/open_page.py PATH
"""

from __future__ import annotations

import os
import sys
import webbrowser
from pathlib import Path


def has_display() -> bool:
    """Whether a graphical browser can be shown: macOS or Windows, or X11/Wayland, and not CI."""
    if os.environ.get("CI"):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/open_page.py PATH", file=sys.stderr)
        return 2
    page = Path(argv[0]).resolve()
    if not page.is_file():
        print(f"{page} does not exist; write it first (make demo does).", file=sys.stderr)
        return 1
    print(f"Briefing written to {page}")
    opened = False
    if has_display():
        try:
            opened = webbrowser.open(page.as_uri())
        except webbrowser.Error:
            opened = False
    if opened:
        print("Opened in your browser.")
    else:
        print(f"No browser to open it here: open {page.as_uri()} in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
