"""Cited documents, their relation to the plan and the chains between them."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.metadata import read_metadata
from policykg.loaders.model import DocRef, Plan, SourceFile
from policykg.loaders.references import read_references
from policykg.loaders.text import clean_lines
from policykg.ontology.doctypes import (
    doctype_from_word,
    issuer_scope,
    normalise_key,
)
from tests.conftest import seed


def _read(text: str, path: str = "plan.txt") -> Plan:
    lines = clean_lines(text)
    plan = read_metadata(lines, SourceFile(path, "0" * 64, "txt"))
    plan.references, plan.links = read_references(lines, plan)
    return plan


def _seed(prefix: str) -> Plan:
    path = seed(prefix)
    return _read(path.read_text(encoding="utf-8"), str(path))


def _refs(plan: Plan) -> dict[str, DocRef]:
    return {r.key: r for r in plan.references if r.key}


def _by_relation(plan: Plan, relation: str) -> set[str]:
    return {r.key for r in plan.references if r.relation == relation and r.key}


def _links(plan: Plan) -> set[tuple[str | None, str | None]]:
    refs = plan.references
    return {(refs[link.child].key, refs[link.parent].key) for link in plan.links}


# --- number normalisation ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, key", [
    ("36-NQ/TW", "36-NQ/TW"), ("36/NQ-TW", "36-NQ/TW"), ("36 - NQ/TW", "36-NQ/TW"),
    ("30-Ctr/TU", "30-CTr/TU"), ("10- CTr/TU", "10-CTr/TU"), ("145/QĐ-UBND", "145/QĐ-UBND"),
    ("145/QD-UBND", "145/QĐ-UBND"), ("40/2024/QĐ-UBND", "40/2024/QĐ-UBND"),
    ("18/2024/NĐ-CP", "18/2024/NĐ-CP"), ("673/QĐ-TTg", "673/QĐ-TTg"),
    ("1473/CTrPHKH-SKHCN-HND", "1473/CTrPHKH-SKHCN-HND"), ("169/KH-SKHCN-HND", "169/KH-SKHCN-HND"),
    ("1855/SNNPTNT-VPNTM", "1855/SNNPTNT-VPNTM"), ("01-TB/BCD", "01-TB/BCĐ"),
    ("1972-CV/HND", "1972-CV/HND"), ("3260-KH/ĐĐQH15", "3260-KH/ĐĐQH15"),
    ("123/TTg-KGVX", "123/TTg-KGVX"),
])
def test_normalise_key(raw, key):
    assert normalise_key(raw) == key
    assert normalise_key(unicodedata.normalize("NFD", raw)) == key


@pytest.mark.parametrize("symbol, scope", [
    ("NQ/TW", "central"), ("36/NQ-TW", "central"), ("QĐ-TTg", "central"), ("NQ-CP", "central"),
    ("TT-BKHCN", "central"), ("KH/ĐĐQH15", "central"), ("KH-UBND", "local"),
    ("CTr/TU", "local"), ("KH-SKHCN", "local"), ("TB/BCĐ", "local"), ("CV/HND", "local"),
    ("1855/SNNPTNT-VPNTM", "local"),
])
def test_issuer_scope(symbol, scope):
    assert issuer_scope(symbol) == scope


@pytest.mark.parametrize("words, code", [
    ("Chương trình hành động của Tỉnh ủy", "CTr"), ("Nghị quyết số 36", "NQ"),
    ("nghi quyet 36", "NQ"), ("QĐ số 351", "QĐ"), ("Văn bản số 1855", "CV"),
    ("Kết luận 61", "KL"), ("Thông tư liên tịch", "TT"), ("Đề án 61", "ĐA"), ("Sở Y tế", None),
])
def test_doctype_from_word(words, code):
    assert doctype_from_word(words) == code


# --- seeds ------------------------------------------------------------------------------------

def test_seed_000_gia_lai():
    plan = _seed("000")
    assert _by_relation(plan, "implements") == {"61-KL/TW", "673/QĐ-TTg"}
    assert _by_relation(plan, "basis") == {"01-TB/BCĐ", "01-KH/BCĐ", "1972-CV/HND"}
    assert _by_relation(plan, "mentions") == {"1473/CTrPHKH-SKHCN-HND", "169/KH-SKHCN-HND"}
    refs = _refs(plan)
    assert refs["61-KL/TW"].scope == "central" and refs["61-KL/TW"].province is None
    assert "Ban bí thư" in (refs["61-KL/TW"].issuer or "")
    assert len(refs["61-KL/TW"].mentions) >= 5
    assert refs["01-TB/BCĐ"].date == "2021-10-19"
    assert refs["01-KH/BCĐ"].date == "2022-02-17"
    cv = refs["1972-CV/HND"]
    assert cv.date == "2022-03-11" and cv.scope == "local" and cv.province == "Gia Lai"
    assert "Hội nông dân" in (cv.issuer or "")
    assert refs["1473/CTrPHKH-SKHCN-HND"].date == "2021-12-07"
    assert refs["1473/CTrPHKH-SKHCN-HND"].doctype == "CTr"
    # "về Kiểm tra kết quả thực hiện Kết luận 61" is what the plan is about, not a chain link.
    assert ("01-KH/BCĐ", "61-KL/TW") not in _links(plan)
    assert "61-KL/TW" in (refs["01-KH/BCĐ"].subject or "")


def test_seed_001_tay_ninh_chain():
    plan = _seed("001")
    refs = _refs(plan)
    kh = refs["3300/KH-UBND"]
    assert kh.relation == "implements"
    assert (kh.scope, kh.province, kh.date) == ("local", "Tây Ninh", "2023-10-20")
    nq = refs["36-NQ/TW"]
    assert (nq.scope, nq.date, nq.issuer, nq.province) == ("central", "2023-01-30",
                                                           "Bộ Chính trị", None)
    assert nq.subject and nq.subject.startswith("về phát triển và ứng dụng công nghệ sinh học")
    ctr = refs["180-CTr/TU"]
    assert (ctr.scope, ctr.province, ctr.date) == ("local", "Tây Ninh", "2023-04-20")
    assert refs["189/NQ-CP"].scope == "central"
    # The Provincial Party programme cited without its number is the same document.
    assert all(r.key for r in plan.references)
    assert len(ctr.mentions) >= 3
    assert _links(plan) >= {("3300/KH-UBND", "180-CTr/TU"), ("180-CTr/TU", "36-NQ/TW"),
                            ("189/NQ-CP", "36-NQ/TW")}
    assert all(link.relation == "implements" for link in plan.links)
    for link in plan.links:
        assert link.source.line_start >= 1 and "thực hiện" in link.source.quote


def test_seed_002_gia_lai_ocop():
    plan = _seed("002")
    assert _by_relation(plan, "basis") == {"1855/SNNPTNT-VPNTM"}
    assert _by_relation(plan, "mentions") == {"1696/KH-UBND", "1866/KH-UBND",
                                              "869/SNNPTNT-VPNTM", "351/QĐ-UBND"}
    refs = _refs(plan)
    assert refs["1855/SNNPTNT-VPNTM"].doctype == "CV"
    assert refs["1855/SNNPTNT-VPNTM"].date == "2022-05-15"
    assert refs["1696/KH-UBND"].date == "2020-08-18"
    assert refs["351/QĐ-UBND"].province == "Gia Lai"
    assert ("869/SNNPTNT-VPNTM", "351/QĐ-UBND") in _links(plan)


def test_seed_003_lang_son():
    plan = _seed("003")
    refs = _refs(plan)
    qd = refs["145/QĐ-UBND"]
    assert qd.relation == "implements"
    assert (qd.scope, qd.province, qd.date) == ("local", "Lạng Sơn", "2024-01-20")
    assert qd.source.line_start == qd.source.line_end and "145/QĐ-UBND" in qd.source.quote
    assert refs["2303/QĐ-UBND"].relation == "mentions"
    assert "19/KH-SKHCN" not in refs  # the plan's own number is not a reference


def test_seed_004_bac_giang_short_name():
    plan = _seed("004")
    refs = _refs(plan)
    ct = refs["01/CT-UBND"]
    assert ct.relation == "implements"
    assert (ct.scope, ct.province, ct.date) == ("local", "Bắc Giang", "2021-01-21")
    assert ct.short_name == "Chỉ thị số 01/CT-UBND"
    # the title's "Chỉ thị của Chủ tịch UBND tỉnh" is the same directive
    assert all(r.key for r in plan.references)
    assert _by_relation(plan, "mentions") == {"2205/QĐ-TTg", "1285/QĐ-TTg"}
    assert refs["2205/QĐ-TTg"].scope == "central" and refs["2205/QĐ-TTg"].date == "2020-12-24"


def test_extra_national_plan(extra_dir):
    path = next(extra_dir.glob("3260-*"))
    plan = _read(path.read_text(encoding="utf-8"), str(path))
    refs = _refs(plan)
    nq = refs["57-NQ/TW"]
    assert nq.relation == "implements"
    assert (nq.scope, nq.date, nq.issuer) == ("central", "2024-12-22", "Bộ Chính trị")
    assert "3260-KH/ĐĐQH15" not in refs


def test_nfd_and_old_tones_read_the_same_references():
    text = seed("001").read_text(encoding="utf-8")
    base = _read(text)
    variant = _read(unicodedata.normalize("NFD", text.replace("hóa", "hoá").replace("ủy", "uỷ")))
    assert [(r.key, r.relation, r.date) for r in variant.references] == [
        (r.key, r.relation, r.date) for r in base.references]
    assert _links(variant) == _links(base)


# --- own texts --------------------------------------------------------------------------------

_CHAIN = """KẾ HOẠCH
Triển khai Kế hoạch số 65-KH/TU của Tỉnh ủy

