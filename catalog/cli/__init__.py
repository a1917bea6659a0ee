"""Entry: the `catalog` command group. Commands call services; errors become clear messages and exit codes."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from catalog.cli.common import (DOMAIN_CODES, OPERATOR, choices, emit, json_option, suggestion_options,
                                with_services)
from catalog.cli.export import export
from catalog.config import ConfigError, mask_password
from catalog.enums import CenterStatus, Domain, Role, SharingMode, SubmissionState
from catalog.permissions import Actor

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """catalog: the public platform of the Hubei natural science & technology resource bank.

    Configuration comes from CATALOG_* environment variables (see README); with none set,
    everything runs embedded under ./var/.
    """


@main.command()
@json_option
@with_services
def init(services, as_json):
    """Create or migrate the database and create the search index."""
    from catalog.app import initialise
    revision = initialise(services)
    emit(as_json, {"revision": revision, "database": mask_password(services.settings.database_url),
                   "search": services.settings.search_url},
         f"database ready at revision {revision}: {mask_password(services.settings.database_url)}\n"
         f"search index ready: {services.settings.search_url}")


@main.command()
@click.option("--seed", default=20261125, show_default=True, help="Random seed of the generator.")
@click.option("--per-center", default=500, show_default=True, help="Records generated per center.")
@json_option
@with_services
def demo(services, seed, per_center, as_json):
    """Load the demo centers, users and records (once; a second run changes nothing)."""
    from catalog.demo import load_demo
    outcome = load_demo(services, seed=seed, per_center=per_center)
    emit(as_json, outcome, demo_text(outcome))


def demo_text(outcome: dict[str, Any]) -> str:
    lines = [("demo data loaded: " if outcome["loaded"] else "demo data already present: ")
             + f"{outcome['centers']} centers, {outcome['records']} records"]
    lines += ["demo logins (username / password / role):"]
    lines += [f"  {login['username']} / {login['password']} / {login['role']}" for login in outcome["logins"]]
    return "\n".join(lines)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_services
def serve(services, host, port, threads):
    """Serve the web pages and the JSON API (waitress)."""
    import waitress

    from catalog import migrations
    from catalog.app import create_app, prepare_index
    from catalog.demo import demo_logins
    if migrations.current_revision(services.engine) != migrations.head_revision():
        raise click.ClickException("the database is not initialised or not up to date: run `catalog init`")
    prepare_index(services)
    app = create_app(services=services)
    click.echo(f"catalog is serving on http://{host}:{port}/  (public base URL {services.settings.base_url})")
    logins = demo_logins(services)
    if logins:
        click.echo("demo logins (username / password / role):")
        for login in logins:
            click.echo(f"  {login['username']} / {login['password']} / {login['role']}")
    sys.stdout.flush()
    waitress.serve(app, host=host, port=port, threads=threads, ident="catalog")


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("celery_args", nargs=-1, type=click.UNPROCESSED)
def worker(celery_args):
    """Run a Celery worker for background jobs (needs CATALOG_BROKER_URL)."""
    from catalog.worker import celery_app
    try:
        app = celery_app()
    except ConfigError as error:
        raise click.ClickException(f"configuration error: {error}") from None
    app.worker_main(["worker", "--loglevel=INFO", "--concurrency=1", *celery_args])


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--domain", required=True, type=click.Choice(DOMAIN_CODES), help="Resource domain of the file.")
@click.option("--mapping", "mapping_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Mapping file: JSON {\"columns\": {\"header\": \"field\"}, \"defaults\": {\"field\": \"value\"}, "
                   "\"identifier\": [\"header\", …]} or CSV column,field.")
@click.option("--limit", default=20, show_default=True, help="Issues shown in the text report.")
@suggestion_options
@json_option
def validate(file, domain, mapping_file, limit, accept_suggestions, min_confidence, as_json):
    """Check a file against a domain schema and print the report; stores nothing.

    Exit 0 when no row has an error, 1 when some rows do, 2 when the file cannot be read at all."""
    from ingest.mapping import MappingError
    from ingest.pipeline import check_file
    if not file.is_file():
        click.echo(f"{file}: no such file / 文件不存在", err=True)
        sys.exit(2)
    try:
        spec, suggestions = mapping_for(file, domain, mapping_file, accept_suggestions, min_confidence)
        report = check_file(file, domain, spec=spec)
    except MappingError as error:
        click.echo(f"mapping error / 映射错误: {error}", err=True)
        sys.exit(2)
    report.details["suggestions"] = [suggestion.as_dict() for suggestion in suggestions]
    if accept_suggestions:
        report.details["applied_mapping"] = spec.as_dict()
    if as_json:
        report.write_json(sys.stdout)
    else:
        click.echo(report_text(report, limit))
    sys.exit(2 if not report.readable else 1 if report.invalid else 0)


def mapping_for(file: Path, domain: str, mapping_file: Path | None, accept: bool, min_confidence: float):
    """The mapping to validate a file with (the mapping file's, with the suggestions above the confidence
    applied when accepted) and the suggestions made for it."""
    from ingest.mapping import MappingSpec, load_mapping_file
    from ingest.suggestions import accepted, suggest_quietly
    spec = load_mapping_file(mapping_file) if mapping_file else MappingSpec()
    suggestions = suggest_quietly(file, domain, spec=spec)
    return (accepted(spec, suggestions, min_confidence) if accept else spec), suggestions


@main.group()
def mapping():
    """Mapping files: how a file's columns go to the fields of a domain."""


