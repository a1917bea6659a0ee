"""Controlled vocabularies (SKOS) of the catalogue: lookup, matching and serving; imports nothing of ours."""
from __future__ import annotations

from .loader import configure, forget, get, names
from .model import Concept, Vocabulary

__all__ = ["Concept", "Vocabulary", "configure", "forget", "get", "names"]
