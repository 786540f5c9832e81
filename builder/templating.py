"""The one jinja2 set-up for every page kursbygger writes (the course page, the handouts, the HR report, the
accessibility report, the preview's simulator page): every value escaped for HTML, a misspelt name an error rather
than an empty string, and a block tag on its own line leaving no blank line behind."""

from __future__ import annotations

import functools

import jinja2


@functools.cache  # compiling a template takes longer than rendering it; the preview renders on every save
def environment(package: str, folder: str = "templates", keep_trailing_newline: bool = False) -> jinja2.Environment:
    """The templates in `folder` of the Python package `package`. `keep_trailing_newline`: a template's last line
    break stays in the page (the course page has always kept it, and its bytes must not change)."""
    return jinja2.Environment(loader=jinja2.PackageLoader(package, folder), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=keep_trailing_newline,
                              undefined=jinja2.StrictUndefined)
