# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Deadlines, targets and citations, third sweep: report days of every half year, counts after
the verb "cấp", a Party regulation typed by its number, a bare "của Đảng ủy" inside a Party
committee's own plan, and times of 2024–2026 provincial plans.

- "trước ngày 15/6 và 15/12 hằng năm" and "Báo cáo định kỳ 6 tháng, hằng năm (trước ngày 30/6
  và 31/12 hằng năm)" fall due in June and December: half-yearly from June (``--06-15``), so
  ``due 2026-06`` and ``due 2026-12`` list the duty and ``due 2026-03`` does not.
- "Cấp 1.200 giấy chứng nhận" counts certificates: "cấp" before a number of more than one digit,
  or opening the duty, is the verb, not a level ("hệ thống thông tin cấp 3" stays a level).
- "QĐ 232" and "quy dinh 232" find the Party's "Quy định số 232-QĐ/TW"; where a Government
  decision "232/QĐ-TTg" is known too, "QĐ 232" lists both and "Quyết định 232" is the decision.
- "Kế hoạch số 12-KH/ĐU … của Đảng ủy" in a commune's or an agency's Party committee plan is
  that committee's own plan; in a department's plan it stays unscoped.

Our own writing in the administrative style: a province's Department of Home Affairs (Quảng
Trị) with a table and prose, a commune's Party committee (Lâm Đồng) and the Party committee of
a provincial People's Committee (Quảng Ninh).
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.deadlines import find_deadline, read_deadline, read_targets
from policykg.queries import AmbiguousReference, due, resolve_document
from tests.layouts import (
    PARTY_SIGNATURE,
    assert_same_reading_in_any_form,
    find,
    header_plan,
    nfc,
    parse,
    refs_of,
    units_of,
)

FORMS = ("NFC", "NFD")



def reads(text: str) -> tuple:
    """(start year, end year, date, recurrence) of a time cell, the same in NFC and NFD."""
    got = []
    for form in FORMS:
        found = read_deadline(unicodedata.normalize(form, text))
        assert nfc(found.text) == text.strip(" .")
        got.append((found.start_year, found.end_year, found.date, found.recurrence))
    assert got[0] == got[1], text
    return got[0]


def found_in(sentence: str) -> tuple:
    """(text, start year, end year, date, recurrence) of the time a sentence gives."""
    got = []
    for form in FORMS:
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None, sentence
        got.append((nfc(found.text), found.start_year, found.end_year, found.date,
                    found.recurrence))
    assert got[0] == got[1], sentence
    return got[0]


def targets_of(text: str) -> list[tuple[str, float]]:
    """(text, value) of the targets of ``text``, the same in NFC and NFD."""
    got = [[(nfc(t.text), t.value) for t in read_targets(unicodedata.normalize(f, text))]
           for f in FORMS]
    assert got[0] == got[1], text
    return got[0]


# --- 1. Report days of every half year ---------------------------------------------------------

@pytest.mark.parametrize("text, recurrence, date", [
    ("trước ngày 15/6 và 15/12 hằng năm", "half-yearly", "--06-15"),
    ("Báo cáo định kỳ 6 tháng, hằng năm (trước ngày 30/6 và 31/12 hằng năm)", "half-yearly", "--06-30"),
    ("Trước ngày 30/6 và ngày 31/12 hằng năm", "half-yearly", "--06-30"),
    ("trước ngày 15/12 và 15/6 hằng năm", "half-yearly", "--06-15"),
    ("Trước 20/6, 20/12 hằng năm", "half-yearly", "--06-20"),
    ("trước ngày 15 tháng 6 và 15 tháng 12 hằng năm", "half-yearly", "--06-15"),
    ("Tháng 6 và tháng 12 hằng năm", "half-yearly", "--06"),
    ("Quý II và Quý IV hằng năm", "half-yearly", "--06"),
    ("trước ngày 15/3, 15/6, 15/9 và 15/12 hằng năm", "quarterly", "--03-15"),
    # guards: days not a cycle apart say how often, not from when; one day is a day of the year
    ("15/3 và 15/10 hằng năm", "half-yearly", None),
    ("Quý I, II hằng năm", "yearly", "--06"),
    ("trước ngày 15/12 hằng năm", "yearly", "--12-15"),
])
def test_days_of_every_year_recur_from_the_first(text, recurrence, date):
    assert reads(text) == (None, None, date, recurrence)


