"""A plan as portals and offices really deliver it reads to the same plan as its plain text.

Each case is a pair: :data:`PLAN` (our own small plan, as plain text) and the same plan
in Word, PDF, a web page or a text file carrying one real-world feature (tracked changes,
fields, content controls, running headers, legacy charsets …). The parse of the file must
give the same tasks, units, deadlines and references as the parse of the text. Files
that cannot be read give one clear reason naming the file, and a folder holding them
still loads its good files.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from policykg.loaders import parse
from policykg.loaders.batch import Loaded, Skipped, load_file, load_paths
from policykg.loaders.model import LoadError, SourceFile
from policykg.loaders.ocr import ocr_engine
from policykg.loaders.readers import read_document
from tests.test_readers import _pdf_with_text, to_cp1258, to_tcvn3

PLAN = """UBND TỈNH KON TUM
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 27/KH-SKHCN
Kon Tum, ngày 14 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện Chương trình hành động số 45-CTr/TU ngày 10/3/2025 của Tỉnh ủy về thực hiện \
Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
Căn cứ Quyết định số 312/QĐ-UBND ngày 02 tháng 4 năm 2025 của UBND tỉnh về ban hành \
Kế hoạch chuyển đổi số năm 2025;
Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ được giao, bảo đảm đúng tiến độ và hiệu quả.
II. NHIỆM VỤ CỤ THỂ
1. Rà soát, cập nhật cơ sở dữ liệu về tổ chức khoa học và công nghệ trên địa bàn tỉnh.
Đơn vị chủ trì: Phòng Quản lý khoa học.
Đơn vị phối hợp: Văn phòng Sở, Trung tâm Ứng dụng khoa học và công nghệ.
Thời gian thực hiện: Quý III năm 2025.
2. Tổ chức tập huấn về sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa.
Đơn vị chủ trì: Phòng Quản lý công nghệ và Sở hữu trí tuệ.
Đơn vị phối hợp: Sở Công Thương, Hội Nông dân tỉnh.
Thời gian thực hiện: Hàng năm.
3. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp với Công an tỉnh kiểm tra đo \
lường xăng dầu tại các cửa hàng; thời gian thực hiện: trước ngày 30/11 hằng năm.
III. TỔ CHỨC THỰC HIỆN
- Phòng Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch.
- Các phòng, đơn vị trực thuộc Sở triển khai thực hiện Kế hoạch này.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Bình
"""
LINES = PLAN.splitlines()
HEAD, TASKS = LINES[:8], LINES[8:]  # the header block to "… như sau:"; the body from "I." on


def at(prefix: str) -> int:
    """Index in :data:`TASKS` of the line starting with ``prefix``."""
    return next(i for i, line in enumerate(TASKS) if line.startswith(prefix))


def _source(name: str = "plan.txt") -> SourceFile:
    return SourceFile(path=name, sha256="0" * 64, format="txt", encoding="utf-8")


def summary(plan) -> dict:
    """What a user checks: each task's words, units, deadline; the plan's number and citations."""
    return {
        "number": plan.number,
        "date": plan.date,
        "title": plan.title,
        "tasks": [
            (t.number, t.text, t.lead, t.support, t.deadline.text if t.deadline else None)
            for t in plan.tasks
        ],
        "references": sorted((r.key, r.relation, r.date) for r in plan.references),
    }


def expected(text: str = PLAN) -> dict:
    return summary(parse.parse_text(text, _source()))


def test_the_plain_text_plan_has_what_the_cases_compare():
    want = expected()
    assert len(want["tasks"]) >= 5 and want["number"] == "27/KH-SKHCN"
    assert all(lead for _, _, lead, _, _ in want["tasks"])
    assert {"45-CTr/TU", "57-NQ/TW", "312/QĐ-UBND"} <= {key for key, _, _ in want["references"]}


def reads_like_the_text(path: Path, text: str = PLAN) -> None:
    assert summary(load_file(path)) == expected(text)


# --- Word ----------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def plain(text: str) -> str:
    return para(run(text))


def cell(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def row(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def table(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def docx_package(path: Path, body: str, parts: dict[str, str] | None = None,
                 rels: str = "", content_types: str = "") -> Path:
    """A Word file whose body is ``body`` (WordprocessingML written as Word writes it).

    ``parts`` adds package parts (footnotes, headers …); ``rels`` and ``content_types``
    add the relationships and overrides that point to them.
    """
    import docx

    document = docx.Document()
    document.add_paragraph("placeholder")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        files = {name: package.read(name) for name in package.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr")
    files["word/document.xml"] = (xml[:start] + body + xml[end:]).encode("utf-8")
    if rels:
        name = "word/_rels/document.xml.rels"
        files[name] = files[name].replace(b"</Relationships>", rels.encode() + b"</Relationships>")
    if content_types:
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            b"</Types>", content_types.encode() + b"</Types>")
    for name, text in (parts or {}).items():
        files[name] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    return path


def word_plan(tasks_xml: str, head_xml: str | None = None) -> str:
    """The header block as plain paragraphs (unless given), then ``tasks_xml``."""
    return (head_xml if head_xml is not None else "".join(plain(line) for line in HEAD)) + tasks_xml


def plain_tasks(lines: list[str] = TASKS) -> str:
    return "".join(plain(line) for line in lines)


def field(instruction: str, result: str) -> str:
    """A complex field as Word writes it: begin, code, separate, result runs, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_docx_tracked_changes_keep_insertions_and_drop_deletions_and_moves(tmp_path):
    k = at("3. Chi cục")
    before, after = TASKS[k].split(" tại các cửa hàng")
    xml = plain_tasks(TASKS[:k]) + para(
        run(before),
        '<w:moveTo w:id="7" w:author="Chuyên viên"><w:r><w:t xml:space="preserve"> tại các '
        "cửa hàng</w:t></w:r></w:moveTo>",
        '<w:del w:id="8" w:author="Chuyên viên"><w:r><w:delText>, kho xăng dầu của doanh '
        "nghiệp</w:delText></w:r></w:del>",
        '<w:ins w:id="9" w:author="Chuyên viên">' + run(after) + "</w:ins>",
    ) + para(
        '<w:moveFrom w:id="10" w:author="Chuyên viên"><w:r><w:t xml:space="preserve">Nội dung '
        "tại các cửa hàng</w:t></w:r></w:moveFrom>",
    ) + plain_tasks(TASKS[k + 1:])
    # a paragraph added whole as an insertion, and one deleted whole
    xml = xml.replace(
        plain(TASKS[at("1. ")]),
        plain(TASKS[at("1. ")])
        + '<w:p><w:pPr><w:rPr><w:del w:id="11" w:author="A"/></w:rPr></w:pPr>'
        '<w:del w:id="12" w:author="A"><w:r><w:delText>4. Nhiệm vụ đã bỏ khỏi dự thảo.'
        "</w:delText></w:r></w:del></w:p>",
    )
    # two lines a reviewer made one by deleting the paragraph mark between them
    label, value = TASKS[at("Đơn vị chủ trì")].split(" ", 1)
    xml = xml.replace(
        plain(TASKS[at("Đơn vị chủ trì")]),
        f'<w:p><w:pPr><w:rPr><w:del w:id="13" w:author="A"/></w:rPr></w:pPr>{run(label)}'
        f'<w:ins w:id="14" w:author="A">{run(" ")}</w:ins></w:p>' + plain(value),
    )
    path = docx_package(tmp_path / "sua doi.docx", word_plan(xml))
    text, _ = read_document(path)
    assert TASKS[at("Đơn vị chủ trì")] in text.splitlines()
    assert "kho xăng dầu" not in text and "đã bỏ khỏi dự thảo" not in text
    assert text.count("tại các cửa hàng") == 1
    reads_like_the_text(path)


