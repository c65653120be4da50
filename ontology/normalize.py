"""Normal forms of Vietnamese text for comparison.

Text keeps its original spelling for display and provenance; comparisons use
these normal forms instead:

- :func:`nfc` composes NFD input, so ``"Hòa"`` typed either way is one string.
- :func:`canon` also moves every tone mark to one place (``hoà`` → ``hòa``,
  ``thuỷ`` → ``thủy``): the two tone-placement conventions are not equal under
  any Unicode normal form.
- :func:`fold` drops all diacritics, lower-cases and collapses spaces, for
  matching what users type without diacritics (``"nghi quyet 36"``).

>>> canon("Hoà Bình") == canon("Hòa Bình")
True
>>> fold("Nghị quyết số 36-NQ/TW")
'nghi quyet so 36-nq/tw'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["nfc", "is_nfc", "canon", "fold", "slug", "squash_spaces"]

# Combining tone marks: grave, acute, hook above, tilde, dot below.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Combining vowel-quality marks: circumflex, breve, horn.
_QUALITY = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aeiouyAEIOUY")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Characters that are spaces or invisible in practice and should not split or
# join words differently from a plain space.
_SPACE_LIKE = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u3000": " ", "\t": " ", "\u200b": "", "\u200c": "", "\u200d": "",
    "\ufeff": "", "\u00ad": "",
}
# The same characters as one regex: substituting the few that occur is far faster than
# str.translate, which looks every character of non-ASCII text up in a Python dict.
_SPACE_LIKE_RE = re.compile("[" + "".join(_SPACE_LIKE) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Combining marks of Latin text (the grapheme joiner U+034F is not one: class 0).
_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")
# Any character beyond ASCII other than those marks (odd spaces, zero-width characters,
# letters of other scripts): the text needs the general path of fold().
_NOT_LATIN_MARK = re.compile("[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


def _plain_space(match: re.Match[str]) -> str:
    return _SPACE_LIKE[match.group(0)]


def nfc(text: str) -> str:
    """Compose ``text`` to NFC and turn odd spaces into plain ones."""
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    # Every space-like character is unprintable: printable text needs no regex scan.
    if not text.isprintable() and _SPACE_LIKE_RE.search(text):
        text = _SPACE_LIKE_RE.sub(_plain_space, text)
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    """True when :func:`nfc` leaves ``text`` as it is; one check for a whole document is far
    cheaper than normalising it line by line."""
    if text.isascii():
        return "\t" not in text
    return ((text.isprintable() or _SPACE_LIKE_RE.search(text) is None)
            and unicodedata.is_normalized("NFC", text))


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    # Every whitespace character but the plain space is unprintable, so printable text with
    # no double space and plain ends is already squashed: two C scans instead of a split.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    # str.split() and the regex \s agree on what is whitespace; split is several times faster
    return " ".join(text.split())


@lru_cache(maxsize=1 << 15)
def _place_tone(word: str) -> str:
    """Return ``word`` (one syllable) with its tone mark on the canonical vowel.

    The convention is the one most government documents use: a vowel carrying
    a quality mark takes the tone (``ê``, ``ơ``, ``â`` …; ``ươ`` → ``ơ``); else
    a syllable with a final consonant puts it on the last vowel (``hoàn``);
    else three vowels put it on the middle one (``ngoài``) and two on the
    first (``hòa``, ``thủy``, ``múa``).
    """
    decomposed = unicodedata.normalize("NFD", word)
    # Split into base letters, each with its list of combining marks.
    letters: list[list[str]] = []
    tone = ""
    for ch in decomposed:
        if ch in _TONES:
            tone = ch
        elif unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    if not tone:
        return word
    bases = [group[0] for group in letters]
    vowel_idx = [i for i, b in enumerate(bases) if b in _VOWELS]
    if not vowel_idx:
        return word
    # The vowel cluster is the first run of consecutive vowels.
    start = vowel_idx[0]
    end = start
    while end + 1 < len(bases) and bases[end + 1] in _VOWELS:
        end += 1
    lower = [b.lower() for b in bases]
    # "qu" and "gi" (before another vowel) are onsets, not part of the nucleus.
    if start > 0 and lower[start - 1] == "q" and lower[start] == "u" and end > start:
        start += 1
    elif (start > 0 and lower[start - 1] == "g" and lower[start] == "i" and end > start
          and len(letters[start]) == 1):
        start += 1
    cluster = list(range(start, end + 1))
    has_final = end + 1 < len(bases)
    marked = [i for i in cluster if any(m in _QUALITY for m in letters[i][1:])]
    if marked:
        target = marked[-1]
    elif has_final:
        target = cluster[-1]
    elif len(cluster) >= 3:
        target = cluster[1]
    else:
        target = cluster[0]
    letters[target].append(tone)
    return unicodedata.normalize("NFC", "".join("".join(g) for g in letters))


def canon(text: str) -> str:
    """NFC with one tone-placement convention: the form used to compare text."""
    text = nfc(text)
    if text.isascii():  # no tone marks
        return text
    return _WORD.sub(lambda m: _place_tone(m.group(0)), text)


def _drop_combining(match: re.Match[str]) -> str:
    return "".join(ch for ch in match.group(0) if not unicodedata.combining(ch))


def _without_marks(text: str) -> str:
    """``text`` (not ASCII) decomposed, with "đ" as "d" and every combining mark removed."""
    plain = text.replace("đ", "d").replace("Đ", "d") if "đ" in text or "Đ" in text else text
    decomposed = unicodedata.normalize("NFD", plain)  # NFD of the NFC form is the same
    if _NOT_LATIN_MARK.search(decomposed) is None:
        # Vietnamese: only Latin marks are left beyond ASCII, and dropping every non-ASCII
        # character at C speed drops exactly them.
        return decomposed.encode("ascii", "ignore").decode("ascii")
    text = nfc(text)
    if "đ" in text or "Đ" in text:
        text = text.replace("đ", "d").replace("Đ", "d")
    text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    if not text.isascii():  # marks of other scripts
        text = _NON_ASCII.sub(_drop_combining, text)
    return text


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ``text`` with every diacritic removed and spaces collapsed.

    Cached: the parser folds the same headings, labels and unit names again and again.
    """
    if not text.isascii():
        text = _without_marks(text)
    elif "\t" in text:
        text = text.replace("\t", " ")
    return squash_spaces(text.lower())


def slug(text: str) -> str:
    """An ASCII identifier fragment: ``"Tây Ninh"`` → ``"tay-ninh"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
