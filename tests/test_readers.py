"""Reading files of every kind into text: what a user hands the tool must read, or say why not."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.decode import TCVN3, decode_bytes, repair_text
from policykg.loaders.model import LoadError
from policykg.loaders.readers import read_document
from policykg.loaders.text import clean_lines

PLAN = (
    "KẾ HOẠCH\n"
    "Triển khai Nghị quyết số 36-NQ/TW của Bộ Chính trị\n"
    "1. Phòng Quản lý khoa học chủ trì, phối hợp với Sở Công Thương, Công an tỉnh.\n"
    "2. Đảng ủy, UBND tỉnh Đắk Lắk hướng dẫn người dân, doanh nghiệp "
    "đăng ký nhãn hiệu; thời gian thực hiện: hàng năm.\n"
)
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


# --- encoders for the fixtures -------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letter (with ^, breve, horn) + combining tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def to_tcvn3(text: str) -> bytes:
    byte_of = {letter: byte for byte, letter in TCVN3.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        else:  # capitals with tone marks live in the .VnTimeH font: same bytes
            out.append(byte_of[ch] if ch in byte_of else byte_of[ch.lower()])
    return bytes(out)


def sloppy_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way Windows does (undefined bytes kept as C1)."""
    chars = []
    for b in data:
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- plain text and its encodings ------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16"),  # with BOM
        (lambda s: s.encode("utf-16-le"), "utf-16"),  # no BOM: told by the NUL pattern
        (lambda s: s.encode("utf-16-be"), "utf-16"),
        (to_cp1258, "cp1258"),
        (to_tcvn3, "tcvn3"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1258", "tcvn3"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path, encode, encoding):
    path = write(tmp_path, "plan.txt", encode(PLAN))
    text, source = read_document(path)
    assert text == PLAN
    assert source.encoding == encoding
    assert source.format == "txt"
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.path == str(path)


def test_cp1258_combining_tones_come_out_composed(tmp_path):
    raw = to_cp1258("Kế hoạch")
    assert b"\xec" in raw  # the acute is a separate combining byte in cp1258
    text, _ = read_document(write(tmp_path, "a.txt", raw))
    assert text == "Kế hoạch" and unicodedata.is_normalized("NFC", text)


def test_nfd_text_is_composed(tmp_path):
    text, _ = read_document(write(tmp_path, "nfd.md", unicodedata.normalize("NFD", PLAN)))
    assert text == PLAN


def test_tcvn3_capitals_typed_in_the_vntimeh_font(tmp_path):
    head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 19/KH-SKHCN\nĐẢNG ỦY KHỐI\n"
    text, source = read_document(write(tmp_path, "h.txt", to_tcvn3(head + PLAN)))
    assert source.encoding == "tcvn3"
    assert text == head + PLAN


def test_tcvn3_shown_through_cp1252_inside_utf8_is_converted(tmp_path):
    looks_like = to_tcvn3(PLAN).decode("cp1252")
    assert "KÕ HO¹CH" in looks_like and "thùc hiÖn" in looks_like
    text, source = read_document(write(tmp_path, "old.txt", looks_like))
    assert text == PLAN
    assert source.encoding == "utf-8+tcvn3"


def test_vni_is_refused_by_name(tmp_path):
    vni = (
        "Keá hoaïch trieån khai Nghò quyeát soá 36-NQ/TW cuûa Boä Chính trò. "
        "Ñaûng Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, ngöôøi ñöôïc giao.\n"
    )
    for name, data in (("vni.txt", vni.encode("cp1252")), ("vni-utf8.txt", vni.encode())):
        with pytest.raises(LoadError, match="VNI"):
            read_document(write(tmp_path, name, data))


def test_utf8_mojibake_is_repaired(tmp_path):
    garbled = sloppy_cp1252(PLAN.encode("utf-8"))
    assert "Nghá»‹ quyáº¿t" in garbled
    text, source = read_document(write(tmp_path, "moji.txt", garbled))
    assert text == PLAN
    assert source.encoding == "utf-8+mojibake"


def test_partly_garbled_text_is_repaired_where_garbled(tmp_path):
    mixed = PLAN + sloppy_cp1252(PLAN.encode("utf-8"))
    text, _ = read_document(write(tmp_path, "mixed.txt", mixed))
    assert text == PLAN + PLAN


def test_mojibake_that_does_not_repair_cleanly_is_reported():
    garbled = sloppy_cp1252(PLAN.encode("utf-8")).replace("º", "¼")  # a corrupted byte
    with pytest.raises(LoadError, match="mojibake"):
        repair_text(garbled, "x.txt")


def test_clean_vietnamese_is_left_alone(seeds_dir):
    for path in sorted(seeds_dir.iterdir()):
        raw = path.read_bytes()
        text, encoding = decode_bytes(raw, str(path))
        assert text == raw.decode("utf-8") and encoding == "utf-8", path.name


def test_binary_file_is_refused(tmp_path):
    data = bytes(range(256)) * 8
    with pytest.raises(LoadError, match="binary file, not text"):
        read_document(write(tmp_path, "blob.txt", data))
    with pytest.raises(LoadError, match="binary file, not text"):
        read_document(write(tmp_path, "zip.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + data))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(LoadError, match="empty file") as err:
        read_document(write(tmp_path, "empty.txt", b""))
    assert str(tmp_path / "empty.txt") in str(err.value)
    with pytest.raises(LoadError, match="empty file"):
        read_document(write(tmp_path, "blank.md", b"  \n\n \t\n"))


def test_unsupported_suffix_is_named(tmp_path):
    with pytest.raises(LoadError, match=r"unsupported file type \.xyz"):
        read_document(write(tmp_path, "plan.xyz", PLAN))
    with pytest.raises(LoadError, match=r"unsupported file type \.doc \(neither Word 97-2003"):
        read_document(write(tmp_path, "plan.doc", b"\xd0\xcf\x11\xe0"))


def test_missing_file_gives_the_os_reason(tmp_path):
    with pytest.raises(LoadError, match="No such file or directory"):
        read_document(tmp_path / "absent.txt")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(LoadError, match="No such file or directory"):
        read_document(link)


def test_unreadable_file_gives_the_os_reason(tmp_path):
    path = write(tmp_path, "locked.txt", PLAN)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        with pytest.raises(LoadError, match="Permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_a_folder_named_like_a_file_is_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(LoadError, match="folder"):
        read_document(tmp_path / "folder.txt")


# --- Word --------------------------------------------------------------------------------


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)  # layout table: issuer | national motto
    header.cell(0, 0).text = "UBND TỈNH GIA LAI"
    header.cell(0, 0).add_paragraph("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Triển khai nhiệm vụ năm 2024")
    table = document.add_table(rows=5, cols=4)
    for i, head in enumerate(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian"]):
        table.cell(0, i).text = head
    for i, value in enumerate(["1", "Hỗ trợ doanh nghiệp | mã số", "Phòng Quản lý khoa học"]):
        table.cell(1, i).text = value
    table.cell(1, 3).text = "2024"
    table.cell(2, 0).merge(table.cell(2, 3)).text = "II. NHIỆM VỤ KHÁC"  # merged across
    table.cell(3, 0).text, table.cell(3, 1).text = "2", "Tuyên truyền"
    table.cell(4, 0).text, table.cell(4, 1).text = "3", "Đào tạo"
    table.cell(3, 2).merge(table.cell(4, 2)).text = "Văn phòng Sở"  # merged down
    nested = table.cell(4, 3).add_table(rows=2, cols=3)
    nested.cell(0, 0).text, nested.cell(1, 2).text = "Quý I", "Quý IV"
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    text, source = read_document(_docx(tmp_path / "plan.docx"))
    assert source.format == "docx"
    lines = text.splitlines()
    assert lines[:5] == [
        "UBND TỈNH GIA LAI",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "Triển khai nhiệm vụ năm 2024",
    ]
    rows = [line for line in lines if line.startswith("|")]
    assert rows[0] == "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian |"
    assert rows[1] == "| 1 | Hỗ trợ doanh nghiệp / mã số | Phòng Quản lý khoa học | 2024 |"
    assert rows[2] == "| II. NHIỆM VỤ KHÁC |"  # a merged cell is read once
    assert rows[3].startswith("| 2 | Tuyên truyền | Văn phòng Sở |")
    # a unit cell merged down leads every task row it covers
    assert rows[4].startswith("| 3 | Đào tạo | Văn phòng Sở |")
    assert "| Quý I |  |  |" in rows and "|  |  | Quý IV |" in rows  # nested table flattened
    assert lines[-1] == "Nơi nhận:"
    assert lines.index(rows[0]) > lines.index("Triển khai nhiệm vụ năm 2024")


def test_docx_table_rows_reach_the_parser_as_pipe_rows(tmp_path):
    text, _ = read_document(_docx(tmp_path / "plan.docx"))
    cleaned = [line.text for line in clean_lines(text)]
    assert "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian |" in cleaned


def test_docx_text_box_is_read(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Trước hộp")
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>Số: 19/KH-SKHCN</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(box)
    path = tmp_path / "box.docx"
    document.save(str(path))
    text, _ = read_document(path)
    assert text.splitlines() == ["Trước hộp", "Số: 19/KH-SKHCN"]


def test_broken_docx_is_refused(tmp_path):
    with pytest.raises(LoadError, match="not a valid Word"):
        read_document(write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip"))


# --- PDF ---------------------------------------------------------------------------------


def _pdf_with_text(path: Path, pages: list[list[str]]) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for page in pages:
            fig = plt.figure(figsize=(8.27, 11.69))
            for i, line in enumerate(page):
                fig.text(0.08, 0.92 - i * 0.03, line, fontsize=10)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def _minimal_pdf(trailer: bytes = b"", objects: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF with no text, written by hand (optionally with extra objects)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        *objects,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, trailer, xref,
    )
    return bytes(out)


def test_pdf_text_layer_is_read_page_by_page(tmp_path):
    path = _pdf_with_text(
        tmp_path / "plan.pdf",
        [
            ["KẾ HOẠCH", "1. Phòng Quản lý khoa học chủ trì, hướng dẫn năng suất, chất"],
            ["lượng sản phẩm hàng hóa.", "2. Văn phòng Sở"],
        ],
    )
    text, source = read_document(path)
    assert source.format == "pdf" and source.encoding is None
    assert "KẾ HOẠCH" in text and "2. Văn phòng Sở" in text
    cleaned = [line.text for line in clean_lines(text)]
    assert (
        "1. Phòng Quản lý khoa học chủ trì, hướng dẫn năng suất, chất lượng sản phẩm hàng hóa."
        in cleaned
    )


def test_pdf_without_text_layer_asks_for_ocr(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_OCR", "0")
    with pytest.raises(LoadError, match=r"PDF has no text layer \(scanned\?\): OCR is needed"):
        read_document(write(tmp_path, "scan.pdf", _minimal_pdf()))


def test_a_blank_pdf_is_refused_whether_or_not_ocr_runs(tmp_path):
    with pytest.raises(LoadError, match=r"PDF has no text layer.*OCR"):
        read_document(write(tmp_path, "blank.pdf", _minimal_pdf()))


def test_encrypted_pdf_is_refused_clearly(tmp_path):
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    trailer = b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"33" * 16, b"33" * 16)
    with pytest.raises(LoadError, match="encrypted"):
        read_document(write(tmp_path, "locked.pdf", _minimal_pdf(trailer, (encrypt,))))


def test_broken_pdf_is_refused(tmp_path):
    with pytest.raises(LoadError, match="not a valid PDF"):
        read_document(write(tmp_path, "broken.pdf", b"%PDF-1.4\nnothing here\n"))


# --- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Cổng thông tin điện tử</title>
<style>.menu {{ color: red }}</style><script>var menu = "Trang chủ";</script></head>
<body>
<header><div class="logo">SỞ KHOA HỌC VÀ CÔNG NGHỆ</div></header>
<nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav>
<div id="breadcrumb">Trang chủ &gt; Văn bản</div>
<div class="left-sidebar"><p>Liên kết website</p></div>
<div class="main-menu">Giới thiệu</div>
<div class="article-content">
  <h1>KẾ HOẠCH</h1>
  <p>Triển khai nhiệm vụ<br>năm 2024</p>
  <ul><li>Phối hợp với <b>Sở Công Thương</b>;</li><li>Hướng dẫn doanh nghiệp.</li></ul>
  <table><tr><th>STT</th><th>Nội dung</th></tr>
    <tr><td>1</td><td>Hỗ trợ &amp; tư vấn</td></tr></table>
  <p style="display:none">văn bản ẩn</p>
  <div class="social-share">Chia sẻ Facebook</div>
</div>
<aside>Tin liên quan</aside>
<form><input name="q"> Tìm kiếm</form>
<footer>Bản quyền 2024</footer>
<script>document.write("quảng cáo")</script>
</body></html>
"""


def test_html_keeps_the_document_and_drops_the_page_around_it(tmp_path):
    text, source = read_document(write(tmp_path, "plan.html", PAGE.format(charset="utf-8")))
    assert source.format == "html" and source.encoding == "utf-8"
    assert text.splitlines() == [
        "KẾ HOẠCH",
        "Triển khai nhiệm vụ",
        "năm 2024",
        "- Phối hợp với Sở Công Thương;",
        "- Hướng dẫn doanh nghiệp.",
        "| STT | Nội dung |",
        "| 1 | Hỗ trợ & tư vấn |",
    ]


def test_html_without_a_content_element_drops_navigation(tmp_path):
    page = PAGE.format(charset="utf-8").replace('class="article-content"', "")
    text, _ = read_document(write(tmp_path, "plan.htm", page))
    for junk in ("Trang chủ", "Liên kết website", "Giới thiệu", "Chia sẻ", "Tin liên quan",
                 "Bản quyền", "quảng cáo", "Tìm kiếm", "var menu", "color", "văn bản ẩn"):
        assert junk not in text, junk
    assert "KẾ HOẠCH" in text and "| 1 | Hỗ trợ & tư vấn |" in text


def test_html_main_element_is_preferred(tmp_path):
    page = (
        "<html><body><div>Quảng cáo đầu trang rất dài " + "x " * 50 + "</div>"
        "<main><p>KẾ HOẠCH</p><p>Nội dung chính</p></main></body></html>"
    )
    text, _ = read_document(write(tmp_path, "p.html", page))
    assert text.splitlines() == ["KẾ HOẠCH", "Nội dung chính"]


def test_html_in_a_declared_legacy_charset(tmp_path):
    page = PAGE.format(charset="windows-1258")
    text, source = read_document(write(tmp_path, "old.html", to_cp1258(page)))
    assert source.encoding == "cp1258"
    assert "- Phối hợp với Sở Công Thương;" in text.splitlines()


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbered_docx(path: Path) -> Path:
    """Paragraphs numbered by Word itself: "1.", "1.1.", "a)", bullets; one list restarts."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = [("decimal", "%1."), ("decimal", "%1.%2."), ("lowerLetter", "%3)"),
              ("bullet", "\uf0b7"), ("bullet", "o")]
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="90">'
        + "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        + "</w:abstractNum>"
    )
    numbering.insert(0, abstract)
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{_W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    ))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{_W_NS}" w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    ))

    def item(text: str, level: int | None, num_id: int = 90) -> None:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            ))

    item("KẾ HOẠCH", None)
    item("MỤC ĐÍCH", 0)
    item("Phổ biến Nghị quyết", 1)
    item("Hướng dẫn doanh nghiệp", 1)
    item("Văn phòng Sở", 2)
    item("Thanh tra Sở", 2)
    item("Chủ trì tổ chức hội nghị", 3)
    item("Mời đại biểu", 4)
    item("NỘI DUNG", 0)
    item("Tuyên truyền", 1)
    item("Phụ lục mới", 0, num_id=91)
    document.save(str(path))
    return path


