"""Hostile, broken and odd input: every file ends as a plan or as one clear reason.

Plans here are our own writing (:func:`plan_text`); the real parser reads them.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from policykg.graph.store import Store
from policykg.loaders import parse
from policykg.loaders.batch import (
    TIMEOUT_ENV,
    Loaded,
    Skipped,
    file_timeout,
    load_file,
    load_paths,
)
from policykg.loaders.decode import vietnamese_score
from policykg.loaders.model import LoadError, SourceFile
from policykg.loaders.readers import MAX_MB_ENV, read_document
from tests.conftest import ROOT
from tests.test_readers import _minimal_pdf, sloppy_cp1252, to_cp1258, to_tcvn3

UNITS = ["Phòng Quản lý khoa học", "Văn phòng Sở", "Phòng Kế hoạch - Tài chính"]
TASKS = [
    "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh",
    "Tổ chức hội thảo về chuyển đổi số cho doanh nghiệp",
    "Hướng dẫn đăng ký mã số, mã vạch cho hợp tác xã",
]


def plan_text(number: int = 12, province: str = "Gia Lai", tasks: list[str] | None = None,
              units: list[str] | None = None) -> str:
    """A small plan of a provincial department: header, basis, numbered duties with units."""
    tasks = tasks or TASKS
    units = units or UNITS
    body = "".join(
        f"{i}. {text}.\nĐơn vị chủ trì: {units[(i - 1) % len(units)]}. Thời hạn: năm 2025.\n"
        for i, text in enumerate(tasks, start=1)
    )
    return (
        f"UBND TỈNH {province.upper()}\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: {number}/KH-SKHCN\n"
        f"{province}, ngày 03 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thực hiện nghiêm túc, đúng tiến độ.\n"
        "II. NHIỆM VỤ CỤ THỂ\n" + body
    )


NEWS = (
    "Hội thảo khoa học về chuyển đổi số\n"
    "Sáng nay, tại thành phố Pleiku, Sở Khoa học và Công nghệ tỉnh Gia Lai tổ chức hội thảo "
    "về chuyển đổi số trong doanh nghiệp nhỏ và vừa. Nhiều đại biểu đã phát biểu ý kiến, chia "
    "sẻ kinh nghiệm ứng dụng công nghệ trong sản xuất và kinh doanh.\n"
)


def source(path: str = "x.txt") -> SourceFile:
    return SourceFile(path=path, sha256="0" * 64, format="txt", encoding="utf-8")


def parsed_or_reason(text: str, name: str = "x.txt"):
    """The plan, or the LoadError's reason: nothing else may come out of the parser."""
    try:
        return parse.parse_text(text, source(name))
    except LoadError as err:
        assert err.reason and "\n" not in err.reason
        return err.reason


def task_texts(plan) -> list[str]:
    return [t.text for t in plan.tasks]


# --- odd Unicode inside a good plan ----------------------------------------------------

NOISE = {
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff",
    "rtl": "\u200f\u202e\u2067\u2069\u200e",
    "combining": "\u0301\u0323\u0303\u0300\u0309",
    "controls": "\x07\x1b\x00\x7f\x85",
}


@pytest.mark.parametrize("kind", sorted(NOISE))
def test_odd_unicode_sprinkled_through_a_plan_still_gives_its_tasks(kind):
    marks = NOISE[kind]
    clean = plan_text()
    noisy = "".join(
        ch + (marks[i % len(marks)] if ch == " " and i % 7 == 0 else "")
        for i, ch in enumerate(clean)
    )
    got = parsed_or_reason(noisy)
    assert not isinstance(got, str), got
    assert len(got.tasks) == len(parse.parse_text(clean, source()).tasks)
    assert got.number == "12/KH-SKHCN"


@pytest.mark.parametrize("kind", sorted(NOISE))
def test_a_text_of_nothing_but_odd_unicode_is_not_a_plan(kind):
    assert isinstance(parsed_or_reason(NOISE[kind] * 200 + "\n" + NOISE[kind]), str)


