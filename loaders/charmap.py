"""Length-keeping folds of Vietnamese text at C speed.

:func:`policykg.ontology.provinces.fold_aligned` and
:func:`policykg.ontology.units.char_fold` fold text one character at a time with
``str.translate``, which looks every non-ASCII character up in a Python mapping:
tens of nanoseconds a character, and the parser folds whole plans. Plans are written
in a small alphabet (ASCII, the 134 Vietnamese letters, a few dashes and quotes), so
here each character of that alphabet is given one byte of a charmap codec: the text
is encoded to those bytes and decoded through a table of their folds, two passes in
C, about ten times faster. Text with any other character goes to the original
function, so the result is always the same.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from policykg.ontology.provinces import fold_aligned as _fold_aligned
from policykg.ontology.units import char_fold as _char_fold

__all__ = ["fold_aligned", "char_fold"]

_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# Characters outside ASCII and the Vietnamese letters that plans use; a charmap has 255
# places besides NUL, so the rarer control characters are left out.
_PUNCTUATION = "–—“”‘’…•·°«»×≤≥§№Ðð"
_ALPHABET = "".join(dict.fromkeys(
    "\t\n\r" + "".join(map(chr, range(32, 127)))
    + _VIETNAMESE + _VIETNAMESE.upper() + _PUNCTUATION))
_UNMAPPED = "\ufffe"  # what a charmap table holds for a byte no character encodes to
_CODES = "\x00" + _ALPHABET + _UNMAPPED * (255 - len(_ALPHABET))
_ENCODING = codecs.charmap_build(_CODES)  # an EncodingMap: a C lookup, not a dict


def _decoder(fold: Callable[[str], str]) -> str:
    """The decoding table giving each byte the fold of the character it encodes."""
    folded = fold(_CODES[:len(_ALPHABET) + 1])
    assert len(folded) == len(_ALPHABET) + 1, "a fold that keeps length"
    return folded + _UNMAPPED * (255 - len(_ALPHABET))


_ALIGNED = _decoder(_fold_aligned)
_CHAR = _decoder(_char_fold)


def fold_aligned(text: str) -> str:
    """:func:`policykg.ontology.provinces.fold_aligned`, faster for text of plans."""
    try:
        encoded = codecs.charmap_encode(text, "strict", _ENCODING)[0]
    except UnicodeEncodeError:  # a character beyond the alphabet
        return _fold_aligned(text)
    return codecs.charmap_decode(encoded, "strict", _ALIGNED)[0]


def char_fold(text: str) -> str:
    """:func:`policykg.ontology.units.char_fold`, faster for text of plans."""
    if text.isascii():
        return text.lower()
    try:
        encoded = codecs.charmap_encode(text, "strict", _ENCODING)[0]
    except UnicodeEncodeError:
        return _char_fold(text)
    return codecs.charmap_decode(encoded, "strict", _CHAR)[0]