def test_docx_automatic_numbering_is_written_out(tmp_path):
    text, _ = read_document(_numbered_docx(tmp_path / "numbered.docx"))
    assert text.splitlines() == [
        "KẾ HOẠCH",
        "1. MỤC ĐÍCH",
        "1.1. Phổ biến Nghị quyết",
        "1.2. Hướng dẫn doanh nghiệp",
        "a) Văn phòng Sở",
        "b) Thanh tra Sở",
        "- Chủ trì tổ chức hội nghị",
        "+ Mời đại biểu",
        "2. NỘI DUNG",
        "2.1. Tuyên truyền",
        "1. Phụ lục mới",
    ]


def test_docx_list_styles_are_numbered(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Mục đích", style="List Number")
    document.add_paragraph("Yêu cầu", style="List Number")
    document.add_paragraph("Ý chính", style="List Bullet")
    path = tmp_path / "styles.docx"
    document.save(str(path))
    text, _ = read_document(path)
    assert text.splitlines() == ["1. Mục đích", "2. Yêu cầu", "- Ý chính"]


def test_pdf_columns_on_one_line_are_split(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = tmp_path / "header.pdf"
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.06, 0.9, "UBND TỈNH LẠNG SƠN", fontsize=10)
    fig.text(0.5, 0.9, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fontsize=10)
    fig.text(0.06, 0.8, "Thực hiện Quyết định số 145/QĐ-UBND ngày 20/01/2024", fontsize=10)
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(path, format="pdf")
    plt.close(fig)
    text, _ = read_document(path)
    assert text.splitlines() == [
        "UBND TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Thực hiện Quyết định số 145/QĐ-UBND ngày 20/01/2024",
    ]


def test_docx_typed_in_a_tcvn3_font_is_converted(tmp_path):
    import docx

    document = docx.Document()
    for line in PLAN.splitlines():  # what Word stores for text typed in .VnTime
        document.add_paragraph(to_tcvn3(line).decode("cp1252"))
    path = tmp_path / "vntime.docx"
    document.save(str(path))
    text, source = read_document(path)
    assert text == PLAN.rstrip("\n")
    assert source.encoding == "tcvn3"


def test_pdf_ruled_table_becomes_pipe_rows_in_place(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = tmp_path / "table.pdf"
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.08, 0.92, "PHỤ LỤC", fontsize=10)
    axes = fig.add_axes((0.08, 0.6, 0.84, 0.25))
    axes.axis("off")
    axes.table(
        cellText=[["STT", "Nội dung", "Chủ trì"], ["1", "Hỗ trợ doanh nghiệp", "Chi cục TĐC"],
                  ["2", "Tuyên truyền", "Văn phòng Sở"]],
        loc="upper center", cellLoc="left",
    )
    fig.text(0.08, 0.5, "Nơi nhận:", fontsize=10)
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(path, format="pdf")
    plt.close(fig)
    text, _ = read_document(path)
    assert text.splitlines() == [
        "PHỤ LỤC",
        "| STT | Nội dung | Chủ trì |",
        "| 1 | Hỗ trợ doanh nghiệp | Chi cục TĐC |",
        "| 2 | Tuyên truyền | Văn phòng Sở |",
        "Nơi nhận:",
    ]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_reason(data):
    try:
        text, encoding = decode_bytes(data, "f.txt")
    except LoadError as err:
        assert err.path == "f.txt" and err.reason
    else:
        assert isinstance(text, str) and encoding
        assert unicodedata.is_normalized("NFC", text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_survives_a_round_trip_through_utf8(text):
    try:
        decoded, _ = decode_bytes(text.encode("utf-8"), "f.txt")
    except LoadError:
        return
    assert isinstance(decoded, str)


def test_pdf_lines_wrapped_at_the_margin_are_rejoined(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    printed = [  # (indent, line) as a word processor wraps a paragraph
        (0.0,
         "Thực hiện Kế hoạch số 3300/KH-UBND ngày 20/10/2023 của Ủy ban nhân dân tỉnh Tây Ninh về"),
        (0.0,
         "Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023"),
        (0.0, "của Bộ Chính trị."),
        (0.0,
         "- Phòng Quản lý khoa học chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn,"),
        (0.0, "Sở Công Thương tổ chức hội thảo công nghệ sinh học."),
        (0.0,
         "- Văn phòng Sở tổng hợp kết quả thực hiện, báo cáo Giám đốc Sở trước ngày 30/11 hằng"),
        (0.05, "Trung tâm Khoa học và Công nghệ hỗ trợ doanh nghiệp đăng ký nhãn hiệu."),
        (0.0, "Thời gian thực hiện: Thường xuyên"),
    ]
    path = tmp_path / "wrapped.pdf"
    fig = plt.figure(figsize=(8.27, 11.69))
    for i, (indent, line) in enumerate(printed):
        fig.text(0.08 + indent, 0.9 - i * 0.02, line, fontsize=11)
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(path, format="pdf")
    plt.close(fig)
    text, _ = read_document(path)
    assert text.splitlines() == [
        printed[0][1] + " " + printed[1][1] + " " + printed[2][1],
        printed[3][1] + " " + printed[4][1],
        printed[5][1],  # reaches the margin, but the next line is indented: a new paragraph
        printed[6][1],
        printed[7][1],
    ]


def test_a_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        read_document(fifo)
