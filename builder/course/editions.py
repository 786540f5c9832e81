"""editions/<id>/edition.yaml → Edition, with the checks only an edition needs: logo, colours, links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .model import Edition, Where
from .problems import said
from ..words import number
from .reading import load_file


FOLDER = "editions"
FILE = "edition.yaml"
ALL = "all"
MAX_LOGO_BYTES = 200 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
RASTER = (".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff")  # picture formats a PNG can be made from
# What the brand colours are drawn on (builder/outputs/runtime/kurs.css): --paper and --soft behind links and outlined
# buttons, and brand_text on the brand colour in the header and on filled buttons.
PAPER, SOFT = "#ffffff", "#f3f5f8"
AA_NORMAL_TEXT = 4.5


def edition_ids(root: Path) -> list[str]:
    folder = root / FOLDER
    return sorted(p.name for p in folder.iterdir() if (p / FILE).is_file()) if folder.is_dir() else []


def load_edition(error: Callable[[Where, str], None], root: Path, edition_id: str) -> Edition | None:
    folder = root / FOLDER / edition_id
    path = folder / FILE
    if not path.is_file():
        known = edition_ids(root)
        found = said("source.hint.editions-found", ids=", ".join(known)) if known else ""
        error(Where(path), said("source.edition.not-found", edition=edition_id,
                                       file=f"{FOLDER}/{edition_id}/{FILE}", found=found))
        return None
    edition = load_file(path, Edition, error)
    if edition is None:
        return None
    if edition.id != edition_id:
        error(edition.where_of("id"), said("source.edition.id-differs-from-folder", id=edition.id,
                                                  folder=edition_id))
    edition.id, edition.folder = edition_id, folder
    if edition.logo_file:
        edition.logo = logo(error, folder, edition.logo_file, edition.where_of("logo"))
    if edition.colours is not None:
        for message in contrast_problems(edition.brand, edition.brand_text):
            error(edition.where_of("colours"), message)
    for entry in edition.lesson_files:
        file = entry.file
        if Path(file).is_absolute() or ".." in Path(file).parts or not (folder / file).is_file():
            error(entry.where_of("file"), said("source.edition.lesson-file-missing", file=file,
                                                      folder=edition_id))
        else:
            edition.lessons.append((folder / file, entry.after, entry.where_of("after")))
    return edition


def logo(error: Callable[[Where, str], None], folder: Path, name: str, where: Where) -> Path | None:
    path = folder / name
    if Path(name).is_absolute() or ".." in Path(name).parts or not path.is_file():
        error(where, said("source.edition.logo-missing", logo=name, folder=folder.name))
        return None
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix not in (".svg", ".png"):
        hint = said("source.hint.convert-logo", png=Path(name).with_suffix(".png").name) if suffix in RASTER else ""
        error(where, said("source.edition.logo-not-svg-png", logo=name, hint=hint))
    elif size > MAX_LOGO_BYTES:
        error(where, said("source.edition.logo-too-large", logo=name, size=number(size / 1024),
                                 limit=MAX_LOGO_BYTES // 1024))
    elif suffix == ".png" and not path.read_bytes().startswith(PNG_MAGIC):
        error(where, said("source.edition.logo-not-a-png", logo=name))
    elif suffix == ".svg" and not svg_ok(path):
        error(where, said("source.edition.logo-not-an-svg", logo=name))
    else:
        return path
    return None


def svg_ok(path: Path) -> bool:
    try:
        root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return etree.QName(root).localname == "svg" and not root.xpath("//*[local-name()='script']")


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_problems(brand: str, brand_text: str) -> list[str]:
    """One message per colour that is too close to what it stands on (brand on the page and on the shaded boxes is
    one fault: the brand colour is too light)."""
    pairs = ((brand_text, brand, "source.edition.contrast-on-buttons"),  # header and filled buttons
             (brand, PAPER, "source.edition.contrast-on-page"),  # links and outlined buttons
             (brand, SOFT, "source.edition.contrast-on-boxes"))  # links in notes and objectives
    failing = [(fg, said(code, fg=fg, bg=bg, ratio=number(ratio, 2)), ratio) for fg, bg, code in pairs
               if (ratio := contrast_ratio(fg, bg)) < AA_NORMAL_TEXT]
    return [said("source.edition.contrast", pairs=said("source.hint.and-of").join(
                what for fg, what, _ in failing if fg == colour), least=AA_NORMAL_TEXT)
            for colour in dict.fromkeys(fg for fg, _, _ in failing)]