@pytest.mark.parametrize("sentence, text, date", [
    ("Các phòng báo cáo định kỳ 6 tháng, hằng năm (trước ngày 30/6 và 31/12 hằng năm) về Văn phòng Sở.",
     "định kỳ 6 tháng, hằng năm (trước ngày 30/6 và 31/12 hằng năm)", "--06-30"),
    ("UBND các xã báo cáo định kỳ 6 tháng (trước ngày 20/6 và 20/12) về Sở Nội vụ.",
     "định kỳ 6 tháng (trước ngày 20/6 và 20/12)", "--06-20"),
    ("Trung tâm Phục vụ hành chính công tổng hợp, gửi Sở trước ngày 15/6 và 15/12 hằng năm.",
     "trước ngày 15/6 và 15/12 hằng năm", "--06-15"),
])
def test_report_days_in_prose_say_when_a_half_yearly_report_falls_due(sentence, text, date):
    assert found_in(sentence) == (text, None, None, date, "half-yearly")


def test_a_dated_report_after_a_half_yearly_one_stays_apart():
    # the day has its year: it is not one of every year's report days
    assert found_in("Định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ, trước ngày 15/6/2026.")[-2:] == (
        None, "half-yearly")


SO_NOI_VU = """UBND TỈNH QUẢNG TRỊ
SỞ NỘI VỤ
Số: 86/KH-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Cải cách hành chính và chuyển đổi số năm 2026

Thực hiện Kế hoạch số 35/KH-UBND ngày 20/01/2026 của UBND tỉnh về cải cách hành chính năm 2026, Sở Nội vụ ban hành Kế hoạch như sau:

I. NHIỆM VỤ TRỌNG TÂM
1. Phòng Cải cách hành chính chủ trì theo dõi chỉ số hài lòng của người dân; báo cáo định kỳ 6 tháng, hằng năm (trước ngày 30/6 và 31/12 hằng năm) về Văn phòng Sở.
2. Phòng Công chức, viên chức chủ trì cấp 1.200 giấy chứng nhận bồi dưỡng cho công chức cấp xã trong năm 2026.
3. Trung tâm Lưu trữ lịch sử chủ trì số hóa tài liệu lưu trữ, hoàn thành chậm nhất trong Quý III/2026.
4. Thanh tra Sở chủ trì kiểm tra công tác văn thư, lưu trữ tại các xã, thực hiện hằng năm, giai đoạn 2026 - 2030.
5. Văn phòng Sở chủ trì tổng hợp, tham mưu Giám đốc Sở báo cáo UBND tỉnh trước kỳ họp HĐND tỉnh cuối năm 2026.

II. DANH MỤC NHIỆM VỤ
| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kết quả |
|---|---|---|---|---|---|
| 1 | Sơ kết thực hiện quy chế dân chủ ở cơ sở | Phòng Xây dựng chính quyền | Văn phòng Sở | Trước ngày 15/6 và 15/12 hằng năm | Báo cáo sơ kết |
| 2 | Cấp thẻ công chức cho cán bộ cấp xã | Phòng Công chức, viên chức | UBND các xã | Quý IV/2026 và hằng năm | Cấp mới 500 thẻ |
| 3 | Bồi dưỡng kỹ năng số cho công chức | Trung tâm Lưu trữ lịch sử | Phòng Cải cách hành chính | Năm 2026, 2027 | Đào tạo 1.500 lượt |
| 4 | Xây dựng mô hình chính quyền số cấp xã | Phòng Cải cách hành chính | UBND các xã | Giai đoạn 2026 - 2030, ưu tiên năm 2026 | Ít nhất 02 mô hình |
| 5 | Số hóa hồ sơ thủ tục hành chính | Văn phòng Sở | Trung tâm Lưu trữ lịch sử | Trong năm 2026 và các năm tiếp theo | Đạt tỷ lệ 100% hồ sơ |

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, CCHC.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Hồ Thị Lan
"""


