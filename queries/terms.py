"""Vietnamese duty text → the informative terms that say what the work is.

Vietnamese words are mostly several syllables ("sở hữu trí tuệ"), so a duty is
described by syllable unigrams and bigrams taken within punctuation-bounded
segments, on :func:`canon` lower-case forms. Before that, abbreviations are
spelt out (SHTT, TXNG, TĐC, KH&CN …), and the words that would make any two
duties look alike are cut: place names, unit names, boilerplate verbs
("phối hợp", "tham mưu", "triển khai") and function words. A cut breaks the
segment, so no bigram bridges removed words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.ontology.normalize import canon, fold, nfc

__all__ = ["Lexicon", "TermBag", "content_terms", "default_lexicon"]

# Abbreviations inside duty text (matched case-sensitively as whole tokens) beyond
# those of ontology.units.
EXTRA_ABBREVIATIONS: dict[str, str] = {
    "TXNG": "truy xuất nguồn gốc", "KNĐMST": "khởi nghiệp đổi mới sáng tạo",
    "ĐMST": "đổi mới sáng tạo", "SHTT": "sở hữu trí tuệ", "CNSH": "công nghệ sinh học",
    "CNTT": "công nghệ thông tin", "CSDL": "cơ sở dữ liệu", "CCHC": "cải cách hành chính",
    "TĐC": "tiêu chuẩn đo lường chất lượng", "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học và công nghệ", "HTX": "hợp tác xã", "DN": "doanh nghiệp",
    "NSCL": "năng suất chất lượng", "CĐS": "chuyển đổi số", "TTHC": "thủ tục hành chính",
}

# Phrases that carry no subject matter: who does it, how it is organised, where.
BOILERPLATE: tuple[str, ...] = (
    "phối hợp", "tham mưu", "triển khai", "thực hiện", "chủ trì", "tổ chức", "cá nhân",
    "đơn vị", "liên quan", "cơ quan", "trên địa bàn tỉnh", "trên địa bàn", "địa bàn",
    "địa phương", "tăng cường", "đẩy mạnh", "tiếp tục", "theo quy định", "quy định",
    "hiệu quả", "lãnh đạo sở", "giám đốc sở", "lãnh đạo", "giám đốc", "trực thuộc sở",
    "thuộc sở", "trực thuộc", "các phòng", "theo dõi", "báo cáo", "định kỳ",
    "tổng hợp", "nhiệm vụ", "kế hoạch", "chương trình", "thời gian", "tình hình mới",
    "cụ thể", "chức năng", "thẩm quyền", "trong và ngoài tỉnh", "ngoài tỉnh", "trong tỉnh",
    "tích cực", "chủ động", "kịp thời", "đảm bảo", "bảo đảm", "góp phần", "nhằm",
    "thông qua", "trong đó", "ưu tiên", "khuyến khích", "tạo điều kiện", "thuận lợi",
    "đề xuất", "đầu mối", "làm đầu mối", "giúp", "đôn đốc", "đơn đốc", "giám sát",
    "tiến hành", "kiểm tra tiến độ", "tiến độ", "nội dung", "giải pháp", "cơ chế",
    "chính sách", "hàng năm", "thường xuyên", "giai đoạn", "đến năm", "năm", "ngày",
    "tháng", "quý", "ký hiệu", "văn bản", "nghị quyết", "quyết định", "kết luận",
    "chỉ thị", "thông báo", "công văn", "ubnd", "ủy ban nhân dân", "tỉnh ủy",
    "ban thường vụ", "trung tâm", "chi cục", "cấp huyện", "các sở", "người lao động",
    "công chức", "viên chức", "cán bộ", "trách nhiệm", "có trách nhiệm", "căn cứ", "gửi",
    "trưởng phòng", "trưởng các phòng", "trưởng", "chỉ đạo", "điều hành", "yêu cầu",
    "nghiêm túc", "bám sát", "vướng mắc", "khó khăn", "tháo gỡ", "theo yêu cầu",
)

# Function words: cut wherever they stand.
STOP_SYLLABLES: frozenset[str] = frozenset(
    "và của cho với trong các những được để theo tại trên đến là này đã như một việc "
    "thì hoặc cũng vào nhất đó khi sau trước nhiều ít đây ấy rõ từng mọi gồm "
    "nếu còn thêm vừa đang sẽ phải cần có không rất hơn lại nên vì tỉnh huyện về đối "
    "mình".split()
)

# Generic but not empty: they count, a third as much.
WEAK: frozenset[str] = frozenset({
    "hỗ trợ", "hướng dẫn", "xây dựng", "nâng cao", "phát triển", "hoạt động", "công tác",
    "sản phẩm", "doanh nghiệp", "hàng hóa", "người dân", "tuyên truyền", "phổ biến",
    "thông tin", "kết quả", "áp dụng", "ứng dụng", "hội", "nêu", "ngành", "làm", "việc",
})
# Every syllable of a weak phrase is weak on its own.
WEAK_SYLLABLES: frozenset[str] = frozenset(w for phrase in WEAK for w in phrase.split())
WEAK_FACTOR = 1 / 3
UNIGRAM_FACTOR = 0.5

# Words that start a unit's name; a capitalised one followed by capitalised words is a unit.
UNIT_HEADS: tuple[str, ...] = (
    "sở", "phòng", "chi cục", "trung tâm", "cục", "bộ", "ban", "hội", "viện", "trường",
    "liên minh", "hiệp hội", "công an", "tỉnh đoàn", "ủy ban", "văn phòng", "thanh tra",
    "hội đồng", "câu lạc bộ", "clb", "đoàn", "tổng cục", "liên hiệp",
)
# Partners named in duty text without being a task's unit.
PARTNERS: tuple[str, ...] = (
    "hội nông dân", "hội liên hiệp phụ nữ", "tỉnh đoàn", "đoàn thanh niên", "công an tỉnh",
    "liên minh hợp tác xã", "liên minh các hợp tác xã", "hiệp hội doanh nghiệp",
    "ban quản lý các khu công nghiệp", "cục thống kê", "cục quản lý thị trường",
    "sở khoa học và công nghệ", "bộ khoa học và công nghệ", "sở công thương",
    "sở nông nghiệp và phát triển nông thôn", "sở kế hoạch và đầu tư", "sở nội vụ",
    "sở thông tin và truyền thông", "sở văn hóa thể thao và du lịch", "cục trồng trọt",
    "ủy ban nhân dân", "ubnd", "bch hội nông dân", "ban chỉ đạo",
)
PLACE_MARKERS: tuple[str, ...] = ("tỉnh", "huyện", "xã", "thành phố", "thị xã", "tp", "quận",
                                  "phường", "thôn", "bản", "làng")

_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*|[^\w\s]")
_YEARISH = re.compile(r"^(?:19|20)\d\d$")


@lru_cache(maxsize=100_000)
def _lower(text: str) -> str:
    """Lower-case canon form of one token (cached: the syllable vocabulary is small)."""
    return canon(text).lower()


def _words(text: str) -> tuple[str, ...]:
    return tuple(t for t in _TOKEN.findall(_lower(text)) if t[0].isalnum())


@dataclass
class Lexicon:
    """Phrases to cut from duty text, as tuples of lower-case canon syllables."""

    cut: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word → phrases
    places: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # capitalised only

    def add(self, phrases: Iterable[str], *, place: bool = False) -> None:
        table = self.places if place else self.cut
        for phrase in phrases:
            words = _words(phrase)
            if words:
                table.setdefault(words[0], []).append(words)
        for bucket in table.values():
            bucket.sort(key=len, reverse=True)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """Boilerplate, partners, official unit names and every province and district name."""
    lex = Lexicon()
    lex.add(BOILERPLATE)
    lex.add(PARTNERS)
    lex.add(_ontology_unit_names())
    lex.add(_ontology_place_names(), place=True)
    return lex


def _ontology_unit_names() -> list[str]:
    try:
        from policykg.ontology.units import official_names
        return list(official_names())
    except Exception:  # the vocabulary is optional: the graph's own unit names still count
        return []


def _ontology_place_names() -> list[str]:
    try:
        from policykg.ontology.provinces import DISTRICTS, all_provinces
    except Exception:  # without the table, "tỉnh X" markers still cut place names
        return []
    names = [n for p in all_provinces() for n in (p.name, *p.aliases)]
    names += [d for districts in DISTRICTS.values() for d in districts]
    return names


def lexicon_for(unit_names: Iterable[str], place_names: Iterable[str] = ()) -> Lexicon:
    """The default lexicon plus the unit and place names of one graph."""
    base = default_lexicon()
    lex = Lexicon({k: list(v) for k, v in base.cut.items()},
                  {k: list(v) for k, v in base.places.items()})
    lex.add(unit_names)
    lex.add(place_names, place=True)
    return lex


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        from policykg.ontology.units import ABBREVIATIONS
        table.update({a: b for a, b in ABBREVIATIONS if " " not in a and "," not in a})
    except Exception:  # fall back on the table above
        pass
    table.update(EXTRA_ABBREVIATIONS)
    return {nfc(k): v for k, v in table.items()}


@dataclass
class TermBag:
    """The terms of one text: counts, the kept runs of words, and those words folded."""

    counts: Counter[str]
    content: str  # kept words, folded, for character n-grams
    runs: list[list[tuple[str, str]]] = field(default_factory=list)  # (term form, display)

    def shown(self, term: str) -> str:
        """How ``term`` (a unigram or bigram) was written in the text."""
        words = term.split(" ")
        for run in self.runs:
            forms = [w for w, _ in run]
            for i in range(len(forms) - len(words) + 1):
                if forms[i:i + len(words)] == words:
                    return " ".join(d for _, d in run[i:i + len(words)])
        return term


def _tokens(text: str) -> list[str]:
    """Tokens of ``text`` (original case) with abbreviations spelt out."""
    abbreviations = _abbreviations()
    out: list[str] = []
    for token in _TOKEN.findall(nfc(text)):
        expansion = abbreviations.get(token)
        if expansion and sum(ch.isupper() for ch in token) >= 2:
            out.extend(_TOKEN.findall(expansion))
        else:
            out.append(token)
    return out


def _match(table: dict[str, list[tuple[str, ...]]], low: list[str], i: int) -> int:
    for phrase in table.get(low[i], ()):
        n = len(phrase)
        if tuple(low[i:i + n]) == phrase:
            return n
    return 0


def _capital_run(tokens: list[str], i: int) -> int:
    """Length of the run of capitalised words starting at ``i`` (``và`` may join two)."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok[:1].isupper() and tok[:1].isalpha():
            j += 1
        elif tok == "và" and j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and j > i:
            j += 1
        else:
            break
    return j - i


