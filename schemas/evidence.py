"""Evidence in a file's columns of the value a required field has for the whole file (a mineral catalogue's
formula column shows its sample type): declared by each domain as FILE_EVIDENCE beside its fields, and read by
the suggestions of ingest."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    value: str                 # the field's value (a vocabulary code) that these columns show
    headers: tuple[str, ...]   # column names, or parts of names, compared case-, width- and punctuation-blind
    what_en: str               # what the columns are, for the reason given to the curator
    what_zh: str