Căn cứ Nghị quyết số
50/NQ-CP ngày 10/05/2023 của Chính phủ; Nghị quyết 36/NQ-TW ngày 01/7/2014 của Bộ Chính trị \
về đẩy mạnh ứng dụng công nghệ thông tin;
Thực hiện Kế hoạch số 65-KH/TU ngày 12 tháng 6 năm 2023 của Ban Thường vụ Tỉnh ủy thực hiện \
Chương trình hành động số 10- CTr/TU của Tỉnh ủy thực hiện Nghị quyết số 36 - NQ/TW ngày \
30/01/2023 của Bộ Chính trị, Sở Khoa học và Công nghệ tỉnh Hà Nam xây dựng kế hoạch như sau:

I. NHIỆM VỤ

1. Tổng hợp báo cáo kết quả thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023.

2. Hướng dẫn thực hiện Quyết định số 40/2024/QĐ-UBND ngày 2/3/2024 của UBND tỉnh Nam Định.
"""


def test_misformatted_and_broken_numbers_and_a_three_step_chain():
    plan = _read(_CHAIN)
    refs = plan.references
    keys = [(r.key, r.date) for r in refs]
    assert ("50/NQ-CP", "2023-05-10") in keys  # number on the next line
    assert ("36-NQ/TW", "2014-07-01") in keys and ("36-NQ/TW", "2023-01-30") in keys
    assert ("10-CTr/TU", None) in keys
    by = {(r.key, r.date): r for r in refs}
    assert by[("65-KH/TU", "2023-06-12")].relation == "implements"
    assert by[("50/NQ-CP", "2023-05-10")].relation == "basis"
    assert by[("36-NQ/TW", "2014-07-01")].relation == "basis"
    # Documents the cited plan carries out reach this plan through the chain links, so
    # "what stems from 36-NQ/TW" walks 36-NQ/TW → 10-CTr/TU → 65-KH/TU → this plan.
    assert by[("10-CTr/TU", None)].relation == "mentions"
    new36 = by[("36-NQ/TW", "2023-01-30")]
    assert new36.relation == "mentions" and len(new36.mentions) == 2
    chain = {(refs[k.child].key, refs[k.parent].date or refs[k.parent].key) for k in plan.links}
    assert chain == {("65-KH/TU", "10-CTr/TU"), ("10-CTr/TU", "2023-01-30")}
    qd = by[("40/2024/QĐ-UBND", "2024-03-02")]
    assert qd.province == "Nam Định" and qd.relation == "mentions"
    assert by[("65-KH/TU", "2023-06-12")].province == "Hà Nam"


def test_checking_or_reporting_is_not_implementing():
    text = """KẾ HOẠCH
