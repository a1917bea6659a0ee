"""Entry: the `catalog export` command group (registered by catalog/cli.py): published records as files.

Exports from the command line show what the public may see: no confidential record, restricted records
generalised, exactly as `catalog search` does. Exit 0 when the file is written, 1 when it cannot be (the
message says why, in English and Chinese), 2 on wrong usage.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from catalog.cli.common import choices, emit, with_services
from catalog.enums import Domain
from catalog.permissions import Actor

PROGRESS_EVERY = 10_000


@click.group()
def export():
    """Write published records to a file: Darwin Core Archive (dwca), MCPD CSV (mcpd) or linked data (rdf)."""


def selection_options(command):
    """--center, --domain, --query and --filter: a center, a dataset (center + domain) or a search result."""
    for option in reversed((
            click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                         help="File to write (replaced when it exists)."),
            click.option("--center", help="Code of one center: its records only."),
            click.option("--domain", type=choices(Domain),
                         help="One resource domain (with --center: one dataset)."),
            click.option("--query", "text", default="", help="Search text: export the records it finds."),
            click.option("--filter", "filters", multiple=True, metavar="FIELD=VALUE",
                         help="Search filter, as `catalog search --filter`; repeat for more."),
            click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout."))):
        command = option(command)
    return command


@export.command("dwca")
@selection_options
def dwca(out, center, domain, text, filters, as_json):
    """Write a Darwin Core Archive: occurrence core, extensions, meta.xml and eml.xml."""
    run_export("dwca", out, center, domain, text, filters, as_json)


@export.command("mcpd")
@selection_options
def mcpd(out, center, domain, text, filters, as_json):
    """Write plant and animal germplasm as an MCPD V.2.1 CSV."""
    run_export("mcpd", out, center, domain, text, filters, as_json)


def run_export(format: str, out: Path, center: str | None, domain: str | None, text: str,
               filters: tuple[str, ...], as_json: bool) -> None:
    """Write into a temporary file beside `out` and move it into place, so a failed export leaves no half file."""
    from catalog.errors import InvalidInput
    from catalog.exports.selection import Selection, parse_filters
    try:
        selection = Selection(center=center, domain=domain, text=text, filters=parse_filters(filters))
    except InvalidInput as error:
        raise click.BadParameter(f"{error.message['en']} / {error.message['zh']}", param_hint="--filter") from None

    @with_services
    def write(services):
        folder = out.resolve().parent
        if not folder.is_dir():
            raise click.ClickException(f"{folder}: no such folder / 文件夹不存在")
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                written = services.exports.write(Actor.anonymous(), format, selection, stream, on_record=progress)
            os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp's 0600 is for the half-written file only
            os.replace(temporary, out)
        except BaseException:
            os.unlink(temporary)
            raise
        document = {"file": str(out), "format": format, "records": written.records,
                    "domains": list(written.domains), "bytes": out.stat().st_size, "selection": selection.as_dict()}
        emit(as_json, document, f"{written.records} records written to {out} ({format})")

    try:
        write()
    except ValueError as error:  # a malformed search (unknown filter field, wrong value type)
        raise click.ClickException(str(error)) from None


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def progress(count: int) -> None:
    """A running count on stderr, so stdout keeps only the result (or the JSON document)."""
    if count % PROGRESS_EVERY == 0:
        click.echo(f"{count} records written", err=True)


@export.command("rdf")
@click.option("--format", "file_format", required=True, type=click.Choice(["nt", "ttl", "jsonld"]),
              help="nt: N-Triples written line by line, fast and in flat memory, for any size. ttl, jsonld: "
                   "Turtle or JSON-LD through one in-memory rdflib graph, slower; for smaller catalogues.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (replaced when it exists); gzip-compressed when the name ends in .gz.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")
def rdf(file_format, out, as_json):
    """Write the whole public catalogue as RDF: every center, dataset, vocabulary concept and resource the
    public may see, with the same triples as their URIs answer."""
    from catalog.linked_data.files import write_file

    @with_services
    def write(services):
        folder = out.resolve().parent
        if not folder.is_dir():
            raise click.ClickException(f"{folder}: no such folder / 文件夹不存在")
        written = write_file(services, file_format, out)
        emit(as_json, {"file": str(out), "format": file_format, "triples": written.triples,
                       "records": written.resources, "bytes": out.stat().st_size},
             f"{written.triples} triples of {written.resources} records written to {out} ({file_format})")

    write()
