"""The leadership report: PDF text carries the period's figures in Chinese; Excel has every section."""
import datetime as dt
import io
import os
import re
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from db.kpis import compute
from db import config
from db.period import FIRST_YEAR, Period
from render.formatting import format_kpi
from render.i18n import Translator
from render.report import content, pdf, xlsx

YEAR_2024 = Period.year(2024)
AS_OF = dt.date(2024, 12, 31)


@pytest.fixture
def gathered(demo_engine):
    return content.gather(demo_engine, YEAR_2024, AS_OF)


def pdf_text(data: bytes) -> str:
    # pypdf reads this font's ToUnicode map as two-byte units (NULs between glyphs; poppler does not):
    # compare without them and without whitespace.
    return re.sub(r"[\s\x00]+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_pdf_report_states_the_2024_figures_in_chinese(gathered):
    text = pdf_text(pdf.render_pdf(gathered, Translator("zh")))
    assert "质量安全监督工作报告(2024-01-01至2024-12-31)" in text
    figures = gathered.current
    for label, key in (("发现隐患", "hazards_found"), ("重大隐患", "hazards_major"), ("辨识风险点", "risk_points"),
                       ("重大风险点", "risk_points_major"), ("责令停工", "stop_work_orders"),
                       ("警示约谈", "warning_interviews"), ("整改率", "rectification_rate")):
        assert label + format_kpi(key, getattr(figures, key)) in text


def test_pdf_embeds_its_font(gathered):
    reader = PdfReader(io.BytesIO(pdf.render_pdf(gathered, Translator("en"))))
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    assert any(key in descriptor for key in ("/FontFile2", "/FontFile3"))


def test_missing_font_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "FONT_CANDIDATES", (str(tmp_path / "none.ttc"),))
    monkeypatch.delenv("REPORT_FONT", raising=False)
    assert "fonts-noto-cjk" in pdf.font_problem()
    with pytest.raises(pdf.DocumentFontMissing, match="fonts-noto-cjk"):
        pdf.render_pdf(None, Translator("zh"))


def test_excel_report_has_the_kpis_lists_and_a_native_chart(demo_engine, gathered):
    book = load_workbook(io.BytesIO(xlsx.render_xlsx(gathered, Translator("zh"))))
    assert book.sheetnames == ["核心指标", "未销号重大隐患", "逾期隐患", "执法", "培训", "文书", "月度趋势"]
    rows = {row[0]: row[1:] for row in book["核心指标"].iter_rows(min_row=5, values_only=True)}
    with demo_engine.connect() as conn:
        expected = compute(conn, YEAR_2024, AS_OF)
        before = compute(conn, Period.year(2023), dt.date(2023, 12, 31))  # 2024 as of its end: 2023 as of its end
    # Numbers are stored as numbers (a leader sums and charts them), shown as on the cards by their format.
    assert rows["发现隐患"] == (447, before.hazards_found, 447 - before.hazards_found)
    assert rows["警示约谈"][0] == expected.warning_interviews
    assert rows["整改率"][0] == expected.rectification_rate
    assert all(isinstance(value, (int, float)) or value is None for row in rows.values() for value in row)
    rate = next(r for r in book["核心指标"].iter_rows(min_row=5) if r[0].value == "整改率")
    assert rate[1].number_format == "0.0%" and rate[1].data_type == "n"
    first_order = next(book["执法"].iter_rows(min_row=2))
    assert isinstance(first_order[2].value, dt.datetime)
    enforcement = list(book["执法"].iter_rows(min_row=2, values_only=True))
    assert len(enforcement) == expected.stop_work_orders + expected.warning_interviews
    assert len(book["月度趋势"]._charts) == 1
    assert book["月度趋势"].max_row == 13


def test_report_periods_offer_months_quarters_and_years_up_to_today():
    today = dt.date(2026, 11, 24)
    assert Period.every("month", FIRST_YEAR, today)[0] == Period.month(2026, 11)
    assert Period.every("quarter", FIRST_YEAR, today)[0] == Period.quarter(2026, 4)
    assert Period.every("quarter", FIRST_YEAR, today)[-1] == Period.quarter(2023, 1)
    assert Period.every("year", FIRST_YEAR, today) == [Period.year(2026), Period.year(2025), Period.year(2024), Period.year(2023)]


def test_quarter_and_month_periods_have_their_calendar_ends():
    assert (Period.quarter(2024, 1).start, Period.quarter(2024, 1).end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)


def test_cli_writes_the_report_and_refuses_bad_arguments(demo_engine, tmp_path):
    env = {"DATABASE_URL": demo_engine.url.render_as_string(hide_password=False)}
    out = tmp_path / "report.xlsx"
    ok = run_cli(env, "--start", "2024-01-01", "--end", "2024-12-31", "--format", "xlsx", "--out", str(out))
    assert ok.returncode == 0 and out.stat().st_size > 0
    bad = run_cli(env, "--start", "2024-12-31", "--end", "2024-01-01", "--format", "pdf", "--out", str(out))
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == ["python -m db: error: --end: end is before start"]


def run_cli(env, *args):
    return subprocess.run([sys.executable, "-m", "db", "report", *args], env=os.environ | env,
                          capture_output=True, text=True, timeout=120)


def test_overview_offers_the_report_to_leaders_only(demo_engine, run_page):
    leader = run_page(demo_engine, role="leader", start="2024-01-01", end="2024-12-31")
    assert [b for b in leader.get("download_button")]
    visitor = run_page(demo_engine, role="visitor", start="2024-01-01", end="2024-12-31")
    assert not visitor.get("download_button")


def test_report_counts_documents_issued_per_type(gathered):
    assert gathered.documents["stop_work_notice"][0] == 4 and gathered.documents["interview_record"][0] == 13
    # poppler, not pypdf: pypdf misreads this section's glyphs (see pdf_text above).
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf.render_pdf(gathered, Translator("zh")),
                          capture_output=True, check=True)
    text = re.sub(r"\s+", "", done.stdout.decode("utf-8"))
    assert "本期出具文书" in text and "停工整改通知书44+0" in text
