"""Checks: planted problems of the sample corpus are found with their sources, clean units raise
nothing, one report's self-checks (tdkt check) on crafted facts and on the seed report."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from aggregate.checks import check_period, check_report, conflicting_citations, report_facts
from aggregate.model import AwardFact, FigureFact, RecipientFact, ReferenceFact, ReportFacts
from aggregate.storage.db import make_engine
from aggregate.storage.ingest import ingest
from domain.provenance import Evidence
from domain.registry import load_registry
from tdkt.cli.check import check_command

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RULE_OF_KIND = {"magnitude_1000x": "lech_1000_lan", "implausible_jump": "tang_giam_bat_thuong",
                "duplicate_award": "khen_thuong_trung_lap", "total_mismatch": "tong_khong_khop",
                "missing_unit": "thieu_bao_cao"}
TEXT_FORMATS = ("docx", "tcvn3")  # fast to read: no LibreOffice, no OCR


def corpus() -> tuple[dict, list[dict]]:
    if not (SAMPLES / "manifest.json").is_file() or not (SAMPLES / "key" / "planted-problems.json").is_file():
        pytest.skip("samples/ is not generated (python -m tools.samplegen generate --out samples/)")
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    problems = json.loads((SAMPLES / "key" / "planted-problems.json").read_text(encoding="utf-8"))["problems"]
    return manifest, problems


def entry(manifest: dict, unit_id: str, period: str) -> dict | None:
    return next((e for e in manifest["documents"] if e["unit_id"] == unit_id and e["period"] == period
                 and e["doc_kind"] == "unit_report"), None)


def planted_units(problems: list[dict]) -> set[str]:
    return {p["unit"] for p in problems} | {"phong_giao_duc_va_dao_tao"}


def clean_communes(manifest: dict, problems: list[dict], count: int = 2) -> list[str]:
    """Communes with no planted problem whose reports of both periods are DOCX."""
    taken = planted_units(problems)
    out = []
    for e in manifest["documents"]:
        if (e["period"] == "2021-H1" and e["unit_id"].startswith(("xa_", "thi_tran")) and e["unit_id"] not in taken
                and e["format"] in TEXT_FORMATS and (entry(manifest, e["unit_id"], "2020-H1") or {}).get("format") in TEXT_FORMATS):
            out.append(e["unit_id"])
    return sorted(out)[:count]


def files_for(manifest: dict, problems: list[dict], clean: list[str]) -> list[Path]:
    """The planted documents of 2021-H1, last year's reports of the same units, the clean communes."""
    wanted: list[dict | None] = []
    for p in problems:
        docs = p["document"] if isinstance(p["document"], list) else [p["document"]]
        wanted += [next(e for e in manifest["documents"] if Path(e["file"]).stem == d) for d in docs if d]
        previous = entry(manifest, p["unit"], "2020-H1")
        if p["kind"] in ("magnitude_1000x", "implausible_jump", "missing_unit") and previous:
            wanted.append(previous)
    for unit in clean:
        wanted += [entry(manifest, unit, "2021-H1"), entry(manifest, unit, "2020-H1")]
    return sorted({SAMPLES / e["file"] for e in wanted if e})


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    manifest, problems = corpus()
    clean = clean_communes(manifest, problems)
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('checks') / 'tdkt.db'}")
    summary = ingest(files_for(manifest, problems, clean), engine, workers=1)
    assert not summary.failures
    return check_period(engine, "2021-H1", load_registry()), problems, clean, manifest


