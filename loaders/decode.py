"""Bytes → text for Vietnamese documents, without silent mojibake.

Plans arrive as UTF-8 (with or without BOM), UTF-16 (often from Word's
"Unicode text"), Windows-1258, and — from older offices — the legacy font
encodings TCVN3 (ABC, ``.VnTime``) and VNI, whose bytes decode "fine" as
Windows-1252 but read as ``KÕ ho¹ch`` / ``Keá hoaïch``. Text converted twice
carries UTF-8 mojibake (``Káº¿ hoáº¡ch``); text pasted together from two
sources may be UTF-8 with a few Windows-1252 bytes (Word's curly quotes).
:func:`decode_bytes` picks the encoding that yields clean Vietnamese, repairs
what can be repaired exactly (TCVN3 is a single-byte map, mojibake is
reversible), and raises :class:`LoadError` rather than return garbage.
:func:`repair_text` applies the same checks to text that readers got as ``str``
(Word runs in a ``.VnTime`` font, a web page saved through the wrong code page).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

from policykg.loaders.model import LoadError

__all__ = ["decode_bytes", "repair_text", "vietnamese_score"]

# --- what Vietnamese looks like ------------------------------------------------

_TONES = "\u0300\u0301\u0309\u0303\u0323"
_BASES = "aăâeêioôơuưy"


def _vietnamese_letters() -> frozenset[str]:
    """Every precomposed letter with a Vietnamese diacritic, both cases."""
    letters = set("ăâêôơưđ")
    for base in _BASES:
        for tone in _TONES:
            letters.add(unicodedata.normalize("NFC", base + tone))
    letters |= {ch.upper() for ch in letters}
    return frozenset(letters)


VIETNAMESE_LETTERS = _vietnamese_letters()
# Symbols a real plan may use that sit between U+0080 and U+1FFF.
_PLAIN_SYMBOLS = frozenset("\u00a0\u00ad°±«»·×§©®²³½¼¾µ")


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


_TONED = frozenset(
    c for c in VIETNAMESE_LETTERS if any(t in unicodedata.normalize("NFD", c) for t in _TONES)
)
_VIETNAMESE_CHAR = re.compile(f"[{_char_class(VIETNAMESE_LETTERS)}]")
# Anything between U+0080 and U+1FFF that is neither a Vietnamese letter nor a
# symbol a plan may use: Latin-1 debris, other alphabets, stray combining marks.
_ODD_CHAR = re.compile(
    f"[^\\x00-\\x7f\\u2000-\\U0010ffff{_char_class(VIETNAMESE_LETTERS | _PLAIN_SYMBOLS)}]"
)
_TONED_CHAR = f"[{_char_class(_TONED)}]"
_TWO_TONES = re.compile(
    f"(?<![^\\W\\d_])[^\\W\\d_]*?{_TONED_CHAR}[^\\W\\d_]*?{_TONED_CHAR}"
)


def vietnamese_score(text: str) -> tuple[int, int]:
    """``(vietnamese letters, odd characters)`` in NFC ``text``.

    Odd characters are letters and symbols between U+0080 and U+1FFF that
    Vietnamese does not use: the trace of a wrong code page (Latin-1 debris),
    or letters of another alphabet.
    """
    return len(_VIETNAMESE_CHAR.findall(text)), len(_ODD_CHAR.findall(text))


def _bad_syllables(text: str) -> int:
    """Words (NFC) carrying two tone marks: impossible in Vietnamese."""
    return len(_TWO_TONES.findall(text))


def _looks_clean(text: str, *, syllables: bool = False) -> bool:
    """Few odd characters (and, for ``syllables``, few impossible syllables)."""
    text = unicodedata.normalize("NFC", text)
    odd = len(_ODD_CHAR.findall(text))
    # Counting the Vietnamese letters costs several times more than finding odd ones, and
    # two odd characters are allowed whatever the count: count them only when it decides.
    if odd > 2 and odd > len(_VIETNAMESE_CHAR.findall(text)) // 50:
        return False
    if not syllables:
        return True
    return _bad_syllables(text) <= max(1, len(_WORD.findall(text)) // 100)


# --- TCVN3 (ABC) ---------------------------------------------------------------

# TCVN 5712:1993 "VN3": one byte per letter, lower-case letters only (capitals
# with tone marks come from the separate ``.VnTimeH`` font, which draws the
# same bytes as capitals).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# How a TCVN3 byte shows once some program read it as Windows-1252 / Latin-1.
_CP1252_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _CP1252_BYTE.setdefault(bytes([_b]).decode("latin-1"), _b)
    try:
        _CP1252_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass

# Characters that TCVN3 text read through cp1252 is full of (à ả ã á ạ ă â ê ô ơ
# đ ư …) and that VNI text never produces.
_TCVN3_SIGNS = re.compile("[\u00a1-\u00ae\u00a7\u00b5-\u00b9\u00bb-\u00be\u00d7\u00de\u00df]")


def _tcvn3_from_bytes(data: bytes) -> str:
    """Decode TCVN3 bytes; bytes outside the table fall back to Windows-1252."""
    out = []
    for b in data:
        if b < 0x80:
            out.append(chr(b))
        elif b in TCVN3:
            out.append(TCVN3[b])
        else:
            out.append(bytes([b]).decode("cp1252", errors="replace"))
    return _fix_vntimeh_caps("".join(out))


def _tcvn3_from_text(text: str) -> str | None:
    """Convert TCVN3 that was read as Windows-1252; None if not possible."""
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        b = _CP1252_BYTE.get(ch)
        if b is not None and b in TCVN3:
            out.append(TCVN3[b])
        elif ch in "“”‘’–—…•\u00a0":
            out.append(ch)
        else:
            return None
    return _fix_vntimeh_caps("".join(out))


_WORD = re.compile(r"[^\W\d_]+")


def _fix_vntimeh_caps(text: str) -> str:
    """``KÕ HO¹CH`` → ``KẾ HOẠCH``, not ``Kế HOạCH``: capitals typed in ``.VnTimeH``.

    TCVN3 has no capitals with tone marks; the ``.VnTimeH`` font draws the
    lower-case bytes as capitals. A word whose ASCII letters are two or more
    capitals was typed so; so was a one-capital word (``KÕ``) next to such a word
    that has Vietnamese letters. ``Số: 19/KH`` stays as it is.
    """
    return "\n".join(_fix_caps_line(line) for line in text.split("\n"))


def _fix_caps_line(line: str) -> str:
    words = list(_WORD.finditer(line))
    if not words:
        return line
    ascii_caps = [[c for c in m.group(0) if c.isascii()] for m in words]
    upper = [len(a) >= 2 and all(c.isupper() for c in a) for a in ascii_caps]
    mixed = [u and not m.group(0).isascii() for u, m in zip(upper, words, strict=True)]
    for k, (m, letters) in enumerate(zip(words, ascii_caps, strict=True)):
        if len(letters) == 1 and letters[0].isupper() and not m.group(0).isascii():
            upper[k] = (k > 0 and mixed[k - 1]) or (k + 1 < len(words) and mixed[k + 1])
    out, last = [], 0
    for m, up in zip(words, upper, strict=True):
        out.append(line[last:m.start()])
        out.append(m.group(0).upper() if up else m.group(0))
        last = m.end()
    out.append(line[last:])
    return "".join(out)


# --- VNI -----------------------------------------------------------------------

# VNI-Windows writes a base letter followed by a mark byte: "Keá hoaïch",
# "Vieät Nam", "Ñaûng". Read through cp1252 those pairs are a vowel followed by
# one of these characters.
_VNI_PAIR = re.compile(r"[aeiouyAEIOUYôÔöÖ][øùûõïâáàåãäéèúüëæòóñ]")
_VNI_D = re.compile(r"(?<![^\W\d_])[ñÑ][aeiouôöAEIOUÔÖ]")


_VNI_REFUSAL = (
    "text is in the legacy VNI font encoding (e.g. 'Keá hoaïch'); convert it to "
    "Unicode (Unikey's converter: VNI Windows → Unicode) and load it again"
)


def _looks_vni(text: str) -> bool:
    words = len(_WORD.findall(text)) or 1
    hits = len(_VNI_PAIR.findall(text)) + len(_VNI_D.findall(text))
    return hits >= 3 and hits > words * 0.05 and not _looks_tcvn3(text)


def _looks_tcvn3(text: str) -> bool:
    signs = len(_TCVN3_SIGNS.findall(text))
    words = len(_WORD.findall(text)) or 1
    return signs >= 3 and signs > words * 0.05


# --- UTF-8 read as Windows-1252 / Latin-1 ("Káº¿ hoáº¡ch") ------------------------

# A UTF-8 lead byte shown as Latin-1 (Ã Ä Å Æ á â …) followed by continuation
# bytes shown as cp1252/Latin-1 characters.
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}"
)


_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][{_CONT}]")


def _to_cp1252_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        b = _CP1252_BYTE.get(ch)
        if b is None:
            if ord(ch) < 0x100:
                b = ord(ch)
            else:
                return None
        out.append(b)
    return bytes(out)


def _repair_mojibake(text: str) -> tuple[str, int, int]:
    """Undo UTF-8-read-as-cp1252 runs; returns (text, runs found, runs fixed)."""
    found = fixed = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal found, fixed
        found += 1
        raw = _to_cp1252_bytes(m.group(0))
        if raw is None:
            return m.group(0)
        try:
            repaired = raw.decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)
        fixed += 1
        return repaired

    return _MOJIBAKE.sub(fix, text), found, fixed


# --- text that came as str -----------------------------------------------------


def repair_text(text: str, path: str = "<text>") -> tuple[str, str | None]:
    """Check decoded text for legacy-font and mojibake traces.

    Returns the (possibly repaired) text and a note naming the repair
    (``"tcvn3"``, ``"mojibake"``) or None. Raises :class:`LoadError` for text
    that is plainly in VNI or in an unrepairable mix.
    """
    if not text or text.isascii():
        return text, None
    if _MOJIBAKE_HINT.search(text) and _MOJIBAKE.search(text):
        repaired, found, fixed = _repair_mojibake(text)
        if found >= 2 and fixed * 10 >= found * 9 and _looks_clean(repaired):
            return repaired, "mojibake"
        if found >= 5 and not _looks_clean(text):
            raise LoadError(
                path,
                "text looks like UTF-8 read as Windows-1252 (mojibake such as 'Ã¡' or "
                "'áº¿') and could not be repaired cleanly",
            )
    if _looks_clean(text):
        return text, None
    if _looks_tcvn3(text):
        converted = _tcvn3_from_text(text)
        if converted is not None and _looks_clean(converted):
            return converted, "tcvn3"
    if _looks_vni(text):
        raise LoadError(path, _VNI_REFUSAL)
    if _looks_tcvn3(text):
        raise LoadError(
            path,
            "text looks like the legacy TCVN3 (ABC) font encoding but does not convert "
            "cleanly; convert it to Unicode and load it again",
        )
    return text, None


# --- bytes ---------------------------------------------------------------------

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_BOM_NAMES = {
    "utf-8-sig": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
    "utf-32-le": "utf-32", "utf-32-be": "utf-32",
}
_CONTROL_OK = frozenset(b"\t\n\r\x0b\x0c\x1a")  # tab, newlines, page break, DOS EOF
_CONTROL_BAD = bytes(b for b in range(0x20) if b not in _CONTROL_OK)  # counted by deleting


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NUL pattern says so."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:65536]
    if 0 in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BAD))
    return controls > max(2, len(sample) // 200)


def _decode_unicode(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise LoadError(path, f"invalid {codec.upper()} text at byte {err.start}") from None


def decode_bytes(
    data: bytes, path: str = "<bytes>", declared: str | None = None
) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding name)``.

    ``declared`` is an encoding the container states (an HTML ``<meta charset>``);
    it is tried when the bytes are not UTF-8. The text is NFC-normalised (cp1258
    writes tone marks as combining characters). Raises :class:`LoadError` for
    binary data and for text whose encoding cannot be told without guessing.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data, codec, path)
            if codec != "utf-8-sig":
                text = text.lstrip("\ufeff")
            return _finish(text, _BOM_NAMES[codec], path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _finish(data.decode(utf16), "utf-16", path)
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise LoadError(path, "binary file, not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        return _finish(mixed, "utf-8+cp1252", path)
    return _decode_legacy(data, path, declared)


# UTF-8 text pasted together with a few bytes of Windows-1252 (Word's curly quotes and
# dashes: 0x91-0x97) is UTF-8 with those bytes read as Windows-1252; at most this share
# of the non-ASCII characters may be such bytes.
_STRAY_SHARE = 0.02
_STRAY_MIN = 3
_SURROGATE = re.compile("[\udc80-\udcff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 text with a few stray Windows-1252 bytes, those bytes read as such; None
    when the bytes are not mostly UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_SURROGATE.findall(text))
    # non-ASCII letters, counted from the bytes at C speed (2-3 bytes each in UTF-8)
    wide = (len(data) - len(data.translate(None, _HIGH_BYTES)) - stray) // 3
    if wide <= 0 or stray > max(_STRAY_MIN, _STRAY_SHARE * wide):
        return None

    def as_cp1252(m: re.Match[str]) -> str:
        byte = bytes([ord(m.group(0)) - 0xDC00])
        return byte.decode("cp1252", errors="replace").replace("\ufffd", "")

    text = _SURROGATE.sub(as_cp1252, text)
    return text if _looks_clean(unicodedata.normalize("NFC", text), syllables=True) else None


def _finish(text: str, encoding: str, path: str) -> tuple[str, str]:
    text = unicodedata.normalize("NFC", text)
    repaired, note = repair_text(text, path)
    if note:
        encoding = f"{encoding}+{note}"
    return repaired, encoding


def _decode_legacy(data: bytes, path: str, declared: str | None) -> tuple[str, str]:
    """Single-byte text: Windows-1258 (or the declared code page), TCVN3; VNI refused."""
    codecs_to_try = ["cp1258"]
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "cp1258"):
            codecs_to_try.insert(0, codec)
    fallback: tuple[str, str] | None = None
    for codec in codecs_to_try:
        try:
            text = unicodedata.normalize("NFC", data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_clean(text, syllables=True):
            if vietnamese_score(text)[0] > 0:
                return text, codec
            fallback = fallback or (text, codec)
    as_1252 = data.decode("cp1252", errors="replace")
    if _looks_tcvn3(as_1252):
        text = unicodedata.normalize("NFC", _tcvn3_from_bytes(data))
        if _looks_clean(text, syllables=True):
            return text, "tcvn3"
    if _looks_vni(as_1252):
        raise LoadError(path, _VNI_REFUSAL)
    if fallback is not None:
        return fallback
    raise LoadError(
        path,
        "cannot tell the text encoding (not UTF-8, UTF-16, Windows-1258 or TCVN3); "
        "save the file as UTF-8",
    )
