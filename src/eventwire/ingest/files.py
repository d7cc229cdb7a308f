"""Local inputs: files, directories (recursive, in a stable order) and stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .detect import HEAD_BYTES


def walk(directory: Path) -> Iterator[Path]:
    """Every regular file under ``directory``, sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.is_file():
                yield path


def read_head(path: Path) -> bytes:
    """The first bytes of ``path``: enough to sniff its kind without reading it all."""
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"[E571] cannot read {path}: {exc.strerror or exc}") from exc


def read_capped(stream: BinaryIO, cap: int, what: str) -> bytes:
    """All of ``stream`` up to ``cap`` bytes; larger inputs are refused without reading on."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"[E572] {what} too large: over the {cap / 1_000_000:.1f} MB cap")
    return data


def read_file(path: Path, cap: int, what: str = "file") -> bytes:
    """The whole file when it fits under ``cap``; the size is checked before reading."""
    try:
        size = path.stat().st_size
        if size > cap:
            raise InputError(f"[E572] {what} too large: {size / 1_000_000:.1f} MB, "
                             f"cap {cap / 1_000_000:.1f} MB")
        with path.open("rb") as fh:
            return read_capped(fh, cap, what)
    except OSError as exc:
        raise InputError(f"[E571] cannot read {path}: {exc.strerror or exc}") from exc