@pytest.mark.parametrize("kind", sorted(RULE_OF_KIND))
def test_planted_problem_is_found_with_its_sources(checked, kind):
    result, problems, _, manifest = checked
    planted = [p for p in problems if p["kind"] == kind]
    assert planted, f"the corpus has no planted {kind}"
    for p in planted:
        found = [f for f in result.findings if f.rule == RULE_OF_KIND[kind] and f.unit_id == p["unit"]]
        assert found, f"{kind} of {p['unit']} not found: {[f.message for f in result.findings]}"
        files = {e.file for f in found for e in f.evidence}
        docs = p["document"] if isinstance(p["document"], list) else [p["document"]]
        if kind == "missing_unit":
            docs = [Path(entry(manifest, p["unit"], "2020-H1")["file"]).stem]
        assert {d for d in docs if d} <= {Path(f).stem for f in files}
        if kind != "missing_unit":
            assert all(e.quote for f in found for e in f.evidence)


def test_thousandfold_names_the_likely_value(checked):
    result, problems, _, _ = checked
    p = next(p for p in problems if p["kind"] == "magnitude_1000x")
    finding = next(f for f in result.findings if f.rule == "lech_1000_lan" and f.unit_id == p["unit"])
    assert finding.severity == "loi"
    assert "1.950" in finding.message or "1.948" in finding.message or "có thể là" in finding.message


def test_clean_units_raise_nothing(checked):
    result, _, clean, _ = checked
    assert len(clean) == 2
    noisy = [f"{f.rule}: {f.message}" for f in result.findings if f.unit_id in clean]
    assert noisy == []


def test_only_planted_units_are_flagged(checked):
    result, problems, _, _ = checked
    flagged = {f.unit_id for f in result.findings if f.severity != "luu_y"}
    assert flagged <= planted_units(problems)


# --- one report, crafted facts -----------------------------------------------------------------


def ev(quote: str, block: int = 1) -> Evidence:
    return Evidence("bc.docx", 1, quote, block)


def fig(indicator: str, value: str, unit: str, raw: str, **kw) -> FigureFact:
    return FigureFact(indicator, kw.pop("indicator_id", None), Decimal(value), unit, raw, ev(raw, kw.pop("block", 1)), **kw)


def test_fraction_and_percent_must_agree():
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", figures=[
        fig("Diện tích nuôi trồng thủy sản", "295", "ha", "295/295 ha", attainment_percent=Decimal(100)),
        fig("Trồng rừng", "40", "ha", "40/80 ha", attainment_percent=Decimal(100)),
    ])
    found = [f for f in check_report(facts) if f.rule == "ty_le_dat_khong_khop"]
    assert len(found) == 1 and "40/80" in found[0].message and found[0].severity == "loi"


def test_attainment_against_a_stated_plan():
    plan = fig("Kế hoạch sản lượng nuôi trồng", "427", "tấn", "427 tấn", indicator_id="san_luong_thuy_san")
    ok = fig("Sản lượng nuôi trồng", "187", "tấn", "187 tấn", indicator_id="san_luong_thuy_san",
             attainment_percent=Decimal("43.8"), attainment_of="KH")
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", figures=[plan, ok])
    assert [f for f in check_report(facts) if f.rule == "ty_le_dat_khong_khop"] == []
    plan.value = Decimal(300)
    found = [f for f in check_report(facts) if f.rule == "ty_le_dat_khong_khop"]
    assert len(found) == 1 and "427" in found[0].message and len(found[0].evidence) == 2


def test_parts_after_trong_do_exceeding_the_total():
    text = "Toàn huyện có 55 trường, trong đó: mầm non 20 trường, tiểu học 25 trường, THCS 12 trường."
    figures = []
    for raw, value, ind in (("55 trường", "55", "Toàn huyện có"), ("20 trường", "20", "mầm non"),
                            ("25 trường", "25", "tiểu học"), ("12 trường", "12", "THCS")):
        start = text.index(raw)
        figures.append(fig(ind, value, "trường", raw, start=start, end=start + len(raw)))
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", figures=figures, blocks={1: text})
    found = [f for f in check_report(facts) if f.rule == "tong_khong_khop"]
    assert len(found) == 1 and "57" in found[0].message
    figures[3].value = Decimal(10)
    assert [f for f in check_report(facts) if f.rule == "tong_khong_khop"] == []  # 55 = 20 + 25 + 10


