"""What a record is: the common core and one schema per domain, each field declared once with its
standard term, vocabulary, level and zh/en labels; validation and every mapping derive from them."""
from __future__ import annotations

from schemas.registry import DOMAINS, DomainDescription, describe

__all__ = ["DOMAINS", "DomainDescription", "describe"]