def test_docx_fields_give_their_result_never_their_code(tmp_path):
    title = HEAD[5]
    cut = title.index("Nghị quyết số 57-NQ/TW")
    head = HEAD[:5] + HEAD[6:]
    title_xml = para(
        run(title[:cut]),
        field('HYPERLINK "https://vanban.chinhphu.vn/nq-57" \\o "Nghị quyết"',
              "Nghị quyết số 57-NQ/TW"),
        run(title[cut + len("Nghị quyết số 57-NQ/TW"):]),
    )
    basis = HEAD[6]
    basis_xml = para(
        run("Căn cứ "),
        '<w:fldSimple w:instr=" REF _Ref123 \\h "><w:r><w:t>Quyết định số 312/QĐ-UBND'
        "</w:t></w:r></w:fldSimple>",
        run(basis[len("Căn cứ Quyết định số 312/QĐ-UBND"):]),
    )
    date = HEAD[3]
    date_xml = para(run("Kon Tum, ngày "), field("DATE \\@ \"dd\"", "14"),
                    run(date[len("Kon Tum, ngày 14"):]))
    xml = "".join(plain(line) for line in head[:3]) + date_xml + plain(head[4]) + title_xml
    xml += basis_xml + "".join(plain(line) for line in head[6:])
    page = para(run("Trang "), field("PAGE", "1"), run(" / "), field("NUMPAGES", "3"))
    path = docx_package(tmp_path / "truong.docx", word_plan(plain_tasks() + page, xml))
    text, _ = read_document(path)
    for code in ("HYPERLINK", "PAGE", "REF", "DATE", "_Ref", "https://"):
        assert code not in text
    reads_like_the_text(path, PLAN + "Trang 1 / 3\n")


def test_docx_hyperlinks_content_controls_breaks_tabs_and_symbols(tmp_path):
    head = "".join(plain(line) for line in HEAD[:4]) + para(
        run(HEAD[4]), "<w:r><w:br/></w:r>", run(HEAD[5])  # title after a soft line break
    ) + "".join(plain(line) for line in HEAD[6:])
    one, two, three = at("1. "), at("2. "), at("3. ")
    task1 = TASKS[one]
    tasks_xml = plain_tasks(TASKS[:one]) + para(
        run("1."), "<w:r><w:tab/></w:r>",
        f'<w:hyperlink r:id="rId99" xmlns:r="{R_NS}" w:history="1">'
        + run(task1[3:20], '<w:rStyle w:val="Hyperlink"/>') + "</w:hyperlink>",
        run(task1[20:]),
    )
    # a label, a tab, the value; a unit list in a content control inside the paragraph
    label, value = TASKS[one + 1].split(": ")
    tasks_xml += para(run(label + ":"), "<w:r><w:tab/></w:r>", run(value))
    label, value = TASKS[one + 2].split(": ")
    tasks_xml += para(
        run(label + ": "),
        '<w:sdt><w:sdtPr><w:alias w:val="Phối hợp"/><w:text/></w:sdtPr><w:sdtContent>'
        + run(value) + "</w:sdtContent></w:sdt>",
    )
    # a paragraph-level content control around task 2 and its fields, a document
    # system's custom tag around its deadline
    tasks_xml += plain_tasks(TASKS[one + 3:two]) + (
        '<w:sdt><w:sdtPr><w:tag w:val="nhiem-vu-2"/></w:sdtPr><w:sdtContent>'
        + plain_tasks(TASKS[two:three - 1]) + "</w:sdtContent></w:sdt>"
        + '<w:customXml w:uri="urn:vanban" w:element="thoiHan">' + plain(TASKS[three - 1])
        + "</w:customXml>"
    )
    # an empty content control still showing its placeholder
    tasks_xml += (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>"
        + para(run("Bấm hoặc gõ nhẹ vào đây để nhập văn bản.",
                   '<w:rStyle w:val="PlaceholderText"/>'))
        + "</w:sdtContent></w:sdt>"
    )
    # an optional hyphen inside a word, hidden text
    task3 = TASKS[three]
    tasks_xml += para(
        run(task3[:14]), "<w:r><w:softHyphen/></w:r>", run(task3[14:40]),
        run(" (ghi chú ẩn của người soạn)", "<w:vanish/>"), run(task3[40:]),
    )
    bullets = at("- Phòng Kế hoạch")
    tasks_xml += plain_tasks(TASKS[three + 1:bullets])
    # bullets typed as symbol-font glyphs; a non-breaking hyphen in a unit's name
    bullet = TASKS[bullets]
    tasks_xml += para(
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r><w:r><w:tab/></w:r>',
        run("Phòng Kế hoạch"), run(" "), "<w:r><w:noBreakHyphen/></w:r>",
        run(bullet[len("- Phòng Kế hoạch -"):]),
    )
    tasks_xml += para(
        '<w:r><w:sym w:font="Wingdings" w:char="F0A7"/></w:r><w:r><w:tab/></w:r>',
        run(TASKS[bullets + 1][2:]),
    )
    tasks_xml += plain_tasks(TASKS[bullets + 2:])
    path = docx_package(
        tmp_path / "bieu mau.docx", word_plan(tasks_xml, head),
        rels=f'<Relationship Id="rId99" Type="{R_NS}/hyperlink" '
        'Target="https://example.org/csdl" TargetMode="External"/>',
    )
    text, _ = read_document(path)
    assert "Bấm hoặc gõ nhẹ" not in text and "ghi chú ẩn" not in text
    assert "Phòng Kế hoạch - Tài chính" in text
    reads_like_the_text(path)