@pytest.fixture(scope="module", params=FORMS)
def so_noi_vu(request):
    return parse(unicodedata.normalize(request.param, SO_NOI_VU), "quang-tri_kh86-snv.txt")


def _texts(hits) -> str:
    return " ".join(nfc(h.text) for h in hits)


def test_due_lists_half_yearly_reports_in_june_and_december_only(so_noi_vu):
    g = build_graph([so_noi_vu])
    for period in ("2026-06", "2026-12", "2027-Q2"):
        listed = _texts(due(g, period).yearly)
        assert "chỉ số hài lòng" in listed and "quy chế dân chủ" in listed, period
    for period in ("2026-03", "2026-09", "2027-Q1"):
        listed = _texts(due(g, period).yearly)
        assert "chỉ số hài lòng" not in listed and "quy chế dân chủ" not in listed, period


def test_the_half_yearly_duties_keep_their_units(so_noi_vu):
    task = find(so_noi_vu, "chỉ số hài lòng")
    assert units_of(task, "lead") == {"phong cai cach hanh chinh"}
    assert (task.deadline.recurrence, task.deadline.date) == ("half-yearly", "--06-30")
    row = find(so_noi_vu, "quy chế dân chủ")
    assert units_of(row, "lead") == {"phong xay dung chinh quyen"}
    assert (row.deadline.recurrence, row.deadline.date) == ("half-yearly", "--06-15")


# --- 2. Counts after the verb "cấp" ------------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("Cấp 1.200 giấy chứng nhận", ("1.200 giấy chứng nhận", 1200)),
    ("Hỗ trợ cấp 35 giấy chứng nhận quyền sử dụng đất", ("35 giấy chứng nhận quyền", 35)),
    ("- Cấp 5 giấy phép môi trường", ("5 giấy phép môi trường", 5)),
    ("Nâng cấp 12 trạm quan trắc tự động", ("12 trạm quan trắc tự động", 12)),
    # guards: other verbs were read before and still are
    ("Cấp mới 500 thẻ", ("500 thẻ", 500)),
    ("Đào tạo 1.500 lượt", ("1.500 lượt", 1500)),
    ("Cấp đổi 300 giấy phép lái xe", ("300 giấy phép lái xe", 300)),
])
def test_a_count_after_the_verb_cap_is_a_target(text, target):
    assert targets_of(text) == [target]


@pytest.mark.parametrize("text", [
    "Bảo đảm an toàn hệ thống thông tin cấp 3 của tỉnh",
    "Ứng phó sự cố cấp 2 trên địa bàn tỉnh",
    "Phân loại đơn vị hành chính cấp 1",
])
def test_a_level_after_cap_is_no_target(text):
    assert targets_of(text) == []


def test_table_results_count_certificates_cards_and_trainees(so_noi_vu):
    def counted(words: str) -> set[tuple[float, str]]:
        return {(t.value, nfc(t.unit)) for t in find(so_noi_vu, words).targets}

    assert (1200, "giấy chứng nhận bồi dưỡng") in counted("giấy chứng nhận bồi dưỡng")
    assert (500, "thẻ") in counted("Cấp thẻ công chức")
    assert (1500, "lượt") in counted("kỹ năng số cho công chức")
    assert (2, "mô hình") in counted("mô hình chính quyền số")
    assert (100, "%") in counted("Số hóa hồ sơ thủ tục")


# --- 3. A Party regulation typed by its number -------------------------------------------------

