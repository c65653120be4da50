"""The fast folds give exactly what the folds they stand in for give, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders import charmap
from policykg.ontology.provinces import fold_aligned
from policykg.ontology.units import char_fold

_VIETNAMESE = "Nghị quyết số 36-NQ/TW “Đảng ủy” – Hòa/Hoà Thuỷ ĐĂNG KÝ Ðð\t№5 …"
_TEXT = st.text(alphabet=st.sampled_from(
    sorted(set(charmap._ALPHABET + _VIETNAMESE + "ǅ\u0301\u00a0\x00\x7fẞ€"))), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXT | st.text(max_size=30))
def test_fast_folds_equal_the_reference_folds(text):
    assert charmap.fold_aligned(text) == fold_aligned(text)
    assert charmap.char_fold(text) == char_fold(text)


def test_every_letter_of_the_alphabet_folds_as_the_reference_does():
    for char in charmap._ALPHABET:
        assert charmap.fold_aligned(char) == fold_aligned(char), char
        assert charmap.char_fold(char) == char_fold(char), char
    assert charmap.fold_aligned(_VIETNAMESE) == fold_aligned(_VIETNAMESE)
