"""Exports of the event table: CSV, JSON Lines, GeoJSON, Parquet, ACLED-shaped CSV and a
CAMEO/GDELT-shaped TSV, all from the same filtered rows the API lists (``docs/exports.md``
documents every column).

``write_export(con, query, fmt, path)`` is the one entry point; the CLI and HTTP API call it.
"""

from __future__ import annotations

from .formats import EXPORT_FORMATS, ExportFormat, export_format, write_export

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export_format", "write_export"]
