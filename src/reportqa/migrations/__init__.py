"""Numbered SQL migrations per database engine (``postgres/001_*.sql`` …), applied in order, each once."""
