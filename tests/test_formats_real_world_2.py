# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan as government portals deliver it reads to the same tasks as its plain text.

Our own plan of a Department of Science and Technology, written three ways (prose with
labelled fields, "a)" items under numbered groups, an appendix-style table), and each
delivered as portals and offices deliver it: a web page with its menus, news lists, share
and print buttons, view counter and the portal's address in the footer; a Word file with
a table whose unit and deadline cells are merged down over several tasks, Word's own
numbering (in the "STT" column too), a text box, tracked changes, footnotes, running heads
and soft line breaks; a PDF printed with "Trang N/M" on every page, a sentence cut by a page
break, a line wrapped after "thời gian thực hiện:" and the recipients and the signature
side by side. An analyst checks the same tasks, leads, partners and deadlines as in the
text, and each task still quotes the words it was read from.
"""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

import pytest

from policykg.loaders import parse
from policykg.loaders.batch import load_file
from policykg.loaders.model import Plan, SourceFile
from policykg.loaders.msword import DocCell, DocTable
from policykg.loaders.readers import _doc_table_lines, read_document
from policykg.ontology.normalize import fold
from tests.test_formats_real_world import (
    W_NS,
    _footnotes,
    _header,
    cell,
    docx_package,
    field,
    para,
    plain,
    row,
    run,
    table,
)
from tests.test_readers import to_cp1258

FORMS = ["NFC", "NFD"]

# --- the plan, as plain text -------------------------------------------------------------------

HEAD = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 118/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 09 tháng 9 năm 2025
KẾ HOẠCH
Triển khai Đề án phát triển thị trường khoa học và công nghệ tỉnh Lâm Đồng năm 2026
Căn cứ Quyết định số 1520/QĐ-UBND ngày 20 tháng 8 năm 2025 của UBND tỉnh Lâm Đồng;
Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Xác định rõ nhiệm vụ, đơn vị chủ trì và thời gian hoàn thành.
II. NHIỆM VỤ CỤ THỂ
"""
TAIL = """III. TỔ CHỨC THỰC HIỆN
- Phòng Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch.
- Các phòng, đơn vị trực thuộc Sở triển khai thực hiện Kế hoạch này.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLCN.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Thị Hạnh
"""
PROSE = HEAD + """1. Khảo sát nhu cầu đổi mới công nghệ của doanh nghiệp trên địa bàn tỉnh.
Đơn vị chủ trì: Phòng Quản lý công nghệ và Thị trường công nghệ.
Đơn vị phối hợp: Sở Công Thương, Hiệp hội Doanh nghiệp tỉnh.
Thời gian thực hiện: Quý II năm 2026.
2. Tổ chức Chợ công nghệ và thiết bị tỉnh Lâm Đồng năm 2026.
Đơn vị chủ trì: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ.
Đơn vị phối hợp: Văn phòng Sở, Sở Nông nghiệp và Môi trường.
Thời gian thực hiện: Quý III năm 2026.
3. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp với Sở Y tế hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến; thời gian thực hiện: trước ngày 30/10/2026.
""" + TAIL
# Groups "1." and "2." with "a)" items; the fields of "1.a" as "-" items.
ITEMS = HEAD + """1. Phát triển thị trường khoa học và công nghệ
a) Khảo sát nhu cầu đổi mới công nghệ của doanh nghiệp trên địa bàn tỉnh.
- Đơn vị chủ trì: Phòng Quản lý công nghệ và Thị trường công nghệ.
- Đơn vị phối hợp: Sở Công Thương, Hiệp hội Doanh nghiệp tỉnh.
- Thời gian thực hiện: Quý II năm 2026.
b) Tổ chức Chợ công nghệ và thiết bị tỉnh Lâm Đồng năm 2026.
Đơn vị chủ trì: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ.
Đơn vị phối hợp: Văn phòng Sở, Sở Nông nghiệp và Môi trường.
Thời gian thực hiện: Quý III năm 2026.
2. Nâng cao năng suất, chất lượng sản phẩm, hàng hóa
a) Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp với Sở Y tế hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến; thời gian thực hiện: trước ngày 30/10/2026.
b) Phòng Quản lý khoa học chủ trì, phối hợp với Thanh tra Sở đánh giá kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh; thời gian thực hiện: Quý IV năm 2026.
""" + TAIL
TABLE_HEAD = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
QLCN = "Phòng Quản lý công nghệ và Thị trường công nghệ"
# (number, task, lead, partners, deadline): the first three share their lead and deadline,
# which the files write once in a cell merged down over the three rows.
ROWS = [
    ("1", "Khảo sát nhu cầu đổi mới công nghệ của doanh nghiệp trên địa bàn tỉnh", QLCN,
     ["Sở Công Thương", "Hiệp hội Doanh nghiệp tỉnh"], "Quý II năm 2026"),
    ("2", "Xây dựng cơ sở dữ liệu cung - cầu công nghệ của tỉnh", QLCN, ["Văn phòng Sở"],
     "Quý II năm 2026"),
    ("3", "Hỗ trợ doanh nghiệp đăng ký bảo hộ quyền sở hữu trí tuệ", QLCN,
     ["Sở Tư pháp", "Hội Nông dân tỉnh"], "Quý II năm 2026"),
    ("4", "Tổ chức Chợ công nghệ và thiết bị tỉnh Lâm Đồng năm 2026",
     "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", ["Sở Nông nghiệp và Môi trường"],
     "Quý III năm 2026"),
    ("5", "Hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến",
     "Chi cục Tiêu chuẩn Đo lường Chất lượng", ["Sở Y tế"], "Trước ngày 30/10/2026"),
]
SPAN = 3  # rows 1-3 share one lead cell and one deadline cell


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


