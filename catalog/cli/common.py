"""What the commands share: the --json flag, the suggestion options, printing, and building the services."""
from __future__ import annotations

import json
from functools import wraps
from typing import Any

import click

from catalog.config import ConfigError, Settings
from catalog.enums import Domain
from catalog.errors import CatalogError
from catalog.permissions import Actor

OPERATOR = Actor.operator()
DOMAIN_CODES = [domain.value for domain in Domain]


def choices(enum_class) -> click.Choice:
    """The values of an enum, as a click option type: the command line offers what the platform accepts."""
    return click.Choice([member.value for member in enum_class])
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")


def suggestion_options(command):
    """--accept-suggestions and --min-confidence, for the commands that read a center's file."""
    from ingest.suggestions import DEFAULT_MIN_CONFIDENCE
    command = click.option("--min-confidence", type=click.FloatRange(0, 1), default=DEFAULT_MIN_CONFIDENCE,
                           show_default=True, help="Suggestions at least this confident are accepted.")(command)
    return click.option("--accept-suggestions", is_flag=True,
                        help="Apply the report's suggestions (identifier column, values for required fields the "
                             "file lacks) and print the mapping used.")(command)


def emit(as_json: bool, document: Any, text: str) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, default=str) if as_json else text)


def with_services(command):
    """Build the services from the environment; turn configuration and service errors into messages."""
    @wraps(command)
    def run(*args, **kwargs):
        from catalog.app import build_services
        try:
            services = build_services(Settings.from_env())
        except ConfigError as error:
            raise click.ClickException(f"configuration error: {error}") from None
        try:
            return command(services, *args, **kwargs)
        except CatalogError as error:
            raise click.ClickException(f"{error.message['en']} / {error.message['zh']}") from None
        finally:
            services.close()
    return run
