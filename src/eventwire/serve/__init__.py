"""HTTP API and web UI over a store, read-only (``eventwire serve``); see docs/serve.md."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def create_app(db_path: Any, **kwargs: Any) -> Any:
    """The FastAPI app (imported lazily: FastAPI is only needed when serving)."""
    from .app import create_app as _create

    return _create(db_path, **kwargs)


def serve(db_path: Any, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    """Run the API and UI with uvicorn until interrupted (the event snapshot builds meanwhile)."""
    import threading

    import uvicorn

    app = create_app(db_path)
    threading.Thread(target=app.state.db.warm, name="eventwire-warm", daemon=True).start()
    uvicorn.run(app, host=host, port=port, log_level=log_level)
