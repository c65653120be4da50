# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A province's steering committees number their documents on their own.

Every Ban Chỉ đạo of a province starts its numbers at 1 each year under the same symbol
("12-KH/BCĐ"), so the KH&CN committee's 12-KH/BCĐ of 2025 and the anti-smuggling
committee's (Ban Chỉ đạo 389) 12/KH-BCĐ of 2025 are two plans. What an analyst checks:
both are kept, each with its own tasks; a citation naming the committee carries out that
committee's plan; one that does not name it goes to the only such plan the province is
known to have, or to the one of the cited day, and is left unresolved (its candidates
listed) when two committees fit; committees of a commune and central ones are as before.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import policykg
from policykg.graph.build import with_committee
from policykg.graph.identity import cited_committee, committee_key, issuer_org
from policykg.ontology.normalize import fold
from policykg.queries import AmbiguousReference, resolve_document, stems_from
from tests.layouts import parse

FORMS = ("NFC", "NFD")

KHCN_BOARD = """TỈNH ỦY GIA LAI
BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,
ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ
*
Số: 12-KH/BCĐ
ĐẢNG CỘNG SẢN VIỆT NAM
Gia Lai, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Triển khai các nhiệm vụ trọng tâm năm 2025

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Chỉ đạo ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh.
Cơ quan chủ trì: Sở Khoa học và Công nghệ.
Cơ quan phối hợp: Sở Tài chính.
Thời gian: Quý III/2025.
2. Tổ chức hội nghị sơ kết 6 tháng thực hiện Nghị quyết số 57-NQ/TW.
Cơ quan chủ trì: Văn phòng Tỉnh ủy.
Thời gian: Tháng 7/2025.

T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
Nguyễn Văn An
"""

SMUGGLING_BOARD = """UBND TỈNH GIA LAI
BAN CHỈ ĐẠO 389
Số: 12/KH-BCĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Đấu tranh phòng, chống buôn lậu, gian lận thương mại và hàng giả năm 2025

Căn cứ Quyết định số 389/QĐ-TTg ngày 19/3/2014 của Thủ tướng Chính phủ, Ban Chỉ đạo 389 tỉnh ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Kiểm tra, kiểm soát hàng hóa lưu thông trên thị trường.
Cơ quan chủ trì: Sở Công Thương.
Cơ quan phối hợp: Công an tỉnh.
Thời gian: Thường xuyên.

T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
Trần Văn Bình
"""

# The same committee's next plan: "của Ban Chỉ đạo" in its own plan is itself.
SMUGGLING_FOLLOW_UP = """UBND TỈNH GIA LAI
BAN CHỈ ĐẠO 389 TỈNH GIA LAI
Số: 15/KH-BCĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 02 tháng 6 năm 2025

KẾ HOẠCH
Cao điểm chống buôn lậu 6 tháng cuối năm 2025

Căn cứ Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo về đấu tranh phòng, chống buôn lậu năm 2025, Ban Chỉ đạo ban hành Kế hoạch cao điểm như sau:

I. NHIỆM VỤ
1. Tuần tra, kiểm soát tuyến biên giới.
Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh.
Thời gian: Quý III/2025.
"""

DEPARTMENT = """UBND TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 40/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 20 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện nhiệm vụ khoa học và công nghệ năm 2025

Thực hiện Kế hoạch số 12-KH/BCĐ ngày 05/3/2025 của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Quản lý khoa học chủ trì xây dựng cơ sở dữ liệu nhiệm vụ khoa học. Thời gian: Quý III/2025.
"""

TRADE = """UBND TỈNH GIA LAI
SỞ CÔNG THƯƠNG
Số: 55/KH-SCT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 25 tháng 3 năm 2025

KẾ HOẠCH
Kiểm tra thị trường năm 2025

Căn cứ Kế hoạch số 12/KH-BCĐ ngày 10/3/2025 của BCĐ 389 tỉnh về đấu tranh phòng, chống buôn lậu năm 2025, Sở Công Thương xây dựng Kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Quản lý thương mại chủ trì kiểm tra hàng giả tại các chợ. Thời gian: Quý II/2025.
"""

