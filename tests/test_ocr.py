"""Scanned PDFs are read by OCR (Tesseract, Vietnamese) when it is installed.

The scan is made here: our own plan drawn as a page image at 300 dpi and saved as a PDF
with no text layer, as a scanner gives it. Its OCR must give the plan the text gives
(number, references, tasks with their units and deadlines) and a warning; without OCR the
file is refused with how to read it. The paragraph joining and the spelling fixes are
checked on Tesseract's own output format.
"""

from __future__ import annotations

import json
import os
import textwrap
import time
from pathlib import Path

import matplotlib
import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.loaders import ocr
from policykg.loaders.batch import Loaded, Skipped, load_paths
from policykg.loaders.model import LoadError, SourceFile
from policykg.loaders.parse import parse_text
from policykg.loaders.readers import read_document

PLAN = """UBND TỈNH THÁI NGUYÊN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 412/KH-SKHCN
Thái Nguyên, ngày 18 tháng 8 năm 2025
KẾ HOẠCH
Thực hiện Kế hoạch số 97/KH-UBND ngày 30/7/2025 của UBND tỉnh về chuyển đổi số năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Triển khai kịp thời, hiệu quả các nhiệm vụ được giao.
II. NHIỆM VỤ CỤ THỂ
1. Văn phòng Sở chủ trì số hóa hồ sơ lưu trữ của Sở, hoàn thành trong quý IV năm 2025.
2. Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp với Sở Công Thương kiểm tra \
đo lường tại các chợ đầu mối, hoàn thành trước ngày 30/11/2025.
3. Phòng Quản lý khoa học chủ trì tuyển chọn các nhiệm vụ khoa học và công nghệ cấp tỉnh \
năm 2026, hoàn thành trong tháng 10 năm 2025.
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở báo cáo kết quả về Văn phòng Sở trước ngày 15/12/2025.
GIÁM ĐỐC
Hoàng Văn Minh
"""

needs_ocr = pytest.mark.skipif(
    ocr.ocr_engine() is None and not os.environ.get("CI"),
    reason="tesseract with Vietnamese data is not installed (CI installs it)")


def scan(lines: list[str], path: Path) -> Path:
    """``lines`` drawn on A4 pages at 300 dpi and saved as an image-only PDF."""
    pages = page_images(lines)
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=300)
    return path


def page_images(lines: list[str]) -> list:
    """``lines`` drawn on A4 pages at 300 dpi (PIL images)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf"
                                  / "DejaVuSerif.ttf"), 44)
    wrapped = [part for line in lines for part in (textwrap.wrap(line, 66) or [""])]
    pages = []
    for first in range(0, len(wrapped), 45):
        page = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(page)
        for row, line in enumerate(wrapped[first:first + 45]):
            draw.text((200, 220 + 68 * row), line, font=font, fill=0)
        pages.append(page)
    return pages


def summary(plan) -> dict:
    return {
        "number": plan.number,
        "references": sorted(r.key for r in plan.references),
        "tasks": [(t.lead, t.support, t.deadline.date if t.deadline else None)
                  for t in plan.tasks],
    }


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scan(PLAN.splitlines(), tmp_path_factory.mktemp("scan") / "ke-hoach-412.pdf")


@needs_ocr
def test_a_scanned_plan_reads_as_its_text(scanned):
    text, source = read_document(scanned)
    assert source.format == "pdf"
    assert source.encoding.startswith(ocr.NOTE)
    plan = parse_text(text, source)
    want = parse_text(PLAN, SourceFile(path="ke-hoach-412.txt", sha256="", format="txt"))
    assert summary(plan) == summary(want)
    assert any("OCR" in warning for warning in plan.warnings)


@needs_ocr
def test_a_scan_gives_one_line_per_sentence_and_keeps_header_lines_apart(scanned):
    lines = [line for line in read_document(scanned)[0].splitlines() if line.strip()]
    assert lines[:2] == ["UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    wrapped = [line for line in lines if line.startswith("2. Chi cục")]
    assert wrapped and wrapped[0].endswith("trước ngày 30/11/2025.")


def test_without_ocr_a_scan_is_refused_with_how_to_read_it(tmp_path, monkeypatch):
    path = scan(PLAN.splitlines()[:6], tmp_path / "scan.pdf")
    monkeypatch.setattr(ocr, "ocr_engine", lambda: None)
    with pytest.raises(LoadError, match="tesseract-ocr-vie") as caught:
        read_document(path)
    assert caught.value.path == str(path)
    monkeypatch.setenv(ocr.OCR_ENV, "0")
    with pytest.raises(LoadError, match="OCR is turned off"):
        read_document(path)


@needs_ocr
def test_ingest_no_ocr_skips_the_scan_and_says_why(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    scan(PLAN.splitlines()[:8], folder / "scan.pdf")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--no-ocr", "--json", "--store",
                                      str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1, result.output
    assert "OCR is turned off" in result.output and "scan.pdf" in result.output


# --- what is done with Tesseract's output ------------------------------------------

def words(rows: list[tuple[int, int, int, int, int, str]]) -> list:
    """OCR'd words ``(block, paragraph, line, left, right, text)``, one line 40 px high."""
    return [ocr._Word(b, p, n, left, 40 * (10 * b + n), right, 40 * (10 * b + n) + 30, 95.0,
                      text) for b, p, n, left, right, text in rows]


