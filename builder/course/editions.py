"""editions/<id>/edition.yaml → Edition, with the checks only an edition needs: logo, colours, links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .model import Edition, Where
from .reading import load_file

FOLDER = "editions"
FILE = "edition.yaml"
ALL = "all"
MAX_LOGO_BYTES = 200 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
RASTER = (".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff")  # picture formats a PNG can be made from
CONVERT_LOGO = ("; convert it to PNG, for example with the free program GIMP (open the file, then File → Export As "
                "→ {png}) or Paint on Windows (File → Save as → PNG picture), put {png} in the edition's folder and "
                "write logo: {png}")
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
        error(Where(path), f"edition '{edition_id}' not found: expected the file {FOLDER}/{edition_id}/{FILE}"
                     + (f"; editions found: {', '.join(known)}" if known else ""))
        return None
    edition = load_file(path, Edition, error)
    if edition is None:
        return None
    if edition.id != edition_id:
        error(edition.where_of("id"), f"edition id '{edition.id}' differs from its folder name "
                     f"'{edition_id}'; rename one so they match")
    edition.id, edition.folder = edition_id, folder
    if edition.logo_file:
        edition.logo = logo(error, folder, edition.logo_file, edition.where_of("logo"))
    if edition.colours is not None:
        for message in contrast_problems(edition.brand, edition.brand_text):
            error(edition.where_of("colours"), message)
    for entry in edition.lesson_files:
        file = entry.file
        if Path(file).is_absolute() or ".." in Path(file).parts or not (folder / file).is_file():
            error(entry.where_of("file"), f"lesson file '{file}' not found in the edition's folder ({edition_id}/)")
        else:
            edition.lessons.append((folder / file, entry.after, entry.where_of("after")))
    return edition


def logo(error: Callable[[Where, str], None], folder: Path, name: str, where: Where) -> Path | None:
    path = folder / name
    if Path(name).is_absolute() or ".." in Path(name).parts or not path.is_file():
        error(where, f"logo '{name}' not found: put the file in the edition's folder ({folder.name}/)")
        return None
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix not in (".svg", ".png"):
        hint = CONVERT_LOGO.format(png=Path(name).with_suffix(".png").name) if suffix in RASTER else ""
        error(where, f"logo '{name}' must be an SVG or PNG file{hint}")
    elif size > MAX_LOGO_BYTES:
        error(where, f"logo '{name}' is {size / 1024:.0f} KB; the limit is {MAX_LOGO_BYTES // 1024} KB — "
                     "make it smaller (an SVG, or a PNG at most 400 pixels wide)")
    elif suffix == ".png" and not path.read_bytes().startswith(PNG_MAGIC):
        error(where, f"logo '{name}' is not a PNG image; save it as PNG or SVG")
    elif suffix == ".svg" and not svg_ok(path):
        error(where, f"logo '{name}' is not an SVG image (an XML file whose root element is <svg>, "
                     "without scripts)")
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
    pairs = ((brand_text, brand, f"brand_text {brand_text} on brand {brand} (header and filled buttons)"),
             (brand, PAPER, f"brand {brand} as text on the page background {PAPER} (links and outlined buttons)"),
             (brand, SOFT, f"brand {brand} as text on the shaded boxes {SOFT} (links in notes and objectives)"))
    failing = [(fg, what, ratio) for fg, bg, what in pairs if (ratio := contrast_ratio(fg, bg)) < AA_NORMAL_TEXT]
    return ["colour contrast of " + ", and of ".join(f"{what} is {ratio:.2f}:1" for fg, what, ratio in failing
                                                    if fg == colour)
            + f"; WCAG AA needs at least {AA_NORMAL_TEXT}:1 — choose colours further apart in lightness"
            for colour in dict.fromkeys(fg for fg, _, _ in failing)]