POLICE = """UBND TỈNH GIA LAI
CÔNG AN TỈNH
Số: 81/KH-CAT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Phòng, chống buôn lậu qua biên giới năm 2025

Thực hiện Kế hoạch số 12/KH-BCĐ ngày 10/3/2025 của Ban Chỉ đạo 389 tỉnh Gia Lai, Công an tỉnh xây dựng Kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Cảnh sát kinh tế chủ trì điều tra các đường dây buôn lậu. Thời gian: Thường xuyên.
"""


def justice(citation: str) -> str:
    """A department's plan carrying out a committee's plan cited as ``citation``."""
    return f"""UBND TỈNH GIA LAI
SỞ TƯ PHÁP
Số: 70/KH-STP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 28 tháng 3 năm 2025

KẾ HOẠCH
Rà soát văn bản quy phạm pháp luật năm 2025

Thực hiện {citation}, Sở Tư pháp xây dựng Kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Xây dựng và kiểm tra văn bản chủ trì rà soát các văn bản quy phạm pháp luật. Thời gian: Quý II/2025.
"""


KHCN_NODE = "doc:gia-lai:bcd-phat-trien-khcn-dmst-chuyen-doi-so:12-KH/BCĐ@2025"
SMUGGLING_NODE = "doc:gia-lai:bcd-389:12-KH/BCĐ@2025"


def _write(folder: Path, plans: dict[str, str], form: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in plans.items():
        path = folder / f"{name}.txt"
        path.write_text(unicodedata.normalize(form, text), encoding="utf-8")
        paths.append(str(path))
    return paths


def _store(tmp_path: Path, plans: dict[str, str], form: str = "NFC", name: str = "store"):
    store = policykg.open_store(tmp_path / f"{name}.db")
    report = store.ingest(_write(tmp_path / name, plans, form))
    assert report.ok and report.plans == len(plans)
    return store, report


def _plans(g) -> dict[str, str]:
    """Each ingested plan's file name → its node."""
    return {Path(d["file"]).stem: n for n, d in g.nodes(data=True) if d.get("kind") == "Plan"}


def _carries_out(g, node: str) -> set[str]:
    """The documents ``node`` implements or is based on."""
    return {v for _, v, rel in g.out_edges(node, data="rel") if rel in ("IMPLEMENTS", "BASED_ON")}


def _leads(g, plan: str) -> dict[str, set[str]]:
    """Each task of ``plan`` (by its text's start) → its lead units, folded."""
    out = {}
    for _, task, rel in g.out_edges(plan, data="rel"):
        if rel != "HAS_TASK":
            continue
        leads = {fold(g.nodes[u]["label"]) for _, u, r in g.out_edges(task, data="rel")
                 if r == "LED_BY"}
        out[fold(g.nodes[task]["text"])[:30]] = leads
    return out


# --- 1. two committees, one number, one year: two plans ------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_two_committees_plans_of_one_number_are_both_kept(tmp_path, form):
    store, report = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD}, form)
    assert report.replaced == [] and report.duplicates == []
    g = store.graph()
    nodes = _plans(g)
    assert nodes == {"khcn": KHCN_NODE, "389": SMUGGLING_NODE}
    assert g.nodes[KHCN_NODE]["issuer"] == ("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới "
                                            "sáng tạo và chuyển đổi số tỉnh Gia Lai")
    assert g.nodes[SMUGGLING_NODE]["issuer"] == "Ban Chỉ đạo 389 tỉnh Gia Lai"
    assert {g.nodes[n]["key"] for n in nodes.values()} == {"12-KH/BCĐ"}
    assert {g.nodes[n]["date"] for n in nodes.values()} == {"2025-03-05", "2025-03-10"}
    # each committee's own tasks under its own plan
    assert _leads(g, KHCN_NODE) == {
        "xay dung co so du lieu khoa ho": {"so khoa hoc va cong nghe"},
        "to chuc hoi nghi so ket 6 than": {"van phong tinh uy"}}
    assert _leads(g, SMUGGLING_NODE) == {"kiem tra, kiem soat hang hoa l": {"so cong thuong"}}
    # and each is issued by its own committee
    issuers = {n: {v for _, v, r in g.out_edges(n, data="rel") if r == "ISSUED_BY"}
               for n in nodes.values()}
    assert issuers == {KHCN_NODE: {"org:gia-lai:bcd-phat-trien-khcn-dmst-chuyen-doi-so"},
                       SMUGGLING_NODE: {"org:gia-lai:bcd-389"}}


