"""`report(extraction, registry) -> NormalizedReport`: one report's facts with canonical ids."""
from __future__ import annotations

from domain.registry import Registry, load_registry
from extract.model import Extraction, Figure
from normalize.awards import normalize_award
from normalize.indicators import IndicatorStore, match_indicator
from normalize.model import NormalizedReport, NormFigure, NormOrganization, NormPerson
from normalize.people import person_name
from normalize.period_keys import key_of
from normalize.quantities import convert
from normalize.units import resolve


def report(extraction: Extraction, registry: Registry | None = None) -> NormalizedReport:
    registry = registry or load_registry()
    meta = extraction.metadata
    date = meta.date or (meta.period.start if meta.period else None)
    out = NormalizedReport(
        file=extraction.source.file,
        sha256=extraction.source.sha256,
        unit_id=None,
        period=key_of(meta.period) if meta.period else None,
        doc_type=meta.doc_type,
        number=meta.number,
        date=meta.date,
    )
    if meta.issuer:
        issuer = resolve(meta.issuer, registry, date)
        out.unit_id = issuer.unit.id if issuer.unit else None
        if issuer.unit is None:
            out.warnings.append(f"không xác định được đơn vị báo cáo “{meta.issuer}” trong danh mục {registry.full_name}")
    if meta.period and out.period is None:
        out.warnings.append(f"kỳ báo cáo “{meta.period.label}” không quy được về kỳ chuẩn")
    confirmed = IndicatorStore().load()
    out.figures = [normalize_figure(f, confirmed) for f in extraction.figures]
    for award in extraction.awards:
        norm, warning = normalize_award(award)
        out.awards.append(norm)
        if warning:
            out.warnings.append(warning)
    for org in extraction.organizations:
        res = resolve(org.name, registry, date)
        out.organizations.append(
            NormOrganization(org, res.unit.id if res.unit else None, res.score, res.method, res.candidates)
        )
    headings = {s.id: s.heading for s in extraction.sections}
    for person in extraction.people:
        name = person_name(person.name, person.role)
        unit = resolve(person.organization, registry, date).unit if person.organization else None
        out.people.append(NormPerson(person, name.display, name.key, name.gender, unit.id if unit else None,
                                     headings.get(person.section or "")))
    return out


def normalize_figure(figure: Figure, confirmed: dict[str, str] | None = None) -> NormFigure:
    match = match_indicator(figure.indicator, figure.unit, confirmed)
    quantity = convert(figure.value, figure.unit)
    value_max = convert(figure.value_max, figure.unit).value if figure.value_max is not None else None
    unit = match.indicator.counted_unit(quantity.unit) if match.indicator else quantity.unit
    return NormFigure(
        figure=figure,
        indicator_id=match.indicator.id if match.indicator else None,
        indicator_score=match.score,
        value=quantity.value,
        value_max=value_max,
        unit=unit,
        needs_confirmation=match.needs_confirmation,
    )