@mapping.command("suggest")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--domain", required=True, type=click.Choice(DOMAIN_CODES), help="Resource domain of the file.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the mapping file here "
              "(default: print it).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Suggestions at least this confident are applied (default: as --accept-suggestions).")
def suggest_mapping(file, domain, out, min_confidence):
    """Write the mapping file the suggestions propose for FILE: every column with its field, the identifier
    column and values for required fields the file lacks; review it, edit it, pass it with --mapping."""
    from ingest.readers import ReadError
    from ingest.suggestions import DEFAULT_MIN_CONFIDENCE, proposed_mapping, suggest
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    try:
        suggestions = suggest(file, domain)
        proposed = proposed_mapping(file, domain, suggestions, min_confidence=threshold)
    except ReadError as error:
        click.echo(f"{file}: {error.message['en']} / {error.message['zh']}", err=True)
        sys.exit(2)
    for suggestion in suggestions:
        taken = "applied" if suggestion.confidence >= threshold else "not applied"
        click.echo(f"{taken} ({suggestion.confidence:.2f}): {suggestion.reason_en}", err=True)
    text = json.dumps(proposed.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"mapping written to {out}", err=True)
    else:
        click.echo(text, nl=False)


def report_text(report, limit: int) -> str:
    summary = report.summary()
    lines = [f"{report.file_name} ({report.domain}): {summary['rows']} rows, {summary['valid']} valid, "
             f"{summary['invalid']} invalid, {summary['warnings']} warnings"]
    if "applied_mapping" in report.details:
        lines.append("mapping used (suggestions accepted): "
                     + json.dumps(report.details["applied_mapping"], ensure_ascii=False))
    for suggestion in report.details.get("suggestions", []):
        lines.append(f"suggestion ({suggestion['confidence']:.2f}): {suggestion['reason']['en']}")
    unknown = report.details.get("mapping", {}).get("unknown", [])
    if unknown:
        lines.append("unknown columns (use --mapping to map them): " + ", ".join(unknown))
    for note in report.details.get("notes", []):
        lines.append("note: " + note["message"]["en"])
    for code, count in sorted(report.flags.items(), key=lambda item: -item[1]):
        lines.append(f"  {code}: {count}")
    for number, item in enumerate(report.issues()):
        if number == limit:
            lines.append(f"  … use --json for all {sum(report.flags.values())} issues")
            break
        where = f"row {item['row']}" if item["row"] is not None else "file"
        lines.append(f"  {where}, {item['field'] or '-'}: {item['severity']} {item['code']}: {item['message']['en']}")
    return "\n".join(lines)


