# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Appendix tables as Word, PDF and web pages deliver them, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a province's appendix whose table runs
over three pages, its header repeated, a row cut by the page break (the rest under an empty
STT cell, a partner's name cut in two) and the page number and running head between the parts;
one unit column whose cells give the roles with lower-case labels on one line ("Chủ trì: Sở
A, phối hợp: Sở B"); a unit column whose header notes that the unit named first leads; a unit
column with the lead in bold ("**Sở Tài chính**, Sở Nội vụ", a bold run in a Word cell, <b>
on a web page); tables numbered "TT" or "Số TT" whose group rows are merged across the table
("I. CÔNG TÁC TUYÊN TRUYỀN") and whose "Ghi chú" names partners ("Phối hợp với Sở X").
"""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

import pytest

from policykg.loaders.model import Plan
from policykg.loaders.readers import read_document
from policykg.loaders.text import clean_lines
from tests.layouts import assert_same_reading_in_any_form, find, forms, parse, roles, units_of

FORMS = ("NFC", "NFD")



def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None



LAI_CHAU_HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Phát triển kinh tế tập thể, hợp tác xã năm 2026

II. NHIỆM VỤ VÀ GIẢI PHÁP
Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

Nơi nhận:
- Bộ Tài chính;
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hà Trọng Hải

PHỤ LỤC
NHIỆM VỤ PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2026
(Kèm theo Kế hoạch số 88/KH-UBND ngày 12/3/2026 của UBND tỉnh)

"""

# --- 1. A table over three pages: header repeated, a row cut, page number and running head ------

LAI_CHAU = LAI_CHAU_HEAD + """| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Rà soát, đánh giá hoạt động của các hợp tác xã nông nghiệp | Sở Nông nghiệp và Môi trường | Liên minh Hợp tác xã tỉnh | Quý II/2026 |
| 2 | Hỗ trợ hợp tác xã tiếp cận nguồn vốn tín dụng ưu đãi. | Sở Tài chính | Sở Nông nghiệp và Môi trường; Ngân hàng | Quý III/2026 |
2
Phụ lục Kế hoạch số 88/KH-UBND ngày 12/3/2026 của UBND tỉnh Lai Châu
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
|  | Báo cáo kết quả cho vay trước ngày 15/12/2026. |  | Chính sách xã hội tỉnh |  |
| 3 | Đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã | Sở Nội vụ | Liên minh Hợp tác xã tỉnh | Năm 2026 |
| 4 | Xây dựng mô hình hợp tác xã ứng dụng công nghệ cao trong sản xuất chè | Sở Khoa học và Công nghệ | Sở Nông nghiệp và Môi trường; UBND các xã | Tháng 11/2026 |
3
Phụ lục Kế hoạch số 88/KH-UBND ngày 12/3/2026 của UBND tỉnh Lai Châu
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
|  | Tổng kết mô hình, nhân rộng. |  | Hội Nông dân tỉnh |  |
| 5 | Tổ chức hội chợ sản phẩm của hợp tác xã | Sở Công Thương | UBND các xã | Tháng 10/2026 |
"""


@pytest.mark.parametrize("plan", forms(LAI_CHAU), ids=["nfc", "nfd"])
def test_the_rest_of_a_row_cut_by_the_page_goes_on_with_its_task(plan):
    loans = find(plan, "nguồn vốn tín dụng ưu đãi")
    # The rest under an empty STT cell opens with a capital: still the same row.
    assert "Báo cáo kết quả cho vay" in nfc(loans.text)
    assert roles(loans) == ({"so tai chinh"},
                            {"so nong nghiep va moi truong", "ngan hang chinh sach xa hoi tinh"})
    assert loans.deadline is not None and loans.deadline.date == "2026-09"
    model = find(plan, "công nghệ cao trong sản xuất chè")
    assert roles(model) == ({"so khoa hoc va cong nghe"},
                            {"so nong nghiep va moi truong", "ubnd cac xa", "hoi nong dan tinh"})
    assert "nhân rộng" in nfc(model.text)
    assert model.deadline is not None and model.deadline.date == "2026-11"


@pytest.mark.parametrize("plan", forms(LAI_CHAU), ids=["nfc", "nfd"])
def test_one_task_per_numbered_row_across_the_pages(plan):
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4", "5"]
    assert len({t.id.split(".")[1] for t in plan.tasks}) == 1  # one table, not three
    fair = find(plan, "hội chợ sản phẩm")
    assert roles(fair) == ({"so cong thuong"}, {"ubnd cac xa"})


@pytest.mark.parametrize("form", FORMS)
def test_a_running_head_without_a_page_number_between_the_parts(form):
    # Two pages: the page number is on the second only, so nothing marks the head as
    # running but the table's header repeated right under it.
    text = LAI_CHAU.split("\n3\n")[0].replace("\n2\nPhụ lục Kế hoạch", "\nKế hoạch") + "\n"
    plan = parse(unicodedata.normalize(form, text))
    assert [t.number for t in plan.tasks] == ["1", "2", "3", "4"]
    loans = find(plan, "nguồn vốn tín dụng ưu đãi")
    assert "Báo cáo kết quả cho vay" in nfc(loans.text)
    assert units_of(loans, "support") == {"so nong nghiep va moi truong",
                                          "ngan hang chinh sach xa hoi tinh"}
    assert not any("Phụ lục Kế hoạch" in nfc(t.text) for t in plan.tasks)


_PAGE_STYLE = (
    "body{font-family:'DejaVu Serif',serif;font-size:12pt} p{margin:0 0 4pt 0}"
    " table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:2pt;"
    "vertical-align:top;font-size:11pt} .page{page-break-after:always}"
    " .head{text-align:center;font-size:9pt}"
)
_PDF_HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
               "Thời gian hoàn thành"]


def _html_table(rows: list[list[str]]) -> str:
    return ("<table><tr>" + "".join(f"<th>{escape(c)}</th>" for c in _PDF_HEADER) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                      for row in rows) + "</table>")


