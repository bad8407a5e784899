"""Files → ``LoadedDocument`` (text blocks and table grids), one loader per file type.

Every failure is a ``LoadError`` naming the file, so ingestion can report it and go on with the rest.

What each loader guarantees to the parsers:
- blocks come in document order, tables in place between the paragraphs around them;
- a table is a rectangular grid of cell strings in which every grid position covered by a merged cell (HTML
  rowspan/colspan, Word gridSpan/vMerge, a PDF cell spanning ruling lines) holds that merged cell's text, so a parser
  can read any row on its own;
- cell text is kept as written (numbers with commas, "—", units): the parsers interpret it.

One module per job: ``common`` (``LoadError``, helpers every loader shares), ``text`` (.txt/.md and decoding),
``html`` (.html/.htm), ``word`` (.docx), ``pdf`` (.pdf; its docstring has the PDF specifics). This module dispatches
by suffix and re-exports the public names, so ``from reportqa.loaders import …`` works as it always has.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..documents import Block, LoadedDocument

# ``x as x``: public helpers outside ``__all__`` that callers import from here
from .common import LoadError
from .common import join_wrapped as join_wrapped
from .html import declared_html_charset as declared_html_charset
from .html import decode_html as decode_html
from .html import html_table_grid as html_table_grid
from .html import load_html
from .limits import check_size, loader_suffix
from .pdf import load_pdf
from .text import decode_text, load_md, load_txt
from .word import docx_table_grid as docx_table_grid
from .word import load_docx

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

LOADERS: dict[str, Callable[[Path], LoadedDocument]] = {
    ".txt": load_txt,
    ".md": load_md,
    ".html": load_html,
    ".htm": load_html,
    ".docx": load_docx,
    ".pdf": load_pdf,
}


def load_document(path: Path | str) -> LoadedDocument:
    """Load one report file; any problem (unsupported type, empty, corrupt, no text) is a ``LoadError``."""
    path = Path(path)
    if path.suffix.lower() not in LOADERS:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise LoadError(path, f"unsupported file type {path.suffix or '(none)'}; supported: {supported}")
    if not path.is_file():
        raise LoadError(path, "not a file")
    if path.stat().st_size == 0:
        raise LoadError(path, "empty file")
    try:
        suffix = loader_suffix(path)  # the bytes' type, not the name's
        check_size(path, suffix)
        doc = LOADERS[suffix](path)
    except LoadError:
        raise
    except Exception as exc:  # a library's own error on a corrupt file: name the file, keep the cause
        raise LoadError(path, f"cannot read {path.suffix} file ({type(exc).__name__}: {exc})") from exc
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise LoadError(path, "no text found")
    return doc


__all__ = ["Block", "LoadError", "LoadedDocument", "load_document", "decode_text", "SUPPORTED_SUFFIXES"]