DEPARTMENT = "UBND TỈNH TUYÊN QUANG\nSỞ NỘI VỤ\nSố: {number}/KH-SNV\nTuyên Quang, ngày 05 tháng 3 năm 2026"
REGULATION = ("Căn cứ Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương về thi "
              "hành Điều lệ Đảng, Sở Nội vụ ban hành Kế hoạch như sau:")
DECISION = ("Thực hiện Quyết định số 232/QĐ-TTg ngày 12/02/2025 của Thủ tướng Chính phủ về chương "
            "trình chuyển đổi số, Sở Nội vụ ban hành Kế hoạch như sau:")


@pytest.fixture(scope="module", params=FORMS)
def regulation_only(request):
    plan = header_plan(DEPARTMENT.format(number=125), request.param, opening=REGULATION)
    return build_graph([plan])


@pytest.fixture(scope="module", params=FORMS)
def regulation_and_decision(request):
    plans = [header_plan(DEPARTMENT.format(number=125), request.param, opening=REGULATION),
             header_plan(DEPARTMENT.format(number=126), request.param, opening=DECISION)]
    return build_graph(plans)


def _key(g, node: str) -> str:
    return nfc(g.nodes[node]["key"])


@pytest.mark.parametrize("typed", ["QĐ 232", "qd 232", "QĐ232", "quy dinh 232", "Quy định số 232",
                                   "Quy định 232-QĐ/TW"])
def test_a_typed_party_regulation_number_finds_it(regulation_only, typed):
    g = regulation_only
    for form in FORMS:
        assert _key(g, resolve_document(g, unicodedata.normalize(form, typed))) == "232-QĐ/TW"


@pytest.mark.parametrize("typed", ["QĐ 232", "qd232"])
def test_qd_and_a_number_shared_by_a_regulation_and_a_decision_is_ambiguous(
        regulation_and_decision, typed):
    g = regulation_and_decision
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, typed)
    assert {_key(g, c.id) for c in err.value.candidates} == {"232-QĐ/TW", "232/QĐ-TTg"}


@pytest.mark.parametrize("typed, key", [
    ("quy dinh 232", "232-QĐ/TW"), ("Quy định 232", "232-QĐ/TW"),
    ("Quyết định 232", "232/QĐ-TTg"), ("quyet dinh so 232", "232/QĐ-TTg"),
])
def test_the_word_typed_picks_the_regulation_or_the_decision(regulation_and_decision, typed, key):
    g = regulation_and_decision
    assert _key(g, resolve_document(g, typed)) == key


# --- 4. A bare "của Đảng ủy" in a Party committee's own plan ----------------------------------

COMMUNE = ("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY XÃ {name}\n*\nSố 15-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
           "{place}, ngày 05 tháng 3 năm 2026")
AGENCY = ("ĐẢNG BỘ TỈNH QUẢNG NINH\nĐẢNG ỦY UBND TỈNH\n*\nSố 05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
          "Hạ Long, ngày 05 tháng 3 năm 2026")
BARE = ("Thực hiện Kế hoạch số 12-KH/ĐU ngày 10/01/2026 của Đảng ủy về chuyển đổi số; Chỉ thị số "
        "03-CT/ĐU ngày 12/01/2026 của Ban Thường vụ Đảng ủy về công tác cán bộ; Kế hoạch số "
        "20-KH/TU ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ ban hành Kế hoạch như sau:")


def _cited(header: str, form: str) -> dict:
    return refs_of(header_plan(header, form, opening=BARE, signature=PARTY_SIGNATURE))