def _paragraphs(lines: list[str], cls: str = "") -> str:
    attr = f" class='{cls}'" if cls else ""
    return "".join(f"<p{attr}>{escape(line)}</p>" for line in lines)


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
def test_a_pdf_whose_table_goes_on_under_a_page_number_and_running_head(browser, tmp_path, form):
    """Laid out as Word prints it: the second page numbered at its top (the first is not),
    the running head under the number, the header row repeated and the cut row's rest under
    an empty STT cell; read as one table with the row whole."""
    first = ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 88/KH-UBND",
             "Lai Châu, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH",
             "Phát triển kinh tế tập thể, hợp tác xã năm 2026", "II. NHIỆM VỤ"]
    part1 = [["1", "Rà soát, đánh giá hoạt động của các hợp tác xã nông nghiệp",
              "Sở Nông nghiệp và Môi trường", "Liên minh Hợp tác xã tỉnh", "Quý II/2026"],
             ["2", "Hỗ trợ hợp tác xã tiếp cận nguồn vốn tín dụng ưu đãi.", "Sở Tài chính",
              "Sở Nông nghiệp và Môi trường; Ngân hàng", "Quý III/2026"]]
    part2 = [["", "Báo cáo kết quả cho vay trước ngày 15/12/2026.", "",
              "Chính sách xã hội tỉnh", ""],
             ["3", "Đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã", "Sở Nội vụ",
              "Liên minh Hợp tác xã tỉnh", "Năm 2026"]]
    closing = ["Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Lương"]
    body = ("<div class='page'>" + _paragraphs(first) + _html_table(part1) + "</div><div>"
            + _paragraphs(["2", "Phụ lục Kế hoạch số 88/KH-UBND ngày 12/3/2026 của UBND tỉnh"],
                          "head")
            + _html_table(part2) + _paragraphs(closing) + "</div>")
    page = browser.new_page()
    path = tmp_path / "ke-hoach-88.pdf"
    try:
        page.set_content(f"<html><head><meta charset='utf-8'><style>{_PAGE_STYLE}</style>"
                         f"</head><body>{unicodedata.normalize(form, body)}</body></html>")
        page.pdf(path=str(path), width="148mm", height="210mm",
                 margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    finally:
        page.close()
    import policykg

    text, _ = read_document(path)
    assert text.count("| STT |") == 1  # one table, the header read once
    assert "Phụ lục Kế hoạch" not in nfc(text)
    (plan,) = policykg.load([path])
    assert [t.number for t in plan.tasks] == ["1", "2", "3"]
    loans = find(plan, "nguồn vốn tín dụng ưu đãi")
    assert "Báo cáo kết quả cho vay" in nfc(loans.text)
    assert roles(loans) == ({"so tai chinh"},
                            {"so nong nghiep va moi truong", "ngan hang chinh sach xa hoi tinh"})
    assert loans.deadline is not None and loans.deadline.date == "2026-09"


# --- 2. One unit column, its roles labelled in lower case on one line ---------------------------

ROLE_LABELS = LAI_CHAU_HEAD + """| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |
|---|---|---|---|
| 1 | Tập huấn nghiệp vụ cho cán bộ hợp tác xã | Chủ trì: Sở Nông nghiệp và Môi trường, phối hợp: Liên minh Hợp tác xã tỉnh, Sở Tài chính | Quý II/2026 |
| 2 | Hỗ trợ xây dựng thương hiệu cho sản phẩm của hợp tác xã | Chủ trì: Sở Công Thương phối hợp: Sở Khoa học và Công nghệ, UBND các xã | Quý III/2026 |
| 3 | Kết nối tiêu thụ sản phẩm | chủ trì: Sở Công Thương; phối hợp: Sở Tài chính | Năm 2026 |
| 4 | Đánh giá hợp tác xã kiểu mới | Sở Nông nghiệp và Môi trường (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp) | Tháng 11/2026 |
| 5 | Đào tạo nghề cho thành viên hợp tác xã | Chủ trì: Sở Nội vụ; các đơn vị phối hợp: Sở Giáo dục và Đào tạo, Tỉnh Đoàn | Năm 2026 |
| 6 | Kiểm tra hoạt động của quỹ tín dụng nhân dân | Chủ trì: Sở Tài chính. phối hợp: Công an tỉnh | Quý IV/2026 |
"""


@pytest.mark.parametrize("plan", forms(ROLE_LABELS), ids=["nfc", "nfd"])
def test_a_lower_case_role_label_after_a_comma_or_the_last_name(plan):
    training = find(plan, "Tập huấn nghiệp vụ")
    assert roles(training) == ({"so nong nghiep va moi truong"},
                               {"lien minh hop tac xa tinh", "so tai chinh"})
    brand = find(plan, "thương hiệu")
    assert roles(brand) == ({"so cong thuong"}, {"so khoa hoc va cong nghe", "ubnd cac xa"})
    fund = find(plan, "quỹ tín dụng")
    assert roles(fund) == ({"so tai chinh"}, {"cong an tinh"})
    assert fund.deadline is not None and fund.deadline.date == "2026-12"


@pytest.mark.parametrize("plan", forms(ROLE_LABELS), ids=["nfc", "nfd"])
def test_role_labels_after_a_semicolon_and_roles_in_brackets(plan):
    assert roles(find(plan, "Kết nối tiêu thụ")) == ({"so cong thuong"}, {"so tai chinh"})
    assert roles(find(plan, "hợp tác xã kiểu mới")) == ({"so nong nghiep va moi truong"},
                                                         {"so tai chinh", "so noi vu"})
    # "các đơn vị phối hợp:" is the label, not a unit named "các".
    assert roles(find(plan, "Đào tạo nghề")) == ({"so noi vu"},
                                                 {"so giao duc va dao tao", "tinh doan"})


@pytest.mark.parametrize("text, lead, partners", [
    ("Chủ trì: Sở Y tế, phối hợp: Sở Tài chính", "so y te", {"so tai chinh"}),
    ("Chủ trì: Sở Y tế - phối hợp: Sở Tài chính", "so y te", {"so tai chinh"}),
    ("Đơn vị chủ trì: Sở Y tế; đơn vị phối hợp: Sở Tài chính", "so y te", {"so tai chinh"}),
    ("Cơ quan chủ trì: Sở Y tế. Cơ quan phối hợp: Sở Tài chính", "so y te", {"so tai chinh"}),
])
def test_a_label_word_before_the_role_stays_with_it(text, lead, partners):
    fixture = LAI_CHAU_HEAD + ("| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |\n|---|---|---|---|\n"
                               f"| 1 | Khám sức khỏe cho xã viên | {text} | Năm 2026 |\n")
    for plan in forms(fixture):
        assert roles(find(plan, "Khám sức khỏe")) == ({lead}, partners)


# --- 3. The header notes that the unit named first leads -----------------------------------------

FIRST_LEADS = LAI_CHAU_HEAD + """| STT | Nội dung công việc | Cơ quan thực hiện (đơn vị đầu tiên là đơn vị chủ trì) | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Bố trí kinh phí hỗ trợ thành lập mới hợp tác xã | Sở Tài chính, Sở Nội vụ | Quý II/2026 |
| 2 | Tập huấn cán bộ hợp tác xã | Liên minh Hợp tác xã tỉnh; Sở Nội vụ, UBND các xã | Quý III/2026 |
| 3 | Kiểm tra việc chấp hành pháp luật về hợp tác xã | Công an tỉnh | Năm 2026 |
| 4 | Tuyên truyền Luật Hợp tác xã | Sở Văn hóa, Thể thao và Du lịch (phối hợp), Báo Lai Châu (chủ trì) | Năm 2026 |
"""


@pytest.mark.parametrize("plan", forms(FIRST_LEADS), ids=["nfc", "nfd"])
def test_the_first_unit_leads_where_the_header_says_so(plan):
    funds = find(plan, "thành lập mới hợp tác xã")
    assert roles(funds) == ({"so tai chinh"}, {"so noi vu"})
    training = find(plan, "Tập huấn cán bộ")
    assert roles(training) == ({"lien minh hop tac xa tinh"}, {"so noi vu", "ubnd cac xa"})
    assert roles(find(plan, "chấp hành pháp luật")) == ({"cong an tinh"}, set())
    # A cell that notes its roles keeps them.
    assert roles(find(plan, "Tuyên truyền Luật")) == ({"bao lai chau"},
                                                      {"so van hoa, the thao va du lich"})


@pytest.mark.parametrize("form", FORMS)
def test_the_note_on_the_line_above_the_table(form):
    text = FIRST_LEADS.replace(" (đơn vị đầu tiên là đơn vị chủ trì)", "").replace(
        "| STT |", "(Cơ quan, đơn vị đứng đầu là cơ quan chủ trì)\n| STT |")
    plan = parse(unicodedata.normalize(form, text))
    assert roles(find(plan, "thành lập mới hợp tác xã")) == ({"so tai chinh"}, {"so noi vu"})
    assert roles(find(plan, "Tập huấn cán bộ")) == ({"lien minh hop tac xa tinh"},
                                                    {"so noi vu", "ubnd cac xa"})


@pytest.mark.parametrize("form", FORMS)
def test_without_the_note_every_unit_of_the_column_carries_it_out(form):
    text = FIRST_LEADS.replace(" (đơn vị đầu tiên là đơn vị chủ trì)", "")
    funds = find(parse(unicodedata.normalize(form, text)), "thành lập mới hợp tác xã")
    assert roles(funds) == ({"so tai chinh", "so noi vu"}, set())


# --- 4. The lead in bold in a unit list ------------------------------------------------------------

BOLD = LAI_CHAU_HEAD + """| STT | Nội dung công việc | Đơn vị thực hiện | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Bố trí kinh phí hỗ trợ thành lập mới hợp tác xã | **Sở Tài chính**, Sở Nội vụ | Quý II/2026 |
| 2 | Tập huấn cán bộ hợp tác xã | Sở Nội vụ; **Liên minh Hợp tác xã tỉnh**; UBND các xã | Quý III/2026 |
| 3 | **Kiểm tra** việc chấp hành pháp luật về hợp tác xã | **Công an tỉnh, Sở Tài chính** | Năm 2026 |
| 4 | Quảng bá sản phẩm hợp tác xã | **Sở Công Thương** (phối hợp), Sở Văn hóa, Thể thao và Du lịch (chủ trì) | Năm 2026 |
| 5 | Giới thiệu sản phẩm OCOP | Sở Công Thương, **Sở Văn hóa, Thể thao và Du lịch** | Tháng 9/2026 |
"""


@pytest.mark.parametrize("plan", forms(BOLD), ids=["nfc", "nfd"])
def test_a_bold_unit_leads_in_a_single_unit_column(plan):
    funds = find(plan, "thành lập mới hợp tác xã")
    assert roles(funds) == ({"so tai chinh"}, {"so noi vu"})
    training = find(plan, "Tập huấn cán bộ")
    assert roles(training) == ({"lien minh hop tac xa tinh"}, {"so noi vu", "ubnd cac xa"})
    ocop = find(plan, "sản phẩm OCOP")
    assert roles(ocop) == ({"so van hoa, the thao va du lich"}, {"so cong thuong"})
    # The marks are the table's reading, not the task's words.
    assert "*" not in funds.text and "*" not in find(plan, "chấp hành pháp luật").text


@pytest.mark.parametrize("plan", forms(BOLD), ids=["nfc", "nfd"])
def test_bold_says_nothing_where_all_is_bold_or_the_cell_names_roles(plan):
    assert roles(find(plan, "chấp hành pháp luật")) == ({"cong an tinh", "so tai chinh"}, set())
    assert roles(find(plan, "Quảng bá sản phẩm")) == ({"so van hoa, the thao va du lich"},
                                                      {"so cong thuong"})


@pytest.mark.parametrize("form", FORMS)
def test_bold_says_nothing_where_the_table_has_a_partners_column(form):
    text = LAI_CHAU_HEAD + (
        "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Bố trí kinh phí hỗ trợ hợp tác xã | **Sở Tài chính**, Sở Nội vụ | Sở Công Thương | Năm 2026 |\n")
    funds = find(parse(unicodedata.normalize(form, text)), "Bố trí kinh phí")
    assert roles(funds) == ({"so tai chinh", "so noi vu"}, {"so cong thuong"})


@pytest.mark.parametrize("line, text", [
    ("| 1 | Bố trí kinh phí | **Sở Tài chính**, Sở Nội vụ | Quý II |", "| 1 | Bố trí kinh phí | **Sở Tài chính**, Sở Nội vụ | Quý II |"),
    # a header, a cell all in bold, bold inside a phrase, bold outside a table: no mark left
    ("| **STT** | **Nội dung** | **Đơn vị thực hiện** |", "| STT | Nội dung | Đơn vị thực hiện |"),
    ("| 2 | x | **Sở A, Sở B** |", "| 2 | x | Sở A, Sở B |"),
    ("| 3 | **Tổ chức** hội nghị, tập huấn | Sở Y tế |", "| 3 | Tổ chức hội nghị, tập huấn | Sở Y tế |"),
    ("**Sở Tài chính**, Sở Nội vụ", "Sở Tài chính, Sở Nội vụ"),
])
def test_the_line_cleaner_keeps_bold_only_around_one_unit_of_a_cell(line, text):
    for form in FORMS:
        assert [nfc(ln.text) for ln in clean_lines(unicodedata.normalize(form, line))] == [text]


def _docx_plan(tmp_path: Path, form: str) -> Plan:
    """A Word plan whose table has merged group rows, a bold lead and lower-case labels."""
    docx = pytest.importorskip("docx")
    import policykg

    def n(text: str) -> str:
        return unicodedata.normalize(form, text)

    document = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI", "Số: 40/KH-UBND",
                 "Yên Bái, ngày 05 tháng 3 năm 2026", "KẾ HOẠCH",
                 "Phát triển kinh tế tập thể năm 2026", "II. NHIỆM VỤ"]:
        document.add_paragraph(n(line))
    rows: list[tuple] = [
        ("Số TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian", "Ghi chú"),
        ("I. HỖ TRỢ TÀI CHÍNH",),
        ("1", "Bố trí kinh phí hỗ trợ hợp tác xã", [("Sở Tài chính", True), (", Sở Nội vụ", False)],
         "Quý II/2026", ""),
        ("2", "Tập huấn cán bộ hợp tác xã", [("Sở Nội vụ, ", False),
                                             ("Liên minh Hợp tác xã tỉnh,", True)],
         "Quý III/2026", ""),
        ("3", "Hướng dẫn hợp tác xã lập hồ sơ vay vốn", [("Sở Nội vụ;", False), ("\n", False),
                                                          ("Sở Tài chính", True)],
         "Quý IV/2026", ""),
        ("II - KIỂM TRA, GIÁM SÁT",),
        ("1", "Kiểm tra hoạt động của hợp tác xã", "Chủ trì: Công an tỉnh, phối hợp: Sở Tài chính",
         "Năm 2026", ""),
        ("2", "Giám sát việc sử dụng vốn hỗ trợ", [("Sở Tài chính", False)], "Quý IV/2026",
         "Phối hợp với Sở Nông nghiệp và Môi trường"),
    ]
    table = document.add_table(rows=0, cols=5)
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[4]).text = n(row[0])
            continue
        for cell, value in zip(cells, row, strict=True):
            if isinstance(value, list):  # runs; "\n" opens the cell's next paragraph
                paragraph = cell.paragraphs[0]
                for words, bold in value:
                    if words == "\n":
                        paragraph = cell.add_paragraph()
                    else:
                        paragraph.add_run(n(words)).bold = bold
            else:
                cell.text = n(value)
    for line in ["Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Huy Tuấn"]:
        document.add_paragraph(n(line))
    path = tmp_path / "ke-hoach-40.docx"
    document.save(str(path))
    (plan,) = policykg.load([path])
    return plan