Kiểm tra năm 2024

Căn cứ Kế hoạch số 01-KH/BCĐ ngày 17/02/2022 của Ban Chỉ đạo về kiểm tra kết quả thực hiện \
Kết luận số 61-KL/TW; Báo cáo số 5/BC-UBND ngày 3/3/2022 của UBND tỉnh Cao Bằng về tình hình \
thực hiện Chỉ thị số 7/CT-UBND; Kế hoạch số 9/KH-UBND ngày 4/4/2022 của UBND tỉnh Cao Bằng \
triển khai thực hiện Chỉ thị số 7/CT-UBND, Sở Tư pháp xây dựng kế hoạch như sau:

I. NỘI DUNG
"""
    plan = _read(text)
    assert _links(plan) == {("9/KH-UBND", "7/CT-UBND")}


def test_references_in_recipients_and_own_number_are_skipped():
    text = """Số: 7/KH-STP
Cao Bằng, ngày 4 tháng 4 năm 2022

KẾ HOẠCH
Tuyên truyền pháp luật

I. NỘI DUNG

1. Phổ biến Luật số 93/2015/QH13.

Nơi nhận:
- Như Kế hoạch số 7/KH-STP;
- Lưu: VT.
"""
    plan = _read(text)
    assert [r.key for r in plan.references] == ["93/2015/QH13"]
    assert plan.references[0].scope == "central"


def test_coordinated_documents_share_the_implementing_verb():
    text = """KẾ HOẠCH
