# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's task table printed to PDF reads like the same plan as text.

Our own plan of a provincial Department of Industry and Trade: a table of tasks whose
partners are written one a line in a narrow column (some names long enough to wrap there),
and whose lead and deadline cells are merged down over several tasks, printed by a browser
as a portal's "print to PDF" does. An analyst checks each task's lead, its partners as
separate units (a wrapped name kept whole) and its deadline, also when a page break falls
inside the merged cells.
"""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

import pytest

from policykg.loaders.batch import load_file
from policykg.loaders.readers import _cell_joined, _pdf_cell
from tests.test_formats_real_world_2 import expected, paragraphs, summary, task

FORMS = ["NFC", "NFD"]

HEAD = """ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK
SỞ CÔNG THƯƠNG
Số: 52/KH-SCT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Lắk, ngày 14 tháng 10 năm 2025
KẾ HOẠCH
Xúc tiến thương mại và phát triển thị trường tỉnh Đắk Lắk năm 2026
Căn cứ Quyết định số 2105/QĐ-UBND ngày 02 tháng 10 năm 2025 của UBND tỉnh Đắk Lắk;
Sở Công Thương ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Phân công rõ đơn vị chủ trì, đơn vị phối hợp và thời hạn hoàn thành từng nhiệm vụ.
II. NHIỆM VỤ CỤ THỂ
"""
TAIL = """III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Giám đốc Sở.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLTM.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Thành
"""
COLUMNS = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"]
WIDTHS = (7, 41, 17, 19, 16)  # per cent of the table's width
QLTM = "Phòng Quản lý thương mại"
XT = "Trung tâm Khuyến công và Xúc tiến thương mại"
# (number, task, lead, partners, deadline)
ROWS = [
    ("1", "Tổ chức Hội chợ thương mại và triển lãm sản phẩm nông nghiệp tỉnh năm 2026", QLTM,
     ["Sở Nông nghiệp và Môi trường", "Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh"], "Quý II năm 2026"),
    ("2", "Hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử trong nước và quốc tế", QLTM,
     ["Sở Khoa học và Công nghệ", "Sở Tư pháp"], "Quý II năm 2026"),
    ("3", "Xây dựng cơ sở dữ liệu doanh nghiệp xuất khẩu của tỉnh", XT,
     ["Ban Quản lý Khu kinh tế tỉnh", "Cục Thuế tỉnh"], "Quý III năm 2026"),
    ("4", "Tổ chức đoàn doanh nghiệp khảo sát thị trường các nước ASEAN", XT,
     ["Sở Ngoại vụ", "Công an tỉnh"], "Quý III năm 2026"),
    ("5", "Kết nối cung cầu hàng hóa giữa doanh nghiệp tỉnh với các hệ thống phân phối lớn", XT,
     ["Sở Tài chính", "Liên minh Hợp tác xã tỉnh"], "Quý III năm 2026"),
    ("6", "Quảng bá sản phẩm OCOP của tỉnh trên các phương tiện thông tin đại chúng", XT,
     ["Đài Phát thanh và Truyền hình tỉnh", "Báo Đắk Lắk"], "Quý III năm 2026"),
    ("7", "Kiểm tra, xử lý hành vi gian lận thương mại, hàng giả trên địa bàn tỉnh",
     "Chi cục Quản lý thị trường", ["Công an tỉnh", "Sở Y tế"], "Trước ngày 15/12/2026"),
]
SPANS = ((0, 2), (2, 6))  # rows sharing one lead cell and one deadline cell
IN_SPAN = {"4", "5", "6"}  # rows of the second span after its first


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


TEXT = HEAD + "\n".join([_pipe(COLUMNS)] + [
    _pipe([n, t, lead, ", ".join(p), d]) for n, t, lead, p, d in ROWS]) + "\n" + TAIL


def html_table(valign: str, thead: bool = False) -> str:
    """The table as a portal's editor writes it: partners one a line (``<br>``), the lead
    and deadline cells of each span merged down (``rowspan``), the lead aligned ``valign``;
    with ``thead``, the header row repeated on each page."""
    head = "".join(f"<th style='width:{w}%'>{escape(c)}</th>" for c, w in zip(COLUMNS, WIDTHS, strict=True))
    starts = {a: b - a for a, b in SPANS}
    covered = {k for a, b in SPANS for k in range(a + 1, b)}
    rows = []
    for k, (number, words, lead, partners, deadline) in enumerate(ROWS):
        cells = [f"<td>{number}</td>", f"<td>{escape(words)}</td>"]
        if k in starts:
            cells.append(f"<td rowspan='{starts[k]}' style='vertical-align:{valign}'>{escape(lead)}</td>")
        elif k not in covered:
            cells.append(f"<td>{escape(lead)}</td>")
        cells.append("<td>" + "<br>".join(escape(p) for p in partners) + "</td>")
        if k in starts:
            cells.append(f"<td rowspan='{starts[k]}'>{escape(deadline)}</td>")
        elif k not in covered:
            cells.append(f"<td>{escape(deadline)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = f"<thead><tr>{head}</tr></thead>" if thead else f"<tr>{head}</tr>"
    return f"<table>{head}{''.join(rows)}</table>"


_STYLE = ("body{font-family:'DejaVu Serif',serif;font-size:12pt} p{margin:0 0 4pt 0;"
          "text-align:justify}"
          " table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;"
          "padding:2pt 4pt;vertical-align:top;font-size:10pt}")
RUNNING_HEAD = "Kế hoạch số 52/KH-SCT ngày 14/10/2025 của Sở Công Thương"


def print_pdf(browser, path: Path, body: str, height_mm: int) -> Path:
    """``body`` printed on A4-wide pages ``height_mm`` high, a running head and "Trang N/M"."""
    page = browser.new_page()
    try:
        page.set_content(f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head>"
                         f"<body>{body}</body></html>")
        small = "font-size:8pt;width:100%;text-align:center"
        page.pdf(path=str(path), width="210mm", height=f"{height_mm}mm",
                 display_header_footer=True,
                 header_template=f"<div style='{small}'>{escape(RUNNING_HEAD)}</div>",
                 footer_template=f"<div style='{small}'>Trang <span class='pageNumber'></span>/"
                                 "<span class='totalPages'></span></div>",
                 margin={"top": "18mm", "bottom": "18mm", "left": "20mm", "right": "20mm"})
    finally:
        page.close()
    return path


def page_lines(path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]


def plan_pdf(browser, path: Path, form: str, valign: str, height_mm: int,
             thead: bool = False) -> Path:
    html = paragraphs(HEAD) + html_table(valign, thead) + paragraphs(TAIL)
    return print_pdf(browser, path, unicodedata.normalize(form, html), height_mm)


def test_the_text_plan_has_what_the_pdf_is_compared_on():
    want = expected(TEXT)
    assert want["number"] == "52/KH-SCT" and want["signer"] == "Lê Văn Thành"
    rows = [t for t in want["tasks"] if t[0].isdigit()]
    assert [(lead, support, deadline) for _, _, lead, support, deadline in rows] == [
        ([lead], partners, deadline) for _, _, lead, partners, deadline in ROWS]


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
def test_partners_one_a_line_in_a_narrow_column_are_separate_units(browser, tmp_path, form):
    path = plan_pdf(browser, tmp_path / "ke hoach.pdf", form, "middle", 400)
    printed = [unicodedata.normalize("NFC", line) for page in page_lines(path) for line in page]
    assert len(page_lines(path)) == 1
    # The column is narrow: long names wrap inside it ("Ban Quản lý" / "Khu kinh tế" / "tỉnh").
    assert any(line.endswith("Ban Quản lý Quý III năm") for line in printed), printed
    plan = load_file(path)
    assert summary(plan) == expected(TEXT)
    assert task(plan, "Hội chợ thương mại").support == [
        "Sở Nông nghiệp và Môi trường", "Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh"]
    assert task(plan, "cơ sở dữ liệu doanh nghiệp").support == ["Ban Quản lý Khu kinh tế tỉnh", "Cục Thuế tỉnh"]
    assert task(plan, "gian lận thương mại").support == ["Công an tỉnh", "Sở Y tế"]
    assert task(plan, "sàn thương mại điện tử").lead == [QLTM]


def _break_inside_span(pages: list[list[str]]) -> bool:
    """The first numbered row on a page after the first (below its running head and any
    header repeated) shares the lead and deadline cell begun on the page before."""
    firsts = [next((line.split(" ", 1)[0] for line in page[1:] if line[:1].isdigit()), "")
              for page in pages[1:]]
    return any(number in IN_SPAN for number in firsts)


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("valign", "thead"), [("middle", False), ("top", False), ("middle", True)],
                         ids=["centred", "top", "header-repeated"])
def test_lead_and_deadline_cells_merged_across_a_page_break(browser, tmp_path, form, valign,
                                                            thead):
    """Page heights that break the table inside the lead and deadline cells shared by tasks
    3-6: between two rows, and inside a row (the centred lead's words then on both pages)."""
    broken = []
    for height in range(183, 237, 6):
        path = plan_pdf(browser, tmp_path / f"ke hoach {height}.pdf", form, valign, height, thead)
        if _break_inside_span(page_lines(path)):
            broken.append(path)
    assert len(broken) >= 3
    want = expected(TEXT)
    for path in broken:
        plan = load_file(path)
        assert summary(plan) == want, path.name
        for words in ("cơ sở dữ liệu doanh nghiệp", "các nước ASEAN", "cung cầu hàng hóa", "sản phẩm OCOP"):
            found = task(plan, words)
            assert found.lead == [XT] and found.deadline.text == "Quý III năm 2026", (path.name, words)
        assert task(plan, "cơ sở dữ liệu doanh nghiệp").support == ["Ban Quản lý Khu kinh tế tỉnh", "Cục Thuế tỉnh"]
        assert task(plan, "gian lận thương mại").lead == ["Chi cục Quản lý thị trường"]


# Printed lines of a cell as pdfplumber gives them: a character 5 points wide, size 10.
def _line(text: str, x0: float = 100.0) -> dict:
    chars = [{"text": ch, "x0": x0 + 5 * k, "x1": x0 + 5 * k + 5, "size": 10.0}
             for k, ch in enumerate(text)]
    return {"text": text, "x0": x0, "x1": x0 + 5 * len(text), "chars": chars}


@pytest.mark.parametrize("form", FORMS)
def test_a_cell_a_unit_a_line_when_the_next_name_could_not_have_fitted(form):
    """A column just wide enough for the longest name: where the next word could not have
    fitted, a line naming a whole unit before one opening a unit's name ends a unit; a name
    left open, or of no known kind, wraps."""
    narrow = 96.0 + 8 + 5 * len("Hiệp hội Doanh nghiệp tỉnh")  # 4 points of padding a side
    def cell(right: float, *texts: str) -> str:
        lines = [_line(unicodedata.normalize(form, t)) for t in texts]
        joined = _cell_joined(_pdf_cell(lines, (96.0, 0.0, right, 50.0)).split("\n"))
        return unicodedata.normalize("NFC", joined)
    assert cell(narrow, "Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh") == "Hiệp hội Doanh nghiệp tỉnh; Hội Nông dân tỉnh"
    narrower = 96.0 + 10 + 5 * len("Hiệp hội Doanh")  # "Hiệp hội Doanh" / "nghiệp tỉnh"
    assert cell(narrower, "Hiệp hội Doanh", "nghiệp tỉnh", "Hội Nông dân", "tỉnh") == "Hiệp hội Doanh nghiệp tỉnh; Hội Nông dân tỉnh"
    assert cell(narrow, "Ban Quản lý Khu kinh tế", "tỉnh") == "Ban Quản lý Khu kinh tế tỉnh"
    # "Ban Quản lý" is of no known kind, "Sở Nông nghiệp và" is left open: the next line goes on.
    assert cell(96.0 + 13 + 5 * len("Ban Quản lý"), "Ban Quản lý", "Khu kinh tế tỉnh") == "Ban Quản lý Khu kinh tế tỉnh"
    assert cell(96.0 + 13 + 5 * len("Sở Nông nghiệp và"), "Sở Nông nghiệp và", "Môi trường", "Sở Y tế") == (
        "Sở Nông nghiệp và Môi trường; Sở Y tế")
    # Room to spare after "Sở Tư pháp": "Công" would have fitted, so the writer broke the line.
    assert cell(narrow, "Sở Tư pháp", "Công an tỉnh") == "Sở Tư pháp; Công an tỉnh"
    assert cell(narrow, "Quý III", "năm 2026") == "Quý III năm 2026"