@pytest.mark.parametrize("form", FORMS)
def test_a_bold_run_in_a_word_cell_marks_the_lead(tmp_path: Path, form: str):
    plan = _docx_plan(tmp_path, form)
    funds = find(plan, "Bố trí kinh phí")
    assert roles(funds) == ({"so tai chinh"}, {"so noi vu"})
    assert funds.deadline is not None and funds.deadline.date == "2026-06"
    # The bold run took the comma after the name with it.
    assert roles(find(plan, "Tập huấn cán bộ")) == ({"lien minh hop tac xa tinh"}, {"so noi vu"})
    # One unit a paragraph, the lead in bold on the second.
    assert roles(find(plan, "hồ sơ vay vốn")) == ({"so tai chinh"}, {"so noi vu"})


@pytest.mark.parametrize("form", FORMS)
def test_word_group_rows_merged_across_the_table(tmp_path: Path, form: str):
    plan = _docx_plan(tmp_path, form)
    groups = [t for t in plan.tasks if not t.units]
    assert [(t.number, nfc(t.text)) for t in groups] == [("I", "HỖ TRỢ TÀI CHÍNH"),
                                                         ("II", "KIỂM TRA, GIÁM SÁT")]
    inspect = find(plan, "Kiểm tra hoạt động")
    assert inspect.parent == groups[1].id and inspect.number == "1"
    assert roles(inspect) == ({"cong an tinh"}, {"so tai chinh"})
    audit = find(plan, "sử dụng vốn hỗ trợ")
    assert roles(audit) == ({"so tai chinh"}, {"so nong nghiep va moi truong"})
    assert len({t.id for t in plan.tasks}) == len(plan.tasks)
    assert not any("-" in t.id for t in plan.tasks)