TABLE = HEAD + "\n".join([_pipe(TABLE_HEAD)] + [
    _pipe([n, t, lead, ", ".join(p), d]) for n, t, lead, p, d in ROWS]) + "\n" + TAIL


def _source() -> SourceFile:
    return SourceFile(path="ke-hoach.txt", sha256="0" * 64, format="txt", encoding="utf-8")


def summary(plan: Plan) -> dict:
    """What an analyst compares: the plan's identity and signature, each task's words, lead,
    partners and deadline, the documents it cites."""
    return {
        "number": plan.number, "date": plan.date, "issuer": plan.issuer,
        "province": plan.province, "title": plan.title, "signer": plan.signer,
        "capacity": plan.signer_capacity, "recipients": plan.recipients,
        "tasks": [(t.number, t.text, t.lead, t.support, t.deadline.text if t.deadline else None)
                  for t in plan.tasks],
        "references": sorted((r.key, r.relation, r.date) for r in plan.references),
    }


def expected(text: str) -> dict:
    return summary(parse.parse_text(text, _source()))


def task(plan: Plan, words: str):
    hits = [t for t in plan.tasks if fold(words) in fold(t.text)]
    assert len(hits) == 1, [t.text for t in plan.tasks]
    return hits[0]


def assert_quotes_its_source(plan: Plan, path: Path, words: str) -> None:
    """The task holding ``words`` names the file and quotes them, and the lines it names in
    the text read from the file hold the quote."""
    found = task(plan, words)
    assert found.source.file == str(path)
    assert fold(words) in fold(found.source.quote)
    text, _ = read_document(path)
    physical = text.splitlines()[found.source.line_start - 1:found.source.line_end]
    assert fold(found.source.quote)[:40] in fold(" ".join(physical))


def test_the_text_plans_have_what_the_files_are_compared_on():
    for text, count in ((PROSE, 5), (ITEMS, 8), (TABLE, 7)):
        want = expected(text)
        assert want["number"] == "118/KH-SKHCN" and want["signer"] == "Trần Thị Hạnh"
        assert len(want["tasks"]) == count
    rows = expected(TABLE)["tasks"]
    assert [lead for _, _, lead, _, _ in rows[:SPAN]] == [[QLCN]] * SPAN
    assert rows[2][3] == ["Sở Tư pháp", "Hội Nông dân tỉnh"] and rows[2][4] == "Quý II năm 2026"


