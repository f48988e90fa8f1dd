"""Screenshot of a page for the README (docs/screenshot.png), in headless Debian chromium.

    python scripts/screenshot.py [--db out/khabar.db] [--article ID | --path /stories/ID] [--out docs/screenshot.png]
Run `make demo` first: it builds out/khabar.db from examples/.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time

import uvicorn
from playwright.sync_api import sync_playwright

from khabar.store import Store
from khabar.web import create_app

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="out/khabar.db")
    parser.add_argument("--article", help="article id (default: the one with most mentions)")
    parser.add_argument("--path", help="any page, e.g. /stories/ID (instead of an article)")
    parser.add_argument("--out", default="docs/screenshot.png")
    parser.add_argument("--height", type=int, default=700)
    args = parser.parse_args()
    store = Store(args.db, readonly=True)
    path = args.path or "/articles/" + (
        args.article
        or store.db.execute(
            "SELECT article_id FROM mentions GROUP BY article_id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": args.height}, device_scale_factor=1)
        page.goto(f"http://127.0.0.1:{port}{path}")
        page.screenshot(path=args.out)
        browser.close()
    server.should_exit = True
    print(f"{path} -> {args.out}")


if __name__ == "__main__":
    main()
