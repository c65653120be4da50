"""Duty topics: the scheme in topics.ttl and keyword assignment of task text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from policykg.ontology.normalize import fold
from policykg.ontology.topics import TOPICS, assign_topics, match_topics

# Duty sentences in the style of provincial plans → the topics a reader expects,
# strongest first where the order is clear.
DUTIES: list[tuple[str, list[str]]] = [
    ("Hướng dẫn các hợp tác xã đăng ký bảo hộ nhãn hiệu tập thể cho sản phẩm đặc sản của tỉnh.",
     ["ip"]),
    ("Hỗ trợ xác lập quyền SHTT đối với chỉ dẫn địa lý cho sản phẩm cà phê.", ["ip"]),
    ("Tổ chức hội nghị phổ biến Thông tư quy định về đo lường đối với phương tiện đo nhóm 2.",
     ["standards", "communication"]),
    ("Kiểm định, hiệu chuẩn phương tiện đo phục vụ quản lý nhà nước về TĐC.", ["standards"]),
    ("Hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.",
     ["standards"]),
    ("Hỗ trợ cơ sở sản xuất chè đạt chứng nhận VietGAP.", ["standards"]),
    ("Triển khai ứng dụng TXNG trên nền tảng của tỉnh cho sản phẩm chủ lực.",
     ["traceability"]),
    ("Tư vấn thủ tục đăng ký mã số, mã vạch cho các cơ sở sản xuất, kinh doanh.", ["barcodes"]),
    ("Xây dựng mô hình sản xuất chế phẩm sinh học xử lý phụ phẩm chăn nuôi.",
     ["biotech", "agriculture"]),
    ("Đẩy mạnh ứng dụng công nghệ sinh học trong sản xuất nông nghiệp.",
     ["tech-transfer", "biotech", "agriculture"]),
    ("Tổ chức cuộc thi ý tưởng KNĐMST cấp tỉnh năm 2025.", ["innovation"]),
    ("Hỗ trợ các chủ thể OCOP hoàn thiện bao bì, nhãn hàng hóa sản phẩm.",
     ["ocop", "standards"]),
    ("Tổ chức kết nối cung cầu, giới thiệu công nghệ tại Techmart vùng Tây Nguyên.",
     ["tech-transfer"]),
    ("Tuyên truyền, quán triệt Nghị quyết đến toàn thể công chức, viên chức, người lao động.",
     ["communication"]),
    ("Cử công chức tham gia lớp tập huấn nghiệp vụ thẩm định công nghệ.", ["training"]),
    # "chất lượng" alone is too common to assign standards ("nâng cao chất lượng …").
    ("Thanh tra việc chấp hành pháp luật về chất lượng xăng dầu, xử lý vi phạm theo thẩm quyền.",
     ["inspection"]),
    ("Tham mưu bố trí kinh phí từ nguồn ngân sách sự nghiệp khoa học năm 2025.", ["budget"]),
    ("Tiến hành kiểm tra tiến độ thực hiện các dự án và báo cáo Lãnh đạo Sở.",
     ["monitoring"]),
    ("Theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; định kỳ tổng hợp kết quả.",
     ["monitoring"]),
    ("Đề xuất đặt hàng các đề tài nghiên cứu phục vụ phát triển kinh tế - xã hội.",
     ["research"]),
    ("Tổ chức nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh đúng thời hạn.", ["research"]),
    ("Xây dựng CSDL về tổ chức, chuyên gia khoa học và công nghệ của tỉnh.", ["digital"]),
    ("Đẩy mạnh chuyển đổi số, số hóa hồ sơ lưu trữ của cơ quan.", ["digital"]),
    ("Phối hợp Hội Nông dân tỉnh chuyển giao giống cây trồng mới cho nông dân.",
     ["agriculture"]),
    ("Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý của ngành.", ["legislation"]),
    ("Thực hiện tốt công tác cải cách hành chính, giải quyết thủ tục hành chính đúng hạn.",
     ["admin-reform"]),
    ("Kiểm tra an toàn bức xạ tại các cơ sở y tế có thiết bị X-quang.",
     ["radiation"]),
    ("Xét khen thưởng tập thể, cá nhân có thành tích trong phong trào thi đua.",
     ["recognition"]),
]


def _old_tones(text: str) -> str:
    """Move the tone to the second vowel of open "oa", "oe", "uy" (hóa → hoá, thủy → thuỷ)."""
    marks = "\u0300\u0301\u0303\u0309\u0323"
    text = unicodedata.normalize("NFD", text)
    text = re.sub(rf"([oO])([{marks}])([aeAE])(?![^\W\d_])", r"\1\3\2", text)
    text = re.sub(rf"([uU])([{marks}])([yY])(?![^\W\d_])", r"\1\3\2", text)
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("text, expected", DUTIES)
def test_duty_sentences_get_their_topics(text: str, expected: list[str]) -> None:
    got = assign_topics(text)
    assert set(got) == set(expected), [(m.topic, m.keywords, m.weak_keywords)
                                       for m in match_topics(text)]
    assert got[0] == expected[0]


@pytest.mark.parametrize("text, expected", DUTIES)
def test_spelling_variants_get_the_same_topics(text: str, expected: list[str]) -> None:
    want = assign_topics(text)
    assert assign_topics(fold(text)) == want, "typed without diacritics"
    assert assign_topics(unicodedata.normalize("NFD", text)) == want, "NFD input"
    assert assign_topics(text.upper()) == want, "upper case"


@pytest.mark.parametrize("text", [
    "Thực hiện số hóa dữ liệu, quản lý hàng hóa và thủy sản",
    "Ứng dụng chế phẩm sinh học trong nuôi trồng thủy sản",
    "Tham mưu Ủy ban nhân dân tỉnh thể chế hóa chính sách pháp luật",
])
def test_old_tone_placement_gets_the_same_topics(text: str) -> None:
    variant = _old_tones(text)
    assert variant != text, "the sample has no syllable whose tone moves"
    assert assign_topics(variant) == assign_topics(text) != []


def test_progress_checks_are_monitoring_not_inspection() -> None:
    for text in ("Kiểm tra tiến độ thực hiện các đề tài",
                 "Kiểm tra, đôn đốc việc thực hiện kế hoạch",
                 "Tổ chức kiểm tra tình hình thực hiện Chỉ thị"):
        topics = assign_topics(text)
        assert "monitoring" in topics and "inspection" not in topics, (text, topics)
    assert "inspection" in assign_topics("Kiểm tra chuyên ngành về nhãn hàng hóa")


def test_weak_words_alone_assign_nothing() -> None:
    assert assign_topics("Cung cấp thông tin cho các đơn vị liên quan") == []
    assert assign_topics("Kiểm tra hồ sơ") == []
    assert "communication" in assign_topics("Cung cấp thông tin, tổ chức hội thảo giới thiệu")


def test_unit_names_and_boilerplate_assign_nothing() -> None:
    assert assign_topics("Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp "
                         "Sở Thông tin và Truyền thông thực hiện") == []
    assert assign_topics("Thực hiện theo quy định của pháp luật hiện hành") == []
    assert assign_topics("Phòng Kế hoạch - Tài chính chủ trì") == []


def test_abbreviations_are_keywords() -> None:
    cases = {"SHTT": "ip", "TĐC": "standards", "TXNG": "traceability", "CNSH": "biotech",
             "ĐMST": "innovation", "KNĐMST": "innovation", "CSDL": "digital", "OCOP": "ocop",
             "CCHC": "admin-reform"}
    for abbreviation, topic in cases.items():
        assert assign_topics(f"Triển khai hoạt động {abbreviation} năm 2025") == [topic]


def test_spellings_of_science_and_technology_are_one() -> None:
    for spelling in ("KH&CN", "KH & CN", "KHCN", "khoa học và công nghệ", "khoa học, công nghệ"):
        assert assign_topics(f"Đề xuất nhiệm vụ {spelling} cấp tỉnh") == ["research"], spelling


def test_overlapping_phrases_both_count_nested_ones_do_not() -> None:
    assert set(assign_topics("ứng dụng công nghệ sinh học")) == {"tech-transfer", "biotech"}
    assert assign_topics("ứng dụng công nghệ thông tin") == ["digital"]
    assert assign_topics("mã số mã vạch") == ["barcodes"]


def test_stronger_topic_comes_first() -> None:
    text = ("Hỗ trợ đăng ký nhãn hiệu, chỉ dẫn địa lý và bảo vệ quyền sở hữu trí tuệ; "
            "tuyên truyền về hoạt động này.")
    assert assign_topics(text) == ["ip", "communication"]
    matches = match_topics(text)
    assert matches[0].score > matches[1].score


def test_phrases_do_not_match_inside_words_or_across_sentences() -> None:
    assert assign_topics("Hỗ trợ Isolde") == []  # not "ISO"
    assert "monitoring" not in assign_topics("Thực hiện kiểm tra. Tiến độ được bảo đảm")


def test_empty_and_markup_text() -> None:
    assert assign_topics("") == []
    assert assign_topics("   \n ") == []
    assert set(assign_topics("**Tuyên truyền** về *sở hữu trí tuệ*")) == {"ip", "communication"}


# --- the scheme --------------------------------------------------------------------

BRIEF_TOPICS = {"ip", "standards", "traceability", "barcodes", "biotech", "innovation", "ocop",
                "tech-transfer", "communication", "training", "inspection", "budget",
                "monitoring", "research", "digital", "agriculture", "legislation"}


def test_scheme_has_every_duty_area_with_both_labels() -> None:
    assert BRIEF_TOPICS <= set(TOPICS)
    for topic in TOPICS.values():
        assert topic.label_vi and topic.label_en and topic.label_vi != topic.label_en
        assert topic.node_id == f"topic:{topic.id}"
        assert topic.keywords, topic.id


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_a_topic_label_is_about_its_topic(topic_id: str) -> None:
    assert topic_id in assign_topics(TOPICS[topic_id].label_vi)


def test_every_keyword_alone_assigns_its_topic() -> None:
    for topic in TOPICS.values():
        for keyword in topic.keywords:
            assert topic.id in assign_topics(keyword), (topic.id, keyword)


def test_a_weak_keyword_alone_assigns_nothing_of_its_topic() -> None:
    for topic in TOPICS.values():
        for keyword in topic.weak_keywords:
            if keyword in topic.keywords:
                continue
            assert topic.id not in assign_topics(keyword), (topic.id, keyword)


# --- real plans ----------------------------------------------------------------------

def _seed_text(seeds_dir: Path, prefix: str) -> str:
    matches = sorted(seeds_dir.glob(f"{prefix}_*"))
    assert matches, f"no seed {prefix}_* in {seeds_dir}"
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("name, topic", [("000", "agriculture"), ("001", "biotech")])
def test_a_plans_main_subject_is_its_strongest_topic(seeds_dir: Path, name: str,
                                                     topic: str) -> None:
    assert assign_topics(_seed_text(seeds_dir, name))[0] == topic


def test_the_ocop_plan_is_about_ocop(seeds_dir: Path) -> None:
    assert "ocop" in assign_topics(_seed_text(seeds_dir, "002"))[:3]
