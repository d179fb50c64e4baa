"""The district registry of units (domain/data/registry/<district>.yaml) and remembered aliases.

The YAML's structure is documented at the top of the bundled file. Aliases that a person
confirmed (`tdkt units alias NAME UNIT_ID`) are kept apart from the bundled data, in
`$TDKT_HOME/aliases.yaml` (default `~/.tdkt/aliases.yaml`), keyed by the district id, so an
upgrade of tdkt never loses them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from domain.yaml_data import load_yaml

DEFAULT_DISTRICT = "tuan-giao-2021"


@dataclass(frozen=True)
class Coverage:
    """What a district-wide office's figures already contain: the figures of the units of
    `kinds` for the indicators of `fields` ("Phòng GD&ĐT" counts the pupils of every school)."""

    fields: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str  # xa, thi_tran, truong, phong, co_quan, doan_the, don_vi_vu_trang, doanh_nghiep, other
    name: str
    full_name: str
    authority: str | None = None
    code: str | None = None
    parent: str | None = None
    level: str | None = None
    aliases: tuple[str, ...] = ()
    reports: bool = False
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None  # id of the unit it became part of
    uncertain: bool = False
    covers: tuple[Coverage, ...] = ()  # a district-wide office: whose figures it already counts

    @property
    def is_commune(self) -> bool:
        return self.kind in ("xa", "thi_tran")

    @property
    def issuer(self) -> str:
        """The body that signs the unit's reports, full form ("Ủy ban nhân dân xã Quài Cang")."""
        return self.authority or self.full_name

    def valid_on(self, date: str | None) -> bool:
        """Whether the unit existed on `date` (ISO, partial allowed; None = any time)."""
        if not date:
            return True
        if self.valid_from and date < self.valid_from[: len(date)]:
            return False
        return not (self.valid_to and date > self.valid_to[: len(date)])


@dataclass
class Registry:
    id: str  # the district id, e.g. huyen_tuan_giao
    name: str  # "Tuần Giáo"
    full_name: str  # "huyện Tuần Giáo"
    province: str  # "Điện Biên"
    units: list[Unit] = field(default_factory=list)
    district_aliases: tuple[str, ...] = ()
    confirmed: dict[str, str] = field(default_factory=dict)  # folded name -> unit id

    def get(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def communes(self) -> list[Unit]:
        return [u for u in self.units if u.is_commune]

    def reporting(self) -> list[Unit]:
        """The units that send the district their TĐKT reports."""
        return [u for u in self.units if u.reports]

    def covers(self, office_id: str | None, unit_id: str | None, field: str) -> bool:
        """Whether the figures of `office_id` for indicators of `field` already contain those of
        `unit_id` (a district-wide office and a unit of the kinds it counts)."""
        if not office_id or not unit_id or office_id == unit_id:
            return False
        office, unit = self.find(office_id), self.find(unit_id)
        if office is None or unit is None:
            return False
        return any(field in c.fields and unit.kind in c.kinds for c in office.covers)

    def covering(self, unit_id: str | None, field: str) -> bool:
        """Whether `unit_id` is a district-wide office for the indicators of `field`."""
        unit = self.find(unit_id) if unit_id else None
        return unit is not None and any(field in c.fields for c in unit.covers)

    def find(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)


def _unit(raw: dict[str, Any]) -> Unit:
    successor = raw.get("successor")
    return Unit(
        id=raw["id"],
        kind=raw["kind"],
        name=raw["name"],
        full_name=raw.get("full_name") or raw["name"],
        authority=raw.get("authority"),
        code=raw.get("code"),
        parent=raw.get("parent"),
        level=raw.get("level"),
        aliases=tuple(raw.get("aliases") or ()),
        reports=bool(raw.get("reports")),
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        successor=successor.get("id") if isinstance(successor, dict) else successor,
        uncertain=bool(raw.get("uncertain")),
        covers=tuple(Coverage(tuple(c["fields"]), tuple(c["kinds"])) for c in raw.get("covers") or ()),
    )


def parse_registry(text: str) -> Registry:
    data = load_yaml(text)
    district = data["district"]
    # the district itself is a unit too: reports name it ("huyện Tuần Giáo") as territory or actor
    itself = _unit({**district, "kind": district.get("kind", "huyen")})
    return Registry(
        id=district["id"],
        name=district["name"],
        full_name=district["full_name"],
        province=district["province"]["name"],
        units=[itself, *(_unit(u) for u in data["units"])],
        district_aliases=tuple(district.get("aliases") or ()),
    )


@lru_cache(maxsize=4)
def _bundled(name: str) -> str:
    return resources.files("domain").joinpath(f"data/registry/{name}.yaml").read_text(encoding="utf-8")


def load_registry(path: str | Path | None = None, aliases: Path | None = None) -> Registry:
    """The registry at `path` (default: the bundled Tuần Giáo 2021) with the confirmed aliases."""
    text = Path(path).read_text(encoding="utf-8") if path else _bundled(DEFAULT_DISTRICT)
    registry = parse_registry(text)
    registry.confirmed = AliasStore(aliases).for_district(registry.id)
    return registry


def tdkt_home() -> Path:
    return Path(os.environ.get("TDKT_HOME") or Path.home() / ".tdkt")


class AliasStore:
    """Confirmed aliases on disk: {district_id: {folded name: unit id}}."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or tdkt_home() / "aliases.yaml"

    def load(self) -> dict[str, dict[str, str]]:
        if not self.path.is_file():
            return {}
        return load_yaml(self.path.read_text(encoding="utf-8")) or {}

    def for_district(self, district_id: str) -> dict[str, str]:
        return dict(self.load().get(district_id, {}))

    def remember(self, district_id: str, folded_name: str, unit_id: str) -> None:
        data = self.load()
        data.setdefault(district_id, {})[folded_name] = unit_id
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)  # atomic: a crash never leaves half a file
