"""The domains and their declarations: describe(domain) is what every consumer reads."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from typing import Callable

from marshmallow import Schema

from schemas.core import CoreSchema
from schemas.fields import DeclaredField, Declaration, declaration_of



class Domain(StrEnum):
    """The resource domains, each declared by the module schemas/<value>.py. Every list of domains is read from
    here: DOMAINS, catalog's enum columns, the API's choices and the pages."""
    PLANT_GERMPLASM = "plant_germplasm"
    ANIMAL_GERMPLASM = "animal_germplasm"
    MICROBIAL_STRAIN = "microbial_strain"
    BIOLOGICAL_SPECIMEN = "biological_specimen"
    GEOLOGICAL_SPECIMEN = "geological_specimen"
    EXPERIMENTAL_MATERIAL = "experimental_material"


DOMAINS: tuple[str, ...] = tuple(domain.value for domain in Domain)


@dataclass(frozen=True)
class DomainDescription:
    domain: str
    schema: type[Schema]
    fields: tuple[Declaration, ...]
    default_basis: Callable[[dict], str]   # the module's basis_of_record(payload): its class when none is stated
    labels: dict[str, str]                 # the domain's name: {"zh": …, "en": …}
    checks: tuple = ()   # the domain module's own row checks (its CHECKS), run after the shared ones
    file_evidence: dict = field(default_factory=dict)  # field → Evidence of its value for a whole file

    def basis_of_record(self, payload: dict) -> str:
        """The Darwin Core class of a record: the one it states, else the domain's rule. Search, the DwC-A and
        linked data all read this one answer."""
        return str(payload.get("basis_of_record") or self.default_basis(payload))

    @cached_property  # read for every row by the checks: built once per domain
    def by_name(self) -> dict[str, Declaration]:
        return {declaration.name: declaration for declaration in self.fields}

    @cached_property
    def core_columns(self) -> dict[str, str]:
        """Resource column → the field that fills it."""
        return {declaration.core: declaration.name for declaration in self.fields if declaration.core}


class UnknownDomain(ValueError):
    pass


@cache
def describe(domain: str) -> DomainDescription:
    """The declarations of one domain, core fields first (as specialised by the domain), then its own."""
    if domain not in DOMAINS:
        raise UnknownDomain(f"unknown domain {domain!r}; choose one of {', '.join(DOMAINS)}")
    module = importlib.import_module(f"schemas.{domain}")
    schema = next(value for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, CoreSchema) and value is not CoreSchema)
    declared = schema._declared_fields
    core_names = [name for name in CoreSchema._declared_fields]
    order = core_names + [name for name in declared if name not in core_names]
    described = {name: value for name, value in declared.items() if isinstance(value, DeclaredField)}
    fields = tuple(declaration_of(name, described[name]) for name in order if name in described)
    return DomainDescription(domain=domain, schema=schema, fields=fields, default_basis=module.basis_of_record,
                             labels=dict(module.LABELS),
                             checks=tuple(getattr(module, "CHECKS", ())),
                             file_evidence=dict(getattr(module, "FILE_EVIDENCE", {})))


def available_domains() -> tuple[str, ...]:
    """Domains whose schema module exists."""
    found = []
    for domain in DOMAINS:
        try:
            describe(domain)
        except ModuleNotFoundError:
            continue
        found.append(domain)
    return tuple(found)
