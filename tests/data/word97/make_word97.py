"""Write the Word 97-2003 test plans: each as a ``.docx`` (python-docx) and the same
document saved as ``.doc`` by LibreOffice.

Run from the repository root: ``python tests/data/word97/make_word97.py`` (needs
``soffice`` on the PATH). Both files are kept in the repository, so the tests need
neither this script nor LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent

LETTERHEAD = (
    ["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ", "Số: 215/KH-SNV"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
     "Hà Nam, ngày 09 tháng 4 năm 2025"],
)
OPENING = [
    ("KẾ HOẠCH", True),
    ("Cải cách hành chính nhà nước năm 2025", True),
    ("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình "
     "tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 và Kế hoạch số 120/KH-UBND "
     "ngày 20/01/2025 của UBND tỉnh Hà Nam, Sở Nội vụ ban hành Kế hoạch như sau:", False),
    ("I. NHIỆM VỤ VÀ PHÂN CÔNG", True),
]
HEAD = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
# rows of the task table; None: the cell continues the merged cell above
ROWS = [
    ["1", "Rà soát, kiện toàn tổ chức bộ máy các phòng chuyên môn thuộc Sở",
     "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Văn phòng Sở", "Quý II/2025"],
    ["2", "Xây dựng vị trí việc làm của công chức, viên chức",
     "Phòng Công chức, viên chức", "Các phòng, đơn vị thuộc Sở", "Tháng 6/2025"],
    ["3", "Tổ chức thi tuyển công chức năm 2025", None, "Hội đồng tuyển dụng",
     "Quý III/2025"],
    ["4", "Số hóa hồ sơ công chức, viên chức trên phần mềm quản lý", None,
     "Trung tâm Phục vụ hành chính công tỉnh", "Tháng 12/2025"],
    ["5", "Kiểm tra công tác cải cách hành chính tại các xã, phường", "Thanh tra Sở",
     "UBND các xã, phường", "Thường xuyên"],
]
CLOSING = [
    ("II. TỔ CHỨC THỰC HIỆN", True),
    ("Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện trước ngày "
     "15/12/2025. Văn bản hướng dẫn xem tại Cổng thông tin điện tử của Sở.", False),
]
SIGNATURE = (["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."],
             ["GIÁM ĐỐC", "Trần Thị Lan"])
LINK = "https://snv.hanam.gov.vn"


def _field(paragraph, code: str, shown: str) -> None:
    """A complex field (``HYPERLINK …``) whose shown text is ``shown``."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run._r.append(mark)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _layout(doc, columns: tuple[list[str], list[str]]) -> None:
    """A borderless two-column table of stacked lines (letterhead, signature)."""
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, columns, strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def build_docx(path: Path) -> Path:
    doc = Document()
    _layout(doc, LETTERHEAD)
    for text, bold in OPENING:
        doc.add_paragraph().add_run(text).bold = bold
    table = doc.add_table(rows=1, cols=len(HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEAD, strict=True):
        cell.text = text
    for values in ROWS:
        row = table.add_row()
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            if text is None:
                above = table.rows[len(table.rows) - 2].cells[i]
                above.merge(cell)
            else:
                cell.text = text
    for text, bold in CLOSING[:1]:
        doc.add_paragraph().add_run(text).bold = bold
    paragraph = doc.add_paragraph()
    paragraph.add_run(CLOSING[1][0].replace("Cổng thông tin điện tử của Sở.", ""))
    _field(paragraph, f'HYPERLINK "{LINK}"', "Cổng thông tin điện tử của Sở")
    paragraph.add_run(".")
    _layout(doc, SIGNATURE)
    doc.save(path)
    return path


# a plan numbered by Word's lists: sections I., II. (level 1), tasks 1., 2. (level 2),
# their parts a), b) (level 3) and bullets; the task numbers restart in each section; two
# tasks carry words Word does not show (a tracked deletion, hidden text)
NUMBERED = [
    (None, "UBND TỈNH NINH BÌNH"),
    (None, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
    (None, "Số: 88/KH-SKHCN"),
    (None, "Ninh Bình, ngày 02 tháng 10 năm 2025"),
    (None, "KẾ HOẠCH"),
    (None, "Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2026"),
    (0, "MỤC ĐÍCH, YÊU CẦU"),
    ("bullet", "Triển khai đồng bộ, hiệu quả các nhiệm vụ được giao."),
    (0, "NHIỆM VỤ CỤ THỂ"),
    (1, "Phòng Quản lý khoa học chủ trì tổ chức tuyển chọn nhiệm vụ khoa học và công nghệ "
        "cấp tỉnh; hoàn thành trong quý I năm 2026."),
    (1, "Trung tâm Ứng dụng khoa học và công nghệ chủ trì, phối hợp với Sở Nông nghiệp và "
        "Môi trường thực hiện các nội dung sau:"),
    (2, "Xây dựng mô hình ứng dụng công nghệ sinh học trong sản xuất lúa; thời gian: năm 2026."),
    (2, "Chuyển giao quy trình nhân giống cây dược liệu; thời gian: quý III năm 2026."),
    (1, "Văn phòng Sở chủ trì xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh; "
        "thời gian hoàn thành: tháng 12 năm 2026."),
    (0, "TỔ CHỨC THỰC HIỆN"),
    (1, "Các phòng, đơn vị thuộc Sở báo cáo kết quả về Văn phòng Sở trước ngày 10/12/2026."),
    (None, "GIÁM ĐỐC"),
    (None, "Đinh Văn Hùng"),
]
_LEVEL_FORMATS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]


def _numbering_xml(doc) -> tuple[int, int]:
    """Add a three-level list and a bullet list to ``doc``; their instance ids."""
    numbering = doc.part.numbering_part.element

    def element(tag: str, **attrs: str):
        el = OxmlElement(tag)
        for key, value in attrs.items():
            el.set(qn(key), value)
        return el

    ids = []
    for abstract_id, levels in ((90, _LEVEL_FORMATS), (91, [("bullet", "-")])):
        abstract = element("w:abstractNum", **{"w:abstractNumId": str(abstract_id)})
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = element("w:lvl", **{"w:ilvl": str(ilvl)})
            lvl.append(element("w:start", **{"w:val": "1"}))
            lvl.append(element("w:numFmt", **{"w:val": fmt}))
            lvl.append(element("w:lvlText", **{"w:val": text}))
            abstract.append(lvl)
        numbering.insert(0, abstract)
        num = element("w:num", **{"w:numId": str(abstract_id)})
        num.append(element("w:abstractNumId", **{"w:val": str(abstract_id)}))
        numbering.append(num)
        ids.append(abstract_id)
    return ids[0], ids[1]


# words a reviewer deleted with tracked changes on, and words hidden: Word shows neither
UNSHOWN = {"Phòng Quản lý khoa học chủ trì": ("deleted", "Phòng Kế hoạch - Tài chính chủ trì "),
           "Văn phòng Sở chủ trì": ("hidden", "(ghi chú nội bộ: xem lại) ")}


def _unshown_run(paragraph, kind: str, text: str) -> None:
    """Put ``text`` before the paragraph's runs as a tracked deletion or hidden text."""
    run = OxmlElement("w:r")
    if kind == "deleted":
        piece = OxmlElement("w:delText")
        wrapper = OxmlElement("w:del")
        for key, value in (("w:id", "1"), ("w:author", "Chuyên viên"),
                           ("w:date", "2025-10-01T08:00:00Z")):
            wrapper.set(qn(key), value)
    else:
        props = OxmlElement("w:rPr")
        props.append(OxmlElement("w:vanish"))
        run.append(props)
        piece = OxmlElement("w:t")
        wrapper = None
    piece.set(qn("xml:space"), "preserve")
    piece.text = text
    run.append(piece)
    if wrapper is not None:
        wrapper.append(run)
        run = wrapper
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, run)


def build_numbered_docx(path: Path) -> Path:
    doc = Document()
    listed, bullets = _numbering_xml(doc)
    for level, text in NUMBERED:
        paragraph = doc.add_paragraph(text)
        for start, (kind, unshown) in UNSHOWN.items():
            if text.startswith(start):
                _unshown_run(paragraph, kind, unshown)
        if level is None:
            continue
        props = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), "0" if level == "bullet" else str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), str(bullets if level == "bullet" else listed))
        num_pr.append(ilvl)
        num_pr.append(num_id)
        props.append(num_pr)
    doc.save(path)
    return path


def build(name: str = "ha-nam_snv_cchc", builder=build_docx) -> tuple[Path, Path]:
    docx = builder(HERE / f"{name}.docx")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to",
                        "doc", "--outdir", out, str(docx)], check=True, capture_output=True)
        doc = HERE / f"{name}.doc"
        shutil.copyfile(Path(out) / f"{name}.doc", doc)
    return docx, doc


if __name__ == "__main__":
    print(*build())
    print(*build("ninh-binh_skhcn_57_danh-so", build_numbered_docx))
