"""The district registry of units (normalize/data/registry/*.yaml), read into plain dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_REGISTRY = Path(__file__).resolve().parents[2] / "normalize" / "data" / "registry" / "tuan-giao-2021.yaml"


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str  # xa, thi_tran, truong, phong, co_quan, doan_the, don_vi_vu_trang
    name: str
    full_name: str
    authority: str | None = None
    code: str | None = None
    parent: str | None = None
    level: str | None = None
    aliases: tuple[str, ...] = ()
    reports: bool = False

    @property
    def is_commune(self) -> bool:
        return self.kind in ("xa", "thi_tran")

    @property
    def issuer(self) -> str:
        """The body that signs the unit's reports, full form."""
        return self.authority or self.full_name


@dataclass
class Registry:
    district_name: str  # "Tuần Giáo"
    district_full_name: str  # "huyện Tuần Giáo"
    province_name: str
    units: list[Unit] = field(default_factory=list)

    def get(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def of_kind(self, *kinds: str) -> list[Unit]:
        return [u for u in self.units if u.kind in kinds]

    def reporting(self) -> list[Unit]:
        return [u for u in self.units if u.reports]


def load_registry(path: Path | None = None) -> Registry:
    data = yaml.safe_load((path or DEFAULT_REGISTRY).read_text(encoding="utf-8"))
    district = data["district"]
    units = [_unit(raw) for raw in data["units"]]
    return Registry(district["name"], district["full_name"], district["province"]["name"], units)


def _unit(raw: dict) -> Unit:
    return Unit(
        id=raw["id"],
        kind=raw["kind"],
        name=raw["name"],
        full_name=raw["full_name"],
        authority=raw.get("authority"),
        code=raw.get("code"),
        parent=raw.get("parent"),
        level=raw.get("level"),
        aliases=tuple(raw.get("aliases") or ()),
        reports=bool(raw.get("reports")),
    )
