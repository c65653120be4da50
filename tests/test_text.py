"""clean_lines: logical lines for the parser, with physical line numbers for provenance."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.text import clean_lines
from tests.conftest import seed

EXTRA_PLAN = "3260-KH-DDQH15_2025.md"


def texts(text: str) -> list[str]:
    return [line.text for line in clean_lines(text)]


def physical(text: str, number: int) -> str:
    return re.split(r"\r\n|\r|\n", text)[number - 1]


def test_page_break_in_a_sentence_is_rejoined():
    text = "1. Hỗ trợ giống cây trồng năng suất cao, chất\n\nlượng tốt, kháng sâu bệnh.\n"
    lines = clean_lines(text)
    assert [(x.text, x.start, x.end) for x in lines] == [
        ("1. Hỗ trợ giống cây trồng năng suất cao, chất lượng tốt, kháng sâu bệnh.", 1, 3)
    ]


def test_page_number_between_the_halves_is_dropped():
    for page_number in ("2", "- 2 -", "– 12 –", "Trang 3", "3/10"):
        text = f"a) Phối hợp với Sở Công Thương, Công an\n\n{page_number}\n\ntỉnh kiểm tra.\n"
        expected = ["a) Phối hợp với Sở Công Thương, Công an tỉnh kiểm tra."]
        assert texts(text) == expected, page_number


def test_no_join_after_a_finished_sentence_or_onto_a_heading():
    text = (
        "KẾ HOẠCH\n\n"
        "triển khai Kết luận 61-KL/TW\n\n"
        "Mục tiêu đã đạt.\n\n"
        "tiếp theo là đoạn mới\n"
        "Nơi nhận:\n"
        "b) Tổ đảng ở Thường trực Ủy ban Kinh tế\n"
    )
    assert texts(text) == [
        "KẾ HOẠCH",
        "triển khai Kết luận 61-KL/TW",
        "Mục tiêu đã đạt.",
        "tiếp theo là đoạn mới",
        "Nơi nhận:",
        "b) Tổ đảng ở Thường trực Ủy ban Kinh tế",
    ]


def test_lower_case_item_markers_start_new_lines():
    text = "Các đơn vị sau\na) Văn phòng Sở\nb. Thanh tra Sở\nđ) Chi cục\n"
    assert texts(text) == ["Các đơn vị sau", "a) Văn phòng Sở", "b. Thanh tra Sở", "đ) Chi cục"]


def test_a_year_alone_is_not_a_page_number():
    assert texts("Thời gian thực hiện:\n2024\n") == ["Thời gian thực hiện:", "2024"]


def test_markdown_emphasis_headings_and_bullets():
    text = (
        "      ## ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "**I. MỤC ĐÍCH, YÊU CẦU**\n"
        "*   Quán triệt **sâu sắc** Nghị quyết\n"
        "- *Bộ phận chủ trì tham mưu:* Phòng Kế hoạch\n"
        "• Hỗ trợ _doanh nghiệp_ nhỏ\n"
        "– Phối hợp với Sở Công Thương\n"
        "+ Bước một\n"
        "**KT. GIÁM ĐỐC\n"
        "PHÓ GIÁM ĐỐC**\n"
        "---\n"
        "```\n"
        "1\\. Mục đích \\*quan trọng\\*\n"
        "Xem [Kế hoạch 3300](https://example.org/kh) tại file_name_v2\n"
    )
    assert texts(text) == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Quán triệt sâu sắc Nghị quyết",
        "- Bộ phận chủ trì tham mưu: Phòng Kế hoạch",
        "- Hỗ trợ doanh nghiệp nhỏ",
        "- Phối hợp với Sở Công Thương",
        "+ Bước một",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "1. Mục đích *quan trọng*",
        "Xem Kế hoạch 3300 tại file_name_v2",
    ]


def test_markdown_tables_keep_rows_and_drop_separators():
    text = (
        "| STT | Nội dung | Đơn vị chủ trì |\n"
        "|---|:---:|---|\n"
        "| 1 | **Hỗ trợ** doanh nghiệp | Phòng Quản lý khoa học |\n"
        "| --- | --- | --- |\n"
    )
    assert texts(text) == [
        "| STT | Nội dung | Đơn vị chủ trì |",
        "| 1 | Hỗ trợ doanh nghiệp | Phòng Quản lý khoa học |",
    ]


def test_invisible_and_control_characters_are_removed():
    text = (
        "\ufeffSở\u200b Khoa học\u00ad và\u200e Công\x07 nghệ\u00a0tỉnh\n"
        "\uf0b7 Hỗ trợ\tdoanh nghiệp\n"
    )
    assert texts(text) == ["Sở Khoa học và Công nghệ tỉnh", "- Hỗ trợ doanh nghiệp"]


def test_nfd_input_gives_nfc_lines():
    lines = texts(unicodedata.normalize("NFD", "Nghị quyết số 36-NQ/TW\nỦy ban nhân dân\n"))
    assert lines == ["Nghị quyết số 36-NQ/TW", "Ủy ban nhân dân"]


def test_line_numbers_count_physical_lines_whatever_the_newlines():
    text = "KẾ HOẠCH\r\n\r\nThực hiện\rnăm 2024\n\n\nNơi nhận:\f- Lãnh đạo Sở;\n"
    lines = clean_lines(text)
    assert [(x.text, x.start, x.end) for x in lines] == [
        ("KẾ HOẠCH", 1, 1),
        ("Thực hiện năm 2024", 3, 4),
        ("Nơi nhận:", 7, 7),
        ("- Lãnh đạo Sở;", 7, 7),
    ]


def test_extra_plan_markdown_debris_is_cleaned(extra_dir):
    raw = (extra_dir / EXTRA_PLAN).read_text(encoding="utf-8")
    lines = clean_lines(raw)
    for line in lines:
        assert "**" not in line.text and not line.text.startswith(("*", "#", "`")), line
        assert line.text == line.text.strip() and "  " not in line.text, line
    bold_headings = [n for n, s in enumerate(raw.splitlines(), 1) if re.fullmatch(r"\*\*.+\*\*", s)]
    by_start = {line.start: line for line in lines}
    assert bold_headings
    for number in bold_headings:  # a **heading** line becomes a clean line (or joins a title)
        words = physical(raw, number).strip("* ")
        if number in by_start:
            assert by_start[number].text.startswith(words), number
        else:
            (covering,) = [x for x in lines if x.start < number <= x.end]
            assert covering.text.endswith(words) and words[0].islower(), number
    assert by_start[bold_headings[0]].text == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    star_bullets = [n for n, s in enumerate(raw.splitlines(), 1) if s.startswith("*   ")]
    assert len(star_bullets) > 20
    for number in star_bullets:
        line = by_start[number]
        assert line.text.startswith("- ") and line.text[2] != " ", line
        assert line.text[2:].startswith(physical(raw, number)[4:].split("**")[0].strip()[:30])


def test_line_numbers_point_at_the_words_in_every_seed(seeds_dir):
    for path in sorted(seeds_dir.iterdir()):
        raw = path.read_text(encoding="utf-8")
        for line in clean_lines(raw):
            first, last = physical(raw, line.start), physical(raw, line.end)
            head = line.text.removeprefix("- ")[:20]
            tail = line.text[-15:]
            assert head.replace("*", "") in first.replace("*", ""), (path.name, line)
            assert tail.replace("*", "") in last.replace("*", ""), (path.name, line)


def test_seed_page_break_is_joined():
    raw = seed("000").read_text(encoding="utf-8")
    joined = [line for line in clean_lines(raw) if line.end > line.start]
    assert joined, "the seed has a paragraph split by a page break"
    for line in joined:
        between = re.split(r"\r\n|\r|\n", raw)[line.start - 1 : line.end]
        assert between[-1].strip()[0].islower()
        assert " ".join(part.strip() for part in between if part.strip()) == line.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẾỆỦ -*_#|+•–.:;,()0123456789\n\r\t\f\u200b\u0301")
), max_size=300))
def test_any_text_gives_lines_within_the_text(text):
    count = len(re.split(r"\r\n|\r|\n", text))
    for line in clean_lines(text):
        assert 1 <= line.start <= line.end <= count
        assert line.text and line.text == line.text.strip()
        assert unicodedata.is_normalized("NFC", line.text)