YEN_BAI_HTML = """<html><body>
<p>ỦY BAN NHÂN DÂN</p><p>TỈNH YÊN BÁI</p><p>Số: 41/KH-UBND</p>
<p>Yên Bái, ngày 06 tháng 3 năm 2026</p>
<p><b>KẾ HOẠCH</b></p><p><b>Hỗ trợ hợp tác xã năm 2026</b></p>
<p><b>II. NHIỆM VỤ</b></p>
<table border="1">
<tr><th>TT</th><th>Nội dung nhiệm vụ</th><th>Đơn vị thực hiện</th><th>Thời gian</th><th>Ghi chú</th></tr>
<tr><td colspan="5"><b>I. CÔNG TÁC TUYÊN TRUYỀN</b></td></tr>
<tr><td>1</td><td>Tuyên truyền về hợp tác xã kiểu mới</td><td><strong>Sở Văn hóa, Thể thao và Du lịch</strong>, Báo Yên Bái</td><td>Quý II/2026</td><td></td></tr>
<tr><td>2</td><td>Biên soạn tài liệu hướng dẫn thành lập hợp tác xã</td><td>Liên minh Hợp tác xã tỉnh</td><td>Quý III/2026</td><td>Phối hợp với Sở Nông nghiệp và Môi trường</td></tr>
<tr><td colspan="5"><b>II. HỖ TRỢ TÀI CHÍNH</b></td></tr>
<tr><td>1</td><td>Bố trí vốn cho Quỹ hỗ trợ phát triển hợp tác xã</td><td><b>Sở Tài chính</b>; Sở Nội vụ</td><td>Năm 2026</td><td></td></tr>
</table>
<p>Nơi nhận:</p><p>- Lưu: VT.</p><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p><p>Trần Huy Tuấn</p>
</body></html>
"""


