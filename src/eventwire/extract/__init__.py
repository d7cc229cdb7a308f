"""Raw input -> main text and metadata: HTML via trafilatura, plain text by rules."""

from .core import Extracted, extract

__all__ = ["Extracted", "extract"]
