"""HTML documents → A4 PDFs with Chromium's own print engine (tagged, with an outline and page numbers)."""

from __future__ import annotations

from pathlib import Path

from ..atomic import atomic_open
from ..browser import headless_chromium

# Chromium draws the footer outside the page's CSS, so it carries its own small style.
FOOTER = ('<div style="width:100%;font:9px sans-serif;color:#444;text-align:center">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def write_pdfs(documents: list[tuple[Path, Path]]) -> None:
    """Prints each (html, pdf) pair; raises browser.BrowserMissing when there is no Chromium."""
    with headless_chromium() as browser:
        page = browser.new_page()
        for html, pdf in documents:
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            printed = page.pdf(format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=FOOTER, tagged=True, outline=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "17mm", "right": "17mm"})
            with atomic_open(pdf, "wb") as out:
                out.write(printed)