def test_each_committees_plan_is_named_apart_where_candidates_are_listed(tmp_path):
    """Asked for "12/KH-BCĐ", the analyst is shown two labels that name the committees,
    and either label typed back names its plan."""
    from policykg.queries.common import doc_label

    store, _ = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD}, "NFC")
    g = store.skeleton()
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, "12/KH-BCĐ")
    labels = {c.label: c.id for c in err.value.candidates}
    assert labels == {doc_label(g, n): n for n in (KHCN_NODE, SMUGGLING_NODE)}
    assert "12-KH/BCĐ (2025, Ban Chỉ đạo 389 tỉnh Gia Lai)" in labels
    for label, node in labels.items():
        assert resolve_document(g, label) == node


def test_the_order_of_ingest_does_not_matter(tmp_path):
    plans = {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD, "so": DEPARTMENT, "sct": TRADE}
    graphs = []
    for name, order in (("one", list(plans)), ("other", list(reversed(plans)))):
        store = policykg.open_store(tmp_path / f"{name}.db")
        paths = _write(tmp_path / name, plans, "NFC")
        for path in sorted(paths, key=lambda p: order.index(Path(p).stem)):
            report = store.ingest([path])
            assert report.replaced == []
        graphs.append(store.graph())
    first, second = graphs
    assert set(first.nodes) == set(second.nodes)
    assert {(u, v, k) for u, v, k in first.edges(keys=True)} == \
        {(u, v, k) for u, v, k in second.edges(keys=True)}
    assert _plans(first)["389"] == SMUGGLING_NODE


# --- 2. the same plan again replaces itself ------------------------------------------------

def test_the_same_committees_plan_read_again_replaces_itself(tmp_path):
    edited = KHCN_BOARD.replace("Thời gian: Quý III/2025.", "Thời gian: Quý IV/2025.")
    store, report = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD})
    again = tmp_path / "copies"
    paths = _write(again, {"khcn-ban-sua": edited, "khcn-nfd": unicodedata.normalize(
        "NFD", KHCN_BOARD)}, "NFC")
    report = store.ingest(paths)
    assert len(report.replaced) == 2
    assert {plan_id for plan_id, _, _ in report.replaced} == {
        "gia-lai:bcd-phat-trien-khcn-dmst-chuyen-doi-so:12-KH/BCĐ@2025"}
    g = store.graph()
    assert sorted(_plans(g).values()) == sorted([KHCN_NODE, SMUGGLING_NODE])
    assert len([p for p in store.plans()]) == 2


def test_the_plan_id_holds_the_committee_and_is_stable():
    for form in FORMS:
        plan = with_committee(parse(unicodedata.normalize(form, SMUGGLING_BOARD)))
        assert plan.id == "gia-lai:bcd-389:12-KH/BCĐ@2025"
        assert plan.issuer == "Ban Chỉ đạo 389 tỉnh Gia Lai"
        assert with_committee(plan) is plan  # naming it again changes nothing
    follow_up = with_committee(parse(SMUGGLING_FOLLOW_UP))
    assert follow_up.id == "gia-lai:bcd-389:15-KH/BCĐ@2025"
    assert follow_up.issuer == "Ban Chỉ đạo 389 tỉnh Gia Lai"


# --- 3. a citation naming the committee ----------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_a_citation_naming_the_committee_carries_out_its_plan(tmp_path, form):
    store, _ = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD, "so": DEPARTMENT,
                                 "sct": TRADE, "ca": POLICE}, form)
    g = store.graph()
    nodes = _plans(g)
    assert _carries_out(g, nodes["so"]) == {KHCN_NODE}
    # "BCĐ 389 tỉnh" and "Ban Chỉ đạo 389 tỉnh Gia Lai" are the committee of "BAN CHỈ ĐẠO 389"
    assert _carries_out(g, nodes["sct"]) == {SMUGGLING_NODE}
    assert _carries_out(g, nodes["ca"]) == {SMUGGLING_NODE}
    for source in (g, store):
        science = {h.plan for h in stems_from(source, "57-NQ/TW")}
        assert science == {KHCN_NODE, nodes["so"]}
        smuggling = stems_from(source, "389/QĐ-TTg")
        assert {h.plan for h in smuggling} == {SMUGGLING_NODE, nodes["sct"], nodes["ca"]}
        trade = next(h for h in smuggling if h.plan == nodes["sct"])
        assert [fold(x) for x in trade.lead] == ["phong quan ly thuong mai"]
        assert trade.path_labels[:3] == ["389/QĐ-TTg (2014)",
                                         "12-KH/BCĐ (2025, Ban Chỉ đạo 389 tỉnh Gia Lai)",
                                         "55/KH-SCT (2025)"]
        assert {h.plan for h in stems_from(source, SMUGGLING_NODE)} == {
            SMUGGLING_NODE, nodes["sct"], nodes["ca"]}