def test_wrapped_lines_join_short_lines_and_list_items_stay_apart():
    lines = ocr._paragraphs(words([
        (1, 1, 1, 300, 900, "UBND TỈNH THÁI NGUYÊN"),
        (1, 1, 2, 250, 950, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        (2, 1, 1, 100, 2000, "1. Văn phòng Sở chủ trì số hóa hồ sơ lưu trữ của Sở, hoàn"),
        (2, 1, 2, 100, 900, "thành trong quý IV năm 2025."),
        (2, 1, 3, 100, 1990, "- Tổ chức tập huấn cho công chức về lưu trữ điện tử và"),
        (2, 1, 4, 100, 700, "số hóa tài liệu."),
        (2, 1, 5, 100, 600, "a) Lập danh mục hồ sơ."),
        (3, 1, 1, 100, 1990, "3. Phòng Quản lý khoa học chủ trì theo Kế hoạch số 97/KH-"),
        (4, 1, 1, 100, 1200, "UBND tuyển chọn các nhiệm vụ khoa học và công nghệ cấp tỉnh."),
        (5, 1, 1, 100, 800, "II NHIỆM VỤ CỤ THỂ"),
    ]))
    assert [text for _, text in lines] == [
        "UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "",
        "1. Văn phòng Sở chủ trì số hóa hồ sơ lưu trữ của Sở, hoàn thành trong quý IV năm 2025.",
        "- Tổ chức tập huấn cho công chức về lưu trữ điện tử và số hóa tài liệu.",
        "a) Lập danh mục hồ sơ.", "",
        "3. Phòng Quản lý khoa học chủ trì theo Kế hoạch số 97/KH-UBND tuyển chọn các nhiệm "
        "vụ khoa học và công nghệ cấp tỉnh.", "",
        "II. NHIỆM VỤ CỤ THỂ",
    ]
    assert [y for y, _ in lines][:2] == [40 * 11, 40 * 12]


@pytest.mark.parametrize(("read", "meant"), [
    ("5. Chỉ cục Tiêu chuẩn Đo lường Chất lượng", "5. Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    ("CHỈ CỤC THUẾ KHU VỰC", "CHI CỤC THUẾ KHU VỰC"),
    ("Trung tăm Ứng dụng khoa học", "Trung tâm Ứng dụng khoa học"),
    ("phối hợp với các chỉ cục", "phối hợp với các chi cục"),
    ("xây dựng kế hoạch chỉ tiết", "xây dựng kế hoạch chỉ tiết"),  # not a unit's head
    ("Số: 412/KH-SKHCN", "Số: 412/KH-SKHCN"),
])
def test_unit_heads_misread_by_a_tone_mark_are_spelt_as_known(read, meant):
    assert ocr._known_heads(read) == meant


def test_each_ocr_page_renews_a_files_time_bound(tmp_path, monkeypatch):
    """A long scan read page by page is not cut off by the per-file bound; a file that
    goes quiet for longer than the bound still is."""
    scan(PLAN.splitlines()[:6], tmp_path / "dai.pdf")
    quiet = tmp_path / "im-lang"
    quiet.mkdir()
    scan(PLAN.splitlines()[:6], quiet / "im.pdf")
    monkeypatch.setattr(ocr, "ocr_engine", lambda: "tesseract")

    def pages(data: bytes, path: str) -> tuple[list[str], float]:
        for _ in range(6):  # 6 pages of 0.5 s: three times the bound in all
            time.sleep(0.5)
            if ocr.on_page is not None:
                ocr.on_page()
        return PLAN.splitlines(), 90.0

    monkeypatch.setattr(ocr, "ocr_pdf", pages)
    results = list(load_paths(tmp_path / "dai.pdf", timeout=1.0))
    assert isinstance(results[0], Loaded), results[0]
    assert results[0].plan.number == "412/KH-SKHCN"

    def stuck(data: bytes, path: str) -> tuple[list[str], float]:
        time.sleep(3)
        return PLAN.splitlines(), 90.0

    monkeypatch.setattr(ocr, "ocr_pdf", stuck)
    results = list(load_paths(quiet, timeout=1.0))
    assert isinstance(results[0], Skipped) and "longer than 1 s" in results[0].reason


@needs_ocr
def test_a_scan_skipped_without_ocr_is_read_by_the_next_ingest(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    scan(PLAN.splitlines(), folder / "scan.pdf")
    store = str(tmp_path / "s.db")
    first = CliRunner().invoke(cli, ["ingest", "--no-ocr", "--store", store, str(folder)])
    assert first.exit_code == 1 and "OCR is turned off" in first.output
    again = CliRunner().invoke(cli, ["ingest", "--store", store, str(folder)])
    assert again.exit_code == 0, again.output
    assert f"read by OCR, check names and numbers: {folder / 'scan.pdf'}" in again.output
    shown = CliRunner().invoke(cli, ["show", "--json", "--store", store, "412/KH-SKHCN"])
    assert shown.exit_code == 0 and "Chi cục Tiêu chuẩn Đo lường Chất lượng" in shown.output


# glyph numbers read as code points: what a PDF whose fonts lack a Unicode map gives for
# every letter with a diacritic
_GLYPH_NUMBERS = {ord(ch): 0x0460 + k for k, ch in enumerate(sorted(
    {ch for ch in PLAN if ord(ch) > 127 and ch.isalpha()}))}


def garbled_layer(lines: list[str], path: Path) -> Path:
    """Pages that show ``lines`` rightly over a text layer whose letters are wrong (an
    invisible layer, as a PDF made with legacy fonts reads to a machine)."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for page in page_images(lines):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.add_axes((0, 0, 1, 1)).imshow(page, cmap="gray")
            fig.axes[0].set_axis_off()
            for i, line in enumerate(lines):
                fig.text(0.08, 0.92 - i * 0.03, line.translate(_GLYPH_NUMBERS), fontsize=10,
                         alpha=0)
            pdf.savefig(fig, dpi=300)
            plt.close(fig)
    return path


@needs_ocr
def test_a_pdf_whose_text_layer_has_wrong_letters_is_read_by_ocr(tmp_path, monkeypatch):
    path = garbled_layer(PLAN.splitlines(), tmp_path / "loi font.pdf")
    plan = parse_text(*read_document(path))
    want = parse_text(PLAN, SourceFile(path="ke-hoach-412.txt", sha256="", format="txt"))
    assert summary(plan) == summary(want)
    monkeypatch.setenv(ocr.OCR_ENV, "0")
    with pytest.raises(LoadError, match="garbled.*OCR is turned off"):
        read_document(path)


TABLE_HEAD = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Thời gian hoàn thành"]
# None: the cell is merged with the one above (no line between them)
TABLE_ROWS = [
    ["1", "Số hóa hồ sơ lưu trữ của Sở", "Văn phòng Sở", "Phòng Kế hoạch - Tài chính",
     "Quý IV năm 2025"],
    ["2", "Kiểm tra đo lường tại các chợ đầu mối", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
     "Sở Công Thương", "Trước ngày 30/11/2025"],
    ["3", "Kiểm tra chất lượng xăng dầu tại các cửa hàng", None, "Công an tỉnh",
     "Tháng 12 năm 2025"],
    ["4", "Tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026",
     "Phòng Quản lý khoa học", "Các phòng, đơn vị thuộc Sở", "Tháng 10 năm 2025"],
]
TABLE_PLAN = PLAN.split("II. NHIỆM VỤ CỤ THỂ")[0] + "II. NHIỆM VỤ CỤ THỂ\n" \
    + "Nhiệm vụ và phân công theo bảng sau:\n" \
    + "\n".join("| " + " | ".join(cells) + " |" for cells in [
        TABLE_HEAD, *([c if c is not None else TABLE_ROWS[1][2] for c in row]
                      for row in TABLE_ROWS)]) \
    + "\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng, đơn vị thuộc Sở báo cáo kết quả về Văn phòng Sở " \
      "trước ngày 15/12/2025.\nGIÁM ĐỐC\nHoàng Văn Minh\n"


def table_scan(path: Path, pages: int = 1) -> Path:
    """:data:`TABLE_PLAN` as a scanner gives it (see :func:`table_pages`)."""
    drawn = table_pages(pages)
    drawn[0].save(path, save_all=True, append_images=drawn[1:], resolution=300)
    return path


_WIDTHS = [160, 640, 520, 520, 360]  # the table's columns, in pixels (~26 a letter)


def table_pages(pages: int = 1) -> list:
    """:data:`TABLE_PLAN` drawn: lines of text, then the task table with its rules (the
    lead cell of task 3 merged with task 2's), then the closing. On two pages, the page
    break falls inside task 2's row: its first lines end page 1, the rest of it (without
    its number) opens page 2 under the repeated header row."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf"
                                  / "DejaVuSerif.ttf"), 44)
    drawn = [Image.new("L", (2480, 3508), 255) for _ in range(pages)]
    draw = ImageDraw.Draw(drawn[0])

    def text(draw, y: int, lines: list[str]) -> int:
        for line in lines:
            for part in textwrap.wrap(line, 70) or [""]:
                draw.text((200, y), part, font=font, fill=0)
                y += 66
        return y

    y = text(draw, 200, TABLE_PLAN.split("| STT")[0].splitlines())
    rows = [TABLE_HEAD, *TABLE_ROWS]
    if pages == 1:
        y = _draw_table(draw, font, y + 20, rows, [None, *TABLE_ROWS])
    else:
        task = TABLE_ROWS[1]
        what, lead = task[1].split(), task[2].split()
        first = [task[0], " ".join(what[:4]), " ".join(lead[:4]), "", ""]
        rest = ["", " ".join(what[4:]), " ".join(lead[4:]), task[3], task[4]]
        _draw_table(draw, font, y + 20, [TABLE_HEAD, TABLE_ROWS[0], first],
                    [None, TABLE_ROWS[0], first])
        draw = ImageDraw.Draw(drawn[1])
        y = _draw_table(draw, font, 200, [TABLE_HEAD, rest, *TABLE_ROWS[2:]],
                        [None, rest, *TABLE_ROWS[2:]])
    text(draw, y + 40, TABLE_PLAN.split("| 4 |")[1].splitlines()[1:])
    return drawn


def _draw_table(draw, font, top: int, rows: list[list[str | None]],
                merges: list[list[str | None] | None]) -> int:
    """Draw ``rows`` as a ruled table from ``top``; a None in ``merges`` (by row and
    column) leaves out the rule above that cell. The table's bottom."""
    xs = [150]
    for width in _WIDTHS:
        xs.append(xs[-1] + width)
    wrapped = [[textwrap.wrap(cell or "", width // 26) for cell, width in zip(
        row, _WIDTHS, strict=True)] for row in rows]
    ys = [top]
    for cells in wrapped:
        ys.append(ys[-1] + 66 * max(len(lines) or 1 for lines in cells) + 40)
    for r, cells in enumerate(wrapped):
        for c, lines in enumerate(cells):
            for k, line in enumerate(lines):
                draw.text((xs[c] + 20, ys[r] + 20 + 66 * k), line, font=font, fill=0)
            if merges[r] is None or merges[r][c] is not None:  # the rule above the cell
                draw.line([(xs[c], ys[r]), (xs[c + 1], ys[r])], fill=0, width=4)
    draw.line([(xs[0], ys[-1]), (xs[-1], ys[-1])], fill=0, width=4)
    for x in xs:
        draw.line([(x, top), (x, ys[-1])], fill=0, width=4)
    return ys[-1]


@needs_ocr
def test_a_scanned_task_table_reads_as_the_table_it_shows(tmp_path):
    text, source = read_document(table_scan(tmp_path / "bang.pdf"))
    plan = parse_text(text, source)
    want = parse_text(TABLE_PLAN, SourceFile(path="bang.txt", sha256="", format="txt"))
    assert summary(plan) == summary(want)
    assert [t.text for t in plan.tasks] == [t.text for t in want.tasks]
    merged = [t for t in plan.tasks if t.number in ("2", "3")]
    assert [t.lead for t in merged] == [["Chi cục Tiêu chuẩn Đo lường Chất lượng"]] * 2
    assert [t.support for t in merged] == [["Sở Công Thương"], ["Công an tỉnh"]]


def test_a_ruled_table_is_found_with_its_merged_cells():
    import numpy as np

    from policykg.loaders.scan_tables import find_grids

    picture = np.asarray(table_pages()[0].convert("L"))
    grid, = find_grids(picture)
    assert (len(grid.rows) - 1, len(grid.columns) - 1) == (5, 5)
    assert grid.merged_down == {(3, 2)} and not grid.merged_right


@needs_ocr
def test_a_scanned_table_cut_by_a_page_break_is_one_table(tmp_path):
    text, source = read_document(table_scan(tmp_path / "bang-2-trang.pdf", pages=2))
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 1 + len(TABLE_ROWS)  # the repeated header and the cut row joined
    plan = parse_text(text, source)
    want = parse_text(TABLE_PLAN, SourceFile(path="bang.txt", sha256="", format="txt"))
    assert summary(plan) == summary(want)
    assert [t.text for t in plan.tasks] == [t.text for t in want.tasks]


def test_a_page_scanned_at_a_slant_is_turned_level_and_its_table_found():
    import numpy as np

    from policykg.loaders.scan_tables import deskew, find_grids

    slanted = np.asarray(table_pages()[0].rotate(1.2, fillcolor=255, resample=3).convert("L"))
    assert find_grids(slanted) == []  # its rules broken into short runs
    grid, = find_grids(deskew(slanted))
    assert (len(grid.rows) - 1, len(grid.columns) - 1) == (5, 5)
    assert grid.merged_down == {(3, 2)}
    level = np.asarray(table_pages()[0].convert("L"))
    assert deskew(level) is level


@needs_ocr
def test_a_slanted_scan_of_a_task_table_reads_as_the_table(tmp_path):
    path = tmp_path / "nghieng.pdf"
    table_pages()[0].rotate(-0.8, fillcolor=255, resample=3).save(path, resolution=300)
    text, source = read_document(path)
    assert sum(line.startswith("|") for line in text.splitlines()) == 1 + len(TABLE_ROWS)
    plan = parse_text(text, source)
    merged = [t for t in plan.tasks if t.number in ("2", "3")]
    assert [t.lead for t in merged] == [["Chi cục Tiêu chuẩn Đo lường Chất lượng"]] * 2
    assert [t.support for t in merged] == [["Sở Công Thương"], ["Công an tỉnh"]]


@needs_ocr
def test_a_picture_of_a_page_is_read_like_its_scan(tmp_path):
    png = tmp_path / "trang.png"
    table_pages()[0].save(png)
    plan = parse_text(*read_document(png))
    want = parse_text(TABLE_PLAN, SourceFile(path="bang.txt", sha256="", format="txt"))
    assert plan.source.format == "image"
    assert summary(plan) == summary(want)
    assert any("OCR" in warning for warning in plan.warnings)


@needs_ocr
def test_each_frame_of_a_tiff_is_a_page(tmp_path):
    pages = table_pages(pages=2)
    tiff = tmp_path / "fax.tif"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    text, source = read_document(tiff)
    assert sum(line.startswith("|") for line in text.splitlines()) == 1 + len(TABLE_ROWS)
    assert summary(parse_text(text, source))["number"] == "412/KH-SKHCN"


def test_a_broken_picture_or_no_ocr_gives_a_reason(tmp_path, monkeypatch):
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    monkeypatch.setattr(ocr, "ocr_engine", lambda: "tesseract")
    with pytest.raises(LoadError, match="cannot read the image") as caught:
        read_document(broken)
    assert caught.value.path == str(broken)
    png = tmp_path / "trang.png"
    table_pages()[0].save(png)
    monkeypatch.setenv(ocr.OCR_ENV, "0")
    with pytest.raises(LoadError, match="picture of a document.*OCR is turned off"):
        read_document(png)


@needs_ocr
@pytest.mark.parametrize("scan_name", ["a-ban-quet.pdf", "z-ban-quet.pdf"])
def test_a_scan_of_a_plan_also_read_from_text_does_not_replace_it(tmp_path, scan_name):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "m-ke-hoach.txt").write_text(PLAN, encoding="utf-8")
    scan(PLAN.splitlines(), folder / scan_name)
    store = str(tmp_path / "s.db")
    done = CliRunner().invoke(cli, ["ingest", "--store", store, str(folder)])
    assert done.exit_code == 0, done.output
    shown = CliRunner().invoke(cli, ["show", "--json", "--store", store, "412/KH-SKHCN"])
    assert json.loads(shown.output)["file"] == str(folder / "m-ke-hoach.txt")
    stats = CliRunner().invoke(cli, ["stats", "--json", "--store", store])
    assert json.loads(stats.output)["files"] == {"ingested": 1, "superseded": 1}
    if scan_name.startswith("z"):  # read after the text: said so
        assert "is the same plan read by OCR" in done.output


