"""Plan metadata read from the seed plans and from small plans of our own."""

from __future__ import annotations

import re
import unicodedata

import pytest

from policykg.loaders.metadata import parse_date, read_metadata
from policykg.loaders.model import Plan, SourceFile
from policykg.loaders.text import clean_lines
from policykg.ontology.normalize import fold
from tests.conftest import seed


def _read(text: str, path: str = "plan.txt") -> Plan:
    return read_metadata(clean_lines(text), SourceFile(path, "0" * 64, "txt"))


def _seed(prefix: str) -> Plan:
    path = seed(prefix)
    return _read(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("text, iso", [
    ("ngày 31 tháng 01 năm 2024", "2024-01-31"),
    ("ngày tháng 01 năm 2021", "2021-01"),
    ("ngày   tháng   năm 2021", "2021"),
    ("ngày 20/4/2023", "2023-04-20"),
    (", ngày 30/01/2023", "2023-01-30"),
    ("ngày 19 tháng 10 năm 2021", "2021-10-19"),
    ("ngày 31 tháng 02 năm 2024", "2024-02"),
    ("ngay 5 thang 3 nam 2022", "2022-03-05"),
    ("không có ngày", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_seed_000_gia_lai_without_header():
    plan = _seed("000")
    assert plan.number is None and plan.date is None
    assert plan.province == "Gia Lai"
    assert plan.province_evidence and plan.province_evidence.startswith("text:")
    assert "Gia Lai" in plan.province_evidence
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert plan.signer_capacity == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert plan.signer == "Nguyễn Ngọc Cường"
    assert plan.title and plan.title.startswith("triển khai Kết luận 61-KL/TW")
    assert "Các phòng, đơn vị thuộc Sở" in plan.recipients
    assert all(not r.startswith("-") and not r.endswith(";") for r in plan.recipients)


def test_seed_001_tay_ninh_from_text():
    plan = _seed("001")
    assert plan.province == "Tây Ninh"
    assert plan.province_evidence == "text: Tây Ninh"
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Tây Ninh"
    assert plan.signer_capacity == "GIÁM ĐỐC"
    assert plan.signer is None  # the copy has no name under the capacity
    assert plan.title == ("Tăng cường triển khai Kế hoạch số 3300/KH-UBND "
                          "ngày 20/10/2023 của UBND tỉnh")


def test_seed_002_issuer_is_the_planning_department_not_the_cited_one():
    plan = _seed("002")
    assert plan.province == "Gia Lai"
    assert plan.province_evidence == "text: tỉnh Gia Lai"
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert plan.signer == "Nguyễn Nam Hải" and plan.signer_capacity == "GIÁM ĐỐC"
    assert plan.recipients[0] == "Sở NN&PTNT"


def test_seed_003_lang_son_header():
    plan = _seed("003")
    assert plan.number == "19/KH-SKHCN" and plan.symbol == "KH-SKHCN"
    assert plan.date == "2024-01-31"
    assert plan.place == "Lạng Sơn"
    assert plan.province == "Lạng Sơn" and plan.province_evidence == "header place"
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"
    assert plan.signer == "Nguyễn Thị Hà" and plan.signer_capacity is None
    assert plan.title == ("Triển khai thực hiện nhiệm vụ trọng tâm của "
                          "Sở Khoa học và Công nghệ năm 2024")
    assert plan.id == "lang-son:19/KH-SKHCN@2024"
    assert "UBND tỉnh (b/c)" in plan.recipients


def test_seed_004_blank_number_is_not_invented():
    plan = _seed("004")
    assert plan.number is None
    assert plan.symbol == "KH-KHCN"
    assert plan.date == "2021-01"
    assert plan.place == "Bắc Giang" and plan.province == "Bắc Giang"
    assert plan.signer == "Nguyễn Thanh Bình"
    assert any("blank" in w for w in plan.warnings)
    assert plan.id.startswith("bac-giang:KH-KHCN@2021-01:")


def test_extra_national_plan(extra_dir):
    path = next(extra_dir.glob("3260-*"))
    plan = _read(path.read_text(encoding="utf-8"), str(path))
    assert plan.number == "3260-KH/ĐĐQH15"
    assert plan.date == "2025-01-10"
    assert plan.place == "Hà Nội"
    assert plan.province is None  # a central body's plan belongs to no province
    assert plan.issuer == "Đảng đoàn Quốc hội"
    assert plan.signer == "Trần Thanh Mẫn"
    assert plan.signer_capacity == "T/M ĐẢNG ĐOÀN QUỐC HỘI / BÍ THƯ"
    assert plan.id == "vn:3260-KH/ĐĐQH15@2025"
    assert "57-NQ/TW" in (plan.title or "")


def test_id_is_content_identity_not_path():
    text = seed("004").read_text(encoding="utf-8")
    a = _read(text, "/a/one.txt")
    b = _read(text, "/elsewhere/two.docx")
    assert a.id == b.id
    assert "one" not in a.id and "/a/" not in a.id
    other = _read(text.replace("Tăng cường hoạt động khoa học", "Phát triển thị trường"))
    assert other.id != a.id  # same symbol and date, different title


def _old_tones(text: str) -> str:
    """Move tone marks to the older placement (hóa → hoá, thủy → thuỷ)."""
    pairs = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "úy": "uý",
             "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
    return re.sub("|".join(pairs), lambda m: pairs[m.group(0)], text)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_nfd_and_old_tone_placement_give_the_same_metadata(prefix):
    text = seed(prefix).read_text(encoding="utf-8")
    base = _read(text)
    variant = _read(unicodedata.normalize("NFD", _old_tones(text)))
    assert _old_tones(text) != text or prefix == "003"
    for attr in ("id", "number", "symbol", "date", "province", "province_evidence",
                 "signer", "signer_capacity"):
        assert fold(str(getattr(variant, attr))) == fold(str(getattr(base, attr))), attr
    assert fold(variant.issuer or "") == fold(base.issuer or "")


_OWN_HEADER = """UBND TỈNH QUẢNG NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ KHOA HỌC VÀ CÔNG NGHỆ | Độc lập - Tự do - Hạnh phúc

Số: 25/KH-SKHCN | Quảng Ninh, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Hỗ trợ doanh nghiệp đổi mới công nghệ năm 2024

Thực hiện Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh, Sở Khoa học và Công nghệ
xây dựng kế hoạch như sau:

I. MỤC ĐÍCH

1. Hỗ trợ 10 doanh nghiệp.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(Đã ký)
Trần Văn Bình
"""


def test_header_with_issuing_bodies():
    plan = _read(_OWN_HEADER)
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
    assert plan.parent_issuer == "UBND tỉnh Quảng Ninh"
    assert plan.number == "25/KH-SKHCN" and plan.date == "2024-03-05"
    assert plan.province == "Quảng Ninh" and plan.province_evidence == "header place"
    assert plan.title == "Hỗ trợ doanh nghiệp đổi mới công nghệ năm 2024"
    assert plan.signer == "Trần Văn Bình"
    assert plan.signer_capacity == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert plan.recipients == ["UBND tỉnh (b/c)", "Lưu: VT"]


def test_province_found_only_from_district_names():
    text = """KẾ HOẠCH
Hỗ trợ nông dân ứng dụng tiến bộ kỹ thuật

Sở Khoa học và Công nghệ xây dựng kế hoạch như sau:

I. NỘI DUNG

1. Làm việc với huyện Chư Sê và huyện Mang Yang về mô hình trồng tiêu.

GIÁM ĐỐC

Lê Văn Tâm
"""
    plan = _read(text)
    assert plan.province == "Gia Lai"
    assert plan.province_evidence == "district: Chư Sê, Mang Yang"
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Gia Lai"


def test_farmers_union_or_place_names_do_not_become_the_issuer():
    text = """Tây Ninh, ngày 02 tháng 3 năm 2023

KẾ HOẠCH
Phối hợp hỗ trợ hội viên nông dân

Căn cứ Công văn số 12-CV/HND ngày 01/02/2023 của Hội Nông dân tỉnh Tây Ninh về việc \
xây dựng kế hoạch phối hợp; Sở Khoa học và Công nghệ lập kế hoạch như sau:

I. NỘI DUNG

1. Hỗ trợ Hội Nông dân tỉnh tập huấn.
"""
    plan = _read(text)
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Tây Ninh"
    assert plan.province == "Tây Ninh"


def test_title_word_in_lower_case_alone_on_its_line():
    plan = _read("Kế hoạch\nPhát triển thị trường công nghệ\n\nI. NỘI DUNG\n\n1. Hội chợ.\n")
    assert plan.doctype == "KH"
    assert plan.title == "Phát triển thị trường công nghệ"


def test_programme_title_gives_its_type():
    plan = _read("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW\n\nI. MỤC TIÊU\n")
    assert plan.doctype == "CTr"
    assert plan.title == "Thực hiện Nghị quyết số 57-NQ/TW"


def test_plan_without_issuer_sentence_has_no_invented_issuer():
    text = """Hà Tĩnh, ngày 02 tháng 3 năm 2023

KẾ HOẠCH
Tuyên truyền về sở hữu trí tuệ

I. NỘI DUNG

1. Tổ chức hội thảo tại huyện Hương Khê.
"""
    plan = _read(text)
    assert plan.issuer is None
    assert plan.province == "Hà Tĩnh"


def test_title_ends_where_the_text_begins_without_a_blank_line():
    text = ("UBND TỈNH PHÚ YÊN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 3/KH-SKHCN\n"
            "Phú Yên, ngày 4 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n"
            "về chuyển đổi số quốc gia\n"
            "Thực hiện Kế hoạch số 40/KH-UBND ngày 21/02/2025 của UBND tỉnh, Sở Khoa học "
            "và Công nghệ xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    plan = _read(text)
    assert plan.title == ("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị "
                          "về chuyển đổi số quốc gia")
    assert plan.issuer == "Sở Khoa học và Công nghệ tỉnh Phú Yên"
    assert plan.parent_issuer == "UBND tỉnh Phú Yên"


def test_issuing_body_written_over_two_header_lines():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n\nSố: 28/KH-UBND\n\n"
            "Quảng Ninh, ngày 05 tháng 02 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số\n\nI. MỤC TIÊU\n")
    plan = _read(text)
    assert plan.issuer == "UBND tỉnh Quảng Ninh"
    assert plan.parent_issuer is None
    assert plan.id == "quang-ninh:28/KH-UBND@2025"


def test_signature_before_an_appendix_and_header_on_tab_separated_lines():
    text = ("BỘ KHOA HỌC VÀ CÔNG NGHỆ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 123/KH-BKHCN\tHà Nội, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\n"
            "Triển khai Nghị quyết số 57-NQ/TW\n\nI. MỤC ĐÍCH\n\n1. Quán triệt.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n(Đã ký)\n\n"
            "Bùi Văn An\n\nPHỤ LỤC\n\n| STT | Nhiệm vụ |\n| 1 | Theo Quyết định số 5/QĐ-BKHCN |\n")
    plan = _read(text)
    assert plan.issuer == "Bộ Khoa học và Công nghệ"
    assert plan.date == "2025-04-03" and plan.place == "Hà Nội"
    assert plan.province is None  # a ministry's plan is national
    assert plan.signer == "Bùi Văn An"
    assert plan.signer_capacity == "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"
    assert plan.recipients == ["Như trên", "Lưu: VT"]


def test_unknown_province_is_reported_not_guessed():
    plan = _read("KẾ HOẠCH\nTuyên truyền\n\nI. NỘI DUNG\n\n1. Tổ chức hội thảo.\n")
    assert plan.province is None
    assert any("province" in w for w in plan.warnings)
    assert plan.id.startswith("unknown:KH:")


@pytest.mark.parametrize("number, issuer, prov", [
    ("5/KH-SKHCN", "Sở Khoa học và Công nghệ tỉnh Cà Mau", "Cà Mau"),
    ("5/KH-KHCN", "Sở Khoa học và Công nghệ tỉnh Cà Mau", "Cà Mau"),
    ("5/KH-UBND", "UBND tỉnh Cà Mau", "Cà Mau"),
    ("3260-KH/ĐĐQH15", "Đảng đoàn Quốc hội", None),
])
def test_issuer_from_the_symbol_when_nothing_else_names_it(number, issuer, prov):
    plan = _read(f"Số: {number}\nCà Mau, ngày 2 tháng 3 năm 2024\n\nKẾ HOẠCH\nHội thảo\n\n"
                 "I. NỘI DUNG\n\n1. Tổ chức.\n")
    assert plan.issuer == issuer
    assert plan.province == prov