@pytest.mark.parametrize("form", FORMS)
def test_a_web_page_table_with_merged_groups_bold_leads_and_a_note(tmp_path: Path, form: str):
    import policykg

    path = tmp_path / "ke-hoach-41.html"
    path.write_text(unicodedata.normalize(form, YEN_BAI_HTML), encoding="utf-8")
    (plan,) = policykg.load([path])
    groups = [t for t in plan.tasks if not t.units]
    assert [(t.number, nfc(t.text)) for t in groups] == [("I", "CÔNG TÁC TUYÊN TRUYỀN"),
                                                         ("II", "HỖ TRỢ TÀI CHÍNH")]
    media = find(plan, "hợp tác xã kiểu mới")
    assert media.parent == groups[0].id
    assert roles(media) == ({"so van hoa, the thao va du lich"}, {"bao yen bai"})
    guide = find(plan, "Biên soạn tài liệu")
    assert roles(guide) == ({"lien minh hop tac xa tinh"}, {"so nong nghiep va moi truong"})
    fund = find(plan, "Quỹ hỗ trợ phát triển")
    assert fund.parent == groups[1].id
    assert roles(fund) == ({"so tai chinh"}, {"so noi vu"})


# --- 5. "TT" / "Số TT", group rows merged across the table, partners in "Ghi chú" ---------------

