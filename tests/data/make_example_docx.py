"""Write the Word sample plan ``phu-yen_skhcn_57_bang.docx`` (a plan whose tasks sit in a table).

Run from the repository root: ``python tests/data/make_example_docx.py``. The .docx is kept in the
repository too, so the samples work without running this script.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).resolve().parents[2] / "examples" / "phu-yen_skhcn_57_bang.docx"

HEADER_LEFT = ["UBND TỈNH PHÚ YÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 318/KH-SKHCN"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Phú Yên, ngày 14 tháng 3 năm 2025",
]
TITLE = "KẾ HOẠCH"
SUBTITLE = (
    "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
OPENING = (
    "Thực hiện Kế hoạch số 40/KH-UBND ngày 21/02/2025 của UBND tỉnh Phú Yên thực hiện "
    "Chương trình hành động số 20-CTr/TU ngày 24/01/2025 của Tỉnh ủy thực hiện Nghị quyết số "
    "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số quốc gia, Sở Khoa học và Công nghệ xây dựng Kế hoạch "
    "thực hiện như sau:"
)
BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("- Triển khai kịp thời các nhiệm vụ UBND tỉnh giao cho Sở tại Kế hoạch số 40/KH-UBND.", False),
    ("- Tiếp nhận ổn định các nhiệm vụ về chuyển đổi số từ ngày 01/3/2025.", False),
    ("II. NHIỆM VỤ CỤ THỂ", True),
    ("Nhiệm vụ, đơn vị chủ trì, phối hợp và thời hạn theo bảng dưới đây.", False),
]
TABLE_HEAD = [
    "STT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
]
TABLE_ROWS = [
    [
        "1",
        "Quán triệt Nghị quyết số 57-NQ/TW và Kế hoạch số 40/KH-UBND đến toàn thể công chức, "
        "viên chức của Sở",
        "Văn phòng Sở",
        "Các phòng, đơn vị thuộc Sở",
        "Quý I năm 2025",
        "Hội nghị quán triệt",
    ],
    [
        "2",
        "Hướng dẫn chủ thể OCOP đăng ký mã số mã vạch và in mã trên bao bì sản phẩm",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "UBND các huyện, thị xã, thành phố",
        "Thường xuyên",
        "100% chủ thể OCOP có nhu cầu được hướng dẫn",
    ],
    [
        "3",
        "Áp dụng truy xuất nguồn gốc điện tử cho cá ngừ đại dương từ tàu cá đến cảng cá",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Sở Nông nghiệp và Phát triển nông thôn; Ban Quản lý Cảng cá tỉnh",
        "Năm 2025",
        "50 tàu cá áp dụng nhật ký khai thác điện tử",
    ],
    [
        "4",
        "Hỗ trợ tạo lập, bảo hộ nhãn hiệu cho đặc sản của tỉnh; quản lý chỉ dẫn địa lý "
        "cá ngừ đại dương Phú Yên",
        "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
        "Hội Nghề cá tỉnh",
        "Năm 2025-2026",
        "03 nhãn hiệu được cấp văn bằng",
    ],
    [
        "5",
        "Thành lập Câu lạc bộ khởi nghiệp đổi mới sáng tạo của tỉnh, kết nối dự án khởi "
        "nghiệp với nhà đầu tư",
        "Trung tâm Thông tin và Ứng dụng khoa học và công nghệ",
        "Tỉnh Đoàn; Trường Đại học Phú Yên",
        "Quý III năm 2025",
        "Câu lạc bộ được thành lập",
    ],
    [
        "6",
        "Tiếp nhận và vận hành thống nhất hệ thống quản lý văn bản, các nền tảng số do Sở "
        "Thông tin và Truyền thông chuyển giao",
        "Phòng Bưu chính, Viễn thông và Chuyển đổi số",
        "Văn phòng Sở",
        "Trước ngày 30/6/2025",
        "Các nền tảng vận hành ổn định",
    ],
]
CLOSING = [
    ("III. TỔ CHỨC THỰC HIỆN", True),
    (
        "Các đơn vị chủ trì báo cáo kết quả về Văn phòng Sở trước ngày 15/11/2025 để tổng hợp.",
        False,
    ),
    ("Nơi nhận:", True),
    ("- UBND tỉnh (b/c);", False),
    ("- Lãnh đạo Sở;", False),
    ("- Các phòng, đơn vị thuộc Sở;", False),
    ("- Lưu: VT, VP.", False),
    ("KT. GIÁM ĐỐC", True),
    ("PHÓ GIÁM ĐỐC", True),
    ("Nguyễn Văn Phúc", True),
]


def _para(doc: Document, text: str, bold: bool = False, center: bool = False) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(13)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build(path: Path = OUT) -> Path:
    """Write the sample plan to ``path`` and return it."""
    doc = Document()
    props = doc.core_properties
    props.title = "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW"
    props.author = "Sở Khoa học và Công nghệ"
    props.created = props.modified = dt.datetime(2025, 3, 14, 8, 0, 0)

    # The two-column letterhead of an administrative document, as a borderless table would
    # render it when converted: the left column first, then the right.
    for line in HEADER_LEFT:
        _para(doc, line, bold=not line.startswith("Số"), center=True)
    for line in HEADER_RIGHT:
        _para(doc, line, bold=not line.startswith("Phú Yên"), center=True)
    _para(doc, TITLE, bold=True, center=True)
    _para(doc, SUBTITLE, bold=True, center=True)
    _para(doc, OPENING)
    for text, bold in BODY:
        _para(doc, text, bold=bold)

    table = doc.add_table(rows=1, cols=len(TABLE_HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TABLE_HEAD, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in TABLE_ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text

    for text, bold in CLOSING:
        _para(doc, text, bold=bold)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