def submission_text(submission) -> str:
    summary, changes = submission.summary.get("summary", {}), submission.changes
    return (f"submission {submission.id} ({submission.center.code}, {submission.domain.value}, "
            f"{submission.file_name}): {submission.state.value}; rows {summary.get('rows', '-')}, "
            f"valid {summary.get('valid', '-')}, invalid {summary.get('invalid', '-')}; "
            + ", ".join(f"{kind} {count}" for kind, count in changes.items()))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--center", "center_code", required=True, help="Code of the submitting center.")
@click.option("--domain", type=click.Choice(DOMAIN_CODES), help="Needed when the center holds several domains.")
@click.option("--mapping", "mapping_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Mapping file (see `catalog validate --help`).")
@click.option("--sharing-mode", type=choices(SharingMode),
              help="Sharing mode of rows that do not state one (default: open).")
@click.option("--valid-rows-only", is_flag=True, help="Submit the valid rows even if other rows have errors.")
@click.option("--full-replace", is_flag=True, help="On approval, delete the center's records missing from the file.")
@suggestion_options
@json_option
@with_services
def ingest(services, file, center_code, domain, mapping_file, sharing_mode, valid_rows_only, full_replace,
           accept_suggestions, min_confidence, as_json):
    """Archive, validate and submit a file for review.

    If any row has an error nothing is submitted and the exit code is 1, unless --valid-rows-only."""
    from ingest.mapping import MappingError, load_mapping_file
    from catalog.services.submissions import as_document
    try:
        if accept_suggestions:
            chosen = domain or services.centers.get_center(OPERATOR, center_code).domain
            if chosen is None:
                raise click.ClickException(f"center {center_code} holds several domains: give --domain")
            spec = mapping_for(file, chosen, mapping_file, True, min_confidence)[0].as_dict()
            click.echo("mapping used (suggestions accepted): " + json.dumps(spec, ensure_ascii=False), err=True)
        else:
            spec = load_mapping_file(mapping_file).as_dict() if mapping_file else None
    except MappingError as error:
        raise click.ClickException(str(error)) from None
    with file.open("rb") as stream:
        submission = services.submissions.upload(
            OPERATOR, center_code, file.name, stream, domain=domain, content_type=None, full_replace=full_replace,
            sharing_mode=sharing_mode, mapping=spec, background=False)
    if submission.state.value in ("uploaded", "validating"):
        submission = services.submissions.process(
            submission.id, progress=lambda rows: click.echo(f"\rvalidated {rows} rows", err=True, nl=False))
        click.echo("", err=True)
    submission = services.submissions.get(OPERATOR, submission.id)
    invalid = submission.summary.get("summary", {}).get("invalid", 0)
    if submission.state.value == "validated" and (not invalid or valid_rows_only):
        submission = services.submissions.submit(OPERATOR, submission.id, valid_rows_only=valid_rows_only)
        submission = services.submissions.get(OPERATOR, submission.id)
    document = as_document(submission)
    if as_json:
        with services.submissions.report(OPERATOR, submission.id) as handle:
            document["report"] = json.load(handle)
    emit(as_json, document, submission_text(submission))
    if submission.state.value == "failed":
        sys.exit(2)
    if invalid and not valid_rows_only:
        sys.exit(1)


@main.command()
@click.argument("text", required=False, default="")
@click.option("--filter", "filters", multiple=True, metavar="FIELD=VALUE", help="Repeat for more filters.")
@click.option("--range", "ranges", multiple=True, metavar="FIELD:LOW,HIGH",
              help="Numbers, dates or geologic age (age_ma, overlapping); either side may be empty.")