def test_docx_content_controls_in_a_layout_table_header(tmp_path):
    sdt_cell = (
        "<w:tc><w:tcPr/><w:sdt><w:sdtPr><w:tag w:val='so'/></w:sdtPr><w:sdtContent>"
        + plain(HEAD[2]) + "</w:sdtContent></w:sdt></w:tc>"
    )
    head = table(
        row(cell(plain(HEAD[0]), plain(HEAD[1])), cell(plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                                      plain("Độc lập - Tự do - Hạnh phúc"))),
        row(sdt_cell, "<w:sdt><w:sdtPr/><w:sdtContent>" + cell(plain(HEAD[3]))
            + "</w:sdtContent></w:sdt>"),
    ) + "".join(plain(line) for line in HEAD[4:])
    path = docx_package(tmp_path / "dau trang.docx", word_plan(plain_tasks(), head))
    text = PLAN.replace(HEAD[2], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                        + HEAD[2])
    reads_like_the_text(path, text)


def _footnotes(text: str) -> str:
    return (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p>'
        "</w:footnote></w:footnotes>"
    )


def _header(xml_tag: str, text: str) -> str:
    return (f'<w:{xml_tag} xmlns:w="{W_NS}">'
            + para(run(text), field("PAGE", "2")) + f"</w:{xml_tag}>")


def test_docx_footnotes_headers_and_footers_stay_out_of_the_tasks(tmp_path):
    task1 = TASKS[1]
    note_ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>' \
        '<w:footnoteReference w:id="1"/></w:r>'
    tasks_xml = plain(TASKS[0]) + para(run(task1[:-1]), note_ref, run(".")) + plain_tasks(
        TASKS[2:])
    parts = {
        "word/footnotes.xml": _footnotes("Theo số liệu của Cục Thống kê tỉnh năm 2024."),
        "word/header1.xml": _header("hdr", "Kế hoạch số 27/KH-SKHCN - Trang "),
        "word/footer1.xml": _header("ftr", "Sở Khoa học và Công nghệ tỉnh Kon Tum - "),
    }
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = (
        f'<Relationship Id="rId90" Type="{ns}/footnotes" Target="footnotes.xml"/>'
        f'<Relationship Id="rId91" Type="{ns}/header" Target="header1.xml"/>'
        f'<Relationship Id="rId92" Type="{ns}/footer" Target="footer1.xml"/>'
    )
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = (
        f'<Override PartName="/word/footnotes.xml" ContentType="{main}.footnotes+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{main}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/>'
    )
    body = word_plan(tasks_xml)
    body += ('<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId91" '
             f'xmlns:r="{R_NS}"/><w:footerReference w:type="default" r:id="rId92" '
             f'xmlns:r="{R_NS}"/></w:sectPr></w:pPr></w:p>')
    path = docx_package(tmp_path / "chu thich.docx", body, parts, rels, types)
    text, _ = read_document(path)
    assert "Trang" not in text and "Sở Khoa học và Công nghệ tỉnh Kon Tum -" not in text
    want = expected()
    got = summary(load_file(path))
    assert got["tasks"] == want["tasks"] and got["references"] == want["references"]


def test_docx_text_cut_into_runs_mid_syllable_and_decomposed(tmp_path):
    def shredded(line: str) -> str:
        runs = []
        for ch in unicodedata.normalize("NFD", line):
            runs.append(run(ch, '<w:lang w:val="vi-VN"/>'))
            if ch == " ":
                runs.append('<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="5" '
                            'w:name="_GoBack"/><w:bookmarkEnd w:id="5"/>')
        return para(*runs)

    path = docx_package(tmp_path / "vun.docx",
                        "".join(shredded(line) for line in PLAN.splitlines()))
    reads_like_the_text(path)


_NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/>
<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>
<w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>"""


def _styles_with_numbered_headings(styles: str) -> str:
    numbered = {"Heading1": '<w:numPr><w:numId w:val="7"/></w:numPr>',
                "Heading2": '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>'}
    for style_id, num_pr in numbered.items():
        at = styles.index(f'w:styleId="{style_id}"')
        ppr = styles.index("<w:pPr>", at) + len("<w:pPr>")
        styles = styles[:ppr] + num_pr + styles[ppr:]
    return styles


def test_docx_headings_numbered_by_their_style(tmp_path):
    import docx

    def heading(line: str, style: str) -> str:
        return para(run(line.split(" ", 1)[1]), ppr=f'<w:pStyle w:val="{style}"/>')

    lines = PLAN.splitlines()
    body = ""
    for line in lines:
        if line.startswith(("I. ", "II. ", "III. ")):
            body += heading(line, "Heading1")
        elif line[:2] in ("1.", "2.", "3."):
            body += heading(line, "Heading2")
        else:
            body += plain(line)
    document = docx.Document()
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    path = docx_package(
        tmp_path / "muc.docx", body,
        {"word/numbering.xml": _NUMBERING,
         "word/styles.xml": _styles_with_numbered_headings(styles)},
    )
    reads_like_the_text(path)


def _word_document(path: Path, lines: list[str] = LINES) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _rewrite_package(path: Path, change) -> Path:
    """Rewrite every part of a package through ``change(name, bytes) -> bytes``."""
    with zipfile.ZipFile(path) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(name, change(name, data))
    return path


# Word's "Strict Open XML Document" names the same parts in other namespaces.
_TO_STRICT = [
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
]


def test_docx_saved_as_strict_open_xml(tmp_path):
    def strict(name: str, data: bytes) -> bytes:
        for usual, other in _TO_STRICT:
            data = data.replace(usual, other)
        return data

    path = _rewrite_package(_word_document(tmp_path / "strict.docx"), strict)
    reads_like_the_text(path)


def test_docx_written_by_another_office_suite(tmp_path):
    """A bare package as LibreOffice or a converter writes it: no styles or numbering parts,
    the Word namespace under another prefix (ElementTree's ``ns0``), booleans spelt out."""
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

    def p(text: str) -> str:
        return ('<ns0:p><ns0:pPr><ns0:pStyle ns0:val="Normal"/></ns0:pPr><ns0:r><ns0:rPr>'
                '<ns0:vanish ns0:val="false"/><ns0:b ns0:val="false"/></ns0:rPr>'
                f"<ns0:t>{escape(text)}</ns0:t></ns0:r></ns0:p>")

    body = "".join(p(line) for line in LINES)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ns0:document '
        f'xmlns:ns0="{W_NS}"><ns0:body>{body}<ns0:sectPr><ns0:type ns0:val="nextPage"/>'
        "</ns0:sectPr></ns0:body></ns0:document>"
    )
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'),
        "_rels/.rels": (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}">'
                        f'<Relationship Id="rId1" Type="{rel}" Target="word/document.xml"/>'
                        "</Relationships>"),
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{ns}"></Relationships>',
        "word/document.xml": document,
        "docProps/app.xml": "<Properties><Application>LibreOffice/7.4</Application></Properties>",
    }
    path = tmp_path / "libreoffice.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    reads_like_the_text(path)


