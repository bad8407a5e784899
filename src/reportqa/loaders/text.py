"""Plain text and Markdown: decoding the encodings reports come in; tables are left to the text-layout detectors."""

from __future__ import annotations

import re
from pathlib import Path

from ..documents import LoadedDocument
from ..parsing.layout import split_text_blocks
from .common import LoadError


def decode_text(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode report text: UTF-8 (with or without BOM), else GB18030 (a superset of GBK/GB2312), else detection."""
    if not data.strip():
        raise LoadError(path, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(path, "binary content, not a text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise LoadError(path, "cannot determine the text encoding")
        text = str(best)
    if not _looks_like_text(text):
        raise LoadError(path, "binary or garbled content, not report text")
    return text


def _looks_like_text(text: str) -> bool:
    sample = text[:5000]
    printable = sum(1 for ch in sample if ch.isprintable() or ch.isspace())
    return printable / max(1, len(sample)) > 0.95


def load_txt(path: Path) -> LoadedDocument:
    """Plain text in any of the encodings reports come in; tables are found by the text-layout detectors."""
    text = decode_text(path.read_bytes(), path)
    return LoadedDocument(source=str(path), blocks=split_text_blocks(text))


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def load_md(path: Path) -> LoadedDocument:
    """Markdown: heading marks and bold/underline emphasis removed; pipe tables become grids via the layout module."""
    text = decode_text(path.read_bytes(), path)
    text = _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", text))
    return LoadedDocument(source=str(path), blocks=split_text_blocks(text))
