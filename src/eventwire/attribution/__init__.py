"""Attribution: who says so. Quotes and speakers, statement kinds, cited-source paragraphs,
headline checks. The pipeline runs :func:`~eventwire.attribution.stage.attribution_stage`."""

from __future__ import annotations

__all__ = ["attribution_stage"]


def __getattr__(name: str) -> object:
    if name == "attribution_stage":
        from .stage import attribution_stage

        return attribution_stage
    raise AttributeError(name)