Hỗ trợ doanh nghiệp năm 2024

Thực hiện Quyết định số 12/QĐ-UBND ngày 10/01/2024 của UBND tỉnh và Kế hoạch số 30/KH-UBND \
ngày 15/01/2024 của UBND tỉnh; căn cứ Thông tư số 01/2021/TT-BKHCN của Bộ Khoa học và Công nghệ, \
Sở Khoa học và Công nghệ tỉnh Yên Bái xây dựng kế hoạch như sau:

I. NỘI DUNG
"""
    plan = _read(text)
    assert _by_relation(plan, "implements") == {"12/QĐ-UBND", "30/KH-UBND"}
    assert _by_relation(plan, "basis") == {"01/2021/TT-BKHCN"}
    tt = _refs(plan)["01/2021/TT-BKHCN"]
    assert tt.scope == "central" and tt.province is None
    assert _refs(plan)["30/KH-UBND"].province == "Yên Bái"


def test_unnumbered_document_kept_when_no_numbered_one_matches():
    text = """KẾ HOẠCH
Thực hiện Chương trình hành động của Tỉnh ủy về chuyển đổi số

Sở Thông tin và Truyền thông tỉnh Phú Yên xây dựng kế hoạch như sau:

I. NỘI DUNG

1. Rà soát Quyết định số 7/QĐ-UBND ngày 2/2/2023 của UBND tỉnh.
"""
    plan = _read(text)
    unnumbered = [r for r in plan.references if r.key is None]
    assert len(unnumbered) == 1
    ctr = unnumbered[0]
    assert (ctr.doctype, ctr.issuer, ctr.scope, ctr.province, ctr.relation) == (
        "CTr", "Tỉnh ủy", "local", "Phú Yên", "implements")
    assert ctr.subject == "về chuyển đổi số"
    assert _refs(plan)["7/QĐ-UBND"].relation == "mentions"


def test_subject_does_not_run_into_the_plans_own_sentence():
    text = """KẾ HOẠCH