def award(award_id: str, count: int | None, names: list[str], block: int, status: str = "proposed") -> AwardFact:
    return AwardFact(award_id, "Giấy khen", status, ev(f"award {block}", block), individuals=count, section="s3.2",
                     recipients=[RecipientFact(n, n.lower(), "person", "xa_a") for n in names])


def test_named_list_shorter_than_the_stated_count():
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", awards=[
        award("giay_khen_chu_tich_ubnd_huyen", 4, [], 10),
        award("giay_khen_chu_tich_ubnd_huyen", 3, ["An", "Bình", "Chi"], 11),
    ])
    found = [f for f in check_report(facts) if f.rule == "tong_khong_khop"]
    assert len(found) == 1 and "4 cá nhân" in found[0].message and "3 người" in found[0].message
    facts.awards[0].individuals = 3
    assert [f for f in check_report(facts) if f.rule == "tong_khong_khop"] == []


def test_statement_whose_own_list_is_shorter():
    """Extraction gives a statement the names of the list that details it: 4 stated, 3 named."""
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", awards=[
        award("giay_khen_chu_tich_ubnd_huyen", 4, ["An", "Bình", "Chi"], 10)])
    found = [f for f in check_report(facts) if f.rule == "tong_khong_khop"]
    assert len(found) == 1 and "4 cá nhân" in found[0].message and "3 người" in found[0].message


def test_same_person_twice_in_one_report_but_not_a_restatement():
    first = award("chien_si_thi_dua_co_so", 2, ["An", "Bình"], 10)
    restated = award("chien_si_thi_dua_co_so", 2, ["An", "Bình"], 20)
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", awards=[first, restated])
    assert [f for f in check_report(facts) if f.rule == "khen_thuong_trung_lap"] == []
    facts.awards.append(award("chien_si_thi_dua_co_so", 1, ["An"], 30))
    found = [f for f in check_report(facts) if f.rule == "khen_thuong_trung_lap"]
    assert len(found) == 1 and "An" in found[0].message


def ref(number: str, date: str, issuer: str | None, doc_type: str = "CT", file: str = "bc.docx") -> ReferenceFact:
    return ReferenceFact(number, doc_type, date, issuer, Evidence(file, 1, f"{number} ngày {date}", 1))


@pytest.mark.parametrize("refs, conflicts", [
    ([ref("05/CT-UBND", "2014-05-19", "UBND tỉnh"), ref("04/CT-UBND", "2014-05-19", "UBND tỉnh")], 1),
    ([ref("25/KH-UBND", "2021-02-03", "UBND huyện"), ref("25/KH-UBND", "2021-02-13", None, "KH")], 1),
    ([ref("91/2017/NĐ-CP", "2017-07-31", "Chính phủ", "NĐ"), ref("91/2017/NĐ-CP", "2017-07-13", None, "NĐ")], 1),
    # many decisions a day; numbers restart each year; two issuers; the same citation twice
    ([ref("120/QĐ-UBND", "2021-03-01", "UBND huyện", "QĐ"), ref("121/QĐ-UBND", "2021-03-01", "UBND huyện", "QĐ")], 0),
    ([ref("05/CT-UBND", "2014-05-19", "UBND tỉnh"), ref("05/CT-UBND", "2016-02-01", "UBND tỉnh")], 0),
    ([ref("05/CT-UBND", "2014-05-19", "UBND tỉnh"), ref("04/CT-UBND", "2014-05-19", "UBND huyện")], 0),
    ([ref("05/CT-UBND", "2014-05-19", "UBND tỉnh"), ref("05/CT-UBND", "2014-05-19", "Ủy ban nhân dân tỉnh")], 0),
])
def test_conflicting_citations(refs, conflicts):
    facts = ReportFacts("bc.docx", "xa_a", "2021-H1", references=refs)
    assert len(conflicting_citations([facts])) == conflicts