def test_plan_written_in_nfd_reads_like_nfc():
    text = plan_text()
    nfd = parse.parse_text(unicodedata.normalize("NFD", text), source())
    nfc = parse.parse_text(text, source())
    assert task_texts(nfd) == task_texts(nfc)


# --- sizes and shapes --------------------------------------------------------------------


def test_an_extremely_long_line_is_read():
    long_task = "Xây dựng cơ sở dữ liệu, " * 20000 + "hoàn thành trong năm 2025"
    got = parsed_or_reason(plan_text(tasks=[long_task, TASKS[1]]))
    assert not isinstance(got, str), got
    assert any(len(t) > 400_000 for t in task_texts(got))


def test_ten_thousand_bullets_are_ten_thousand_tasks():
    bullets = "".join(
        f"- Phòng Quản lý khoa học chủ trì rà soát hồ sơ đề tài số {i}.\n" for i in range(10_000)
    )
    got = parsed_or_reason(plan_text() + "4. Rà soát đề tài\n" + bullets)
    assert not isinstance(got, str), got
    texts = task_texts(got)
    assert sum("hồ sơ đề tài số" in t for t in texts) == 10_000


def _nested(depth: int) -> str:
    return "".join(
        ".".join(["1"] * k) + f". Phòng Quản lý khoa học chủ trì việc cấp {k}.\n"
        for k in range(1, depth + 1)
    )


def test_deeply_nested_numbering_is_read():
    got = parsed_or_reason(plan_text() + _nested(200))
    assert not isinstance(got, str), got
    assert sum("việc cấp" in t for t in task_texts(got)) == 200


def test_absurdly_deep_numbering_gives_a_plan_or_one_reason(tmp_path):
    path = tmp_path / "sau.txt"
    path.write_text(plan_text() + _nested(600), encoding="utf-8")
    [result] = load_paths(path, timeout=0)
    if isinstance(result, Skipped):
        assert result.reason == "nested too deeply to read"
    else:
        assert sum("việc cấp" in t for t in task_texts(result.plan)) == 600


def _big_text_file(path: Path, mb: float) -> Path:
    chunk = ("- Phòng Quản lý khoa học chủ trì rà soát hồ sơ đề tài năm 2025.\n" * 2000).encode()
    with path.open("wb") as handle:
        for _ in range(int(mb * 1024 * 1024) // len(chunk) + 1):
            handle.write(chunk)
    return path


def test_a_file_above_the_size_limit_is_refused_with_the_limit(tmp_path):
    huge = _big_text_file(tmp_path / "qua lon.txt", 51)
    [result] = load_paths(huge)
    assert isinstance(result, Skipped)
    assert "too large" in result.reason and "50 MB limit" in result.reason
    assert MAX_MB_ENV in result.reason


def test_the_size_limit_can_be_set(tmp_path, monkeypatch):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text() + "x" * 3 * 1024 * 1024, encoding="utf-8")
    with pytest.raises(LoadError, match="above the 2 MB limit"):
        read_document(path, max_mb=2)
    monkeypatch.setenv(MAX_MB_ENV, "1.5")
    with pytest.raises(LoadError, match="above the 1.5 MB limit"):
        read_document(path)
    monkeypatch.setenv(MAX_MB_ENV, "10")
    assert read_document(path)[1].format == "txt"


def test_a_word_file_that_unpacks_to_gigabytes_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * (5 * 1024 * 1024))
    path = tmp_path / "bom.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 100_000
    with pytest.raises(LoadError, match="unpacked content is too large"):
        read_document(path, max_mb=1)