# --- 4. a citation that does not name the committee ----------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_an_unnamed_committee_is_the_only_one_with_that_number(tmp_path, form):
    cited = justice("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo tỉnh")
    store, _ = _store(tmp_path, {"389": SMUGGLING_BOARD, "stp": cited}, form)
    g = store.graph()
    assert _carries_out(g, _plans(g)["stp"]) == {SMUGGLING_NODE}


@pytest.mark.parametrize("form", FORMS)
def test_an_unnamed_committee_of_two_is_left_for_the_analyst(tmp_path, form):
    cited = justice("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo")
    store, _ = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD, "stp": cited}, form)
    g = store.graph()
    (target,) = _carries_out(g, _plans(g)["stp"])
    assert target not in (KHCN_NODE, SMUGGLING_NODE)
    assert target.startswith("doc:gia-lai:bcd:12-KH/BCĐ")
    assert g.nodes[target]["ambiguous"] == sorted([KHCN_NODE, SMUGGLING_NODE])
    justice_plan = _plans(g)["stp"]
    for source in (g, store):
        for node in (KHCN_NODE, SMUGGLING_NODE):
            assert justice_plan not in {h.plan for h in stems_from(source, node)}
    with pytest.raises(AmbiguousReference):
        resolve_document(g, "Kế hoạch 12/KH-BCĐ", province="Gia Lai")


@pytest.mark.parametrize("form", FORMS)
def test_an_unnamed_committee_with_the_day_of_one_of_two(tmp_path, form):
    cited = justice("Kế hoạch số 12/KH-BCĐ ngày 5/3/2025 của Ban Chỉ đạo")
    store, _ = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD, "stp": cited}, form)
    g = store.graph()
    assert _carries_out(g, _plans(g)["stp"]) == {KHCN_NODE}
    assert _plans(g)["stp"] in {h.plan for h in stems_from(store, "57-NQ/TW")}


def test_an_unnamed_committee_becomes_ambiguous_when_a_second_one_arrives(tmp_path):
    store, _ = _store(tmp_path, {"389": SMUGGLING_BOARD,
                                 "stp": justice("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo")})
    g = store.graph()
    assert _carries_out(g, _plans(g)["stp"]) == {SMUGGLING_NODE}
    store.ingest(_write(tmp_path / "later", {"khcn": KHCN_BOARD}, "NFC"))
    g = store.graph()
    (target,) = _carries_out(g, _plans(g)["stp"])
    assert g.nodes[target]["ambiguous"] == sorted([KHCN_NODE, SMUGGLING_NODE])


def test_the_committees_remit_after_ve_names_it_when_the_province_has_it(tmp_path):
    cited = justice("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo tỉnh về phát triển khoa học, công "
                    "nghệ, đổi mới sáng tạo và chuyển đổi số")
    store, _ = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD, "stp": cited})
    g = store.graph()
    assert _carries_out(g, _plans(g)["stp"]) == {KHCN_NODE}


def test_unnamed_in_the_committees_own_plan_is_the_committee_itself(tmp_path):
    store, report = _store(tmp_path, {"khcn": KHCN_BOARD, "389": SMUGGLING_BOARD,
                                      "389-cao-diem": SMUGGLING_FOLLOW_UP})
    g = store.graph()
    follow_up = _plans(g)["389-cao-diem"]
    assert follow_up == "doc:gia-lai:bcd-389:15-KH/BCĐ@2025"
    assert _carries_out(g, follow_up) == {SMUGGLING_NODE}
    assert {h.plan for h in stems_from(store, "389/QĐ-TTg")} == {SMUGGLING_NODE, follow_up}


# --- 5. committees of a commune, central committees, numbered committees ------------------