# --- web pages -----------------------------------------------------------------------------------

_MENU = "".join(f"<li><a href='/muc/{i}'>Mục thông tin số {i} về hoạt động khoa học công nghệ</a>"
                "</li>" for i in range(40))
_NEWS = "".join(f"<li><a href='/tin/{i}'>Hội thảo khoa học lần thứ {i} về chuyển đổi số trong "
                "doanh nghiệp nhỏ và vừa</a> (12/08/2025)</li>" for i in range(30))
_FOOTER_ADDRESS = "Địa chỉ: Số 35 Trần Hưng Đạo, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng"


def portal(body: str, charset: str = "utf-8", wrapped_in_main: bool = False) -> str:
    """A portal's article page: a menu and a breadcrumb above, the plan in
    ``<div class="content">`` with the post date, view counter, share and print links, a
    column of latest news (links, each with its date) beside it, the address below."""
    page = f"""<div id="menu-top"><ul>{_MENU}</ul></div>
<div class="duong-dan">Trang chủ &gt; Văn bản chỉ đạo điều hành &gt; Kế hoạch</div>
<div class="col-9"><div class="content">
<h1>Kế hoạch triển khai Đề án phát triển thị trường khoa học và công nghệ</h1>
<div class="info">Ngày đăng: 10/09/2025 08:15 | Lượt xem: 2.345</div>
{body}
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
<div><a href="javascript:window.print()">In trang</a> | <a href="#">Gửi email</a></div>
</div></div>
<div class="col-3"><h3>Tin mới</h3><ul>{_NEWS}</ul></div>"""
    if wrapped_in_main:
        page = f"<main>{page}</main>"
    return f"""<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>Kế hoạch 118/KH-SKHCN</title></head><body>{page}
<div class="bottom">SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LÂM ĐỒNG<br>{_FOOTER_ADDRESS}<br>
Điện thoại: 0263.3822.123 - Email: skhcn@lamdong.gov.vn</div></body></html>"""


def paragraphs(text: str) -> str:
    return "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines())


