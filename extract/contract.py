"""The JSON of the contract `tdkt.extraction/1` (../shared/contract/extraction.schema.json)."""
from __future__ import annotations

from dataclasses import asdict, fields, is_dataclass
from typing import Any

from domain.provenance import Provenance
from extract.model import Extraction

SCHEMA_ID = "tdkt.extraction/1"


def _item(obj: Any) -> dict[str, Any]:
    """A dataclass item as a dict, provenance last, nested dataclasses expanded."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name == "provenance":
            continue
        if f.name in ("warnings", "ocr_uncertain") and not value:
            continue
        if is_dataclass(value):
            value = asdict(value)
        elif isinstance(value, list) and value and isinstance(value[0], Provenance):
            value = [p.to_dict() for p in value]
        out[f.name] = value
    prov = getattr(obj, "provenance", None)
    if isinstance(prov, Provenance):
        out["provenance"] = prov.to_dict()
    return out


def _number(value: float | None) -> float | int | None:
    """Integral floats print as integers (84721, not 84721.0)."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def to_contract(extraction: Extraction) -> dict[str, Any]:
    meta = extraction.metadata
    metadata = {
        "number": meta.number,
        "doc_type": meta.doc_type,
        "issuer": meta.issuer,
        "place": meta.place,
        "date": meta.date,
        "title": meta.title,
        "period": asdict(meta.period) if meta.period else None,
        "signer": asdict(meta.signer) if meta.signer else None,
        "recipients": list(meta.recipients),
    }
    figures = []
    for fig in extraction.figures:
        item = _item(fig)
        item["value"] = _number(fig.value)
        item["value_max"] = _number(fig.value_max)
        if fig.attainment is not None:
            item["attainment"] = {"percent": _number(fig.attainment.percent), "of": fig.attainment.of}
        figures.append(item)
    return {
        "schema": SCHEMA_ID,
        "source": extraction.source.to_dict(),
        "metadata": metadata,
        "sections": [_item(s) for s in extraction.sections],
        "figures": figures,
        "awards": [_item(a) for a in extraction.awards],
        "people": [_item(p) for p in extraction.people],
        "organizations": [_item(o) for o in extraction.organizations],
        "references": [_item(r) for r in extraction.references],
    }