def test_only_a_table_cut_by_a_page_break_is_joined():
    from policykg.loaders.msword import DocCell

    def table(*rows):
        return [[DocCell([c] if c else []) for c in row] for row in rows]

    head = ["STT", "Nhiệm vụ", "Chủ trì"]
    first = table(head, ["1", "Số hóa hồ sơ", "Văn phòng Sở"])
    rest = table(head, ["", "lưu trữ", ""], ["2", "Kiểm tra", "Thanh tra Sở"])
    other = table(["Chỉ tiêu", "Năm 2026"], ["Doanh nghiệp", "50"])
    joined = ocr._joined_tables([first, ocr._PAGE_BREAK, rest])
    assert [[c.paragraphs for c in row] for row in joined[0]] == [
        [["STT"], ["Nhiệm vụ"], ["Chủ trì"]],
        [["1"], ["Số hóa hồ sơ", "lưu trữ"], ["Văn phòng Sở"]],
        [["2"], ["Kiểm tra"], ["Thanh tra Sở"]]]
    assert len(joined) == 1
    # another table on the next page, two tables on one page, text between: apart
    assert len(ocr._joined_tables([table(head), ocr._PAGE_BREAK, other])) == 3
    assert len(ocr._joined_tables([table(head), table(head, ["3", "x", "y"])])) == 2
    assert len(ocr._joined_tables([table(head), ocr._PAGE_BREAK, "Phụ lục 2", table(head)])) == 4