COMMUNE_BOARD = """UBND XÃ IA GRAI
BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ
Số: 12/KH-BCĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Ia Grai, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2025

Căn cứ Kế hoạch số 12-KH/BCĐ ngày 05/3/2025 của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh, Ban Chỉ đạo xã ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Văn phòng HĐND và UBND xã chủ trì số hóa hồ sơ thủ tục hành chính. Thời gian: năm 2025.
"""

CENTRAL_BOARD = """BAN CHỈ ĐẠO TRUNG ƯƠNG
VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ
*
Số 12-KH/BCĐTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 02 tháng 3 năm 2025

KẾ HOẠCH
Triển khai Nghị quyết số 57-NQ/TW năm 2025

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Chỉ đạo Trung ương ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Bộ Khoa học và Công nghệ chủ trì xây dựng hệ thống thông tin quốc gia về khoa học. Thời gian: năm 2025.
"""


@pytest.mark.parametrize("form", FORMS)
def test_a_communes_and_the_central_committees_plans_are_as_before(tmp_path, form):
    for text in (COMMUNE_BOARD, CENTRAL_BOARD):
        plan = parse(unicodedata.normalize(form, text))
        assert with_committee(plan) is plan
    store, report = _store(tmp_path, {"khcn": KHCN_BOARD, "xa": COMMUNE_BOARD,
                                      "tw": CENTRAL_BOARD}, form)
    assert report.replaced == []
    g = store.graph()
    nodes = _plans(g)
    assert nodes["xa"] == "doc:gia-lai:xa-ia-grai:12-KH/BCĐ@2025"
    assert nodes["tw"] == "doc:12-KH/BCĐTW@2025"
    assert _carries_out(g, nodes["xa"]) == {KHCN_NODE}
    assert {h.plan for h in stems_from(store, "57-NQ/TW")} == {KHCN_NODE, nodes["xa"], nodes["tw"]}


@pytest.mark.parametrize("name", ["Ban Chỉ đạo 389", "BCĐ 389 tỉnh", "Ban Chỉ đạo 389 tỉnh Gia Lai",
                                  "BAN CHỈ ĐẠO 389 TỈNH GIA LAI", "Ban chỉ đạo 389 tỉnh"])
@pytest.mark.parametrize("form", FORMS)
def test_a_numbered_committee_is_one_however_written(name, form):
    written = unicodedata.normalize(form, name)
    assert committee_key(written, "Gia Lai") == "389"
    assert issuer_org(written, None, "Gia Lai")[0] == "org:gia-lai:bcd-389"


@pytest.mark.parametrize("form", FORMS)
def test_a_remit_is_one_however_written(form):
    names = ["Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh",
             "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ",
             "BCĐ phát triển KH&CN, ĐMST và CĐS tỉnh Gia Lai",
             "Ban Chỉ đạo của Tỉnh ủy về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số"]
    keys = {committee_key(unicodedata.normalize(form, n), "Gia Lai") for n in names}
    assert keys == {"phat-trien-khcn-dmst-chuyen-doi-so"}
    assert committee_key("Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh") == \
        committee_key("BCĐ chương trình MTQG tỉnh") == "chuong-trinh-muc-tieu-quoc-gia"
    # "tinh gọn" (streamline) is a word of the remit, "tỉnh" the province
    assert committee_key("Ban Chỉ đạo sắp xếp, tinh gọn bộ máy tỉnh") == "sap-xep-tinh-gon-bo-may"


@pytest.mark.parametrize("name", ["Ban Chỉ đạo", "Ban Chỉ đạo tỉnh", "BCĐ tỉnh Gia Lai",
                                  "Ban Chỉ đạo Trung ương về phát triển khoa học",
                                  "Ban Chỉ đạo phòng, chống thiên tai xã Phú Lộc", "UBND tỉnh"])
def test_names_without_a_provincial_remit(name):
    assert committee_key(name, "Gia Lai") is None