@click.option("--bbox", metavar="SOUTH,WEST,NORTH,EAST", help="Only records inside this box.")
@click.option("--near", metavar="LAT,LON,KM", help="Only records within KM of a point.")
@click.option("--facet", "facets", multiple=True, metavar="FIELD", help="Count the values of a field.")
@click.option("--sort", metavar="[-]FIELD", help="relevance (default with text), or a field; '-' for descending.")
@click.option("--size", default=20, show_default=True)
@click.option("--offset", default=0, show_default=True)
@click.option("--cursor", help="Continue after the page that printed this cursor.")
@json_option
@with_services
def search(services, text, filters, ranges, bbox, near, facets, sort, size, offset, cursor, as_json):
    """Search the published catalogue as the public sees it."""
    from catalog.search.params import query_from
    given = {"q": text, "bbox": bbox, "near": near, "sort": sort, "size": str(size), "offset": str(offset),
             "cursor": cursor}
    repeated = {"filter": filters, "range": ranges, "facet": facets}
    try:
        query = query_from(given.get, lambda name: repeated.get(name, ()))
        result = services.search.search(Actor.anonymous(), query)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    lines = [f"{result.total} records"] + [
        f"{item['id']}\t{item.get('scientific_name') or ''}\t{item.get('title_zh') or item.get('title_en') or ''}"
        for item in result.items]
    for name, counts in result.facets.items():
        lines.append(f"{name}: " + ", ".join(f"{value} {count}" for value, count in counts.items()))
    if result.next_cursor:
        lines.append(f"next page: --cursor {result.next_cursor}")
    emit(as_json, {"total": result.total, "items": result.items, "facets": result.facets,
                   "next_cursor": result.next_cursor}, "\n".join(lines))


@main.group()
def submissions():
    """List and review submissions."""


@submissions.command("list")
@click.option("--state", type=choices(SubmissionState))
@click.option("--center", "center_code")
@json_option
@with_services
def submissions_list(services, state, center_code, as_json):
    """List submissions, newest first."""
    from catalog.services.submissions import as_document
    items = services.submissions.list(OPERATOR, state=state, center_code=center_code)
    emit(as_json, {"items": [as_document(s) for s in items]},
         "\n".join(submission_text(s) for s in items) or "no submissions")


@submissions.command("show")
@click.argument("submission_id", type=int)
@json_option
@with_services
def submissions_show(services, submission_id, as_json):
    """Show a submission and its validation summary."""
    from catalog.services.submissions import as_document
    submission = services.submissions.get(OPERATOR, submission_id)
    document = as_document(submission) | {"flags": submission.summary.get("flags", {}),
                                                  "mapping": submission.summary.get("mapping", {})}
    emit(as_json, document, submission_text(submission) + "".join(
        f"\n  {code}: {count}" for code, count in document["flags"].items()))


@submissions.command("approve")
@click.argument("submission_id", type=int)
@json_option
@with_services
def submissions_approve(services, submission_id, as_json):
    """Publish a submitted file's valid rows."""
    from catalog.services.submissions import as_document
    services.submissions.approve(OPERATOR, submission_id)
    services.indexer.drain()
    submission = services.submissions.get(OPERATOR, submission_id)
    emit(as_json, as_document(submission), submission_text(submission))


@submissions.command("reject")
@click.argument("submission_id", type=int)
@click.option("--reason", required=True, help="Why, for the curator (zh or en).")
@json_option
@with_services
def submissions_reject(services, submission_id, reason, as_json):
    """Send a submission back with a reason."""
    from catalog.services.submissions import as_document
    submission = services.submissions.reject(OPERATOR, submission_id, reason)
    emit(as_json, as_document(services.submissions.get(OPERATOR, submission.id)),
         f"submission {submission_id} rejected")


@submissions.command("withdraw")
@click.argument("submission_id", type=int)
@json_option
@with_services
def submissions_withdraw(services, submission_id, as_json):
    """Take a submission back before it is reviewed."""
    from catalog.services.submissions import as_document
    submission = services.submissions.withdraw(OPERATOR, submission_id)
    emit(as_json, as_document(services.submissions.get(OPERATOR, submission.id)),
         f"submission {submission_id} withdrawn")


@main.group()
def user():
    """Manage user accounts."""