def _by_first_word(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((_words(p) for p in phrases), key=len, reverse=True):
        table.setdefault(words[0], []).append(words)
    return table


_HEADS = _by_first_word(UNIT_HEADS)
_MARKERS = _by_first_word(PLACE_MARKERS)


def segments(text: str, lexicon: Lexicon) -> list[list[tuple[str, str]]]:
    """Runs of kept words as (lower-case canon, display) pairs; cuts split runs."""
    tokens = _tokens(text)
    low = [_lower(t) for t in tokens]
    runs: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        skip = 0
        tok = tokens[i]
        if not tok[0].isalnum():
            skip = 1
        else:
            skip = _match(lexicon.cut, low, i)
            if tok[:1].isupper():
                head = _match(_HEADS, low, i) or _match(_MARKERS, low, i)
                rest = _capital_run(tokens, i + head) if head else 0
                skip = max(skip, head + rest if rest else 0, _match(lexicon.places, low, i))
        if not skip and (low[i] in STOP_SYLLABLES or _dull_number(low[i])):
            skip = 1
        if skip:
            if run:
                runs.append(run)
            run = []
            i += skip
            continue
        run.append((low[i], tok.lower()))
        i += 1
    if run:
        runs.append(run)
    return runs


def _dull_number(word: str) -> bool:
    return word.isdigit() and (len(word) <= 2 or bool(_YEARISH.match(word)))


def content_terms(text: str, lexicon: Lexicon | None = None) -> TermBag:
    """Unigram and bigram terms of ``text`` with display forms (see module doc)."""
    lexicon = lexicon or default_lexicon()
    counts: Counter[str] = Counter()
    kept: list[str] = []
    runs = segments(text, lexicon)
    for run in runs:
        words = [w for w, _ in run]
        kept.append(" ".join(_fold_word(w) for w in words))
        counts.update(words)
        counts.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return TermBag(counts, " | ".join(kept), runs)


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=200_000)
def term_factor(term: str) -> float:
    """How much a term's kind counts: bigrams fully, unigrams half, weak words a third."""
    factor = UNIGRAM_FACTOR if " " not in term else 1.0
    if term in WEAK or all(part in WEAK_SYLLABLES for part in term.split(" ")):
        factor *= WEAK_FACTOR
    return factor