def html_table(two_row_head: bool, span: int = SPAN) -> str:
    """The task table as a portal's editor writes it: one lead and one deadline cell spanning
    ``span`` rows, partners one a line (``<br>``), ``&nbsp;`` for spaces; with
    ``two_row_head``, "Đơn vị thực hiện" over "Chủ trì" and "Phối hợp"."""
    if two_row_head:
        head = ("<tr><td rowspan='2'><b>STT</b></td><td rowspan='2'><b>Nội dung nhiệm vụ</b></td>"
                "<td colspan='2'><b>Đơn vị thực hiện</b></td><td rowspan='2'><b>Thời gian hoàn "
                "thành</b></td></tr><tr><td><b>Chủ trì</b></td><td><b>Phối hợp</b></td></tr>")
    else:
        head = "<tr>" + "".join(f"<th>{escape(c)}</th>" for c in TABLE_HEAD) + "</tr>"
    rows = []
    for k, (number, words, lead, partners, deadline) in enumerate(ROWS):
        partner_cell = "<br>".join(escape(p).replace(" ", "&nbsp;", 1) for p in partners)
        cells = [f"<td>{number}</td>", f"<td><p>{escape(words)}</p></td>"]
        if k == 0:
            cells.append(f"<td rowspan='{span}' valign='middle'>{escape(lead)}</td>")
        elif k >= span:
            cells.append(f"<td>{escape(lead)}</td>")
        cells.append(f"<td>{partner_cell}</td>")
        if k == 0:
            cells.append(f"<td rowspan='{span}'>{escape(deadline)}</td>")
        elif k >= span:
            cells.append(f"<td>{escape(deadline)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border='1' cellspacing='0' width='100%'>" + head + "".join(rows) + "</table>"


def write_page(path: Path, page: str, form: str, charset: str) -> Path:
    page = unicodedata.normalize(form, page)
    if charset == "utf-8":
        path.write_text(page, encoding="utf-8")
    else:
        path.write_bytes(to_cp1258(page))
    return path


PAGE_CASES = [("NFC", "utf-8"), ("NFD", "utf-8"), ("NFC", "windows-1258")]


@pytest.mark.parametrize(("form", "charset"), PAGE_CASES, ids=["nfc", "nfd", "cp1258"])
@pytest.mark.parametrize("wrapped_in_main", [False, True], ids=["div", "main"])
def test_portal_page_reads_like_the_text_whatever_its_menus_news_and_footer(
        tmp_path, form, charset, wrapped_in_main):
    path = write_page(tmp_path / "chi-tiet.html",
                      portal(paragraphs(PROSE), charset, wrapped_in_main), form, charset)
    text, _ = read_document(path)
    for debris in ("Tin mới", "Hội thảo khoa học lần thứ", _FOOTER_ADDRESS, "Mục thông tin số"):
        assert debris not in text  # the page around the document's box
    plan = load_file(path)
    kept = "\n".join(line.text for line in plan.lines)
    for debris in ("Lượt xem", "Chia sẻ", "In trang", "Gửi email", "Trang chủ"):
        assert debris not in kept  # the box's own buttons and counters
    assert summary(plan) == expected(PROSE)
    assert plan.signer == "Trần Thị Hạnh" and plan.recipients == ["UBND tỉnh", "Lưu: VT, QLCN"]
    assert_quotes_its_source(plan, path, "áp dụng hệ thống quản lý chất lượng tiên tiến")


@pytest.mark.parametrize(("form", "charset"), PAGE_CASES, ids=["nfc", "nfd", "cp1258"])
@pytest.mark.parametrize("two_row_head", [False, True], ids=["one-row-head", "two-row-head"])
def test_portal_table_with_a_lead_spanning_rows_and_partners_one_a_line(
        tmp_path, form, charset, two_row_head):
    body = paragraphs(HEAD) + html_table(two_row_head) + paragraphs(TAIL)
    path = write_page(tmp_path / "bang.htm", portal(body, charset), form, charset)
    plan = load_file(path)
    assert summary(plan) == expected(TABLE)
    cung_cau = task(plan, "cung - cầu công nghệ")
    assert cung_cau.lead == [QLCN] and cung_cau.deadline.text == "Quý II năm 2026"
    assert task(plan, "bảo hộ quyền sở hữu trí tuệ").support == ["Sở Tư pháp", "Hội Nông dân tỉnh"]
    assert_quotes_its_source(plan, path, "bảo hộ quyền sở hữu trí tuệ")


# --- Word ----------------------------------------------------------------------------------------

# numId 1: the table's "STT" column ("1", "2" …); numId 2: "1." / "a)" / "-" in the body.
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""
BREAK = "<w:r><w:br/></w:r>"
MERGE_START, MERGE_GOES_ON = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"


def numbered(num_id: int, level: int, *runs: str, ppr: str = "") -> str:
    return para(*runs, ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                           f"</w:numPr>{ppr}")


def lines_xml(text: str) -> str:
    return "".join(plain(line) for line in text.splitlines())


def word_table() -> str:
    """The task table as Word writes it: a two-row header ("Đơn vị thực hiện" spanning
    "Chủ trì" and "Phối hợp", the other header cells merged down), the "STT" column numbered
    by Word, the lead and deadline cells of rows 1-3 merged down, partners parted by soft
    line breaks, and a row deleted with changes tracked."""
    header = [
        row(cell(plain("STT"), props=MERGE_START), cell(plain("Nội dung nhiệm vụ"), props=MERGE_START),
            cell(plain("Đơn vị thực hiện"), props='<w:gridSpan w:val="2"/>'),
            cell(plain("Thời gian hoàn thành"), props=MERGE_START), props="<w:tblHeader/>"),
        row(cell(props=MERGE_GOES_ON), cell(props=MERGE_GOES_ON), cell(plain("Chủ trì")),
            cell(plain("Phối hợp")), cell(props=MERGE_GOES_ON), props="<w:tblHeader/>"),
    ]
    deleted = row(
        cell(numbered(1, 0, ppr='<w:rPr><w:del w:id="30" w:author="VT"/></w:rPr>')),
        cell('<w:p><w:del w:id="31" w:author="VT"><w:r><w:delText>Tổ chức hội thảo thương mại '
             "hóa kết quả nghiên cứu</w:delText></w:r></w:del></w:p>"),
        cell('<w:p><w:del w:id="32" w:author="VT"><w:r><w:delText>Văn phòng Sở</w:delText></w:r>'
             "</w:del></w:p>"),
        cell(), cell(), props='<w:del w:id="33" w:author="VT"/>')
    rows = []
    for k, (_, words, lead, partners, deadline) in enumerate(ROWS):
        if k < SPAN:
            merge = MERGE_START if k == 0 else MERGE_GOES_ON
            lead_cell = cell(plain(lead) if k == 0 else "", props=merge + '<w:vAlign w:val="center"/>')
            deadline_cell = cell(plain(deadline) if k == 0 else "", props=merge)
        else:
            lead_cell, deadline_cell = cell(plain(lead)), cell(plain(deadline))
        soft = [part for p in partners for part in (BREAK, run(p))][1:]
        rows.append(row(cell(numbered(1, 0)), cell(plain(words)), lead_cell, cell(para(*soft)),
                        deadline_cell))
        if k == 1:
            rows.append(deleted)
    return table(*header, *rows)


@pytest.mark.parametrize("form", FORMS)
def test_word_table_with_merged_lead_numbered_rows_and_soft_breaks(tmp_path, form):
    body = lines_xml(HEAD) + word_table() + lines_xml(TAIL)
    path = docx_package(tmp_path / "phu luc.docx", unicodedata.normalize(form, body),
                        {"word/numbering.xml": NUMBERING})
    text, _ = read_document(path)
    assert "hội thảo thương mại" not in text
    plan = load_file(path)
    assert summary(plan) == expected(TABLE)
    assert [t.number for t in plan.tasks[:5]] == ["1", "2", "3", "4", "5"]
    for words in ("cung - cầu công nghệ", "bảo hộ quyền sở hữu trí tuệ"):
        merged = task(plan, words)
        assert merged.lead == [QLCN] and merged.deadline.text == "Quý II năm 2026"
    assert task(plan, "Khảo sát nhu cầu").support == ["Sở Công Thương", "Hiệp hội Doanh nghiệp tỉnh"]
    assert_quotes_its_source(plan, path, "bảo hộ quyền sở hữu trí tuệ")


@pytest.mark.parametrize("form", FORMS)
def test_word_97_table_cells_read_as_the_docx_reader_reads_them(form):
    """The same table in a Word 97-2003 file: partners one a paragraph or parted by a line
    break (``\\x0b``, read as a new line), the lead and deadline merged down."""
    rows: DocTable = [[DocCell([text]) for text in TABLE_HEAD]]
    for k, (number, words, lead, partners, deadline) in enumerate(ROWS):
        merged = 0 < k < SPAN
        rows.append([DocCell([number]), DocCell([words]), DocCell([] if merged else [lead], merged),
                     DocCell(["\n".join(partners)] if k == 2 else list(partners)),
                     DocCell([] if merged else [deadline], merged)])
    text = HEAD + "\n".join(_doc_table_lines(rows)) + "\n" + TAIL
    plan = parse.parse_text(unicodedata.normalize(form, text), _source())
    assert summary(plan) == expected(TABLE)
    assert task(plan, "bảo hộ quyền sở hữu trí tuệ").support == ["Sở Tư pháp", "Hội Nông dân tỉnh"]


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def text_box(inner: str) -> str:
    """A text box as Word 2010+ writes it: the drawing, and a VML copy for older readers."""
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
        'compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http:'
        '//schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="3000000" cy="600000"/><wp:docPr id="3" '
        'name="Text Box 3"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        f'2006/main"><a:graphicData uri="{WPS}"><wps:wsp xmlns:wps="{WPS}"><wps:txbx>'
        f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape "
        'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        f"{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _deleted(text: str, n: int) -> str:
    return f'<w:del w:id="{n}" w:author="VT"><w:r><w:delText>{escape(text)}</w:delText></w:r></w:del>'


def _inserted(text: str, n: int) -> str:
    return f'<w:ins w:id="{n}" w:author="VT">{run(text)}</w:ins>'


def word_items() -> str:
    """:data:`ITEMS` as a drafted Word file: "1." / "a)" / "-" drawn by Word's numbering, the
    motto in a text box beside the number, a partner and a deadline changed with changes
    tracked, a whole numbered group deleted so, a footnote on a task, one task's fields on
    one paragraph parted by soft line breaks."""
    lines = ITEMS.splitlines()
    dropped = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:rPr>'
               '<w:del w:id="40" w:author="VT"/></w:rPr></w:pPr>'
               + _deleted("Ứng dụng công nghệ thông tin trong quản lý nhà nước", 41) + "</w:p>")
    note = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>')
    out, k = [], 0
    while k < len(lines):
        line = lines[k]
        if line.startswith("Số: "):
            out.append(para(run(line), text_box(plain(lines[k + 1]) + plain(lines[k + 2]))))
            k += 3
            continue
        if line.startswith("Đơn vị chủ trì: Trung tâm"):  # three fields, one paragraph
            out.append(para(run(line), BREAK, run(lines[k + 1]), BREAK, run(lines[k + 2])))
            k += 3
            continue
        words = line.split(" ", 1)[1] if " " in line else line
        if line[:2] in ("1.", "2."):
            out.append((dropped if line.startswith("2.") else "") + numbered(2, 0, run(words)))
        elif line.startswith("a) Khảo sát"):
            out.append(numbered(2, 1, run(words[:-1]), note, run(".")))
        elif line.startswith("a) Chi cục"):
            before, after = words.split("Sở Y tế")
            out.append(numbered(2, 1, run(before), _deleted("Sở Tài chính", 42),
                                _inserted("Sở Y tế", 43), run(after)))
        elif line[:2] in ("a)", "b)"):
            out.append(numbered(2, 1, run(words)))
        elif line.startswith("- Thời gian thực hiện: Quý II"):
            out.append(numbered(2, 2, run("Thời gian thực hiện: "), _deleted("Quý I", 44),
                                _inserted("Quý II", 45), run(" năm 2026.")))
        elif line.startswith("- Đơn vị"):
            out.append(numbered(2, 2, run(words)))
        else:
            out.append(plain(line))
        k += 1
    return "".join(out)