@user.command("create")
@click.option("--username", required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", required=True, type=choices(Role))
@click.option("--center", "center_code", help="Center code (curators).")
@click.option("--department", "department_code", help="Department code (reviewers).")
@click.option("--email")
@click.option("--display-name")
@json_option
@with_services
def user_create(services, username, password, role, center_code, department_code, email, display_name, as_json):
    """Create a user with one role."""
    created = services.accounts.create_user(OPERATOR, username, password, role, center_code=center_code,
                                            department_code=department_code, email=email,
                                            display_name=display_name)
    emit(as_json, {"id": created.id, "username": created.username, "role": role},
         f"user {created.username} created with role {role}")


@main.group()
def center():
    """Manage resource centers."""


@center.command("create")
@click.option("--code", required=True, help="Capital letters and digits; part of every identifier.")
@click.option("--name-zh", required=True)
@click.option("--name-en", required=True)
@click.option("--domain", type=choices(Domain))
@click.option("--host-institution-zh")
@click.option("--host-institution-en")
@click.option("--department", "department_code", help="Code of the supervising department.")
@click.option("--status", default=CenterStatus.RECOGNISED.value, show_default=True,
              type=choices(CenterStatus))
@json_option
@with_services
def center_create(services, code, name_zh, name_en, domain, host_institution_zh, host_institution_en,
                  department_code, status, as_json):
    """Register a resource center."""
    services.centers.create_center(OPERATOR, code, name_zh, name_en, domain=domain,
                                   host_institution_zh=host_institution_zh,
                                   host_institution_en=host_institution_en,
                                   department_code=department_code, status=status)
    summary = services.centers.get_center(OPERATOR, code)
    emit(as_json, asdict(summary), f"center {code} created")


@center.command("list")
@json_option
@with_services
def center_list(services, as_json):
    """List the centers and their public holdings."""
    centers = services.centers.list_centers(OPERATOR)
    emit(as_json, {"items": [asdict(c) for c in centers]},
         "\n".join(f"{c.code}\t{c.name_en}\t{sum(c.holdings.values())} records" for c in centers)
         or "no centers yet")


@main.group()
def department():
    """Manage supervising departments."""


@department.command("create")
@click.option("--code", required=True)
@click.option("--name-zh", required=True)
@click.option("--name-en", required=True)
@json_option
@with_services
def department_create(services, code, name_zh, name_en, as_json):
    """Register a supervising department."""
    services.centers.create_department(OPERATOR, code, name_zh, name_en)
    emit(as_json, {"code": code, "name_zh": name_zh, "name_en": name_en}, f"department {code} created")


@main.command()
@json_option
@with_services
def reindex(services, as_json):
    """Rebuild the search index from the database."""
    indexed = services.indexer.rebuild()
    emit(as_json, {"indexed": indexed}, f"{indexed} documents indexed")


@main.group()
def index():
    """Inspect the search index."""


@index.command("check")
@click.option("--repair", is_flag=True, help="Fix the differences found and retry the documents set aside.")
@json_option
@with_services
def index_check(services, repair, as_json):
    """Compare the index with the database and list the documents the engine refused (set aside);
    exit 1 when they differ and were not repaired."""
    services.indexer.drain()
    result = services.indexer.check(repair=repair)
    emit(as_json, asdict(result) | {"consistent": result.consistent}, index_check_text(result))
    if not result.consistent and (not result.repaired or result.unrepaired):
        sys.exit(1)


def index_check_text(result) -> str:
    lines = [f"database {result.in_database}, index {result.in_index}, missing {len(result.missing)}, "
             f"unexpected {len(result.unexpected)}, set aside {len(result.set_aside)}"
             + (" (repaired)" if result.repaired else "")]
    lines += [f"  set aside: {failure['id']} version {failure['version']}, refused {failure['attempts']} "
              f"time(s) since {failure['first_failed_at']}: {failure['reason']}" for failure in result.set_aside]
    lines += [f"  still refused: {identifier}" for identifier in result.unrepaired]
    return "\n".join(lines)


main.add_command(export)

if __name__ == "__main__":
    main()
