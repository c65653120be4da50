# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Level words of local government, one vocabulary for every module, and a Party
committee's own boards in its own plans.

Headers, citations, issuers and units all read "tỉnh", "huyện", "xã", "phường",
"đặc khu" … before a place's name, and all must skip the words that fold alike
("xã hội", "quản lý", "địa phương"). A provincial Party committee's boards and office
are its own units, as a department's Phòng and Chi cục are the department's.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.model import SourceFile
from policykg.loaders.parse import parse_text
from policykg.ontology.issuers import display_issuer, local_area
from policykg.ontology.normalize import fold
from policykg.ontology.provinces import AREA_LEVELS, area_level, area_levels, level_pattern
from policykg.ontology.units import is_internal, own_units_rule

FORMS = ("NFC", "NFD")
BELOW_PROVINCE = list(area_levels("district", "commune", only=True))


def _parse(text: str, form: str = "NFC", name: str = "plan.txt"):
    return parse_text(unicodedata.normalize(form, text),
                      SourceFile(path=name, sha256="0" * 64, format="txt"))


# --- the vocabulary ---------------------------------------------------------------------------

def test_every_level_is_in_the_table_once_with_its_spelling():
    words = [lv.word for lv in AREA_LEVELS]
    assert len(words) == len(set(words))
    assert {lv.display for lv in AREA_LEVELS} >= {
        "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"}
    for lv in AREA_LEVELS:
        assert fold(lv.display) == lv.word
        assert set(lv.tiers) <= {"province", "district", "commune"}
    # after July 2025 a commune-level body is a xã, a phường or a đặc khu
    assert {lv.display for lv in area_levels("commune")} >= {"xã", "phường", "đặc khu"}
    assert "thành phố" not in {lv.display for lv in area_levels("district", only=True)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("written,word", [
    ("Xã", "xa"), ("ĐẶC KHU", "dac khu"), ("TP.", "thanh pho"), ("TX", "thi xa"), ("Thị trấn", "thi tran")])
def test_a_level_is_known_however_it_is_written(written, word, form):
    found = area_level(unicodedata.normalize(form, written))
    assert found is not None and found.word == word


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("phrase,level", [
    ("ủy ban nhân dân xã Ia Grai", "xa"),
    ("an sinh xã hội", None),
    ("Liên minh Hợp tác xã", None),
    ("quận Hải Châu", "quan"),
    ("Ban Quản lý dự án", None),
    ("cơ quan chuyên môn", None),
    ("Bộ Chỉ huy Quân sự", None),
    ("đặc khu Côn Đảo", "dac khu"),
    ("chính quyền địa phương", None),
    ("phương pháp mới", None),
    ("tình hình thực hiện", None),
    ("thị trấn Chư Sê", "thi tran"),
])
def test_level_words_are_told_from_words_that_fold_alike(phrase, level, form):
    m = re.search(rf"\b({level_pattern()})\b", fold(unicodedata.normalize(form, phrase)))
    assert (m.group(1) if m else None) == level


def test_a_place_name_that_looks_like_a_word_is_kept_where_a_place_is_expected():
    # "phường An Phú" folds like "phương án phú": a place where a place's name follows,
    # a word in running text
    assert re.match(rf"{level_pattern(place_expected=True)}\b", "phuong an phu")
    assert not re.match(rf"{level_pattern()}\b", "phuong an phu")


# --- every module reads every level --------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("level", BELOW_PROVINCE, ids=lambda lv: lv.word)
def test_an_issuer_below_the_province_gives_its_level_and_place(level, form):
    issuer = unicodedata.normalize(form, f"UBND {level.display} Tân Phú")
    assert local_area(issuer) == (level.word, "tan phu")
    header = unicodedata.normalize(form, f"ỦY BAN NHÂN DÂN {level.display.upper()} TÂN PHÚ")
    assert display_issuer(header, "Gia Lai") == f"UBND {level.display} Tân Phú"


@pytest.mark.parametrize("level", BELOW_PROVINCE, ids=lambda lv: lv.word)
def test_a_departments_centre_named_after_a_district_or_commune_is_not_its_own(level):
    assert not is_internal(f"Trung tâm Văn hóa {level.display} Tân Phú")
    assert is_internal("Trung tâm Văn hóa")


@pytest.mark.parametrize("form", FORMS)
def test_bodies_of_a_district_are_told_from_words_that_fold_alike(form):
    def area(text):
        return local_area(unicodedata.normalize(form, text))
    assert area("Đảng ủy Quân sự tỉnh Gia Lai") is None  # the army's, not a quận's
    assert area("Ban Chỉ đạo chuyển đổi số quận 3") == ("quan", "3")
    # each district-level Party committee numbers its documents on its own
    assert area("Quận ủy Hải Châu") == ("quan", "hai chau")
    assert area("Thị ủy An Khê") == ("thi xa", "an khe")
    assert area("Huyện ủy Đầm Hà") == ("huyen", "dam ha")
    assert area("cơ quan Ủy ban nhân dân tỉnh") is None


def test_a_header_in_capitals_keeps_common_words_in_lower_case():
    assert display_issuer("BAN QUẢN LÝ KHU KINH TẾ") == "Ban quản lý khu kinh tế"
    assert display_issuer("ĐẢNG ỦY PHƯỜNG AN PHÚ") == "Đảng ủy phường An Phú"


SPECIAL_ZONE_PLAN = """ỦY BAN NHÂN DÂN
ĐẶC KHU PHÚ QUỐC
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Quốc, ngày 10 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số trên địa bàn đặc khu năm 2025

Căn cứ Kế hoạch số 7/KH-UBND ngày 02/8/2025 của UBND đặc khu Phú Quốc về cải cách hành chính;
Căn cứ Kế hoạch số 88/KH-UBND ngày 01/3/2024 của UBND TX. Hà Tiên về phát triển du lịch;
Căn cứ Quyết định số 45/QĐ-STC ngày 01/6/2025 của Sở Tài chính quản lý tài sản công;

I. NHIỆM VỤ
1. Phòng Kinh tế chủ trì, phối hợp với Văn phòng HĐND và UBND đặc khu triển khai nền tảng số. Thời gian: năm 2025.
2. Phòng Văn hóa - Xã hội chủ trì tuyên truyền kỹ năng số cho người dân. Thời gian: Quý IV/2025.
"""


@pytest.mark.parametrize("form", FORMS)
def test_citations_take_the_level_and_place_after_an_issuer(form):
    plan = _parse(SPECIAL_ZONE_PLAN, form)
    assert fold(plan.issuer) == fold("UBND đặc khu Phú Quốc")
    cited = {r.key: r for r in plan.references}
    assert fold(cited["7/KH-UBND"].issuer) == fold("UBND đặc khu Phú Quốc")
    # a district town before July 2025, abbreviated: its province is the one it was in
    assert fold(cited["88/KH-UBND"].issuer) == fold("UBND TX. Hà Tiên")
    # "quản lý" after a department's name is what it does, not a district
    assert fold(cited["45/QĐ-STC"].issuer) == fold("Sở Tài chính")


# --- a Party committee's own boards -------------------------------------------------------------

PARTY_PLAN = """TỈNH ỦY GIA LAI
Số: 45-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Gia Lai, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, đảng viên về khoa học, công nghệ và chuyển đổi số.

II. NHIỆM VỤ
1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Khoa học và Công nghệ tuyên truyền về chuyển đổi số. Thời gian: năm 2025.
2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ rà soát đội ngũ cán bộ làm công tác chuyển đổi số. Thời gian: Quý IV/2025.
3. Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát việc thực hiện Kế hoạch. Thời gian: hằng năm.
4. Văn phòng Tỉnh ủy chủ trì, phối hợp với UBND tỉnh xây dựng hệ thống điều hành số. Thời gian: năm 2026.
5. Đảng ủy UBND tỉnh chủ trì tổng kết mô hình điểm, phối hợp với Ban Tổ chức Huyện ủy Chư Sê. Thời gian: năm 2026.

Nơi nhận:
- Các đảng bộ trực thuộc,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""

OWN_BOARDS = {"Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy",
              "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"}
OTHER_BODIES = {"Sở Khoa học và Công nghệ", "Sở Nội vụ", "UBND tỉnh", "Đảng ủy UBND tỉnh",
                "Ban Tổ chức Huyện ủy Chư Sê"}


def _categories(plan) -> dict[str, str]:
    return {unicodedata.normalize("NFC", u.name): u.category for u in plan.units}


@pytest.mark.parametrize("form", FORMS)
def test_a_provincial_party_committees_boards_are_its_own_in_its_plan(form):
    plan = _parse(PARTY_PLAN, form)
    categories = _categories(plan)
    assert {n for n in OWN_BOARDS if categories.get(n) == "internal"} == OWN_BOARDS
    # the People's Committee side, a Party committee under it and a district's board are not
    assert {n for n in OTHER_BODIES if categories.get(n) == "external"} == OTHER_BODIES


@pytest.mark.parametrize("issuer_line,issuer", [
    ("BAN THƯỜNG VỤ TỈNH ỦY GIA LAI", "Ban Thường vụ Tỉnh ủy Gia Lai"),
    ("THÀNH ỦY ĐÀ NẴNG", "Thành ủy Đà Nẵng"),
])
def test_the_standing_board_and_a_city_committee_have_their_boards_too(issuer_line, issuer):
    text = PARTY_PLAN.replace("TỈNH ỦY GIA LAI", issuer_line)
    if issuer.startswith("Thành ủy"):
        text = text.replace("Tỉnh ủy", "Thành ủy").replace("Gia Lai,", "Đà Nẵng,")
    plan = _parse(text)
    assert fold(plan.issuer) == fold(issuer)
    categories = _categories(plan)
    own = {n.replace("Tỉnh ủy", "Thành ủy") if "Thành" in issuer else n for n in OWN_BOARDS}
    assert {n for n in own if categories.get(n) == "internal"} == own
    assert categories.get("Sở Nội vụ") == "external"


def test_in_the_graph_the_boards_sit_under_the_party_committee():
    g = build_graph([_parse(PARTY_PLAN)])
    units = {d["name"]: d for n, d in g.nodes(data=True) if n.startswith("unit:")}
    for name in OWN_BOARDS:
        assert units[name]["org"] == "org:gia-lai:tinh-uy", name
    assert units["Sở Nội vụ"]["org"] != "org:gia-lai:tinh-uy"


def test_the_same_boards_stay_another_bodys_in_a_departments_plan():
    department = own_units_rule("Sở Khoa học và Công nghệ tỉnh Gia Lai")
    committee = own_units_rule("Tỉnh ủy Gia Lai")
    for name in OWN_BOARDS:
        assert not is_internal(name, department)
        assert is_internal(name, committee)
    # a board its own plan names without the committee's name
    assert is_internal("Ban Tổ chức", committee)
    assert not is_internal("Ban Thường vụ Tỉnh ủy", committee)
    assert not is_internal("Ban Tuyên giáo Thành ủy", committee)


UBND_PLAN = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 88/KH-UBND
Gia Lai, ngày 20 tháng 3 năm 2025
KẾ HOẠCH
Thực hiện Kế hoạch số 45-KH/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy Gia Lai rà soát đội ngũ cán bộ.
2. Ủy ban Kiểm tra Tỉnh ủy phối hợp với Thanh tra tỉnh giám sát việc thực hiện hằng năm.
II. TỔ CHỨC THỰC HIỆN
Văn phòng UBND tỉnh theo dõi, tổng hợp.
"""


@pytest.mark.parametrize("issuer_line", ["TỈNH ỦY GIA LAI", "BAN THƯỜNG VỤ TỈNH ỦY GIA LAI"])
def test_a_board_is_one_unit_in_its_committees_plans_and_in_others(issuer_line):
    g = build_graph([_parse(PARTY_PLAN.replace("TỈNH ỦY GIA LAI", issuer_line)),
                     _parse(UBND_PLAN)])
    ids: dict[str, set[str]] = {}
    for node, data in g.nodes(data=True):
        if node.startswith("unit:"):
            ids.setdefault(fold(data["name"]).removesuffix(" gia lai"), set()).add(node)
    for name in ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"):
        assert len(ids[fold(name)]) == 1, ids[fold(name)]
        node = next(iter(ids[fold(name)]))
        assert g.nodes[node]["org"] == "org:gia-lai:tinh-uy"
        plans = {task.split("#")[0] for task, _, data in g.in_edges(node, data=True)
                 if data.get("rel") in ("LED_BY", "SUPPORTED_BY", "ledBy", "supportedBy")}
        assert len(plans) == 2, plans  # its tasks in both plans


def test_a_board_its_committee_names_bare_is_the_same_unit():
    bare = PARTY_PLAN.replace("2. Ban Tổ chức Tỉnh ủy chủ trì", "2. Ban Tổ chức chủ trì")
    g = build_graph([_parse(bare), _parse(UBND_PLAN)])
    boards = [n for n in g.nodes if n.startswith("unit:") and "ban-to-chuc" in n
              and "huyen" not in n]
    assert boards == ["unit:gia-lai:tinh-uy:ban-to-chuc-tinh-uy"]