@pytest.mark.parametrize("form", FORMS)
def test_the_committee_a_citation_names(form):
    def cited(text: str, key: str) -> tuple[str, str | None] | None:
        found = cited_committee(unicodedata.normalize(form, text), key)
        return found and (unicodedata.normalize("NFC", found[0]),
                          found[1] and unicodedata.normalize("NFC", found[1]))

    assert cited("Kế hoạch số 12/KH-BCĐ ngày 10/3/2025 của BCĐ 389 tỉnh về chống buôn lậu năm 2025",
                 "12/KH-BCĐ") == ("BCĐ 389 tỉnh", "chống buôn lậu")
    assert cited("Kế hoạch số 12-KH/BCĐ ngày 05/3/2025 của Ban Chỉ đạo phát triển khoa học, công "
                 "nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh, Sở Khoa học và Công nghệ xây dựng",
                 "12-KH/BCĐ") == ("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và "
                                  "chuyển đổi số tỉnh", None)
    assert cited("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo 389, Công an tỉnh xây dựng", "12/KH-BCĐ") \
        == ("Ban Chỉ đạo 389", None)
    assert cited("Kế hoạch số 12/KH-BCĐ ngày 5/3/2025 của Ban Chỉ đạo", "12/KH-BCĐ") == \
        ("Ban Chỉ đạo", None)
    assert cited("Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo xây dựng thành phố thông minh tỉnh Gia "
                 "Lai, Sở Xây dựng", "12/KH-BCĐ") == (
        "Ban Chỉ đạo xây dựng thành phố thông minh tỉnh Gia Lai", None)
    assert cited("Kế hoạch số 12/KH-UBND ngày 5/3/2025 của UBND tỉnh", "12/KH-UBND") is None


# --- the Party committees of a province's agencies number on their own too ------------------

PARTY_AGENCY = """ĐẢNG BỘ TỈNH CÀ MAU
{body}
*
Số 05-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Cà Mau, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị năm 2026

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, {body_title} ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. {duty}
Cơ quan chủ trì: Văn phòng {body_title}.
Thời gian: Quý II/2026.

T/M {body}
BÍ THƯ
Lê Văn Cường
"""

CITING_AGENCY = """TỈNH ỦY CÀ MAU
Số 20-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Cà Mau, ngày 20 tháng 4 năm 2026

KẾ HOẠCH
Sơ kết việc thực hiện Nghị quyết số 57-NQ/TW

Thực hiện Kế hoạch số 05-KH/ĐU ngày 05/3/2026 của Đảng ủy UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Tổng hợp kết quả sơ kết của các đảng ủy trực thuộc.
Cơ quan chủ trì: Văn phòng Tỉnh ủy.
Thời gian: Tháng 6/2026.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Phạm Văn Dũng
"""


@pytest.mark.parametrize("form", FORMS)
def test_two_agency_party_committees_keep_their_own_05_kh_du(tmp_path, form):
    """"Đảng ủy UBND tỉnh" and "Đảng ủy các cơ quan Đảng tỉnh" both issue 05-KH/ĐU in
    2026: two plans with their own tasks, and a citation naming one reaches that one."""
    folder = tmp_path / "plans"
    folder.mkdir()
    bodies = {"ubnd": ("ĐẢNG ỦY UBND TỈNH", "Đảng ủy UBND tỉnh",
                       "Số hóa hồ sơ công việc của các sở, ngành."),
              "co-quan-dang": ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "Đảng ủy các cơ quan Đảng tỉnh",
                               "Tập huấn kỹ năng số cho cán bộ các ban đảng.")}
    for name, (body, title, duty) in bodies.items():
        text = PARTY_AGENCY.format(body=body, body_title=title, duty=duty)
        (folder / f"{name}.txt").write_text(unicodedata.normalize(form, text), encoding="utf-8")
    (folder / "tinh-uy.txt").write_text(unicodedata.normalize(form, CITING_AGENCY),
                                        encoding="utf-8")
    store = policykg.open_store(tmp_path / "kg.db")
    report = store.ingest([folder])
    assert report.plans == 3 and not report.replaced and not report.duplicates, report
    hits = stems_from(store, "57-NQ/TW")
    assert {fold(duty) for _, _, duty in bodies.values()} <= {fold(h.text) for h in hits}
    g = store.skeleton()
    with pytest.raises(AmbiguousReference):
        resolve_document(g, "05-KH/ĐU")  # two documents now: the committee tells them apart
    ubnd = next(n for n in g if n.startswith("doc:") and "dang-uy-ubnd-tinh:05-KH" in n)
    # its own duty, and the Provincial Committee's, which carries it out
    assert {fold(h.text) for h in stems_from(store, ubnd)} == {
        fold(bodies["ubnd"][2]), fold("Tổng hợp kết quả sơ kết của các đảng ủy trực thuộc.")}