def test_own_plans_of_two_communes_are_not_one_document():
    a = ReportFacts("a.docx", "xa_a", "2021-H1", references=[ref("05/KH-UBND", "2021-02-10", None, "KH", "a.docx")])
    b = ReportFacts("b.docx", "xa_b", "2021-H1", references=[ref("05/KH-UBND", "2021-02-14", None, "KH", "b.docx")])
    assert conflicting_citations([a, b]) == []


# --- the seed report and the command -------------------------------------------------------------


def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("check")(check_command)
    app.command("noop")(lambda: None)  # two commands: typer keeps "check" as a subcommand
    return app


def test_seed_report_conflicting_citation_and_no_false_alarm(seed_dir):
    from extract import extract, read
    from normalize import report

    document = read(seed_dir / "bao-cao-tdkt-6t-2021.docx")
    extraction = extract(document)
    findings = check_report(report_facts(document, extraction, report(extraction)))
    citations = [f for f in findings if f.rule == "van_ban_dan_mau_thuan"]
    assert len(citations) == 1
    assert "05/CT-UBND" in citations[0].message and "04/CT-UBND" in citations[0].message
    assert all(e.quote and "19/5/2014" in e.quote for e in citations[0].evidence)
    # the only other finding: "Chuyên đề, đột xuất" names no award type (GOLD-NOTES 16)
    assert {f.rule for f in findings} <= {"van_ban_dan_mau_thuan", "loai_khen_thuong_chua_ro"}
    assert not any(f.severity == "loi" for f in findings)


def test_check_command_exit_code_follows_errors():
    manifest, problems = corpus()
    mismatch = next(p for p in problems if p["kind"] == "total_mismatch")
    path = SAMPLES / next(e["file"] for e in manifest["documents"] if Path(e["file"]).stem == mismatch["document"])
    result = CliRunner().invoke(cli(), ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "tong_khong_khop" in rules


def test_check_command_bad_file(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = CliRunner().invoke(cli(), ["check", str(bad)])
    assert result.exit_code == 1
    assert "hong.docx" in result.output


def _contribution(unit_id: str, value: int):
    from aggregate.model import Contribution, DocumentRef

    doc = DocumentRef(hash(unit_id) % 10_000, f"{unit_id}.docx", unit_id, unit_id, False, None, None)
    return Contribution(doc, None, 1, f"{value} học sinh", f"{value} học sinh", Decimal(value))


def test_office_figure_against_its_units():
    """The Phòng GD&ĐT counts every school's pupils: the total takes its figure; the schools'
    sum above it is a warning, below it a note, within the tolerance nothing."""
    from aggregate.checks import offices_vs_their_units
    from aggregate.computations.totals import _apply_coverage
    from aggregate.model import DistrictTotals, FigureTotal

    registry = load_registry()
    schools = ["truong_thcs_quai_cang", "truong_thcs_na_say", "truong_tieu_hoc_pu_xi"]

    def totals(office: int, each: int) -> DistrictTotals:
        t = FigureTotal("so_hoc_sinh", "Tổng số học sinh", "giao_duc", "học sinh", Decimal(0),
                        [_contribution("phong_giao_duc_va_dao_tao", office)] + [_contribution(s, each) for s in schools])
        _apply_coverage(t, registry)
        t.value = sum(c.value for c in t.contributions)
        return DistrictTotals(period="2021-H1", figures=[t])

    within = totals(900, 300)
    assert within.figures[0].value == 900 and within.figures[0].covered_value == 900
    assert offices_vs_their_units(within) == []
    above = offices_vs_their_units(totals(500, 300))
    assert [f.severity for f in above] == ["canh_bao"] and "lớn hơn 400" in above[0].message
    below = offices_vs_their_units(totals(5000, 300))
    assert [f.severity for f in below] == ["luu_y"] and "nhỏ hơn 4.100" in below[0].message
