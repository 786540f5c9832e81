"""Manifest hrefs resolved as URIs (RFC 3986), the way a browser inside the LMS resolves them.

`xml:base` on any ancestor applies, `./` and `..` are removed, `%20` means a space, and a query or fragment is not
part of the file name. A fake root folder lets us see an href that climbs out of the package with `..`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

ROOT = "http://package.invalid/root/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
# an escape, a scheme or drive, a backslash, a query or fragment, a leading "/", or an empty, "." or ".." segment
NOT_PLAIN = re.compile(r"[%:\\?#]|^/|(^|/)\.{0,2}(/|$)")


@dataclass(frozen=True)
class Target:
    path: str | None = None      # the package path the href names (percent-decoded)
    external: str | None = None  # an absolute address outside the package
    problem: str | None = None   # why it names no file in the package: the code of its words («validate.href-…»)


def bases(element: etree._Element) -> list[str]:
    """Every xml:base from the document root down to `element`, outermost first."""
    chain = [element, *element.iterancestors()]
    return [e.get(XML_BASE) for e in reversed(chain) if e.get(XML_BASE) is not None]


def is_plain(href: str) -> bool:
    """A relative path with nothing to resolve: the common case, taken without the URI machinery."""
    return href == href.strip() and not NOT_PLAIN.search(href)


@functools.lru_cache(maxsize=256)
def base_url(base_chain: tuple[str, ...]) -> str:
    url = ROOT
    for part in base_chain:
        url = urljoin(url, part.strip().replace("\\", "/"))
    return url


def resolve(href: str, base_chain: list[str] = ()) -> Target:
    if not href.strip():
        return Target(problem="validate.href-empty")
    if not base_chain and is_plain(href):
        return Target(path=href)
    # Browsers read "\" as "/" in web addresses; validate reports the backslash on its own.
    url = urljoin(base_url(tuple(base_chain)), href.strip().replace("\\", "/"))
    parts = urlsplit(url)
    if len(parts.scheme) == 1:
        return Target(problem="validate.href-drive")
    if (parts.scheme, parts.netloc) != ("http", "package.invalid"):
        return Target(external=url)
    if not parts.path.startswith("/root/"):
        written = next((p for p in [*base_chain, href] if p.strip().startswith(("/", "\\"))), None)
        return Target(problem="validate.href-root" if written else "validate.href-climbs")
    path = unquote(parts.path[len("/root/"):])
    if not path or path.endswith("/"):
        return Target(problem="validate.href-folder")
    return Target(path=path)