Chuyển đổi số

Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ, Ủy ban nhân dân tỉnh ban hành \\
Kế hoạch thực hiện với các nội dung sau:

I. MỤC TIÊU
"""
    plan = _read(text)
    nq = _refs(plan)["03/NQ-CP"]
    assert nq.subject is None and nq.relation == "implements"


def test_appendix_citations_are_read_but_not_the_closing_block():
    text = ("KẾ HOẠCH\nChuyển đổi số\n\nI. NỘI DUNG\n\n1. Quán triệt.\n\n"
            "Nơi nhận:\n- Như Kế hoạch số 7/KH-UBND;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nBùi Văn An\n\n"
            "PHỤ LỤC\n\n| 1 | Thực hiện Quyết định số 5/QĐ-UBND ngày 2/3/2024 | Văn phòng |\n")
    plan = _read(text)
    assert [(r.key, r.relation) for r in plan.references] == [("5/QĐ-UBND", "mentions")]


def test_no_text_and_odd_text_read_without_error():
    empty = read_metadata([], SourceFile("empty.txt", "0" * 64, "txt"))
    assert read_references([], empty) == ([], [])
    odd = _read("1/2/3/\n-/ /-\nSố:\n, ngày\nKẾ HOẠCH\n\n12-/AB\n(sau đây gọi là)\n")
    assert odd.number is None


_FRAGMENTS = ["KẾ HOẠCH", "Số: ", "/KH-UBND", "36-NQ/TW", "ngày 30/01/2023", " của ", "Tỉnh ủy",
              "thực hiện ", "Chương trình hành động", "Căn cứ ", "\n", "\n\n", ";", ", ",
              "(sau đây gọi tắt là ", ")", "Nơi nhận:", "- ", "GIÁM ĐỐC", "tỉnh Gia Lai", "số ",
              "I. MỤC ĐÍCH", "Nghị quyết", "12", "/", "-", "PHỤ LỤC", "Sở Khoa học và Công nghệ "]


def test_any_arrangement_of_plan_words_reads_without_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
    def check(parts):
        plan = _read("".join(parts))
        for ref in plan.references:
            assert ref.relation in ("implements", "basis", "mentions")
            assert ref.source.line_start <= ref.source.line_end
        for link in plan.links:
            assert 0 <= link.child < len(plan.references)
            assert 0 <= link.parent < len(plan.references)

    check()


def test_standards_and_dates_are_not_documents():
    text = ("KẾ HOẠCH\nÁp dụng tiêu chuẩn\n\nI. NỘI DUNG\n\n1. Áp dụng TCVN 11892-1:2017 và "
            "QCVN 01:2021/BKHCN trước ngày 30/11/2024, giai đoạn 2021-2025, ISO 9001:2015.\n")
    assert _read(text).references == []


@pytest.mark.parametrize("council", [
    "Hội đồng phối hợp phổ biến, giáo dục pháp luật",
    "Hội đồng Thi đua - Khen thưởng",
])
def test_a_plan_of_a_provincial_council_cited_by_title_is_found(council):
    plan = _read(
        "UBND TỈNH GIA LAI\nSỞ TƯ PHÁP\nSố: 45/KH-STP\nGia Lai, ngày 10 tháng 3 năm 2026\n"
        "KẾ HOẠCH\nPhổ biến, giáo dục pháp luật năm 2026\n"
        f"Thực hiện Kế hoạch của {council} tỉnh về công tác năm 2026, Sở Tư pháp ban hành "
        "Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Tổ chức hội nghị. Đơn vị chủ trì: Văn phòng Sở.\n")
    implemented = [r for r in plan.references if r.relation == "implements"]
    assert len(implemented) == 1
    assert implemented[0].doctype == "KH" and implemented[0].issuer.startswith(council)
    # the People's Council stays its own issuer
    from policykg.ontology.issuers import match_issuer
    assert match_issuer("Hội đồng nhân dân tỉnh Gia Lai").code == "HĐND"
