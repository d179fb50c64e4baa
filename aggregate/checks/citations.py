"""van_ban_dan_mau_thuan: one cited document with two numbers or two dates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from aggregate.model import Finding, ReferenceFact, ReportFacts
from domain.text import fold

# Issuers sign many of these a day: two numbers on one date is normal, not a conflict.
MANY_A_DAY = frozenset({"QĐ", "CV", "TB", "GM", "GKS"})
_SERIAL = re.compile(r"^\s*(\d+)\s*([/-].*)$")
_NORMATIVE = re.compile(r"/(?:19|20)\d\d/")


def _issuer_key(issuer: str | None) -> str | None:
    if not issuer:
        return None
    text = fold(issuer).replace("uy ban nhan dan", "ubnd")
    return re.sub(r"\s+", " ", text).strip()


def _same_issuer(a: str | None, b: str | None) -> bool:
    """"UBND huyện" and "UBND huyện Tuần Giáo" are one issuer: one name starts the other."""
    if a is None or b is None:
        return False
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return n >= 2 and wa[:n] == wb[:n]


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


@dataclass
class _Cited:
    facts: ReportFacts
    ref: ReferenceFact
    issuer: str | None


def conflicting_citations(reports: list[ReportFacts]) -> list[Finding]:
    """A document cited with two numbers for one date (same type and issuer), or one number with
    two dates. Across reports only citations naming their issuer are compared (every commune has
    its own "05/KH-UBND")."""
    cited = [_Cited(f, r, _issuer_key(r.issuer)) for f in reports for r in f.references if r.date]
    out = _same_date_other_number(cited) + _same_number_other_date(cited)
    return out


def _same_date_other_number(cited: list[_Cited]) -> list[Finding]:
    out = []
    groups: dict[tuple[str | None, str | None], list[_Cited]] = {}
    for c in cited:
        if c.ref.doc_type and c.ref.doc_type not in MANY_A_DAY:
            groups.setdefault((c.ref.doc_type, c.ref.date), []).append(c)
    reported: set[frozenset[str]] = set()
    for items in groups.values():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                numbers = frozenset({_number_key(a.ref.number), _number_key(b.ref.number)})
                if len(numbers) < 2 or numbers in reported or not _comparable(a, b) or not _same_suffix(a, b):
                    continue
                reported.add(numbers)
                out.append(_citation_finding(a, b, f"cùng ngày {_date_text(a.ref.date)} nhưng hai số khác nhau "
                                                   f"“{a.ref.number}” và “{b.ref.number}”"))
    return out


def _same_number_other_date(cited: list[_Cited]) -> list[Finding]:
    out = []
    groups: dict[str, list[_Cited]] = {}
    for c in cited:
        groups.setdefault(_number_key(c.ref.number), []).append(c)
    for number, items in groups.items():
        reported: set[frozenset[str]] = set()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                dates = frozenset({a.ref.date or "", b.ref.date or ""})
                if len(dates) < 2 or dates in reported:
                    continue
                # numbers restart every year: without the year in the number, only one year counts
                normative = bool(_NORMATIVE.search(number))
                if not normative and ((a.ref.date or "")[:4] != (b.ref.date or "")[:4] or not _comparable(a, b)):
                    continue
                reported.add(dates)
                out.append(_citation_finding(a, b, f"số “{a.ref.number}” được dẫn với hai ngày khác nhau "
                                                   f"{_date_text(a.ref.date)} và {_date_text(b.ref.date)}"))
    return out


def _comparable(a: _Cited, b: _Cited) -> bool:
    """Same issuer; within one report an issuer left unsaid is the one said elsewhere."""
    if a.facts is b.facts and (a.issuer is None or b.issuer is None):
        return True
    return _same_issuer(a.issuer, b.issuer)


def _same_suffix(a: _Cited, b: _Cited) -> bool:
    ma, mb = _SERIAL.match(_number_key(a.ref.number)), _SERIAL.match(_number_key(b.ref.number))
    return bool(ma and mb and ma.group(2) == mb.group(2) and ma.group(1) != mb.group(1))


def _date_text(iso: str | None) -> str:
    if not iso or len(iso) < 10:
        return iso or "?"
    return f"{int(iso[8:10])}/{int(iso[5:7])}/{iso[:4]}"


def _citation_finding(a: _Cited, b: _Cited, detail: str) -> Finding:
    kind = {"CT": "Chỉ thị", "KH": "Kế hoạch", "NĐ": "Nghị định", "TT": "Thông tư", "QĐ": "Quyết định",
            "HD": "Hướng dẫn", "NQ": "Nghị quyết", "CV": "Công văn"}.get(a.ref.doc_type or "", "Văn bản")
    issuer = a.ref.issuer or b.ref.issuer
    return Finding("van_ban_dan_mau_thuan", f"{kind}{f' của {issuer}' if issuer else ''} được dẫn {detail}",
                   [a.ref.evidence, b.ref.evidence], a.facts.unit_id, a.facts.period)