def word_package_parts() -> tuple[dict[str, str], str, str, str]:
    """Numbering, a footnote, a running head and a "Trang N/M" foot, and what points to them."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "word/numbering.xml": NUMBERING,
        "word/footnotes.xml": _footnotes("Theo kết quả điều tra doanh nghiệp năm 2024 của Cục "
                                         "Thống kê tỉnh, do Sở Tài chính chủ trì."),
        "word/header1.xml": _header("hdr", "Kế hoạch số 118/KH-SKHCN - Trang "),
        "word/footer1.xml": f'<w:ftr xmlns:w="{W_NS}">' + para(
            run("Trang "), field("PAGE", "2"), run("/"), field("NUMPAGES", "3")) + "</w:ftr>",
    }
    rels = (f'<Relationship Id="rId90" Type="{rel}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId91" Type="{rel}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId92" Type="{rel}/footer" Target="footer1.xml"/>')
    types = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{main}.{kind}+xml"/>'
        for name, kind in (("footnotes", "footnotes"), ("header1", "header"), ("footer1", "footer")))
    section = (f'<w:p><w:pPr><w:sectPr xmlns:r="{rel}"><w:headerReference w:type="default" '
               'r:id="rId91"/><w:footerReference w:type="default" r:id="rId92"/></w:sectPr>'
               "</w:pPr></w:p>")
    return parts, rels, types, section


@pytest.mark.parametrize("form", FORMS)
def test_word_draft_with_numbering_text_box_tracked_changes_notes_and_running_heads(
        tmp_path, form):
    parts, rels, types, section = word_package_parts()
    path = docx_package(tmp_path / "du thao.docx",
                        unicodedata.normalize(form, word_items() + section), parts, rels, types)
    text, _ = read_document(path)
    for gone in ("Sở Tài chính", "Quý I năm", "công nghệ thông tin", "Cục Thống kê", "Trang"):
        assert gone not in text
    plan = load_file(path)
    assert summary(plan) == expected(ITEMS)
    assert [t.number for t in plan.tasks[:6]] == ["1", "1.a", "1.b", "2", "2.a", "2.b"]
    assert task(plan, "Khảo sát nhu cầu").deadline.text == "Quý II năm 2026"
    assert task(plan, "hệ thống quản lý chất lượng").support == ["Sở Y tế"]
    fair = task(plan, "Chợ công nghệ")
    assert fair.lead == ["Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"]
    assert fair.support == ["Văn phòng Sở", "Sở Nông nghiệp và Môi trường"]
    assert_quotes_its_source(plan, path, "Khảo sát nhu cầu đổi mới công nghệ")


# --- PDF -----------------------------------------------------------------------------------------
# Printed by headless Chromium, as a portal's "print to PDF" makes them: 12 pt justified text,
# a running head and a "Trang N/M" foot on every page.

_STYLE = (
    "body{font-family:'DejaVu Serif',serif;font-size:12pt} p{margin:0 0 4pt 0;text-align:justify}"
    " .goes-on{text-align-last:justify} .sign{display:flex;justify-content:space-between;"
    "margin-top:8pt} .sign div{width:45%} .sign .right p{text-align:center}"
    " table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:2pt;"
    "vertical-align:top;font-size:10pt}"
)
RUNNING_HEAD = "Kế hoạch số 118/KH-SKHCN ngày 09/9/2025 của Sở Khoa học và Công nghệ"


def print_pdf(browser, path: Path, body: str, height_mm: int = 210) -> Path:
    page = browser.new_page()
    try:
        page.set_content(f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head>"
                         f"<body>{body}</body></html>")
        small = "font-size:8pt;width:100%;text-align:center"
        page.pdf(path=str(path), width="148mm", height=f"{height_mm}mm",
                 display_header_footer=True,
                 header_template=f"<div style='{small}'>{escape(RUNNING_HEAD)}</div>",
                 footer_template=f"<div style='{small}'>Trang <span class='pageNumber'></span>/"
                                 "<span class='totalPages'></span></div>",
                 margin={"top": "18mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
    finally:
        page.close()
    return path


def closing_side_by_side() -> str:
    """"Nơi nhận:" and its list on the left, the signature block on the right."""
    lines = TAIL.splitlines()
    at = lines.index("KT. GIÁM ĐỐC")
    left = "".join(f"<p>{escape(line)}</p>" for line in lines[3:at])
    right = "".join(f"<p>{escape(line)}</p>" for line in [*lines[at:at + 2], "(Đã ký)", lines[-1]])
    return f"<div class='sign'><div>{left}</div><div class='right'>{right}</div></div>"


def page_lines(path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
def test_pdf_with_page_heads_a_sentence_cut_by_a_page_break_and_the_signature_beside(
        browser, tmp_path, form):
    """Task 2.b runs from one page to the next, cut before a unit's name ("… phối hợp với" /
    "Thanh tra Sở …"), and wraps after "thời gian thực hiện:" before "Quý IV năm 2026."."""
    lines = ITEMS.splitlines()
    body = []
    for line in lines[:lines.index("Nơi nhận:")]:
        if "Thanh tra Sở" in line:
            before, after = line.split(" Thanh tra Sở")
            body.append(f"<p class='goes-on'>{escape(before)}</p>"
                        f"<div style='break-after:page'></div><p>Thanh tra Sở{escape(after)}</p>")
        else:
            body.append(f"<p>{escape(line)}</p>")
    html = unicodedata.normalize(form, "".join(body) + closing_side_by_side())
    path = print_pdf(browser, tmp_path / "ke hoach.pdf", html)
    pages = page_lines(path)
    assert len(pages) >= 2 and all(page[0] == RUNNING_HEAD for page in pages)
    assert all(page[-1] == f"Trang {k}/{len(pages)}" for k, page in enumerate(pages, start=1))
    cut = next(k for k, page in enumerate(pages) if page[1].startswith("Thanh tra Sở"))
    assert pages[cut - 1][-2].endswith("phối hợp với")
    printed = [line for page in pages for line in page]
    wrap = next(k for k, line in enumerate(printed) if "Thanh tra Sở" in line)
    assert any(a.endswith("thực hiện:") and b.startswith("Quý IV")
               for a, b in zip(printed[wrap:], printed[wrap + 1:], strict=False))
    text, _ = read_document(path)
    assert "Trang" not in text and RUNNING_HEAD not in text
    plan = load_file(path)
    assert summary(plan) == expected(ITEMS)
    review = task(plan, "Thanh tra Sở đánh giá")
    assert review.lead == ["Phòng Quản lý khoa học"] and review.support == ["Thanh tra Sở"]
    assert review.deadline.text == "Quý IV năm 2026"
    assert plan.signer == "Trần Thị Hạnh" and plan.signer_capacity == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert_quotes_its_source(plan, path, "đánh giá kết quả thực hiện nhiệm vụ")


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("two_row_head", [False, True], ids=["one-row-head", "two-row-head"])
def test_pdf_table_with_lead_and_deadline_cells_spanning_rows(browser, tmp_path, form,
                                                              two_row_head):
    """A printed web page's table (one page): partners parted by commas, as Word prints
    them; the lead and the deadline of rows 1-3 in one cell each."""
    table_html = html_table(two_row_head).replace("<br>", ", ")
    html = paragraphs(HEAD) + table_html + paragraphs(TAIL)
    path = print_pdf(browser, tmp_path / "bang.pdf", unicodedata.normalize(form, html), 400)
    assert len(page_lines(path)) == 1
    plan = load_file(path)
    assert summary(plan) == expected(TABLE)
    for words in ("cung - cầu công nghệ", "bảo hộ quyền sở hữu trí tuệ"):
        merged = task(plan, words)
        assert merged.lead == [QLCN] and merged.deadline.text == "Quý II năm 2026"
    assert_quotes_its_source(plan, path, "cung - cầu công nghệ")


def _row_cut(pages: list[list[str]]) -> bool:
    """A page after the first opening (below its running head) with the rest of a table row:
    words of a task, no number before them."""
    numbers = {number for number, *_ in ROWS}
    return any(len(page) > 1 and page[1].split(" ", 1)[0] not in numbers
               and fold(page[1]).split(" ", 1)[0] in fold(" ".join(t for _, t, *_ in ROWS))
               for page in pages[1:])


@pytest.mark.browser
@pytest.mark.parametrize("form", FORMS)
def test_pdf_table_row_cut_by_a_page_break_without_a_repeated_header(browser, tmp_path, form):
    """The rest of a row cut by a page break sits at the next page's top with no rule above
    it (the header does not repeat): it is read back into its row."""
    html = unicodedata.normalize(form, paragraphs(HEAD) + html_table(False, span=1).replace(
        "<br>", ", ") + paragraphs(TAIL))
    for height in range(200, 261, 4):  # a page height at which a page break cuts a row
        path = print_pdf(browser, tmp_path / f"bang{height}.pdf", html, height)
        if _row_cut(page_lines(path)):
            break
    else:
        pytest.fail("no page height cut a table row")
    plan = load_file(path)
    assert summary(plan) == expected(TABLE)
    assert len([t for t in plan.tasks if t.number.isdigit()]) == len(ROWS)