@pytest.mark.parametrize("form", FORMS)
def test_a_bare_party_committee_in_a_communes_plan_is_that_commune(form):
    refs = _cited(COMMUNE.format(name="HIỆP THẠNH", place="Hiệp Thạnh"), form)
    assert {k: (nfc(r.issuer), nfc(r.province), r.relation) for k, r in refs.items()} == {
        "12-KH/ĐU": ("Đảng ủy xã Hiệp Thạnh", "Lâm Đồng", "implements"),
        "03-CT/ĐU": ("Ban Thường vụ Đảng ủy xã Hiệp Thạnh", "Lâm Đồng", "implements"),
        "20-KH/TU": ("Ban Thường vụ Tỉnh ủy", "Lâm Đồng", "implements")}


@pytest.mark.parametrize("form", FORMS)
def test_a_bare_party_committee_in_an_agencys_plan_is_that_agency(form):
    refs = _cited(AGENCY, form)
    assert (nfc(refs["12-KH/ĐU"].issuer), nfc(refs["12-KH/ĐU"].province)) == (
        "Đảng ủy UBND tỉnh", "Quảng Ninh")
    assert nfc(refs["03-CT/ĐU"].issuer) == "Ban Thường vụ Đảng ủy UBND tỉnh"


@pytest.mark.parametrize("form", FORMS)
def test_a_bare_party_committee_in_a_departments_plan_stays_unscoped(form):
    refs = _cited(DEPARTMENT.format(number=125), form)
    assert nfc(refs["12-KH/ĐU"].issuer) == "Đảng ủy"
    assert nfc(refs["03-CT/ĐU"].issuer) == "Ban Thường vụ Đảng ủy"


@pytest.mark.parametrize("form", FORMS)
def test_two_communes_citing_their_own_12_kh_du_cite_two_plans(form):
    plans = [header_plan(COMMUNE.format(name=name, place=place), form, opening=BARE,
                         signature=PARTY_SIGNATURE)
             for name, place in (("HIỆP THẠNH", "Hiệp Thạnh"), ("ĐỨC TRỌNG", "Đức Trọng"))]
    g = build_graph(plans)
    cited = sorted(nfc(n) for n in g if "12-KH/ĐU" in nfc(str(n)))
    assert cited == ["doc:lam-dong:xa-duc-trong:12-KH/ĐU@2026",
                     "doc:lam-dong:xa-hiep-thanh:12-KH/ĐU@2026"]
    agency = build_graph([header_plan(AGENCY, form, opening=BARE, signature=PARTY_SIGNATURE)])
    assert "doc:quang-ninh:dang-uy-ubnd-tinh:12-KH/ĐU@2026" in {nfc(str(n)) for n in agency}


