"""A table cell listing its units one a line, with nothing between them, as Word paragraphs or
web-page line breaks: each line is a unit of the list, while a cell of text lines stays one
text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import policykg
from policykg.ontology.normalize import fold

FORMS = ("NFC", "NFD")
HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "Số: 52/KH-UBND", "Hà Giang, ngày 12 tháng 3 năm 2026",
        "KẾ HOẠCH", "Phát triển thương mại điện tử năm 2026", "II. NHIỆM VỤ"]
FOOT = ["Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Sơn"]
ROWS = [
    ("STT", ["Nội dung nhiệm vụ"], ["Cơ quan chủ trì"], ["Cơ quan phối hợp"], "Thời gian"),
    ("1", ["Khảo sát nhu cầu bán hàng trực tuyến của hợp tác xã", "Tổng hợp kết quả khảo sát"],
     ["Sở Công Thương"], ["Sở Nội vụ", "Sở Tài chính", "Liên minh Hợp tác xã tỉnh"], "Quý II/2026"),
    ("2", ["Đào tạo kỹ năng bán hàng trên sàn thương mại điện tử"], ["Sở Công Thương"],
     ["Tỉnh Đoàn,", "Hội Liên hiệp Phụ nữ tỉnh"], "Quý III/2026"),
]


def _roles(task) -> tuple[set[str], set[str]]:
    return ({fold(u.name) for u in task.units if u.role == "lead"},
            {fold(u.name) for u in task.units if u.role == "support"})


def _check(plan) -> None:
    survey, training = plan.tasks[0], plan.tasks[1]
    assert _roles(survey) == ({"so cong thuong"},
                              {"so noi vu", "so tai chinh", "lien minh hop tac xa tinh"})
    # the text cell's two lines stay one text
    assert unicodedata.normalize("NFC", survey.text).startswith(
        "Khảo sát nhu cầu bán hàng trực tuyến của hợp tác xã Tổng hợp kết quả khảo sát")
    assert _roles(training) == ({"so cong thuong"}, {"tinh doan", "hoi lien hiep phu nu tinh"})


@pytest.mark.parametrize("form", FORMS)
def test_a_word_cell_listing_one_unit_a_paragraph(tmp_path: Path, form: str):
    docx = pytest.importorskip("docx")

    def n(text: str) -> str:
        return unicodedata.normalize(form, text)

    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(n(line))
    table = document.add_table(rows=0, cols=5)
    for row in ROWS:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            lines = value if isinstance(value, list) else [value]
            cell.text = n(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(n(line))
    for line in FOOT:
        document.add_paragraph(n(line))
    path = tmp_path / "ke-hoach-52.docx"
    document.save(str(path))
    (plan,) = policykg.load([path])
    _check(plan)


@pytest.mark.parametrize("form", FORMS)
def test_a_web_page_cell_listing_one_unit_a_line(tmp_path: Path, form: str):
    def cell(value: object, tag: str = "td") -> str:
        lines = value if isinstance(value, list) else [value]
        return f"<{tag}>" + "<br>".join(str(v) for v in lines) + f"</{tag}>"

    rows = "".join("<tr>" + "".join(cell(v, "th" if i == 0 else "td") for v in row) + "</tr>"
                   for i, row in enumerate(ROWS))
    page = ("<html><body>" + "".join(f"<p>{line}</p>" for line in HEAD)
            + f"<table>{rows}</table>" + "".join(f"<p>{line}</p>" for line in FOOT)
            + "</body></html>")
    path = tmp_path / "ke-hoach-52.html"
    path.write_text(unicodedata.normalize(form, page), encoding="utf-8")
    (plan,) = policykg.load([path])
    _check(plan)
