"""Screenshots of the hub's main pages at a desktop (1366 px) and a phone (390 px) width.

Run against the demo (`make run` in another terminal, then `make screenshots`); writes
docs/screenshots/<page>-<width>.png, palette-reduced to keep the repository small. Uses Debian's
Chromium, as the browser tests do.

    python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

WIDTHS = {1366: 900, 390: 844}  # width: height of the first screen
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")


def addresses(page) -> dict[str, str]:
    """The pages to show; a resource and a collection are read off the demo's own lists."""
    page.goto("/library/")
    resource = page.locator("ol.browse-results h3 a").first.get_attribute("href")
    page.goto("/collections/")
    collection = page.locator("main a[href^='/collections/']").first.get_attribute("href")
    return {
        "home": "/",
        "search": "/search/?q=recruitment",
        "search-empty": "/search/",
        "library": "/library/",
        "resource": resource,
        "objective": "/objectives/6/",
        "collection": collection,
        "meetings": "/meetings/",
        "coverage": "/governance/coverage/",
        "sign-in": "/sign-in/",
    }


def shrink(path: Path) -> None:
    """256 colours are plenty for a page of text; the file is a third of the size."""
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=os.environ.get("HUB_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        for width, height in WIDTHS.items():
            context = browser.new_context(
                base_url=args.base, viewport={"width": width, "height": height}
            )
            page = context.new_page()
            for name, address in addresses(page).items():
                page.goto(address)
                path = args.out / f"{name}-{width}.png"
                page.screenshot(path=str(path))
                shrink(path)
                print(f"{path} ({path.stat().st_size // 1024} KB)")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