GROUPS = LAI_CHAU_HEAD + """| Số TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành | Ghi chú |
|---|---|---|---|---|
| I. CÔNG TÁC TUYÊN TRUYỀN |
| 1 | Tuyên truyền về hợp tác xã kiểu mới trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Quý II/2026 | Phối hợp với Liên minh Hợp tác xã tỉnh |
| 2 | Biên soạn tài liệu hướng dẫn thành lập hợp tác xã | Liên minh Hợp tác xã tỉnh | Quý III/2026 | Phối hợp với Sở Nông nghiệp và Môi trường, Sở Tài chính |
| II - HỖ TRỢ TÀI CHÍNH | | | | |
| 1 | Bố trí vốn cho Quỹ hỗ trợ phát triển hợp tác xã | Sở Tài chính | Năm 2026 | |
| III | PHÁT TRIỂN NGUỒN NHÂN LỰC | | | |
| 1 | Đào tạo nghề cho thành viên hợp tác xã | Sở Nội vụ | Năm 2026 | Phối hợp Sở Giáo dục và Đào tạo |
"""


@pytest.mark.parametrize("plan", forms(GROUPS), ids=["nfc", "nfd"])
def test_a_group_row_whose_number_and_title_share_the_merged_cell(plan):
    groups = [t for t in plan.tasks if not t.units]
    assert [(t.number, nfc(t.text)) for t in groups] == [
        ("I", "CÔNG TÁC TUYÊN TRUYỀN"), ("II", "HỖ TRỢ TÀI CHÍNH"),
        ("III", "PHÁT TRIỂN NGUỒN NHÂN LỰC")]
    fund = find(plan, "Quỹ hỗ trợ phát triển")
    assert fund.parent == groups[1].id and fund.number == "1"
    assert roles(fund) == ({"so tai chinh"}, set())
    assert len({t.id for t in plan.tasks}) == len(plan.tasks)
    assert not any("-" in t.id for t in plan.tasks)


@pytest.mark.parametrize("plan", forms(GROUPS), ids=["nfc", "nfd"])
def test_partners_in_the_note_column_under_merged_groups(plan):
    media = find(plan, "trên báo, đài")
    assert roles(media) == ({"so van hoa, the thao va du lich"}, {"lien minh hop tac xa tinh"})
    assert media.deadline is not None and media.deadline.date == "2026-06"
    guide = find(plan, "Biên soạn tài liệu")
    assert roles(guide) == ({"lien minh hop tac xa tinh"},
                            {"so nong nghiep va moi truong", "so tai chinh"})
    assert roles(find(plan, "Đào tạo nghề")) == ({"so noi vu"}, {"so giao duc va dao tao"})


@pytest.mark.parametrize("text", [LAI_CHAU, ROLE_LABELS, FIRST_LEADS, BOLD, GROUPS],
                         ids=["pages", "role_labels", "first_leads", "bold", "groups"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)
