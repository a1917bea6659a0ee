"""The public catalogue as an RDF file: N-Triples streamed line by line (gzip when the name ends in .gz),
Turtle and JSON-LD through one rdflib graph. A file is written beside its target and moved into place,
so a failed export leaves no half file."""
from __future__ import annotations

import gzip
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from catalog.linked_data.catalogue import Written, catalogue_graph, write_dump
from catalog.linked_data.graphs import serialize

RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}
FILE_FORMATS = ("nt", *RDFLIB_FORMATS)


def write_file(services, file_format: str, path: Path) -> Written:
    """Write the public catalogue (what anonymous visitors may see) to `path` in `file_format`."""
    if file_format not in FILE_FORMATS:
        raise ValueError(f"unknown RDF file format {file_format!r}; choose one of {', '.join(FILE_FORMATS)}")
    with _replacing(path) as binary:
        if file_format == "nt":
            with _text(binary, path) as out:
                return write_dump(services, out)
        graph, written = catalogue_graph(services)
        body = serialize(graph, RDFLIB_FORMATS[file_format], services.settings.base_url)
        if path.name.endswith(".gz"):
            body = gzip.compress(body, compresslevel=6)
        binary.write(body)
        return written


@contextmanager
def _replacing(path: Path) -> Iterator[IO[bytes]]:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.resolve().parent)
    try:
        with os.fdopen(handle, "wb") as binary:
            yield binary
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def _text(binary: IO[bytes], path: Path) -> Iterator[IO[str]]:
    compress = path.name.endswith(".gz")
    raw = gzip.GzipFile(fileobj=binary, mode="wb", compresslevel=6) if compress else binary
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    try:
        yield out
    finally:
        out.flush()
        out.detach()   # the binary file is closed by its owner
        if compress:
            raw.close()   # writes the gzip trailer
