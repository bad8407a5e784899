"""Errors the edges (CLI, web app) show to a person as a sentence, never as a traceback."""


class StoreError(Exception):
    """The store file cannot be opened as a database: the message names the file and the way to recover."""


class StoreUnavailable(Exception):
    """The store's database server cannot be reached or refused a write (not the report's fault)."""


class StoreMissing(Exception):
    """The store is empty while the current build holds reports: the build is kept, not replaced by an empty one."""


class QueryTooLong(ValueError):
    """A search query longer than the settings allow: its work would not be bounded."""
