"""Many exported PNGs -> one ZIP ready to drop into slides (pure).

Files are numbered in the order given, `01-<slug>.png`, and an `index.txt` lists
each file's title and the link that reopens its view. The bytes depend only on
the input (fixed timestamps and permissions), so the same agenda gives the same
ZIP.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from genai_impact.text.i18n import t

INDEX_NAME = "index.txt"
SLUG_MAX = 50  # characters; keeps whole paths far below Windows' 260
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry
_FILE_MODE = 0o644 << 16  # rw-r--r--, in the high 16 bits as ZIP stores it
# Characters that Windows or macOS refuse in file names, or that make names awkward to
# quote in a shell; anything that is not a letter, digit or one of "-_()" becomes "-".
_KEEP_PUNCT = set("-_()")
_DASHES = re.compile(r"-{2,}")


@dataclass(frozen=True)
class SlideFile:
    """One slide: its title (also the file name's slug), the PNG and its view's link."""

    title: str
    png: bytes
    link: str = ""


def slug(title: str) -> str:
    """A file-name part for `title`: letters and digits of any script (Japanese is kept),
    NFKC-normalised, everything else folded into single dashes; "view" if nothing is left."""
    text = unicodedata.normalize("NFKC", title)
    chars = [ch if unicodedata.category(ch)[0] in "LN" or ch in _KEEP_PUNCT else "-" for ch in text]
    cleaned = _DASHES.sub("-", "".join(chars)).strip("-_")
    return cleaned[:SLUG_MAX].rstrip("-_") or "view"


def file_names(titles: Sequence[str]) -> list[str]:
    """`01-<slug>.png`, … in order; the number keeps names unique and sorted."""
    width = max(2, len(str(len(titles))))
    return [f"{i:0{width}d}-{slug(title)}.png" for i, title in enumerate(titles, start=1)]


def _entry(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.external_attr = _FILE_MODE
    info.compress_type = compress
    return info


def index_text(slides: Sequence[SlideFile], names: Sequence[str], lang: str) -> str:
    """The pack's table of contents: number, title, file and link of every slide."""
    lines = [t("export.pack.heading", lang, app=t("common.app_title", lang), count=len(slides))]
    for number, (slide, name) in enumerate(zip(slides, names, strict=True), start=1):
        title = " ".join(slide.title.split())  # one line per field, whatever the title holds
        lines += ["", f"{number:02d}  {title}", f"    {name}"]
        if slide.link:
            lines.append(f"    {slide.link}")
    return "\n".join(lines) + "\n"


def zip_of_pngs(
    items: Sequence[SlideFile | tuple[str, bytes] | tuple[str, bytes, str]], lang: str = "ja"
) -> bytes:
    """A ZIP of the PNGs, numbered in the given order, with `index.txt` (in `lang`)."""
    slides = [item if isinstance(item, SlideFile) else SlideFile(*item) for item in items]
    names = file_names([s.title for s in slides])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for slide, name in zip(slides, names, strict=True):
            # PNG is compressed already: store it, which is faster and no bigger
            archive.writestr(_entry(name, zipfile.ZIP_STORED), slide.png)
        text = index_text(slides, names, lang).encode("utf-8")
        archive.writestr(_entry(INDEX_NAME, zipfile.ZIP_DEFLATED), text)
    return buffer.getvalue()
