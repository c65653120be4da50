"""Provinces before and after 1 July 2025, aliases, and district evidence."""

from __future__ import annotations

import pytest

from policykg.ontology.provinces import (
    DISTRICTS,
    PROVINCES_2024,
    PROVINCES_2025,
    current_province,
    find_districts,
    find_province,
    find_provinces,
    province,
)


def test_63_before_and_34_after():
    assert len(PROVINCES_2024) == 63
    assert len({p.name for p in PROVINCES_2024}) == 63
    assert len(PROVINCES_2025) == 34
    assert sum(p.kind == "thành phố" for p in PROVINCES_2025) == 6


def test_every_old_province_maps_to_one_of_the_34():
    new_names = {p.name for p in PROVINCES_2025}
    for p in PROVINCES_2024:
        assert p.current in new_names, p.name
    assert {p.current for p in PROVINCES_2024} == new_names


def test_the_34_are_their_own_current():
    for p in PROVINCES_2025:
        assert current_province(p.name) == p.name


@pytest.mark.parametrize("old, new", [
    ("Gia Lai", "Gia Lai"), ("Bình Định", "Gia Lai"), ("Tây Ninh", "Tây Ninh"),
    ("Long An", "Tây Ninh"), ("Bắc Giang", "Bắc Ninh"), ("Bắc Ninh", "Bắc Ninh"),
    ("Đắk Lắk", "Đắk Lắk"), ("Phú Yên", "Đắk Lắk"), ("Lạng Sơn", "Lạng Sơn"),
    ("Quảng Ninh", "Quảng Ninh"), ("Hà Giang", "Tuyên Quang"), ("Hải Dương", "Hải Phòng"),
    ("Quảng Nam", "Đà Nẵng"), ("Kon Tum", "Quảng Ngãi"), ("Bình Dương", "Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Thừa Thiên Huế", "Huế"), ("Hà Nam", "Ninh Bình"),
    ("Sóc Trăng", "Cần Thơ"), ("Kiên Giang", "An Giang"), ("Bạc Liêu", "Cà Mau"),
])
def test_merger_examples(old, new):
    assert current_province(old) == new


@pytest.mark.parametrize("written, name", [
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("Đắc Lắc", "Đắk Lắk"),
    ("tỉnh Thừa Thiên - Huế", "Thừa Thiên Huế"), ("thanh hoa", "Thanh Hóa"),
    ("Thanh Hoá", "Thanh Hóa"), ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
])
def test_aliases_and_spellings(written, name):
    p = province(written)
    assert p is not None and p.name == name


def test_find_province_prefers_the_named_province_and_keeps_the_words():
    m = find_province("BCH Hội nông dân tỉnh Gia Lai về dự kiến")
    assert m is not None and m.province.name == "Gia Lai" and m.text == "tỉnh Gia Lai"


def test_ordinary_words_are_not_provinces():
    assert find_provinces("xây dựng nền hòa bình, ổn định") == []
    assert find_provinces("Tỉnh Đoàn TNCS Hồ Chí Minh") == []
    assert [m.province.name for m in find_provinces("tại TP. Hồ Chí Minh")] == ["Hồ Chí Minh"]


def test_nfd_input_matches():
    import unicodedata

    m = find_province(unicodedata.normalize("NFD", "trên địa bàn tỉnh Lạng Sơn"))
    assert m is not None and m.province.name == "Lạng Sơn"


def test_district_names_give_their_province():
    found = {(name, p.name) for name, p, _ in find_districts(
        "làm việc với huyện Ia Grai và Đức Cơ; huyện Hữu Lũng, Chi Lăng")}
    assert found == {("Ia Grai", "Gia Lai"), ("Đức Cơ", "Gia Lai"), ("Hữu Lũng", "Lạng Sơn"),
                     ("Chi Lăng", "Lạng Sơn")}


def test_districts_differing_only_in_diacritics_are_told_apart():
    assert [p.name for _, p, _ in find_districts("huyện Phù Mỹ")] == ["Bình Định"]
    assert [p.name for _, p, _ in find_districts("thị xã Phú Mỹ")] == ["Bà Rịa - Vũng Tàu"]


def test_district_table_is_unambiguous():
    seen: dict[str, str] = {}
    for prov, names in DISTRICTS.items():
        assert province(prov) is not None, prov
        for n in names:
            assert n not in seen, f"{n} in {seen.get(n)} and {prov}"
            assert province(n) is None, f"{n} is also a province name"
            seen[n] = prov