def _content_type(main: bytes):
    usual = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def change(name: str, data: bytes) -> bytes:
        return data.replace(usual, main) if name == "[Content_Types].xml" else data

    return change


@pytest.mark.parametrize(("suffix", "main"), [
    (".docm", b"application/vnd.ms-word.document.macroEnabled.main+xml"),
    (".dotx", b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    (".docx", b"application/vnd.ms-word.document.macroEnabled.main+xml"),  # renamed .docm
], ids=["docm", "dotx", "docm-named-docx"])
def test_macro_enabled_documents_and_templates_are_read_without_running_anything(
        tmp_path, suffix, main):
    path = _rewrite_package(_word_document(tmp_path / f"macro{suffix}"), _content_type(main))
    reads_like_the_text(path)


def test_a_docx_named_doc_and_a_web_page_named_doc_are_read(tmp_path):
    docx_path = _word_document(tmp_path / "that.docx")
    named_doc = tmp_path / "that.doc"
    named_doc.write_bytes(docx_path.read_bytes())
    reads_like_the_text(named_doc)
    page = tmp_path / "xuat ra word.doc"  # a portal's "export to Word": HTML named .doc
    page.write_text(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-'
        'com:office:word"><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=utf-8"></head><body>' + "".join(f"<p>{escape(line)}</p>" for line in LINES)
        + "</body></html>", encoding="utf-8")
    _, source = read_document(page)
    assert source.format == "html"
    reads_like_the_text(page)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(("name", "data", "words"), [
    ("cu.doc", _OLE + b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00", "damaged Word 97-2003"),
    ("cu.docx", _OLE + b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00", "Word 97-2003"),
    ("khoa.docx", _OLE + "EncryptedPackage".encode("utf-16-le"), "password protected"),
    ("rtf.doc", rb"{\rtf1\ansi K\'ea ho\'e1ch}", "RTF"),
    ("rtf.docx", rb"{\rtf1\ansi K\'ea ho\'e1ch}", "RTF"),
    ("mht.doc", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n",
     "MHTML"),
], ids=["doc", "doc-named-docx", "encrypted-docx", "rtf-named-doc", "rtf-named-docx",
        "mhtml-named-doc"])
def test_old_word_encrypted_word_and_rtf_get_a_reason_that_says_what_to_do(
        tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=words) as caught:
        read_document(path)
    assert caught.value.path == str(path)


# --- web pages -----------------------------------------------------------------------------


def _paragraphs(lines: list[str] = LINES) -> str:
    return "\n".join(f"<p>{escape(line)}</p>" for line in lines)


PORTAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>Kế hoạch 27/KH-SKHCN - Cổng thông tin</title>
<link rel="stylesheet" href="/css/site.css"><style>.menu li {{ float: left }}</style>
<script>window.dataLayer = [{{"page": "1. Phòng Quản lý khoa học chủ trì"}}];</script></head>
<body>
<div id="top-bar">Đăng nhập | Sơ đồ trang | English</div>
<div class="header-banner"><img src="logo.png" alt="Sở Khoa học và Công nghệ tỉnh Kon Tum"></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li></ul>
<div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a> » Kế hoạch</div>
<div class="row"><div class="col-left"><div class="box-title">Lĩnh vực</div>
<ul><li>Tiêu chuẩn đo lường chất lượng</li><li>Sở hữu trí tuệ</li></ul></div>
<div class="col-main"><div class="news-detail">
<div class="tools">Lượt xem: 1.024 | <a href="#">In trang</a> | <a href="#">Gửi email</a></div>
{body}
<div class="attachments">Tệp đính kèm: <a href="/files/27-KH-SKHCN.pdf">27-KH-SKHCN.pdf</a></div>
</div>
<div class="related"><h3>Tin liên quan</h3><ul><li>Hội thảo chuyển đổi số năm 2025</li>
<li>Kế hoạch 15/KH-SKHCN về tập huấn</li></ul></div></div></div>
<div id="footer">Bản quyền thuộc Sở Khoa học và Công nghệ tỉnh Kon Tum. Địa chỉ: 120 Trần Phú.</div>
<script src="/js/jquery.js"></script><script>ga('send', 'pageview');</script>
</body></html>
"""


def _portal(body: str, charset: str = "utf-8") -> str:
    return PORTAL.format(charset=charset, body=body)


def _nbsp_and_breaks() -> str:
    """The header lines joined by <br>, some spaces as &nbsp;, a label and value split by one."""
    head = "<p>" + "<br>".join(escape(line) for line in HEAD[:4]) + "</p>"
    lines = [escape(line).replace("Kế hoạch", "Kế&nbsp;hoạch").replace(". ", ".&nbsp;&nbsp;", 1)
             for line in LINES[4:]]
    return head + "\n" + "\n".join(f"<p>{line}</p>" for line in lines)


@pytest.mark.parametrize("body", [_paragraphs(), _nbsp_and_breaks()], ids=["p", "nbsp-br"])
def test_portal_page_reads_like_the_text(tmp_path, body):
    path = tmp_path / "chi-tiet.html"
    path.write_text(_portal(body), encoding="utf-8")
    text, _ = read_document(path)
    for debris in ("Trang chủ", "Lượt xem", "Tin liên quan", "Bản quyền", "dataLayer", "Lĩnh vực",
                   "Tệp đính kèm"):
        assert debris not in text
    reads_like_the_text(path)


def test_page_laid_out_in_a_table(tmp_path):
    """An older portal: menu | document | links as the three cells of one table row."""
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body><table width="100%" border="0"><tr><td colspan="3"><img src="banner.jpg"></td></tr>'
        '<tr><td width="180" valign="top"><a href="/">Trang chủ</a><br><a href="/tt">Tin tức'
        '</a><br><a href="/vb">Văn bản</a></td><td valign="top">' + _paragraphs()
        + '</td><td width="160" valign="top"><a href="/lh">Liên hệ</a><br>Thăm dò ý kiến</td>'
        "</tr></table></body></html>"
    )
    path = tmp_path / "bang.htm"
    path.write_text(page, encoding="utf-8")
    reads_like_the_text(path)


def test_page_in_windows_1258_and_page_in_nfd(tmp_path):
    legacy = tmp_path / "cu.htm"
    legacy.write_bytes(to_cp1258(_portal(_paragraphs(), charset="windows-1258")))
    assert read_document(legacy)[1].encoding == "cp1258"
    reads_like_the_text(legacy)
    nfd = tmp_path / "nfd.html"
    nfd.write_text(unicodedata.normalize("NFD", _portal(_paragraphs())), encoding="utf-8")
    reads_like_the_text(nfd)


def _word_html(lines: list[str]) -> bytes:
    """A page as Word's "Save as Web Page, Filtered" writes it: Windows-1252 with character
    references for the letters that code page lacks, MsoNormal paragraphs, <o:p>, lists
    drawn by hand inside <![if !supportLists]>, spans for tabs."""
    out = []
    for line in lines:
        text = escape(line)
        if line.startswith("- "):
            out.append(
                "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 "
                "level1 lfo1'><![if !supportLists]><span lang=VI>-<span style='font:7.0pt "
                "\"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
                f"<![endif]><span lang=VI>{text[2:]}<o:p></o:p></span></p>")
        elif line.isupper():
            out.append("<p class=MsoNormal align=center style='text-align:center'><b><span "
                       f"lang=VI style='font-size:13.0pt;mso-bidi-font-size:12.0pt'>{text}"
                       "<o:p></o:p></span></b></p>")
        elif ": " in line and line.startswith("Đơn vị"):
            label, value = text.split(": ", 1)
            out.append(f"<p class=MsoNormal><i><span lang=VI>{label}:</span></i><span lang=VI>"
                       "<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>"
                       f"{value}<o:p></o:p></span></p>")
        else:
            out.append(f"<p class=MsoNormal style='text-align:justify'><span lang=VI>{text}"
                       "<o:p></o:p></span></p>")
    page = (
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:"
        "office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n<head>\n<meta "
        "http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\n<meta name="
        "Generator content=\"Microsoft Word 15 (filtered)\">\n<style>\n<!--\n /* Font "
        "Definitions */\n @font-face\n\t{font-family:\"Cambria Math\";}\np.MsoNormal\n\t"
        "{margin:0cm;font-size:12.0pt;}\n-->\n</style>\n</head>\n<body lang=EN-US style='word-"
        "wrap:break-word'>\n<div class=WordSection1>\n" + "\n".join(out)
        + "\n<p class=MsoNormal>&nbsp;</p>\n</div>\n</body>\n</html>\n"
    )
    return page.encode("cp1252", errors="xmlcharrefreplace")


def test_word_filtered_web_page(tmp_path):
    path = tmp_path / "ke hoach.htm"
    path.write_bytes(_word_html(LINES))
    text, _ = read_document(path)
    assert "&#" not in text and "o:p" not in text and "Font Definitions" not in text
    reads_like_the_text(path)


# --- text files ----------------------------------------------------------------------------


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize(("encode", "encoding"), [
    (lambda t: _crlf(t).encode("utf-16"), "utf-16"),  # Notepad's "Unicode": BOM, CRLF
    (lambda t: _crlf(t).encode("utf-8-sig"), "utf-8-sig"),
    (lambda t: to_cp1258(_crlf(t)), "cp1258"),
    (lambda t: to_tcvn3(t), "tcvn3"),
    (lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),  # old Mac line ends
    (lambda t: unicodedata.normalize("NFD", _crlf(t)).encode("utf-8"), "utf-8"),
], ids=["utf16-bom-crlf", "utf8-bom-crlf", "cp1258-crlf", "tcvn3", "cr", "nfd"])
def test_text_file_encodings_and_line_ends(tmp_path, encode, encoding):
    path = tmp_path / "ke hoach.txt"
    path.write_bytes(encode(PLAN))
    assert read_document(path)[1].encoding == encoding
    reads_like_the_text(path)


def test_text_with_form_feeds_between_pages_and_a_sentence_cut_by_one(tmp_path):
    """What a PDF-to-text converter writes: pages split by form feeds, a page number at
    each page's foot, a sentence running on to the next page."""
    task3 = TASKS[at("3. ")]
    cut = task3.index(" lường xăng dầu")
    lines = LINES[:]
    k = lines.index(task3)
    pages = [
        "\n".join(lines[:k] + [task3[:cut]]) + "\n\n                                   1\n",
        task3[cut + 1:] + "\n" + "\n".join(lines[k + 1:]) + "\n\n                     2\n",
    ]
    path = tmp_path / "tu pdf.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    reads_like_the_text(path)


def test_utf8_text_with_a_few_pasted_windows_1252_quotes(tmp_path):
    """A UTF-8 plan into which Word's curly quotes were pasted as Windows-1252 bytes."""
    quoted = PLAN.replace("Kế hoạch chuyển đổi số năm 2025",
                          "Kế hoạch “Chuyển đổi số năm 2025”")
    data = quoted.encode("utf-8")
    for mark in "“”":
        data = data.replace(mark.encode("utf-8"), mark.encode("cp1252"))
    path = tmp_path / "dan.txt"
    path.write_bytes(data)
    text, source = read_document(path)
    assert source.encoding == "utf-8+cp1252" and "“Chuyển đổi số năm 2025”" in text
    reads_like_the_text(path, quoted)


def test_text_in_the_vni_font_encoding_is_refused_by_name(tmp_path):
    vni = (
        "UBND TÆNH KON TUM\nKEÁ HOAÏCH\n1. Phoøng Quaûn lyù khoa hoïc chuû trì raø soaùt cô "
        "sôû döõ lieäu.\n2. Vaên phoøng Sôû toå chöùc taäp huaán.\n"
    ).encode("cp1252")
    path = tmp_path / "vni.txt"
    path.write_bytes(vni)
    with pytest.raises(LoadError, match="VNI") as caught:
        read_document(path)
    assert caught.value.path == str(path)


# --- PDF -----------------------------------------------------------------------------------
# Printed by headless Chromium (the browser the project's page tests use), the way a
# portal's "print to PDF" or a browser's "Save as PDF" makes them.

_STYLE = (
    "body{font-family:'DejaVu Serif',serif;font-size:12pt} p{margin:0 0 4pt 0;orphans:1;widows:1;"
    "text-align:justify} table{border-collapse:collapse;width:100%} td,th{border:1px solid"
    " #000;padding:2pt;vertical-align:top;font-size:11pt}"
)
RUNNING_HEAD = "Kế hoạch số 27/KH-SKHCN ngày 14/4/2025 của Sở Khoa học và Công nghệ"


def print_pdf(browser, path: Path, body: str, height_mm: float = 210) -> Path:
    """``body`` printed on A5-wide pages with a running head and a 'Trang N/M' foot."""
    page = browser.new_page()
    try:
        page.set_content(f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head>"
                         f"<body>{body}</body></html>")
        small = "font-size:8pt;width:100%;text-align:center"
        page.pdf(
            path=str(path), width="148mm", height=f"{height_mm}mm",
            display_header_footer=True,
            header_template=f"<div style='{small}'>{escape(RUNNING_HEAD)}</div>",
            footer_template=f"<div style='{small}'>Trang <span class='pageNumber'></span>/"
                            "<span class='totalPages'></span></div>",
            margin={"top": "18mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
        )
    finally:
        page.close()
    return path


def _page_lines(path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]


@pytest.mark.browser
def test_pdf_with_running_head_page_numbers_and_a_sentence_cut_by_a_page_break(
        browser, tmp_path):
    body = "".join(f"<p>{escape(line)}</p>" for line in LINES)
    for height in range(150, 211, 3):  # a page height at which a page ends mid-sentence
        path = print_pdf(browser, tmp_path / f"in{height}.pdf", body, height)
        pages = _page_lines(path)
        if any(len(page) > 1 and page[1][:1].islower() for page in pages[1:]):
            break
    else:
        pytest.fail("no page height cut a sentence")
    assert len(pages) >= 2 and all(page[0] == RUNNING_HEAD for page in pages)
    text, _ = read_document(path)
    assert "Trang" not in text and RUNNING_HEAD not in text
    reads_like_the_text(path)


TABLE_HEAD = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
              "Thời gian hoàn thành"]
TABLE_ROWS = [
    ["1", "Rà soát, cập nhật cơ sở dữ liệu về tổ chức khoa học và công nghệ trên địa bàn "
     "tỉnh, công bố trên cổng thông tin của Sở", "Phòng Quản lý khoa học", "Văn phòng Sở",
     "Quý III năm 2025"],
    ["2", "Tổ chức tập huấn về sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa, hợp tác xã",
     "Phòng Quản lý công nghệ và Sở hữu trí tuệ", "Sở Công Thương, Hội Nông dân tỉnh",
     "Hàng năm"],
    ["3", "Kiểm tra đo lường xăng dầu tại các cửa hàng bán lẻ trên địa bàn tỉnh",
     "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Công an tỉnh", "Trước ngày 30/11 hằng năm"],
    ["4", "Xây dựng kế hoạch phát triển thị trường khoa học và công nghệ giai đoạn 2026 - "
     "2030", "Phòng Quản lý công nghệ và Sở hữu trí tuệ", "Sở Tài chính", "Năm 2026"],
    ["5", "Hỗ trợ doanh nghiệp xây dựng hệ thống truy xuất nguồn gốc sản phẩm nông sản chủ "
     "lực của tỉnh", "Trung tâm Ứng dụng khoa học và công nghệ",
     "Sở Nông nghiệp và Môi trường", "Giai đoạn 2025 - 2027"],
    ["6", "Tuyên truyền về đổi mới sáng tạo và khởi nghiệp trên báo, đài của tỉnh",
     "Văn phòng Sở", "Báo và Phát thanh, Truyền hình tỉnh", "Thường xuyên"],
    ["7", "Đánh giá kết quả thực hiện các nhiệm vụ khoa học và công nghệ cấp tỉnh đã nghiệm "
     "thu", "Phòng Quản lý khoa học", "Các sở, ban, ngành tỉnh", "Quý IV năm 2025"],
    ["8", "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch gửi UBND tỉnh", "Văn phòng Sở",
     "Các phòng, đơn vị trực thuộc Sở", "Trước ngày 15/12 hằng năm"],
]
_BEFORE_TABLE = LINES[:LINES.index("II. NHIỆM VỤ CỤ THỂ") + 1]
_AFTER_TABLE = LINES[LINES.index("Nơi nhận:"):]


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


TABLE_PLAN = "\n".join(
    _BEFORE_TABLE + [_pipe(TABLE_HEAD)] + [_pipe(row) for row in TABLE_ROWS] + _AFTER_TABLE
) + "\n"


def test_the_table_plan_has_a_task_per_row():
    tasks = expected(TABLE_PLAN)["tasks"]
    assert [t[0] for t in tasks] == [row[0] for row in TABLE_ROWS]
    assert all(lead for _, _, lead, support, _ in tasks)


def _row_cut_by_a_page_break(pages: list[list[str]]) -> bool:
    """A page whose repeated table header is followed by a row without its number."""
    numbers = {row[0] for row in TABLE_ROWS}
    for page in pages[1:]:
        heads = [k for k, line in enumerate(page) if line.startswith("STT Nội dung")]
        if heads and heads[0] + 1 < len(page):
            if page[heads[0] + 1].split(" ", 1)[0] not in numbers:
                return True
    return False


@pytest.mark.browser
def test_pdf_table_running_over_pages_with_its_header_repeated_and_a_row_cut(
        browser, tmp_path):
    table_html = (
        "<table><thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in TABLE_HEAD)
        + "</tr></thead><tbody>" + "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
            for row in TABLE_ROWS) + "</tbody></table>"
    )
    body = ("".join(f"<p>{escape(line)}</p>" for line in _BEFORE_TABLE) + table_html
            + "".join(f"<p>{escape(line)}</p>" for line in _AFTER_TABLE))
    for height in range(150, 211, 3):  # a page height at which a page break cuts a row
        path = print_pdf(browser, tmp_path / f"bang{height}.pdf", body, height)
        if _row_cut_by_a_page_break(_page_lines(path)):
            break
    else:
        pytest.fail("no page height cut a table row")
    text, _ = read_document(path)
    assert text.count("| STT |") == 1  # the repeated header row is read once
    assert summary(load_file(path)) == expected(TABLE_PLAN)


def scanned_pdf(browser, path: Path, stamp: str = "", pages: int = 2) -> Path:
    """Pages that are pictures of the plan (a scanner's PDF), with an optional line of real
    text such as a scanning app stamps on each page."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.image
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    page = browser.new_page(viewport={"width": 620, "height": 880})
    try:
        page.set_content(f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head>"
                         f"<body>{''.join(f'<p>{escape(line)}</p>' for line in LINES)}</body>"
                         "</html>")
        shot = page.screenshot(full_page=True)
    finally:
        page.close()
    picture = matplotlib.image.imread(io.BytesIO(shot), format="png")
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        step = -(-len(picture) // pages)
        for half in (picture[k:k + step] for k in range(0, len(picture), step)):
            fig = plt.figure(figsize=(5.83, 8.27))
            fig.add_axes((0, 0, 1, 1)).imshow(half)
            fig.axes[0].set_axis_off()
            if stamp:
                fig.text(0.7, 0.01, stamp, fontsize=6)
            pdf.savefig(fig)
            plt.close(fig)
    return path


@pytest.mark.browser
@pytest.mark.parametrize(("stamp", "pages"), [("", 2), ("Scanned with CamScanner", 2),
                                              ("Scanned with CamScanner", 1)],
                         ids=["bare", "stamped", "one-stamped-page"])
def test_scanned_pdf_says_it_has_no_text_layer(browser, tmp_path, monkeypatch, stamp, pages):
    monkeypatch.setenv("POLICYKG_OCR", "0")
    path = scanned_pdf(browser, tmp_path / "scan.pdf", stamp, pages)
    with pytest.raises(LoadError, match="no text layer") as caught:
        load_file(path)
    assert caught.value.path == str(path) and "OCR" in caught.value.reason


@pytest.mark.browser
@pytest.mark.skipif(ocr_engine() is None and not os.environ.get("CI"),
                    reason="tesseract with Vietnamese data is not installed (CI installs it)")
def test_a_scanned_pdf_is_read_by_ocr(browser, tmp_path):
    """A screen-resolution scan with a scanning app's stamp: OCR misreads a letter here
    and there, but the plan's number, citations and tasks are there, with a warning."""
    path = scanned_pdf(browser, tmp_path / "scan.pdf", "Scanned with CamScanner", 2)
    plan, want = load_file(path), expected()
    got = summary(plan)
    assert got["number"] == want["number"] and got["references"] == want["references"]
    assert [t[0] for t in got["tasks"]] == [t[0] for t in want["tasks"]]
    assert sum(t == w for t, w in zip(got["tasks"], want["tasks"], strict=True)) >= 3
    assert any("OCR" in warning for warning in plan.warnings)


_PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    box, j = list(range(256)), 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(lines: list[str], user: bytes = b"", owner: bytes = b"van-thu") -> bytes:
    """A one-page PDF encrypted with the standard handler (RC4, 40 bits), as offices
    restrict copying or printing: with an empty user password it opens for anyone."""
    import hashlib
    import struct

    permissions = -3904  # printing allowed, copying and changing not
    file_id = b"policykg-fixture"
    owner_key = hashlib.md5((owner + _PDF_PAD)[:32]).digest()[:5]
    o_entry = _rc4(owner_key, (user + _PDF_PAD)[:32])
    key = hashlib.md5((user + _PDF_PAD)[:32] + o_entry + struct.pack("<i", permissions)
                      + file_id).digest()[:5]
    u_entry = _rc4(key, _PDF_PAD)

    def text_of(line: str) -> bytes:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")

    content = b"BT /F1 11 Tf 50 800 Td 14 TL " + b"".join(
        b"(" + text_of(line) + b") '\n" for line in lines) + b"ET"
    object_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()
    stream = _rc4(object_key[:10], content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o_entry.hex().encode(), u_entry.hex().encode(), permissions),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1, file_id.hex().encode(), file_id.hex().encode())
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


ASCII_LINES = ["KE HOACH", "Trien khai cong tac nam 2025", "1. Ra soat co so du lieu (dot 1)."]


def test_pdf_restricted_by_an_owner_password_reads(tmp_path):
    path = tmp_path / "han che.pdf"
    path.write_bytes(encrypted_pdf(ASCII_LINES))
    text, _ = read_document(path)
    assert text.splitlines() == ASCII_LINES


def test_pdf_locked_by_a_user_password_is_refused_by_name(tmp_path):
    path = tmp_path / "khoa.pdf"
    path.write_bytes(encrypted_pdf(ASCII_LINES, user=b"mat-khau"))
    with pytest.raises(LoadError, match="encrypted") as caught:
        read_document(path)
    assert caught.value.path == str(path) and "password" in caught.value.reason


# --- a folder of everything --------------------------------------------------------------


def test_a_folder_of_real_world_files_loads_the_good_and_names_each_bad_one(tmp_path):
    folder = tmp_path / "van ban"
    folder.mkdir()
    good = {
        "a.docx": _word_document(tmp_path / "a.docx").read_bytes(),
        "b.doc": _word_document(tmp_path / "b.docx").read_bytes(),  # a .docx named .doc
        "c.docm": _rewrite_package(_word_document(tmp_path / "c.docx"), _content_type(
            b"application/vnd.ms-word.document.macroEnabled.main+xml")).read_bytes(),
        "d.htm": _word_html(LINES),
        "e.txt": _crlf(PLAN).encode("utf-16"),
        "f.html": _portal(_paragraphs()).encode("utf-8"),
    }
    bad = {
        "cu.doc": (_OLE, "damaged Word 97-2003 .doc"),
        "khoa.docx": (_OLE + "EncryptedPackage".encode("utf-16-le"), "password protected"),
        "rtf.doc": (rb"{\rtf1\ansi K\'ea ho\'e1ch}", "RTF"),
        "khoa.pdf": (encrypted_pdf(ASCII_LINES, user=b"mat-khau"), "encrypted"),
        "vni.txt": ("KEÁ HOAÏCH\n1. Phoøng Quaûn lyù khoa hoïc chuû trì toå chöùc taäp "
                    "huaán.\n".encode("cp1252"), "VNI"),
        "hong.docx": (good["a.docx"][:400], "Word"),
    }
    for name, data in good.items():
        (folder / name).write_bytes(data)
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    results = {result.path.name: result for result in load_paths(folder, timeout=0)}
    assert sorted(results) == sorted([*good, *bad])
    want = expected()
    for name in good:
        assert isinstance(results[name], Loaded), results[name]
        assert summary(results[name].plan) == want, name
    for name, (_, words) in bad.items():
        skipped = results[name]
        assert isinstance(skipped, Skipped), name
        assert words in skipped.reason and "unexpected" not in skipped.reason, str(skipped)
        assert str(skipped).startswith(str(folder / name))


MERGED_ROWS = [  # a lead unit spanning tasks 1-2, a deadline spanning tasks 3-4
    ["1", "Rà soát cơ sở dữ liệu về tổ chức khoa học và công nghệ", "Phòng Quản lý khoa học",
     "Văn phòng Sở", "Quý III năm 2025"],
    ["2", "Đánh giá kết quả các nhiệm vụ khoa học và công nghệ đã nghiệm thu",
     "Phòng Quản lý khoa học", "Các sở, ban, ngành tỉnh", "Quý IV năm 2025"],
    ["3", "Kiểm tra đo lường xăng dầu tại các cửa hàng bán lẻ",
     "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Công an tỉnh", "Năm 2026"],
    ["4", "Hỗ trợ doanh nghiệp xây dựng hệ thống truy xuất nguồn gốc",
     "Trung tâm Ứng dụng khoa học và công nghệ", "Sở Công Thương", "Năm 2026"],
]
MERGED_PLAN = "\n".join(
    _BEFORE_TABLE + [_pipe(TABLE_HEAD), "| I | Nhiệm vụ thường xuyên |"]
    + [_pipe(row) for row in MERGED_ROWS] + _AFTER_TABLE
) + "\n"


def test_docx_table_with_a_repeated_header_row_and_merged_cells(tmp_path):
    """Word's appendix table: the header row repeats on every page (w:tblHeader), a section
    row spans all columns, a lead unit and a deadline are merged down over two tasks."""
    header = row(*(cell(plain(text)) for text in TABLE_HEAD),
                 props='<w:tblHeader/><w:cantSplit w:val="false"/>')
    section = row(cell(plain("I")), cell(plain("Nhiệm vụ thường xuyên"),
                                         props='<w:gridSpan w:val="4"/>'))
    merged = {(0, 2): "restart", (1, 2): "continue", (2, 4): "restart", (3, 4): "continue"}
    rows = []
    for i, values in enumerate(MERGED_ROWS):
        cells = []
        for j, value in enumerate(values):
            how = merged.get((i, j))
            if how == "continue":
                cells.append(cell(props="<w:vMerge/>"))
            else:
                props = f'<w:vMerge w:val="{how}"/>' if how else ""
                cells.append(cell(plain(value), props=props))
        rows.append(row(*cells))
    body = ("".join(plain(line) for line in _BEFORE_TABLE) + table(header, section, *rows)
            + "".join(plain(line) for line in _AFTER_TABLE))
    path = docx_package(tmp_path / "phu luc.docx", body)
    assert summary(load_file(path)) == expected(MERGED_PLAN)


def test_web_page_table_with_cells_spanning_rows(tmp_path):
    spans = {(0, 2): 2, (2, 4): 2}
    covered = {(1, 2), (3, 4)}
    rows = ["<tr>" + "".join(f"<th>{escape(c)}</th>" for c in TABLE_HEAD) + "</tr>",
            '<tr><td>I</td><td colspan="4">Nhiệm vụ thường xuyên</td></tr>']
    for i, values in enumerate(MERGED_ROWS):
        cells = [f'<td rowspan="{spans[i, j]}">{escape(v)}</td>' if (i, j) in spans
                 else f"<td>{escape(v)}</td>" for j, v in enumerate(values)
                 if (i, j) not in covered]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    body = (_paragraphs(_BEFORE_TABLE) + "<table border='1'>" + "".join(rows) + "</table>"
            + _paragraphs(_AFTER_TABLE))
    path = tmp_path / "phu luc.html"
    path.write_text(_portal(body), encoding="utf-8")
    assert summary(load_file(path)) == expected(MERGED_PLAN)


def test_docx_carrying_a_web_page_as_an_alternative_chunk(tmp_path):
    """A "Word" file made from a portal's page: the page's HTML put in the package whole
    (w:altChunk), which Word renders in place."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    start, end = LINES.index("II. NHIỆM VỤ CỤ THỂ"), LINES.index("Nơi nhận:")
    chunk = ("<html><head><meta charset='utf-8'></head><body>" + _paragraphs(LINES[start:end])
             + "</body></html>")
    body = ("".join(plain(line) for line in LINES[:start])
            + f'<w:altChunk xmlns:r="{R_NS}" r:id="rId80"/>'
            + "".join(plain(line) for line in LINES[end:]))
    path = docx_package(
        tmp_path / "tai ve.docx", body, {"word/afchunk1.htm": chunk},
        f'<Relationship Id="rId80" Type="{ns}/aFChunk" Target="afchunk1.htm"/>',
        '<Override PartName="/word/afchunk1.htm" ContentType="text/html"/>',
    )
    reads_like_the_text(path)


# Letters as a PDF whose fonts lack a proper Unicode map gives them: glyph numbers read as
# code points, which fall in the Cyrillic block.
_GLYPH_NUMBERS = str.maketrans("ếạệảớộủựịờồẾẠỆẢỚỘỦỰỊỜỒ", "ӃҥӋҧӟӝӫӵӏӡӗӂҤӊҦӞӜӪӴӎӠӖ")


def test_pdf_whose_fonts_give_wrong_letters_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_OCR", "0")  # with OCR, its pages are read instead
    garbled = [unicodedata.normalize("NFC", line).translate(_GLYPH_NUMBERS) for line in LINES]
    path = _pdf_with_text(tmp_path / "loi font.pdf", [garbled])
    with pytest.raises(LoadError, match="garbled") as caught:
        load_file(path)
    assert caught.value.path == str(path)
    assert set(caught.value.reason) & set("ӃҥӋҧӟӝӫӵӏӡӗ")  # shows the wrong letters
    clean = _pdf_with_text(tmp_path / "dung font.pdf", [LINES])
    assert summary(load_file(clean))["number"] == "27/KH-SKHCN"
