"""What a file is, from its bytes, and whether it is small enough to parse: checked before any work starts.

A name can lie (a PDF saved as ``.txt`` would be indexed as a report made of PDF syntax) and a small file can
inflate (a 444 KB ``.docx`` whose ``document.xml`` unpacks to 400 MB). Real annual reports are far below every limit
here: the longest in our corpora is a few hundred KB of text and 60 PDF pages.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .common import LoadError

MAX_TEXT_BYTES = 10 * 1024 * 1024  # .txt / .md / .html
MAX_PDF_PAGES = 200
MAX_DOCX_UNPACKED = 100 * 1024 * 1024  # all members of the zip, uncompressed
MAX_DOCX_RATIO = 200  # uncompressed / compressed, for members above 1 MB unpacked

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table)\b", re.I | re.S)


def sniff_suffix(path: Path, head: bytes) -> str | None:
    """The type the bytes say (".pdf", ".docx", ".html"), or None for plain text (its name decides .txt or .md)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                if "word/document.xml" in z.namelist():
                    return ".docx"
        except zipfile.BadZipFile:
            pass
        return ".zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return ".html"
    return None


def loader_suffix(path: Path) -> str:
    """The loader to use: the bytes' type where they tell one, the name's otherwise; a mismatch that cannot be a
    report is a ``LoadError`` naming both."""
    declared = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(4096)
    sniffed = sniff_suffix(path, head)
    if sniffed == ".zip":
        raise LoadError(path, "a zip archive, not a Word .docx file")
    if sniffed == ".doc":
        raise LoadError(path, "an old Word .doc file: save it as .docx or PDF")
    if sniffed in (".pdf", ".docx"):
        return sniffed
    if declared in (".pdf", ".docx"):
        raise LoadError(path, f"named {declared} but its content is not a {declared[1:].upper()} file")
    if sniffed == ".html" and declared in (".txt", ".md"):
        return ".html"  # a saved web page named .txt
    return declared


def check_size(path: Path, suffix: str) -> None:
    """Refuse a file whose parsing would not be bounded, before reading it."""
    if suffix in (".txt", ".md", ".html", ".htm"):
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise LoadError(path, f"{size / 2**20:.1f} MB of text, more than the {MAX_TEXT_BYTES // 2**20} MB a "
                                  "report can be")
    elif suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
        unpacked = sum(m.file_size for m in members)
        if unpacked > MAX_DOCX_UNPACKED:
            raise LoadError(path, f"unpacks to {unpacked / 2**20:.0f} MB, more than {MAX_DOCX_UNPACKED // 2**20} MB")
        for m in members:
            if m.file_size > 2**20 and m.file_size > MAX_DOCX_RATIO * max(1, m.compress_size):
                raise LoadError(path, f"{m.filename} unpacks {m.file_size // max(1, m.compress_size)}× "
                                      "(a zip bomb?): refused")


def check_pdf_pages(path: Path, pages: int) -> None:
    if pages > MAX_PDF_PAGES:
        raise LoadError(path, f"{pages} pages, more than the {MAX_PDF_PAGES} a report can be")
