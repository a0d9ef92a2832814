"""The printed document: one page for up to eight hazards, photos in an annex, any character printed,
the same file from the same data."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.commands.documents import issue_document, sheet_of
from db.models import Document, HazardPhoto
from db.permissions import Actor
from render.documents import render_document, render_zh
from tests import builders as b

D = dt.date
STAFF = Actor("inspector_a", "staff", "检查员甲")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
# Descriptions as long as inspectors write them, two lines' worth in the table for some.
FINDINGS = ["悬挑脚手架型钢悬挑梁锚固不符合专项方案要求，存在倾覆风险", "作业层脚手板未满铺，未设置挡脚板",
            "配电箱未做重复接地，漏电保护器动作参数不匹配", "高支模立杆底部未设置垫板，扫地杆缺失",
            "基坑周边临边防护栏杆高度不足1.2米", "塔吊附着装置螺栓松动，未按规定验收",
            "消防通道被材料占用，灭火器过期未更换", "混凝土试块留置数量不足，养护记录缺失"]


def pages_and_text(pdf: bytes, tmp_path) -> tuple[int, list[str]]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return len(PdfReader(io.BytesIO(pdf)).pages), [re.sub(r"\s+", "", page) for page in text.decode().split("\f")]


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(out, "PNG")
    return out.getvalue()


def test_a_notice_with_eight_hazards_fits_one_page(engine, tmp_path):
    project = b.project(engine)
    visit = b.visit(engine, project, D(2026, 11, 2), code="XC-8")
    for n, finding in enumerate(FINDINGS):
        b.hazard(engine, project, D(2026, 11, 2), visit_id=visit, description=finding,
                 category=("scaffolding", "temporary_power", "main_structure", "fire_safety")[n % 4])
    issued = issue_document(engine, actor=STAFF, kind="rectification_notice", record="XC-8", render=render_zh,
                            today=D(2026, 12, 1))
    pages, text = pages_and_text(issued.pdf, tmp_path)
    assert pages == 1
    assert all(finding in text[0] for finding in FINDINGS) and "送达回证" in text[0]


def test_photos_go_into_an_annex_after_the_opinion(engine, tmp_path):
    project = b.project(engine)
    hazard = b.hazard(engine, project, D(2026, 11, 2), code="YH-P", rectified=D(2026, 11, 4), closed=D(2026, 11, 5))
    with engine.begin() as conn:
        for colour in ("red", "blue", "green"):
            data = png(colour)
            conn.execute(insert(HazardPhoto).values(hazard_id=hazard, content_type="image/png", size_bytes=len(data),
                                                    sha256=hashlib.sha256(data).hexdigest(), image=data,
                                                    thumbnail=data))
    issued = issue_document(engine, actor=STAFF, kind="reinspection_opinion", record="YH-P", render=render_zh,
                            today=D(2026, 12, 1))
    pages, text = pages_and_text(issued.pdf, tmp_path)
    assert pages == 2 and "同意销号" in text[0] and "附件：整改后照片" in text[1]
    assert len(PdfReader(io.BytesIO(issued.pdf)).pages[1].images) == 3


def test_a_character_outside_the_common_set_is_still_printed(engine, tmp_path):
    project = b.project(engine, name="堃鑫产业园项目")   # 堃 is not in GB 2312
    b.visit(engine, project, D(2026, 11, 2), code="XC-R", notes="检查喆园区临时用电")
    issued = issue_document(engine, actor=STAFF, kind="visit_record", record="XC-R", render=render_zh,
                            today=D(2026, 12, 1))
    _, text = pages_and_text(issued.pdf, tmp_path)
    assert "堃鑫产业园项目" in text[0] and "检查喆园区临时用电" in text[0]


def test_the_same_data_prints_the_same_file(engine):
    project = b.project(engine)
    b.visit(engine, project, D(2026, 11, 2), code="XC-S")
    issued = issue_document(engine, actor=STAFF, kind="visit_record", record="XC-S", render=render_zh,
                            today=D(2026, 12, 1))
    with Session(engine) as session:
        sheet = sheet_of(session, session.execute(select(Document)).scalar_one())
    assert render_zh(sheet, {}) == issued.pdf


def test_an_english_rendering_reads_in_english(engine, tmp_path):
    project = b.project(engine)
    b.visit(engine, project, D(2026, 11, 2), code="XC-E")
    b.hazard(engine, project, D(2026, 11, 2), visit_id=None)
    issued = issue_document(engine, actor=STAFF, kind="visit_record", record="XC-E", render=render_zh,
                            today=D(2026, 12, 1))
    with Session(engine) as session:
        sheet = sheet_of(session, session.execute(select(Document)).scalar_one())
    _, text = pages_and_text(render_document(sheet, {}, "en"), tmp_path)
    assert "Site-visitrecord" in text[0] and "Noqualityorsafetyhazardwasfound" in text[0]


@pytest.mark.parametrize("reason, title", [("隐患多次复查未整改到位，责令局部停工整改", "局部停工整改通知书"),
                                           ("发现重大事故隐患，责令暂停施工", "全面停工整改通知书")])
def test_the_stop_work_notice_is_partial_or_full_as_the_order_says(engine, tmp_path, reason, title):
    project = b.project(engine)
    b.enforcement(engine, project, D(2026, 11, 20), "stop_work", code="ZF-P", reason=reason)
    issued = issue_document(engine, actor=STAFF, kind="stop_work_notice", record="ZF-P", render=render_zh,
                            today=D(2026, 12, 1))
    _, text = pages_and_text(issued.pdf, tmp_path)
    assert title in text[0] and reason in text[0]


def test_a_failed_re_inspection_gives_an_opinion_with_the_reason(engine, tmp_path):
    project = b.project(engine)
    b.hazard(engine, project, D(2026, 11, 2), code="YH-F", sent_back_count=2, last_sent_back_reason="护栏高度仍不足1.2米")
    issued = issue_document(engine, actor=STAFF, kind="reinspection_opinion", record="YH-F", render=render_zh,
                            today=D(2026, 12, 1))
    _, text = pages_and_text(issued.pdf, tmp_path)
    assert "整改不符合要求：护栏高度仍不足1.2米" in text[0] and "累计2次复查未通过" in text[0]