# --- 5. Times and targets of 2024–2026 provincial plans -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a first time, then every year: due each year in that part of the year
    ("Quý IV/2026 và hằng năm", (2026, None, "--12", "yearly")),
    ("Trước 31/12/2026 và hằng năm", (2026, None, "--12-31", "yearly")),
    ("Tháng 12/2026, hằng năm", (2026, None, "--12", "yearly")),
    # guards that were read before
    ("Giai đoạn 2026 - 2030, hằng năm", (2026, 2030, None, "yearly")),
    ("Trong năm 2026 và các năm tiếp theo", (2026, None, None, None)),
    ("Năm 2026, 2027", (2026, 2027, None, None)),
    ("Giai đoạn 2026 - 2030, ưu tiên năm 2026", (2026, 2030, None, None)),
])
def test_time_cells_of_provincial_plans(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước kỳ họp HĐND tỉnh cuối năm 2026.",
     ("trước kỳ họp HĐND tỉnh cuối năm 2026", None, 2026, None, None)),
    ("Sở Tư pháp trình HĐND tỉnh tại kỳ họp cuối năm 2026.",
     # the council's year-end sitting is held in December
     ("tại kỳ họp cuối năm 2026", 2026, 2026, "2026-12", None)),
    ("Tổ chức tập huấn cho cán bộ cấp xã trong năm 2026, 2027.",
     ("trong năm 2026, 2027", 2026, 2027, None, None)),
    ("Tổ chức thực hiện năm 2026, 2027.", ("thực hiện năm 2026, 2027", 2026, 2027, None, None)),
    ("Triển khai giai đoạn 2026 - 2030, ưu tiên năm 2026.",
     ("Triển khai giai đoạn 2026 - 2030", 2026, 2030, None, None)),
    ("Triển khai thực hiện từ quý III/2026.", ("từ quý III/2026", 2026, None, None, None)),
    ("Thanh tra Sở kiểm tra công tác văn thư, thực hiện hằng năm, giai đoạn 2026 - 2030.",
     ("hằng năm, giai đoạn 2026 - 2030", 2026, 2030, None, "yearly")),
    ("Hằng năm, giai đoạn 2026 - 2030, Sở Y tế tổ chức kiểm tra an toàn thực phẩm.",
     ("Hằng năm, giai đoạn 2026 - 2030", 2026, 2030, None, "yearly")),
    # guards that were read before
    ("Trung tâm Lưu trữ lịch sử số hóa tài liệu, hoàn thành chậm nhất trong Quý III/2026.",
     ("hoàn thành chậm nhất trong Quý III/2026", None, 2026, "2026-09", None)),
    ("Các xã báo cáo kết quả, hoàn thành trước ngày 20 hằng tháng.",
     ("trước ngày 20 hằng tháng", None, None, None, "monthly")),
    ("Sở Tài chính bố trí kinh phí thực hiện trong năm 2026 và các năm tiếp theo.",
     ("thực hiện trong năm 2026 và các năm tiếp theo", 2026, None, None, None)),
])
def test_times_in_the_prose_of_provincial_plans(sentence, expected):
    assert found_in(sentence) == expected


def test_a_programme_named_with_its_period_gives_no_time():
    # the years name the programme, not when the duty is done
    for form in FORMS:
        assert find_deadline(unicodedata.normalize(
            form, "Tuyên truyền Chương trình chuyển đổi số giai đoạn 2026 - 2030 của tỉnh.")) is None


@pytest.mark.parametrize("text, target", [
    # guards: targets of this kind were read before and still are
    # the passive after the noun says what the share is of
    ("Đạt tỷ lệ 100% hồ sơ được số hóa", ("100% hồ sơ được số hóa", 100)),
    ("Xây dựng ít nhất 02 mô hình điểm", ("ít nhất 02 mô hình điểm", 2)),
])
def test_targets_of_provincial_plans(text, target):
    assert targets_of(text) == [target]


def test_the_plans_times_read_in_their_tasks(so_noi_vu):
    def time(words: str) -> tuple:
        d = find(so_noi_vu, words).deadline
        return (d.start_year, d.end_year, d.date, d.recurrence)

    assert time("Cấp thẻ công chức") == (2026, None, "--12", "yearly")
    assert time("kỹ năng số cho công chức") == (2026, 2027, None, None)
    assert time("kiểm tra công tác văn thư") == (2026, 2030, None, "yearly")
    assert time("trước kỳ họp") == (None, 2026, None, None)
    assert time("số hóa tài liệu lưu trữ") == (None, 2026, "2026-09", None)


def test_a_card_duty_first_due_in_2026_is_due_every_december(so_noi_vu):
    g = build_graph([so_noi_vu])
    assert "Cấp thẻ công chức" in _texts(due(g, "2028-12").yearly)
    assert "Cấp thẻ công chức" not in _texts(due(g, "2028-06").yearly)
    assert "Cấp thẻ công chức" not in _texts(due(g, "2025").yearly)


def test_the_plans_read_the_same_in_any_form():
    assert_same_reading_in_any_form(SO_NOI_VU)
    assert_same_reading_in_any_form(
        COMMUNE.format(name="HIỆP THẠNH", place="Hiệp Thạnh") + "\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\n"
        + BARE + "\n\nI. NHIỆM VỤ\n1. Văn phòng Đảng ủy chủ trì tham mưu sơ kết, báo cáo trước ngày 15/6 và 15/12 hằng năm.\n")
