"""The string catalogues: every user-facing string, in Japanese and English.

Catalogues live in `strings/<lang>/<area>.yaml`, one file per area of the app
(common, home, industries, sources, ...), so that work on one page does not
touch another page's file. A file holds a nested mapping whose single top-level
key is the file's area; nested keys are flattened to dotted keys, e.g.
`industries.phase.none`. All files of a language merge into one dictionary.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml

from genai_impact.report.model import LANGS

STRINGS_DIR = Path(__file__).resolve().parent / "strings"
DEFAULT_LANG = "ja"


class CatalogueError(Exception):
    """A catalogue file is malformed (not a mapping, wrong area, duplicate key, non-string)."""


def _flatten(prefix: str, node: object, out: dict[str, str], origin: Path) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if not isinstance(key, str) or not key:
                raise CatalogueError(f"{origin}: {prefix}: keys must be non-empty strings")
            _flatten(f"{prefix}.{key}", value, out, origin)
    elif isinstance(node, str):
        if prefix in out:
            raise CatalogueError(f"{origin}: {prefix}: duplicate key")
        out[prefix] = node
    else:
        raise CatalogueError(
            f"{origin}: {prefix}: value must be a string, got {type(node).__name__}"
        )


def load_catalogue(lang: str, strings_dir: Path = STRINGS_DIR) -> dict[str, str]:
    """Read and merge every `strings/<lang>/*.yaml` into one flat {dotted key: text} dict."""
    files = sorted((strings_dir / lang).glob("*.yaml"))
    if not files:
        raise CatalogueError(f"{strings_dir / lang}: no catalogue files")
    merged: dict[str, str] = {}
    for path in files:
        with path.open(encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        area = path.stem
        if not isinstance(doc, Mapping) or set(doc) != {area}:
            raise CatalogueError(f"{path}: must hold exactly one top-level key, '{area}'")
        flat: dict[str, str] = {}
        _flatten(area, doc[area], flat, path)
        for key in flat.keys() & merged.keys():
            raise CatalogueError(f"{path}: {key}: duplicate key (also in another file)")
        merged.update(flat)
    return merged


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The merged catalogue of one language, read once per process."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return load_catalogue(lang)


def placeholders(text: str) -> set[str]:
    """The `{name}` fields a catalogue string expects."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def t(key: str, lang: str, **fmt: object) -> str:
    """The string `key` in `lang`, formatted with `fmt`. A missing key raises KeyError."""
    text = catalogue(lang)[key]
    return text.format(**fmt) if fmt else text
