"""A small real store for the serve/export/browser tests: the seed article and an article whose
text carries markup and scripts (tests/fixtures/serve/markup-in-text.txt, written for eventwire)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from eventwire.model import RawDocument, Rejection
from eventwire.pipeline import run_raw
from eventwire.store import Store

HERE = Path(__file__).parent
SEED = HERE.parent.parent / "shared" / "seeds" / "belgorod-raid.txt"
MARKUP = HERE / "fixtures" / "serve" / "markup-in-text.txt"
INPUTS = ((SEED, "2023-05-23T10:00:00"), (MARKUP, "2023-06-01T09:00:00"))


def build_store(path: Path) -> Path:
    """Ingest the inputs through the real pipeline into a DuckDB file at ``path``."""
    with Store(path) as store:
        for file, published in INPUTS:
            work = run_raw(RawDocument(source=file.name, kind="text", content=file.read_bytes(),
                                       published=published))
            assert not isinstance(work, Rejection), work
            store.save(work)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving ``create_app(db)`` on a free local port, in a thread."""

    def __init__(self, db: Path, idle_s: float = 0.3, snapshot: bool = True) -> None:
        import uvicorn

        from eventwire.serve import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, idle_s=idle_s, snapshot=snapshot), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(5)
