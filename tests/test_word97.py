"""Word 97-2003 ``.doc`` files read as the same document saved as ``.docx`` reads.

The pair in ``tests/data/word97`` (written by ``make_word97.py``: python-docx, then
LibreOffice's "save as Word 97-2003") holds a letterhead and a signature in borderless
tables, a task table whose lead-unit cell is merged down over two rows, and a hyperlink
field. Files that are not Word 97-2003 documents, or are damaged, get one reason naming
the file.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import olefile
import pytest

from policykg.loaders.batch import Loaded, Skipped, load_file, load_paths
from policykg.loaders.model import LoadError
from policykg.loaders.msword import _decode_8bit, _text
from policykg.loaders.readers import read_document

DATA = Path(__file__).parent / "data" / "word97"
DOC = DATA / "ha-nam_snv_cchc.doc"
DOCX = DATA / "ha-nam_snv_cchc.docx"


def tasks_of(path: Path) -> list[tuple]:
    plan = load_file(path)
    return [(t.text, t.lead, t.support, t.deadline.text if t.deadline else None)
            for t in plan.tasks]


def test_a_doc_reads_as_the_same_document_saved_as_docx():
    doc_text, doc_source = read_document(DOC)
    docx_text, _ = read_document(DOCX)
    assert doc_source.format == "doc"
    assert doc_text == docx_text
    assert tasks_of(DOC) == tasks_of(DOCX)


def test_a_doc_plan_has_its_number_references_and_tasks():
    plan = load_file(DOC)
    assert plan.number == "215/KH-SNV" and plan.date == "2025-04-09"
    assert {"76/NQ-CP", "120/KH-UBND"} <= {r.key for r in plan.references}
    by_text = {t.text: t for t in plan.tasks}
    assert [t.number for t in plan.tasks if t.id.startswith("I.")] == ["1", "2", "3", "4", "5"]
    follow_up = by_text[next(text for text in by_text if text.startswith("Văn phòng Sở"))]
    assert follow_up.lead == ["Văn phòng Sở"] and follow_up.deadline.date == "2025-12-15"
    exam = next(t for text, t in by_text.items() if "thi tuyển" in text)
    digitise = next(t for text, t in by_text.items() if "Số hóa" in text)
    # the lead cell merged down over these two rows leads both
    assert exam.lead == digitise.lead == ["Phòng Công chức, viên chức"]
    assert digitise.support == ["Trung tâm Phục vụ hành chính công tỉnh"]
    assert digitise.deadline is not None and digitise.deadline.date.startswith("2025-12")


def test_field_codes_are_left_out_and_their_shown_text_kept():
    text, _ = read_document(DOC)
    assert "HYPERLINK" not in text and "https://" not in text
    assert "xem tại Cổng thông tin điện tử của Sở." in text


def test_the_letterhead_table_gives_its_lines_not_a_table_row():
    lines = read_document(DOC)[0].splitlines()
    assert lines[:3] == ["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ", "Số: 215/KH-SNV"]
    assert not any(line.startswith("|") and "CỘNG HÒA" in line for line in lines)


@pytest.mark.parametrize("name", ["ke-hoach.docx", "ke hoach.DOC", "mau.dot"])
def test_a_word_97_file_is_read_whatever_its_suffix(tmp_path, name):
    path = tmp_path / name
    shutil.copyfile(DOC, path)
    text, source = read_document(path)
    assert source.format == "doc" and "215/KH-SNV" in text


def _patched(tmp_path: Path, name: str, change) -> Path:
    """A copy of the sample whose ``WordDocument`` stream ``change`` rewrote in place."""
    path = tmp_path / name
    shutil.copyfile(DOC, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        change(stream)
        ole.write_stream("WordDocument", bytes(stream))
    return path


def test_word_95_and_encrypted_files_say_what_to_do(tmp_path):
    old = _patched(tmp_path, "cu.doc", lambda s: s.__setitem__(slice(2, 4), b"\x65\x00"))
    with pytest.raises(LoadError, match="Word 6.0/95 .doc file.*save it as .docx") as caught:
        read_document(old)
    assert caught.value.path == str(old)
    locked = _patched(tmp_path, "khoa.doc", lambda s: s.__setitem__(0x0B, s[0x0B] | 0x01))
    with pytest.raises(LoadError, match="password protected"):
        read_document(locked)


def test_an_office_file_that_is_no_word_document_is_named(tmp_path):
    path = tmp_path / "bang-tinh.doc"
    shutil.copyfile(DOC, path)
    data = bytearray(path.read_bytes())
    # rename the WordDocument stream in the directory: what is left is no Word file
    name = "WordDocument".encode("utf-16-le")
    at = data.index(name)
    data[at:at + len(name)] = "WorkbookXXXXX".encode("utf-16-le")[:len(name)]
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError, match="not a Word document"):
        read_document(path)


@pytest.mark.parametrize("sample", ["ha-nam_snv_cchc.doc", "ninh-binh_skhcn_57_danh-so.doc"])
def test_damaged_doc_files_give_a_reason_never_a_traceback(tmp_path, sample):
    """Cut and scrambled copies: each is read or refused with a LoadError."""
    data = (DATA / sample).read_bytes()
    rng = random.Random(7)
    refused = 0
    for i in range(120):
        broken = bytearray(data)
        if i % 3 == 0:
            broken = broken[:rng.randrange(8, len(data))]
        else:
            for _ in range(rng.randrange(1, 40)):
                broken[rng.randrange(512, len(broken))] = rng.randrange(256)
        path = tmp_path / f"hong-{i}.doc"
        path.write_bytes(bytes(broken))
        try:
            read_document(path)
        except LoadError as err:
            refused += 1
            assert err.path == str(path) and str(err)
    assert refused >= 40  # every cut copy at least


def test_a_folder_with_a_broken_doc_still_loads_the_good_one(tmp_path):
    folder = tmp_path / "van ban"
    folder.mkdir()
    shutil.copyfile(DOC, folder / "tot.doc")
    (folder / "hong.doc").write_bytes(DOC.read_bytes()[:3000])
    results = {r.path.name: r for r in load_paths(folder, timeout=0)}
    assert isinstance(results["tot.doc"], Loaded)
    assert isinstance(results["hong.doc"], Skipped)
    assert "damaged Word 97-2003" in results["hong.doc"].reason


def test_8_bit_pieces_are_windows_1252_and_unicode_pieces_utf16():
    # a file saved in pieces: "Sở " in UTF-16, then "“KH” – 2025" in 8 bits
    word = bytearray(64)
    unicode_part = "Sở ".encode("utf-16-le")
    word[0:len(unicode_part)] = unicode_part
    eight_bit = "“KH” – 2025".encode("cp1252")
    word[32:32 + len(eight_bit)] = eight_bit
    pieces = [(0, 3, 0, False), (3, 3 + len(eight_bit), 32, True)]
    text, offsets = _text(bytes(word), pieces, 3 + len(eight_bit))
    assert text == "Sở “KH” – 2025"
    assert offsets[:4] == [0, 2, 4, 32]
    assert _decode_8bit(b"\x81\x93") == "\x81“"  # an unassigned byte stays itself


def test_a_character_outside_the_basic_plane_keeps_the_offsets_in_step():
    text = "Đạt 🎯 mục tiêu"
    word = text.encode("utf-16-le")
    units = len(word) // 2
    read, offsets = _text(word, [(0, units, 0, False)], units)
    assert read == text and len(offsets) == len(text)
    assert offsets[text.index("m")] == 2 * (text.index("m") + 1)  # the emoji took 4 bytes


NUMBERED_DOC = DATA / "ninh-binh_skhcn_57_danh-so.doc"


def test_automatic_list_numbers_are_written_out_as_word_shows_them():
    doc_text, _ = read_document(NUMBERED_DOC)
    assert doc_text == read_document(NUMBERED_DOC.with_suffix(".docx"))[0]
    lines = doc_text.splitlines()
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and "III. TỔ CHỨC THỰC HIỆN" in lines
    assert any(line.startswith("- Triển khai đồng bộ") for line in lines)
    parts = [line[:3] for line in lines if line[:2] in ("a)", "b)")]
    assert parts == ["a) ", "b) "]
    # the task numbers restart under each section
    after = lines[lines.index("III. TỔ CHỨC THỰC HIỆN") + 1]
    assert after.startswith("1. Các phòng, đơn vị thuộc Sở")


def test_a_numbered_doc_plan_has_its_tasks_and_parts():
    plan = load_file(NUMBERED_DOC)
    assert plan.number == "88/KH-SKHCN"
    assert tasks_of(NUMBERED_DOC) == tasks_of(NUMBERED_DOC.with_suffix(".docx"))
    leads = {t.number: t.lead for t in plan.tasks if t.id.startswith("II.")}
    assert leads["1"] == ["Phòng Quản lý khoa học"]
    assert leads["3"] == ["Văn phòng Sở"]
    parts = {t.number: t for t in plan.tasks if t.id.startswith("II.2.")}
    assert sorted(parts) == ["2.a", "2.b"]
    assert all(t.lead == ["Trung tâm Ứng dụng khoa học và công nghệ"] for t in parts.values())
    assert parts["2.b"].deadline.text == "quý III năm 2026"


def test_tracked_deletions_and_hidden_text_are_left_out_as_word_shows_them():
    text, _ = read_document(NUMBERED_DOC)
    assert "Kế hoạch - Tài chính" not in text and "ghi chú nội bộ" not in text
    assert "1. Phòng Quản lý khoa học chủ trì tổ chức tuyển chọn" in text
    assert "3. Văn phòng Sở chủ trì xây dựng cơ sở dữ liệu" in text