@pytest.mark.slow
def test_a_big_file_under_the_limit_ends_as_a_plan_or_a_time_out(tmp_path):
    big = _big_text_file(tmp_path / "lon.txt", 45)
    [result] = load_paths(big, timeout=60)
    if isinstance(result, Skipped):
        assert result.reason.startswith("took longer than 60 s")
    else:
        assert len(result.plan.tasks) > 100_000


# --- the time bound ------------------------------------------------------------------------


def hanging_parser(real):
    def parse_text(text: str, src: SourceFile):
        if "TREO" in text:
            while True:
                pass
        if "CHET" in text:
            os._exit(9)
        return real(text, src)

    return parse_text


def test_a_file_that_never_ends_is_skipped_with_the_bound_and_the_rest_load(
        tmp_path, monkeypatch):
    monkeypatch.setattr(parse, "parse_text", hanging_parser(parse.parse_text))
    (tmp_path / "a.txt").write_text(plan_text(1), encoding="utf-8")
    (tmp_path / "b_treo.txt").write_text(plan_text(2) + "TREO\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(plan_text(3), encoding="utf-8")
    (tmp_path / "d_chet.txt").write_text(plan_text(4) + "CHET\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text(plan_text(5), encoding="utf-8")
    results = {r.path.name: r for r in load_paths(tmp_path, timeout=1.5)}
    assert {n for n, r in results.items() if isinstance(r, Loaded)} == {"a.txt", "c.txt",
                                                                         "e.txt"}
    assert results["b_treo.txt"].reason.startswith("took longer than 1.5 s")
    assert TIMEOUT_ENV in results["b_treo.txt"].reason
    assert "stopped the reader" in results["d_chet.txt"].reason


def test_the_time_bound_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    assert file_timeout() == 60
    monkeypatch.setenv(TIMEOUT_ENV, "7.5")
    assert file_timeout() == 7.5
    monkeypatch.setenv(TIMEOUT_ENV, "0")
    assert file_timeout() is None
    assert file_timeout(3) == 3


# --- legacy encodings, end to end through ingest ------------------------------------------


def _mojibake(text: str) -> bytes:
    return sloppy_cp1252(text.encode("utf-8")).encode("utf-8")


def _vni(text: str) -> bytes:
    # VNI Windows: base letter then a mark byte; enough of the table to write these plans.
    return (
        "UBND TÆNH GIA LAI\nKEÁ HOAÏCH\nTrieån khai Nghò quyeát soá 57-NQ/TW cuûa Boä Chính "
        "trò.\n1. Phoøng Quaûn lyù khoa hoïc chuû trì xaây döïng cô sôû döõ lieäu.\n"
        "2. Vaên phoøng Sôû toå chöùc hoäi thaûo veà chuyeån ñoåi soá.\n"
    ).encode("cp1252")


def test_legacy_encodings_give_the_same_graph_text_or_a_named_refusal(tmp_path):
    folder = tmp_path / "cu"
    folder.mkdir()
    texts = {n: plan_text(n, tasks=[f"{t} (đợt {n})" for t in TASKS]) for n in range(1, 5)}
    (folder / "1_utf8.txt").write_text(texts[1], encoding="utf-8")
    (folder / "2_cp1258.txt").write_bytes(to_cp1258(texts[2]))
    (folder / "3_tcvn3.txt").write_bytes(to_tcvn3(texts[3]))
    (folder / "4_mojibake.txt").write_bytes(_mojibake(texts[4]))
    (folder / "5_vni.txt").write_bytes(_vni(""))
    store = Store(tmp_path / "kg.db")
    report = store.ingest([folder])
    assert sorted(Path(p).name for p, _ in report.ingested) == [
        "1_utf8.txt", "2_cp1258.txt", "3_tcvn3.txt", "4_mojibake.txt"]
    [(vni_path, reason)] = report.skipped
    assert vni_path.endswith("5_vni.txt") and "VNI" in reason
    by_number = {p.number: p for p in store.plans()}
    for n, text in texts.items():
        expected = task_texts(parse.parse_text(text, source()))
        assert task_texts(by_number[f"{n}/KH-SKHCN"]) == expected
    graph = store.graph()
    for _, data in graph.nodes(data=True):
        for value in data.values():
            if isinstance(value, str):
                assert vietnamese_score(value)[1] == 0, value  # no Latin-1 debris


# --- Word, PDF and web pages --------------------------------------------------------------


def _docx_with_body(path: Path, body_xml: str) -> Path:
    """A Word file whose body is ``body_xml`` (WordprocessingML written by hand)."""
    import docx

    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr")
    parts["word/document.xml"] = (xml[:start] + body_xml + xml[end:]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _cell(inner: str, merge: str = "") -> str:
    return f"<w:tc><w:tcPr>{merge}</w:tcPr>{inner}</w:tc>"


def test_docx_tracked_changes_comments_text_boxes_merged_and_nested_tables(tmp_path):
    header = "".join(_p(line) for line in plan_text().split("\n")[:9])
    tracked = (
        '<w:p><w:r><w:t xml:space="preserve">1. Phòng Quản lý khoa học chủ trì </w:t></w:r>'
        '<w:ins w:id="1" w:author="A"><w:r><w:t>xây dựng cơ sở dữ liệu</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="A"><w:r><w:delText>BỊ XÓA BỎ</w:delText></w:r></w:del>'
        '<w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve"> năm 2025.</w:t></w:r>'
        '<w:commentRangeEnd w:id="3"/></w:p>'
    )
    text_box = (
        '<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http:'
        '//schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>'
        '<w:txbxContent>' + _p("2. Văn phòng Sở chủ trì tổ chức hội thảo trong hộp văn bản.")
        + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></w:r></w:p>'
    )
    nested = (
        "<w:tbl><w:tr>" + _cell(_p("Ô lồng bên trong")) + _cell(_p("Bảng con")) + "</w:tr>"
        "<w:tr>" + _cell(_p("a")) + _cell(_p("b")) + "</w:tr>"
        "<w:tr>" + _cell(_p("c")) + _cell(_p("d")) + "</w:tr></w:tbl>"
    )
    table = (
        "<w:tbl>"
        "<w:tr>" + _cell(_p("TT")) + _cell(_p("Nhiệm vụ")) + _cell(_p("Chủ trì")) + "</w:tr>"
        "<w:tr>" + _cell(_p("3")) + _cell(_p("Hướng dẫn đăng ký mã số mã vạch"))
        + _cell(_p("Phòng Kế hoạch - Tài chính"), '<w:vMerge w:val="restart"/>') + "</w:tr>"
        "<w:tr>" + _cell(_p("4")) + _cell(_p("Rà soát đề tài") + nested)
        + _cell(_p(""), "<w:vMerge/>") + "</w:tr>"
        "<w:tr>" + _cell(_p("Ô gộp ngang một lần"), '<w:gridSpan w:val="3"/>') + "</w:tr>"
        "</w:tbl>"
    )
    path = _docx_with_body(tmp_path / "sua doi.docx", header + tracked + text_box + table)
    # a comments part: its text is not the document's
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("word/comments.xml", '<w:comments xmlns:w="http://schemas.openxml'
                         'formats.org/wordprocessingml/2006/main"><w:comment w:id="3">'
                         + _p("GHI CHÚ CỦA NGƯỜI DUYỆT") + "</w:comment></w:comments>")
    text, src = read_document(path)
    assert "xây dựng cơ sở dữ liệu năm 2025" in text
    assert "BỊ XÓA BỎ" not in text and "GHI CHÚ" not in text
    assert "trong hộp văn bản" in text
    assert text.count("Phòng Kế hoạch - Tài chính") == 2  # merged down over two task rows
    assert text.count("Ô gộp ngang một lần") == 1
    assert "Ô lồng bên trong" in text
    plan = load_file(path)
    assert plan.number == "12/KH-SKHCN"
    assert any("cơ sở dữ liệu" in t for t in task_texts(plan))


def test_truncated_word_pdf_and_html_give_a_reason(tmp_path):
    import docx

    good = tmp_path / "good.docx"
    document = docx.Document()
    for line in plan_text().split("\n"):
        document.add_paragraph(line)
    document.save(str(good))
    data = good.read_bytes()
    for cut in (10, len(data) // 3, len(data) - 30):
        path = tmp_path / f"cut{cut}.docx"
        path.write_bytes(data[:cut])
        [result] = load_paths(path, timeout=0)
        assert isinstance(result, Skipped) and "Word" in result.reason
    pdf = _minimal_pdf()
    (tmp_path / "cut.pdf").write_bytes(pdf[: len(pdf) // 2])
    [result] = load_paths(tmp_path / "cut.pdf", timeout=0)
    assert isinstance(result, Skipped) and "PDF" in result.reason
    html = f"<html><body><main><pre>{plan_text()}</pre></main></body></html>".encode()
    (tmp_path / "cut.html").write_bytes(html[: len(html) // 2])
    [result] = load_paths(tmp_path / "cut.html", timeout=0)
    assert isinstance(result, (Loaded, Skipped))


def test_html_scripts_and_styles_are_not_read(tmp_path):
    page = (
        "<html><head><style>p { content: '1. Phòng Quản lý khoa học chủ trì CSS'; }</style>"
        "<script>var x = '2. Văn phòng Sở chủ trì SCRIPT';</script></head><body><main>"
        + "".join(f"<p>{line}</p>" for line in plan_text().split("\n"))
        + "<script>document.write('3. Phòng Quản lý khoa học chủ trì VIET BANG JS');</script>"
        "<noscript>NOSCRIPT</noscript></main></body></html>"
    )
    path = tmp_path / "trang.html"
    path.write_text(page, encoding="utf-8")
    text, _ = read_document(path)
    for marker in ("CSS", "SCRIPT", "VIET BANG JS", "NOSCRIPT", "var x"):
        assert marker not in text
    assert len(load_file(path).tasks) == len(parse.parse_text(plan_text(), source()).tasks)


# --- paths ---------------------------------------------------------------------------------


def test_odd_paths_loops_dangling_links_and_vietnamese_names(tmp_path):
    root = tmp_path / "Kế hoạch năm 2025"
    (root / "thư mục con").mkdir(parents=True)
    nfc_name = root / "Kế hoạch số 1 của Sở.txt"
    nfd_name = root / "thư mục con" / unicodedata.normalize("NFD", "Kế hoạch số 2 (bản sửa).md")
    nfc_name.write_text(plan_text(1), encoding="utf-8")
    nfd_name.write_text(plan_text(2), encoding="utf-8")
    (root / "thư mục con" / "vòng lặp").symlink_to(root, target_is_directory=True)
    (root / "mất.txt").symlink_to(root / "không có.txt")
    results = list(load_paths(root))
    loaded = sorted(r.path.name for r in results if isinstance(r, Loaded))
    assert loaded == sorted([nfc_name.name, nfd_name.name])
    [dangling] = [r for r in results if isinstance(r, Skipped)]
    assert dangling.path.name == "mất.txt" and "cannot open" in dangling.reason
    store = Store(tmp_path / "kg.db")
    store.ingest([root])
    assert sorted(Path(p.source.path).name for p in store.plans()) == loaded


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_and_folder_are_named_with_the_os_reason(tmp_path):
    (tmp_path / "ok.txt").write_text(plan_text(), encoding="utf-8")
    locked = tmp_path / "khoa.txt"
    locked.write_text(plan_text(2), encoding="utf-8")
    locked.chmod(0)
    shut = tmp_path / "dong"
    shut.mkdir()
    (shut / "x.txt").write_text(plan_text(3), encoding="utf-8")
    shut.chmod(0)
    try:
        results = {r.path.name: r for r in load_paths(tmp_path)}
    finally:
        shut.chmod(0o755)
    assert isinstance(results["ok.txt"], Loaded)
    assert "Permission denied" in results["khoa.txt"].reason
    assert "Permission denied" in results["dong"].reason


def _many_files(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:05}.txt").write_text(NEWS if i % 100 else plan_text(i + 1),
                                            encoding="utf-8")
    return folder


def test_a_folder_of_a_thousand_files_ingests(tmp_path):
    folder = _many_files(tmp_path / "nhieu", 1000)
    report = Store(tmp_path / "kg.db").ingest([folder])
    assert len(report.ingested) == 10 and len(report.skipped) == 990
    assert all(reason.startswith("not a plan") for _, reason in report.skipped)


@pytest.mark.slow
def test_a_folder_of_ten_thousand_files_ingests(tmp_path):
    folder = _many_files(tmp_path / "nhieu", 10_000)
    store = Store(tmp_path / "kg.db")
    report = store.ingest([folder])
    assert len(report.ingested) == 100 and len(report.skipped) == 9_900
    again = store.ingest([folder])  # nothing changed: nothing is read again
    assert len(again.ingested) == 0 and len(again.skipped) == 9_900


# --- the command line over a folder of bad files ------------------------------------------


def _encrypted_pdf() -> bytes:
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    trailer = b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"33" * 16, b"33" * 16)
    return _minimal_pdf(trailer, (encrypt,))


def bad_folder(root: Path) -> tuple[list[str], dict[str, str]]:
    """Good plans beside bad files; returns (good names, bad name → words of its reason)."""
    import docx

    root.mkdir(parents=True)
    good = []
    for n in (1, 2):
        name = f"ke hoach {n}.txt"
        (root / name).write_text(plan_text(n), encoding="utf-8")
        good.append(name)
    document = docx.Document()
    for line in plan_text(3).split("\n"):
        document.add_paragraph(line)
    document.save(str(root / "ke hoach 3.docx"))
    good.append("ke hoach 3.docx")
    data = (root / "ke hoach 3.docx").read_bytes()
    (root / "hong.docx").write_bytes(data[: len(data) // 2])
    (root / "nhi phan.txt").write_bytes(bytes(range(256)) * 64)
    (root / "trong.txt").write_bytes(b"")
    (root / "quet.pdf").write_bytes(_minimal_pdf())
    (root / "khoa.pdf").write_bytes(_encrypted_pdf())
    (root / "vni.txt").write_bytes(_vni(""))
    (root / "tin tuc.txt").write_text(NEWS, encoding="utf-8")
    with (root / "lon.txt").open("wb") as huge:  # 51 MB (sparse: costs no disk)
        huge.write(b"KE HOACH\n")
        huge.truncate(51 * 1024 * 1024)
    bad = {"hong.docx": "Word", "nhi phan.txt": "binary", "trong.txt": "empty",
           "quet.pdf": "OCR", "khoa.pdf": "encrypted", "vni.txt": "VNI",
           "tin tuc.txt": "not a plan", "lon.txt": "too large"}
    return good, bad


def test_ingest_over_a_folder_of_bad_files_reports_each_and_keeps_the_good(tmp_path):
    good, bad = bad_folder(tmp_path / "vao")
    store = tmp_path / "kg.db"
    done = subprocess.run(
        [sys.executable, "-c", "from policykg.cli import main; main()", "ingest",
         str(tmp_path / "vao"), "--store", str(store)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    skipped = [line for line in done.stdout.splitlines() if line.strip().startswith("skipped")]
    assert len(skipped) == len(bad), done.stdout
    for name, words in bad.items():
        [line] = [s for s in skipped if f"/{name}:" in s]
        assert words in line, line
    plans = Store(store).plans()
    assert sorted(Path(p.source.path).name for p in plans) == sorted(good)
