"""Deadlines and numeric targets read from task text.

Deadlines are kept as written and given a normalised form where one can be
read (domain notes §6): "Thường xuyên" → ongoing, "Hàng năm" → yearly,
"cả năm 2024" → 2024–2024, "Dự kiến 2024-2026" → 2024–2026, "Bắt đầu từ năm
2025" → from 2025, "trước ngày 30/11 hàng năm" → yearly on ``--11-30``,
"Tháng 12 năm 2024" → ``2024-12``, "từ tháng 10 đến tháng 3/2026" → 2025–2026 ending
``2026-03``; a period written without its year ("Quý II" under a heading or marked in a
table's column) is read in the year its plan is about. "Định kỳ 6 tháng/lần" → half-yearly;
a duty naming two periods gets the shorter ("báo cáo 6 tháng và năm", "Định kỳ 6 tháng, hằng
năm" → half-yearly: a unit plans for every half year). A yearly duty in a part of every year
keeps that part's month as partial ISO: "Quý I hằng năm" → yearly on ``--03``, "6 tháng đầu
năm hằng năm" → ``--06``. Report dates recur as often as they fall: "trước ngày 20 hằng
tháng" monthly, "trước ngày 15 tháng cuối quý" and "trước ngày 10 của tháng đầu quý" quarterly,
"trước ngày 15/6 và 15/12 hằng năm" half-yearly from the first of them (``--06-15``: due in
June and December), "Quý IV/2026 và hằng năm" yearly from 2026 on ``--12``. Two times of one
year fall due by the last, as a span does: "Tháng 6/2026 và tháng 12/2026" →
``2026-12``, "30/6/2026 và 31/12/2026" → ``2026-12-31``, in prose too ("hoàn thành trong quý
II/2026 và quý IV/2026"): a deadline holds one date, so ``due`` lists such a duty by its last
time. "30.6.2026", "30-6-2026" and "30 - 6 - 2026" are days; a year in two digits ("Quý IV/26")
is left unread. "Trước Tết Nguyên đán Bính Ngọ" is due by that Tết's day (``2026-02-17``). A
duty starting on a day or in a month ("Từ ngày 01/7/2026", "Kể từ ngày 01/7/2026", "Bắt đầu từ
tháng 7/2026") runs from that year on with no due date, as "Từ quý II/2026" does. What leaves its
year to the plan is read in the plan's year (:func:`in_plans_year`), in a cell as in prose: "Trước
kỳ họp cuối năm" is due by it, "Đến hết năm 2030" runs from it to 2030.
Targets are numbers with what they count ("15 Doanh nghiệp, Hợp tác xã", "tối thiểu đạt 1,5%",
"từ 3 - 5 sản phẩm"); Vietnamese decimals use a comma. Years, dates, document and standard
numbers are never targets, nor is a level ("hệ thống cấp 3"), though a count after the verb
"cấp" is ("Cấp 1.200 giấy chứng nhận").
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.loaders.model import Deadline, Target
from policykg.ontology.normalize import canon, fold, nfc, squash_spaces

_YEAR = r"(?:19|20)\d{2}"
_DIGIT = re.compile(r"\d")  # a cheap test before the costly patterns below
_RANGE = re.compile(rf"({_YEAR})\s*[-–—/]\s*({_YEAR})|({_YEAR})\s+đến\s+(?:năm\s+)?({_YEAR})")
_YEARS = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
_DATE_WORDS = re.compile(
    rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+({_YEAR}))?", re.IGNORECASE)
# A date written with dots or dashes ("30.6.2026", "30-6-2026", "30 - 6 - 2026") is read as
# "30/6/2026". It needs its year: "30.6" alone is a decimal, "tháng 10-12" months listed.
_DOTTED_DATE = re.compile(
    rf"(?<![\d/.,-])(?<!tháng )(?<!Tháng )(\d{{1,2}})(\.|\s*-\s*)(\d{{1,2}})\2({_YEAR})"
    rf"(?![\d.-]?\d)")
# Months named in words, as "ngày 15 tháng Mười hai năm 2026" and Tết plans ("tháng Giêng",
# "tháng Chạp") write them; longest names first.
_MONTH_NAMES = {
    "mười một": 11, "mười hai": 12, "giêng": 1, "chạp": 12, "một": 1, "hai": 2, "ba": 3,
    "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
_MONTH_NAME_TEXT = "|".join(_MONTH_NAMES)
# A month name read only where a month must stand, before its year or "hằng năm" ("6 tháng
# một lần" names no month).
_MONTH_NAME = re.compile(
    rf"(?<=tháng )(?:{_MONTH_NAME_TEXT})(?=\s+năm\s+{_YEAR}|\s*/\s*{_YEAR}|\s+(?:hằng|hàng)\s+năm)",
    re.IGNORECASE)
# The first day of each lunar year (Tết Nguyên đán) by the year's name, as plans name it ("trước
# Tết Nguyên đán Bính Ngọ năm 2026"): a duty due before Tết is due by that day. Both spellings
# of a name are listed ("Ất Tỵ", "Ất Tị"). Days are Vietnam's (UTC+7): Tết Canh Tuất falls on
# 2 February 2030, a day before the Chinese new year.
_TET_DAYS = {
    "Giáp Thìn": "2024-02-10", "Ất Tỵ": "2025-01-29", "Ất Tị": "2025-01-29",
    "Bính Ngọ": "2026-02-17", "Đinh Mùi": "2027-02-06", "Mậu Thân": "2028-01-26",
    "Kỷ Dậu": "2029-02-13", "Kỉ Dậu": "2029-02-13", "Canh Tuất": "2030-02-02",
}
_TET_BY_FOLDED = {fold(name): day for name, day in _TET_DAYS.items()}
_TET_NAME_TEXT = "|".join(_TET_DAYS)
# "trước Tết (Nguyên đán) Bính Ngọ (năm 2026)", "chậm nhất trước Tết Nguyên đán Đinh Mùi".
_BEFORE_TET = re.compile(
    rf"(?:trước|chậm nhất(?:\s+trước)?)\s+Tết\s+(?:Nguyên\s+Đán\s+)?(?P<name>{_TET_NAME_TEXT})"
    rf"(?:\s+(?:năm\s+)?{_YEAR}(?!\d))?",
    re.IGNORECASE)


def _tet_day(text: str) -> str | None:
    """The day of the Tết a duty is due before, as ISO ("trước Tết Nguyên đán Bính Ngọ" →
    ``2026-02-17``), or None when the text names no such Tết by its year's name."""
    found = _BEFORE_TET.search(text) if "ết" in text or "ẾT" in text else None
    return _TET_BY_FOLDED.get(fold(found.group("name"))) if found else None


# A period or day whose year is written in two digits ("Quý IV/26", "tháng 6/26", "15/12/26"):
# left unread rather than guessed, and not read in its plan's year either.
_TWO_DIGIT_YEAR = re.compile(
    r"(?:(?:quý|tháng)\s+[IVX\d]{1,4}|Q[1-4]|\d{1,2}\s*/\s*\d{1,2})\s*/\s*\d{2}(?![\d/])",
    re.IGNORECASE)
# A month with its year, or months listed before it ("tháng 9 - 10/2026", "tháng 9, 10 năm
# 2026"): due by the last of them.
_MONTH = re.compile(rf"tháng\s+(?:\d{{1,2}}\s*(?:[-–,]|và)\s*(?:tháng\s+)?)*"
                    rf"(\d{{1,2}})(?:\s*(?:năm|/)\s*({_YEAR}))", re.IGNORECASE)
# A month written alone as a table's time cell gives it: "03/2026", "3 / 2026".
_MONTH_ALONE = re.compile(rf"(\d{{1,2}})\s*/\s*({_YEAR})")
# How often a duty recurs, read from its folded text; the shortest period named wins ("Định
# kỳ 6 tháng, hằng năm" is half-yearly: that is what a unit must plan for). Six months are
# half-yearly when they recur ("định kỳ 6 tháng", "6 tháng/lần", "hằng 6 tháng", "báo cáo 6
# tháng và năm"), not when they are the first or last half of a year ("6 tháng đầu năm").
_HALF_YEAR = r"(?:0?6|sau) thang"
_RECURRENCE = (
    (re.compile(r"\b(hang|moi) thang\b"), "monthly"),
    # "hằng quý", "trước ngày 15 tháng cuối quý", "ngày 10 của tháng đầu mỗi quý" (not "tháng
    # cuối quý IV/2025": one quarter of one year)
    (re.compile(r"\b(?:(?:hang|moi) quy|thang (?:dau|cuoi|giua|thu (?:nhat|hai|ba))"
                r" (?:cua )?(?:moi |hang |cac )?quy(?! (?:i{1,3}|iv|[1-4])\b)"
                r"(?: (?:sau|tiep theo))?)\b"), "quarterly"),
    (re.compile(rf"\b(?:(?:dinh ky|hang|moi|bao cao) {_HALF_YEAR}(?! (?:dau|cuoi)\b)"
                rf"|{_HALF_YEAR} ?(?:/ ?|mot |1 )lan"
                r"|(?:dinh ky|hang|moi) nua nam)\b"), "half-yearly"),
    (re.compile(r"\b(hang|moi) (nam|nam hoc)\b"), "yearly"),
    (re.compile(r"\b(thuong xuyen|lien tuc|dinh ky)\b"), "ongoing"),
)
# Words that make a duty ongoing without saying how often: they yield to a day with its year
# ("Trước 31/12/2026 (báo cáo định kỳ)" falls due on that day).
_ONGOING_UNLESS_DATED = re.compile(r"\bdinh ky\b")
_ONGOING_WHATEVER = re.compile(r"\b(thuong xuyen|lien tuc)\b")


# A span "từ tháng 10 đến tháng 12/2025", "từ quý III/2025 đến quý I/2026", "Từ tháng 6 đến
# tháng 11 năm 2025", "từ năm 2025 đến năm 2030": groups (unit, number, year) of its first
# period (or a bare first year), then of its last.
_SPAN_TEXT = (
    rf"(?<!\w)từ\s+(?:(tháng|quý)\s+([IVX]{{1,4}}|\d{{1,2}})(?:\s*(?:/|năm)\s*({_YEAR}))?"
    rf"|(?:năm\s+)?({_YEAR}))"
    rf"\s+(?:đến|tới)\s+(?:hết\s+)?(?:(tháng|quý)\s+([IVX]{{1,4}}|\d{{1,2}})\s*(?:/|năm)\s*"
    rf"|(?:năm\s+)?)({_YEAR})(?!\d)")
_SPAN = re.compile(_SPAN_TEXT, re.IGNORECASE)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _period_number(number: str) -> int:
    """The rank of a month or quarter within its year: "10" → 10, "III" → 3."""
    return int(number) if number.isdigit() else _QUARTERS.get(number.lower(), 0)


def _read_span(span: re.Match[str], found: Deadline) -> Deadline:
    """Years (and the closing month) of a "từ … đến …" span. A first period written without
    its year is in the last one's year, or the year before when the span runs over the new
    year ("từ tháng 10 đến tháng 3/2026" starts in 2025)."""
    first_unit, first_no, first_year, bare_year, last_unit, last_no, last_year = span.groups()
    end = int(last_year)
    start = first_year or bare_year
    if start is not None:
        found.start_year = int(start)
    elif first_unit and last_unit and first_unit.lower() == last_unit.lower():
        late = _period_number(first_no) > _period_number(last_no)
        found.start_year = end - 1 if late else end
    found.end_year = end
    if last_unit and last_unit.lower() == "tháng" and 1 <= int(last_no) <= 12:
        found.date = f"{end}-{int(last_no):02d}"
    elif last_unit and last_unit.lower() == "quý" and 1 <= _period_number(last_no) <= 4:
        found.date = f"{end}-{3 * _period_number(last_no):02d}"
    return found


# A quarter or half-year with its year: "Quý IV năm 2026", "quý 3/2026", "Q2/2026", "Quý III,
# IV/2026", "quý III và quý IV năm 2026", "6 tháng đầu năm 2026", "nửa cuối năm 2026"
# (groups: the quarters listed, then the year; or the months, "đầu"/"cuối", then the year).
# "… năm năm 2025" is what :func:`read_deadline_in` makes of "6 tháng đầu năm" in 2025.
_QUARTER_NO = r"(?:IV|I{1,3}|[1-4])(?![\wÀ-ỹ])"
_PERIOD_OF_YEAR = re.compile(
    rf"(?<![\wÀ-ỹ])(?:(?P<before>trước\s+)?(?:quý\s+|Q(?=[1-4]))(?P<quarters>{_QUARTER_NO}"
    rf"(?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?{_QUARTER_NO})*)"
    rf"|(?:(?P<months>\d{{1,2}}|sáu)\s+tháng|(?P<half>nửa))\s+(?P<side>đầu|cuối)(?:\s+năm)?"
    # the People's Council's sitting at the end of a year, held in December ("tại kỳ họp thường
    # lệ cuối năm 2026"); "cuối năm 2026" alone fixes no month, nor does "trước kỳ họp …"
    rf"|(?<=(?<!trước )kỳ họp )(?:[^.;:()\d]{{0,40}}\s)?(?P<year_end>cuối)(?=\s+năm\s+{_YEAR}))"
    rf"\s*(?:năm\s+|/\s*|-\s*)?(?P<year>{_YEAR})(?!\d)",
    re.IGNORECASE)
_LAST_QUARTER = re.compile(rf"{_QUARTER_NO}$", re.IGNORECASE)


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``: the period a deadline ends with."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last one
        pass
    return found


def _period_month(text: str) -> str | None:
    """The month a quarter or half-year deadline ends in, as partial ISO ("Quý IV năm 2026" →
    ``2026-12``, "Quý III, IV/2026" → its last quarter, "6 tháng đầu năm 2026" → ``2026-06``);
    "trước quý III/2026" ends with the quarter before. None unless the last period named is
    in the last year the text names."""
    found = _last_match(_PERIOD_OF_YEAR, text)
    if found is None or max(_YEARS.findall(text)) != found.group("year"):
        return None
    year = int(found.group("year"))
    month = _ending_month(found)
    if month == 0:
        year, month = year - 1, 12
    return f"{year}-{month:02d}" if 1 <= month <= 12 else None


def _ending_month(found: re.Match[str]) -> int:
    """The month a period of :data:`_PERIOD_OF_YEAR` or :data:`_PERIOD_EVERY_YEAR` ends in:
    its last quarter's last month (0 for "trước quý I"), its half's, or the month named."""
    if found.group("quarters"):
        month = 3 * _period_number(_LAST_QUARTER.search(found.group("quarters")).group(0))
        return month - 3 if found.group("before") else month
    if found.re is _PERIOD_EVERY_YEAR and found.group("month"):
        return int(found.group("month"))
    if found.groupdict().get("year_end") or found.group("side").lower() == "cuối":
        return 12
    months = found.group("months")
    return 6 if months is None or not months.isdigit() else int(months)


# A period of the year a recurring duty falls in, written without a year: "Quý I hằng năm",
# "trong quý IV hằng năm", "tháng 12 hằng năm", "tháng 9 - 10 hằng năm", "6 tháng đầu năm hằng
# năm" (groups as in :data:`_PERIOD_OF_YEAR`, or the (last) month named).
_PERIOD_EVERY_YEAR = re.compile(
    rf"(?<![\wÀ-ỹ])(?:(?P<before>trước\s+)?quý\s+(?P<quarters>{_QUARTER_NO}"
    rf"(?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?{_QUARTER_NO})*)"
    rf"|tháng\s+(?:\d{{1,2}}\s*[-–]\s*)?(?P<month>\d{{1,2}})(?!\d)"
    rf"|(?:(?P<months>\d{{1,2}}|sáu)\s+tháng|(?P<half>nửa))\s+(?P<side>đầu|cuối)(?:\s+năm)?)"
    rf"(?!\s*(?:năm\s+|/\s*|-\s*)?{_YEAR})",
    re.IGNORECASE)
# Recurrences that come round on a cycle, counted from the first day or month they name.
_CYCLES = frozenset({"monthly", "quarterly", "half-yearly", "yearly"})
# Recurrences whose duties fall due in the month of the year their text names.
_MONTH_OF_YEAR = frozenset({"yearly", "half-yearly"})


def _month_every_year(text: str) -> str | None:
    """The month of the year a yearly or half-yearly duty falls due in, as partial ISO
    (``--03`` for "Quý I hằng năm", as ``--12-15`` is the day of "trước ngày 15/12 hằng
    năm"), or None when the text names no period of the year."""
    found = _last_match(_PERIOD_EVERY_YEAR, text)
    if found is None:
        return None
    month = _ending_month(found) or 12  # "trước quý I": by the end of the year before
    return f"--{month:02d}" if 1 <= month <= 12 else None


# Days of every year a duty falls due on, by how many there are: "trước ngày 15/6 và 15/12 hằng
# năm" is half-yearly, four days quarterly.
_DAYS_A_YEAR = {2: "half-yearly", 4: "quarterly", 12: "monthly"}
# Months between two times a duty of each cycle falls due.
_MONTHS_APART = {"monthly": 1, "quarterly": 3, "half-yearly": 6}


def _first_of_cycle(times: list[tuple[int, int | None]], recurrence: str) -> str | None:
    """The first (month, day) of ``times`` as partial ISO (``--06-15``, or ``--06`` without a
    day) when they fall a whole cycle of ``recurrence`` apart ("15/6 và 15/12" every six
    months): ``due`` counts the cycle from it. None when they do not ("15/3 và 15/10")."""
    every = _MONTHS_APART.get(recurrence)
    months = [m for m, _ in times]
    if every is None or len(set(months)) != len(months) or not 1 <= months[0] <= 12 \
            or any((m - months[0]) % every for m in months):
        return None
    month, day = times[0]
    return f"--{month:02d}-{day:02d}" if day and 1 <= day <= 31 else f"--{month:02d}"


# A day of every year in words, "ngày" said once for a list: "(trước ngày) 15 tháng 6 và 15
# tháng 12 hằng năm".
_DAYS_IN_WORDS = re.compile(
    rf"(?<![\d/])(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?![\d/])(?!\s+năm\s+{_YEAR})", re.IGNORECASE)


def _days_of_year(text: str) -> set[tuple[int, int]]:
    """The (day, month) pairs ``text`` names without a year ("15/6 và 15/12 hằng năm")."""
    days = {(int(d), int(m)) for d, m, y in _DATE.findall(text) if not y}
    return days | {(int(d), int(m)) for d, m in _DAYS_IN_WORDS.findall(text)}


# Months of every year listed after one "tháng": "tháng 3, 6, 9, 12 hằng năm", "(ngày 15) tháng
# 6 và tháng 12 hằng năm" (not a span "tháng 9 - 10", nor months with their year).
_MONTHS_LISTED = re.compile(
    rf"tháng\s+(\d{{1,2}}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{{1,2}})+)(?!\s*(?:/|năm\s+{_YEAR}))(?![\d/])",
    re.IGNORECASE)


def _months_of_year(text: str) -> set[int]:
    """The months of every year ``text`` lists (see :data:`_MONTHS_LISTED`)."""
    return {int(n) for m in _MONTHS_LISTED.finditer(text)
            for n in re.findall(r"\d{1,2}", m.group(1)) if 1 <= int(n) <= 12}


# Quarters of every year listed apart: "Quý II và Quý IV hằng năm" (not "Quý I - IV", a span,
# nor quarters with their year).
_QUARTERS_LISTED = re.compile(
    rf"quý\s+({_QUARTER_NO}(?:\s*(?:,|và)\s*(?:quý\s+)?{_QUARTER_NO})+)"
    rf"(?!\s*(?:/|năm\s+{_YEAR}|[-–]))", re.IGNORECASE)


def _quarter_ends(text: str) -> list[int]:
    """The last months of the quarters of every year ``text`` lists, in order."""
    return sorted({3 * _period_number(q) for m in _QUARTERS_LISTED.finditer(text)
                   for q in re.findall(r"IV|I{1,3}|[1-4]", m.group(1), re.IGNORECASE)})


# Words (folded) that make a single year a start ("bắt đầu từ năm 2025") or an end. Days
# counted from an event ("trong 30 ngày kể từ ngày ban hành") start nothing.
_FROM = re.compile(r"\b(bat dau|tu nam|(?<!ke )tu|(?:cac|nhung) nam tiep theo|tro di)\b")
# A duty that starts on a day or in a month ("Từ ngày 01/7/2026", "Kể từ ngày 01/7/2026", "Bắt
# đầu từ tháng 7/2026") names when it begins, not when it is due: it runs from that year on, as
# "Từ quý II/2026" and "Bắt đầu từ năm 2025" do. Days counted from a day ("trong 30 ngày kể từ
# ngày …") and a law's effect ("có hiệu lực từ ngày …") start no duty.
_STARTS_ON = re.compile(r"(?:^|[\s,(])(?:ke |bat dau )?tu (?:ngay|thang) \d")
_NOT_A_START = re.compile(r"\bngay (?:lam viec )?ke tu\b|\bhieu luc (?:ke )?tu\b")
_UNTIL = re.compile(r"\bden\b")
_BY = re.compile(r"\b(hoan thanh|truoc|den|cham nhat|xong)\b")


def _start_year(text: str, folded: str) -> int | None:
    """The one year a duty starting on a day or in a month starts in (:data:`_STARTS_ON`),
    or None when ``text`` is no such start, or closes a span ("từ ngày … đến ngày …")."""
    if _STARTS_ON.search(folded) is None or _UNTIL.search(folded) is not None \
            or _NOT_A_START.search(folded) is not None:
        return None
    years = set(_YEARS.findall(text))
    return int(years.pop()) if len(years) == 1 else None


def _recurrence(folded: str) -> str | None:
    for rx, value in _RECURRENCE:
        if rx.search(folded):
            return value
    return None


def _yields_to_its_day(folded: str) -> bool:
    """Whether a duty is ongoing only by being called "định kỳ", which says no period: a day
    with its year then says when it falls due."""
    return _ONGOING_UNLESS_DATED.search(folded) is not None \
        and _ONGOING_WHATEVER.search(folded) is None


def _month_due(text: str) -> re.Match[str] | None:
    """The month a deadline falls due by: the last named, of a span ("tháng 12/2026 - tháng
    01/2027") as of a list ("Tháng 6/2026 và tháng 12/2026", as "Quý I, II năm 2024" is due by
    the end of the second quarter); a month written alone ("03/2026")."""
    months = list(_MONTH.finditer(text))
    return months[-1] if months else _MONTH_ALONE.fullmatch(text)


# What comes before the day a cited document was signed: "Công văn số 15/BCT-KH ngày".
_SIGNED_ON = re.compile(r"\d+\s*/\s*[A-ZĐ][\w.-]*(?:/[\w.-]+)*\s+(?:ngày\s*)?$")


def _dates(text: str) -> list[re.Match[str]]:
    """The days ``text`` names, in words ("ngày 15 tháng 12 năm 2026") or figures, in order;
    not the day a document it cites was signed ("theo Công văn số 15/BCT ngày 10/5/2026")."""
    found = [*_DATE_WORDS.finditer(text), *_DATE.finditer(text)]
    return sorted((m for m in found if _SIGNED_ON.search(text[max(0, m.start() - 60):m.start()])
                   is None), key=lambda m: m.start())


def _in_figures(text: str) -> str:
    """``text`` with its dotted and dashed dates written with slashes (:data:`_DOTTED_DATE`)
    and its months named in words given their number (:data:`_MONTH_NAME`), to be read."""
    if "." in text or "-" in text:
        text = _DOTTED_DATE.sub(r"\1/\3/\4", text)
    if "háng " in text or "HÁNG " in text:
        text = _MONTH_NAME.sub(lambda m: str(_MONTH_NAMES[m.group(0).lower()]), text)
    return text


def read_deadline(text: str) -> Deadline | None:
    """A deadline as written with its start/end year, date and recurrence."""
    found = _read_deadline(text)
    return Deadline(**vars(found)) if found is not None else None  # each task owns its own


@lru_cache(maxsize=4096)
def _read_deadline(text: str) -> Deadline | None:
    """:func:`read_deadline`, remembered: plans write the same few deadlines on many tasks."""
    shown = squash_spaces(nfc(text)).strip(" .;,")
    if not shown:
        return None
    text = _in_figures(shown)
    folded = fold(text)
    found = Deadline(text=shown, recurrence=_recurrence(folded))
    if (start := _start_year(text, folded)) is not None:
        found.start_year = start
        return found
    # several days ("từ ngày 15/01/2026 đến ngày 30/3/2026", "30/6/2026 và 31/12/2026") fall
    # due by the last, as months and quarters listed do; a duty recurring on them ("Định kỳ 6
    # tháng, trước ngày 20/6 và 20/12") keeps the first, from which its cycle is counted
    dates = _dates(text)
    date = (dates[0] if found.recurrence in _CYCLES else dates[-1]) if dates else None
    day_month = (date.group(1), date.group(2), date.group(3)) if date else None
    if len(dates) >= 2 and dates[0].group(3):
        found.start_year = int(dates[0].group(3))
    if day_month:
        day, month, year = int(day_month[0]), int(day_month[1]), day_month[2]
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.date = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
            if year:
                found.end_year = int(year)
                if found.recurrence == "ongoing" and _yields_to_its_day(folded):
                    found.recurrence = None
    if found.date is None and (tet := _tet_day(text)) is not None:
        found.date, found.end_year = tet, int(tet[:4])
    month = _month_due(text)
    if month and found.date is None and 1 <= int(month.group(1)) <= 12:
        found.date = f"{month.group(2)}-{int(month.group(1)):02d}"
    if found.date is None and ("q" in folded or "dau" in folded or "cuoi" in folded) \
            and not (_FROM.search(folded) and not _UNTIL.search(folded)):
        # (not a period a duty starts in: "Từ quý II/2026", "… và các năm tiếp theo")
        found.date = _period_month(text)
    if found.recurrence == "yearly" and (found.date or "").startswith("--") \
            and len(days := _days_of_year(text)) >= 2:
        # several days of every year: as often as it names them, from the first of them
        found.recurrence = _DAYS_A_YEAR.get(len(days), "yearly")
        found.date = _first_of_cycle(sorted((m, d) for d, m in days), found.recurrence)
    elif found.recurrence == "yearly" and len(months := _months_of_year(text)) >= 2:
        # several months of every year: "tháng 6 và tháng 12 hằng năm" is half-yearly
        found.recurrence = _DAYS_A_YEAR.get(len(months), "yearly")
        day = found.date[5:] if (found.date or "").startswith(f"--{min(months):02d}-") else None
        found.date = _first_of_cycle([(m, int(day) if day else None) for m in sorted(months)],
                                     found.recurrence)
    elif found.recurrence == "yearly" and len(ends := _quarter_ends(text)) >= 2 \
            and (first := _first_of_cycle([(m, None) for m in ends],
                                          _DAYS_A_YEAR.get(len(ends), "yearly"))):
        # quarters a cycle apart: "Quý II và Quý IV hằng năm" falls due every six months
        # ("Quý I, II hằng năm" is the first half of each year, and stays yearly)
        found.recurrence, found.date = _DAYS_A_YEAR[len(ends)], first
    elif found.date is None and found.recurrence in _MONTH_OF_YEAR:
        found.date = _month_every_year(text)
    then = _THEN_EVERY_YEAR.search(text) if found.recurrence == "yearly" else None
    if then is not None and set(_YEARS.findall(text)) == {then.group(1)}:
        return _every_year_from(found, int(then.group(1)))
    span = _SPAN.search(text) if _DIGIT.search(text) else None
    if span:
        return _read_span(span, found)
    rng = _RANGE.search(text)
    if rng:
        first = rng.group(1) or rng.group(3)
        last = rng.group(2) or rng.group(4)
        found.start_year, found.end_year = int(first), int(last)
        return found
    years = [int(y) for y in _YEARS.findall(text)]
    if not years:
        return found
    if _FROM.search(folded) and not _UNTIL.search(folded):
        found.start_year = years[0]
    elif _BY.search(folded):
        found.end_year = years[-1]
    else:
        found.start_year, found.end_year = min(years), max(years)
    return found


# A first time, then every year: "Quý IV/2026 và hằng năm", "Trước 31/12/2026, hằng năm" (one
# year named: "Giai đoạn 2026 - 2030, hằng năm" runs to its last year).
_THEN_EVERY_YEAR = re.compile(
    rf"({_YEAR})\)?\s*(?:,|;|và)\s*(?:(?:duy trì|cập nhật|thực hiện)\s+)?(?:hằng|hàng|mỗi)\s+năm"
    rf"(?![\wÀ-ỹ])", re.IGNORECASE)


def _every_year_from(found: Deadline, year: int) -> Deadline:
    """A yearly duty first due in ``year``: it starts then, ends never, and falls due every
    year in the month (and day) its first time names ("2026-12" → ``--12``)."""
    found.start_year, found.end_year = year, None
    if found.date and not found.date.startswith("--"):
        found.date = "-" + found.date[4:]
    return found


# A whole sentence that is a standing duty: "Thực hiện thường xuyên", "Tổ chức hằng năm".
_STANDING_VERBS = ("thực hiện", "triển khai", "tổ chức")
_STANDING_TIMES = ("thường xuyên", "liên tục", "hàng năm", "hằng năm")
# A day in prose: "30/11", "15/12/2026", "30.6.2026", "30-6-2026", "15 tháng 12 năm 2026".
_PROSE_DAY = (r"(?:\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])|\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"
              rf"|\d{{1,2}}\s*-\s*\d{{1,2}}\s*-\s*\d{{4}}(?!\d)"
              rf"|\d{{1,2}}\s+tháng\s+(?:\d{{1,2}}|{_MONTH_NAME_TEXT})\s+năm\s+{_YEAR})")
# Later events of one duty in its sentence, each with its time: "sơ kết vào tháng 6/2027 và
# tổng kết vào tháng 12/2030", "trong quý II/2026, quý IV/2026". The duty is due by the last, as
# times listed in a cell are.
_MORE_EVENTS = (rf"(?:(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:(?:[^.;:()\d]{{1,40}}?\s)?"
                rf"(?:vào|trong|trước)\s+)?"
                rf"(?:quý\s+[IVX1-4]{{1,4}}|tháng\s+\d{{1,2}})\s*(?:năm\s+|/\s*){_YEAR}(?!\d))*")
# Years listed after a first one: "năm 2026, 2027", "năm 2026 và năm 2027".
_MORE_YEARS = rf"(?:(?:\s*(?:,|và)\s*(?:năm\s+)?{_YEAR}(?!\d))+)"
_PROSE_DEADLINE = re.compile(
    # a yearly duty over a span of years: "(thực hiện) hằng năm, giai đoạn 2026 - 2030"
    rf"(?:(?:hàng|hằng|mỗi)\s+năm\s*,?\s*(?:trong\s+)?giai\s+đoạn\s+{_YEAR}\s*[-–]\s*{_YEAR}"
    # (with the times listed after the first: "hoàn thành trong quý II/2026 và quý IV/2026",
    # "hoàn thành trong năm 2026 và năm 2028")
    rf"|(?:hoàn thành|thực hiện xong|xong)[^.;:]{{0,25}}?(?:trong|trước|vào|trong năm|năm)"
    rf"\s+[^.;:]*?{_YEAR}(?!\d){_MORE_YEARS}?{_MORE_EVENTS}"
    # "trước ngày 30/11 hàng năm", also without "ngày": "gửi Văn phòng trước 15/12 hằng năm",
    # "chậm nhất ngày 20/11/2026", "trước ngày 15 tháng 12 năm 2026"
    # (said after how often: "hằng năm, trước ngày 15/12")
    rf"|(?:(?:hàng|hằng|mỗi)\s+năm\s*,?\s*)?(?:trước|chậm nhất)(?:\s+ngày)?\s+{_PROSE_DAY}"
    # more days: "trước ngày 15/6 và 15/12 hằng năm", "trước ngày 30/6/2026 và 31/12/2026"
    rf"(?:\s*(?:,|và)\s*(?:ngày\s+)?{_PROSE_DAY})*"
    r"(?:\s+(?:hàng|hằng)\s+năm)?"
    r"|trước\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{1,2}\s+tháng"
    r"\s+\d{1,2})*\s+(?:hàng|hằng|mỗi)\s+năm"
    # a day of one month of every quarter: "(định kỳ) trước ngày 10 của tháng đầu quý"
    r"|(?:định kỳ\s+)?trước\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+(?:đầu|cuối|giữa)"
    r"\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+|các\s+)?quý(?!\s*[IV1-4])"
    r"(?:\s+(?:sau|tiếp theo))?"
    r"|^(?:hàng|hằng)\s+(?:năm|quý|tháng)(?=,)"
    # a duty's sentence that ends on how often it recurs: "Giám sát dịch bệnh tại các
    # trường học hằng tháng.", "Kiểm tra việc thực hiện Nghị quyết hằng năm."
    r"|(?<=\s)(?:hàng|hằng)\s+(?:năm|quý|tháng)(?=\s*[.;]?\s*$)"
    # a report due every month or quarter: "báo cáo tiến độ hằng quý về Văn phòng Sở"
    r"|(?:báo cáo|tổng hợp)\s[^.;:()]{0,80}?(?<=\s)(?:hàng|hằng|mỗi)\s+(?:tháng|quý)(?![\wÀ-ỹ])"
    r"(?:\s*\((?:trước|chậm nhất)[^()]{0,40}\))?"
    r"|định kỳ\s+(?:(?:hàng|hằng)\s+(?:năm|quý|tháng)|\d{1,2}\s+tháng|nửa\s+năm)"
    r"|(?:định kỳ\s+)?trước ngày\s+\d{1,2}\s+(?:của\s+)?(?:hàng|hằng|mỗi)\s+(?:tháng|quý|năm)"
    # a time counted from the plan: "trong 30 ngày kể từ ngày Kế hoạch được ban hành"
    r"|(?:trong(?:\s+(?:thời\s+hạn|vòng))?|chậm nhất|sau)\s+\d{1,3}\s+ngày(?:\s+làm\s+việc)?"
    r",?\s+kể\s+từ\s+(?:ngày\s+)?[^.;:(),]{1,60}"
    # a quarter or half of one year: "trong quý III/2026", "vào Quý II và Quý IV năm 2026",
    # "trong 6 tháng đầu năm 2026"
    rf"|(?:^|(?:trước|trong|chậm nhất|vào)\s+)(?:quý\s+[IVX1-4]{{1,4}}"
    rf"(?:\s*(?:,|và|[-–])\s*(?:quý\s+)?[IVX1-4]{{1,4}})*\s*(?:năm\s+|/\s*)"
    rf"|(?:(?:\d{{1,2}}|sáu)\s+tháng|nửa)\s+(?:đầu|cuối)\s+năm\s+){_YEAR}{_MORE_EVENTS}"
    # a period alone in brackets after the duty: "(Quý II/2026)", "(tháng 9/2026)"
    rf"|(?<=\()(?:quý|tháng)\s+[IVX\d]{{1,4}}(?:\s*(?:,|và)\s*(?:(?:quý|tháng)\s+)?[IVX\d]{{1,4}})*"
    rf"\s*(?:năm\s+|/\s*){_YEAR}(?=\))"
    # before the Tết of a named year: "trước Tết Nguyên đán Bính Ngọ năm 2026"
    rf"|{_BEFORE_TET.pattern}"
    r"|(?<=thời gian:)[^.;)]+|(?<=thời hạn:)[^.;)]+|(?<=thời gian thực hiện:)[^.;)]+"
    r"|(?<=thời gian hoàn thành:)[^.;)]+"
    rf"|^(?:{'|'.join(_STANDING_VERBS)})\s+(?:{'|'.join(_STANDING_TIMES)})$)",
    re.IGNORECASE)
# A recurring time in prose that :data:`_PROSE_DEADLINE` leaves: a half-yearly duty ("hằng 6
# tháng", "6 tháng một lần", "báo cáo 6 tháng và năm") or a period of every year ("trong quý
# IV hằng năm", "tháng 12 hàng năm", "tháng 6 và tháng 12 hằng năm", "6 tháng đầu năm hằng
# năm"). Tried only on sentences that :func:`_may_recur`.
_PROSE_RECURRING = re.compile(
    r"(?:(?:hàng|hằng|mỗi)\s+(?:\d{1,2}|sáu)\s+tháng|(?:\d{1,2}|sáu)\s+tháng\s*(?:/\s*|một\s+)lần"
    r"|báo cáo\s+(?:\d{1,2}|sáu)\s+tháng\s+(?:và|,)\s+(?:cả\s+)?năm)(?![\wÀ-ỹ])"
    r"|(?:(?:trong|trước|vào)\s+)?(?:quý\s+[IVX1-4]{1,4}(?:\s*(?:,|và)\s*(?:quý\s+)?[IVX1-4]{1,4})*"
    r"|tháng\s+\d{1,2}(?:\s*(?:,|và|[-–])\s*(?:tháng\s+)?\d{1,2})*"
    r"|(?:\d{1,2}|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm)\s+(?:hàng|hằng|mỗi)\s+năm",
    re.IGNORECASE)


def _may_recur(sentence: str) -> bool:
    """A necessary condition for :data:`_PROSE_RECURRING`: six months, or a quarter or month
    with "hằng/hàng/mỗi năm" (most sentences naming a year's duty name no part of it)."""
    if "6 tháng" in sentence or "áu tháng" in sentence:
        return True
    return ("ằng năm" in sentence or "àng năm" in sentence or "ỗi năm" in sentence) and (
        "tháng" in sentence or "quý" in sentence or "Quý" in sentence)


# First and last letters such a sentence can have, in either case.
_STANDING_FIRST = frozenset(c for w in _STANDING_VERBS for c in (w[0], w[0].upper()))
_STANDING_LAST = frozenset(c for w in _STANDING_TIMES for c in (w[-1], w[-1].upper()))


# A sitting of the People's Council named without its year ("Trước kỳ họp cuối năm", "kỳ họp
# thường lệ giữa năm"): the plan's year is meant.
_SITTING_NO_YEAR = re.compile(
    rf"kỳ\s+họp\s+(?:[^.;:()\d]{{0,40}}?\s)?(?:cuối|giữa)\s+năm(?!\s*(?:năm\s+)?{_YEAR})",
    re.IGNORECASE)
# A duty kept up to the end of a year, with no other time: "Đến hết năm 2030", "Thực hiện đến
# hết năm 2030". It runs from the plan's year to that one.
_UNTIL_END_OF = re.compile(
    rf"(?:(?:thực hiện|triển khai|duy trì)\s+)?đến\s+hết\s+năm\s+{_YEAR}", re.IGNORECASE)
# A duty kept up after its first year: "(năm 2026, các năm tiếp theo) thực hiện thường xuyên".
_KEPT_UP = r"(?:\s+(?:thực\s+hiện\s+)?(?:thường\s+xuyên|liên\s+tục))?"
# Times written in prose without a label, tried when :data:`_PROSE_DEADLINE` finds nothing:
# "(thời gian) từ tháng 10 đến tháng 12/2025", "từ năm 2025 đến năm 2030" (see _SPAN), "trong
# tháng 9/2025", "trong tháng 9 - 10/2025", "thực hiện trong năm 2025 - 2026".
_PROSE_PERIOD = re.compile(
    rf"(?P<span>{_SPAN_TEXT})"
    rf"|(?:trước|trong|chậm nhất|vào)\s+tháng\s+\d{{1,2}}"
    rf"(?:\s*(?:[-–,]|và)\s*(?:tháng\s+)?\d{{1,2}})*\s*(?:năm\s+|/\s*){_YEAR}{_MORE_EVENTS}"
    rf"|(?<!kết quả )(?:thực hiện|triển khai|tổ chức)\s+(?:trong\s+(?:năm|giai đoạn)|giai đoạn)"
    rf"\s+{_YEAR}(?:\s*[-–]\s*{_YEAR}|\s*(?:,|và)\s*(?:các|những)\s+năm\s+tiếp\s+theo{_KEPT_UP}"
    rf"|{_MORE_YEARS})?"
    # a duty that starts in a period: "(triển khai thực hiện) từ quý III/2026", "từ tháng 7/2026"
    rf"|(?<=thực hiện )(?:từ|bắt đầu từ)\s+(?:quý\s+[IVX1-4]{{1,4}}|tháng\s+\d{{1,2}})"
    rf"\s*(?:năm\s+|/\s*){_YEAR}"
    # … or that closes its sentence on the day or month it starts: "vận hành Cổng thông tin
    # từ ngày 01/7/2026", "cập nhật cơ sở dữ liệu, bắt đầu từ tháng 7/2026" (not a law's
    # effect: "có hiệu lực từ ngày 01/7/2025")
    rf"|(?<!hiệu lực )(?<!hiệu lực kể )(?<![\wÀ-ỹ])(?:kể\s+|bắt\s+đầu\s+)?từ\s+"
    rf"(?:ngày\s+\d{{1,2}}\s*/\s*\d{{1,2}}|tháng\s+\d{{1,2}}|quý\s+[IVX1-4]{{1,4}})"
    rf"\s*(?:năm\s+|/\s*){_YEAR}$"
    # a sitting of the People's Council: "trước kỳ họp HĐND tỉnh cuối năm 2026"
    rf"|(?:trước|tại|trình|vào)\s+kỳ\s+họp\s+[^.;:()]{{0,50}}?năm\s+{_YEAR}"
    # … or in the plan's year (see :func:`in_plans_year`): "trình trước kỳ họp cuối năm"
    rf"|(?:trước|tại|vào)\s+{_SITTING_NO_YEAR.pattern}"
    # a duty from one year on: "(từ) năm 2026 và các năm tiếp theo", "từ năm 2026 trở đi"
    rf"|(?P<onward>(?:từ\s+)?năm\s+{_YEAR}\s*(?:,|và)\s*(?:các|những)\s+năm\s+tiếp\s+theo{_KEPT_UP}"
    rf"|từ\s+năm\s+{_YEAR}\s+trở\s+đi)"
    # a school year: "(tổ chức) trong năm học 2026 - 2027"
    rf"|(?:trong|thực hiện)\s+năm\s+học\s+{_YEAR}\s*[-–]\s*{_YEAR}"
    # a duty kept up to the end of a year: "Thực hiện đến hết năm 2030" (not a target's
    # horizon: "Phấn đấu đến hết năm 2030, 100% xã …")
    rf"|(?:thực hiện|triển khai|duy trì)\s+đến\s+hết\s+năm\s+{_YEAR}"
    # the year that closes the duty's sentence: "… tại cửa khẩu trong năm 2026."
    rf"|(?<!kết quả )(?<!được )(?:(?:trong|vào)\s+năm\s+{_YEAR}{_MORE_YEARS}?"
    rf"|thực hiện\s+năm\s+{_YEAR}{_MORE_YEARS})$",
    re.IGNORECASE)
# A span that is part of a programme's or document's name: "Chương trình phát triển tài sản
# trí tuệ giai đoạn từ năm 2021 đến năm 2030" is when that programme runs.
_NAMED_PERIOD = re.compile(
    r"(?:Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Chương trình|Kết luận|Đề án|Chiến lược|"
    r"Quy hoạch)\b[^.;]*giai đoạn\s*$")
# A document named just before a year it runs from: "Kế hoạch … năm 2026 và các năm tiếp theo".
_NAMED_ONWARD = re.compile(
    r"(?:Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Chương trình|Kết luận|Đề án|Chiến lược|"
    r"Quy hoạch)\b[^.;]*$")


def _prose_period(sentence: str) -> re.Match[str] | None:
    """The first :data:`_PROSE_PERIOD` of ``sentence`` that is not part of a name. Its words
    are tested first: the pattern is costly and most sentences hold none of them."""
    low = sentence.lower()
    if not (("từ" in low and ("đến" in low or "tới" in low)) or "tháng" in low
            or "trong năm" in low or "giai đoạn" in low or "tiếp theo" in low
            or "trở đi" in low or "kỳ họp" in low or "hiện năm" in low or "từ quý" in low
            or "vào năm" in low or "đến hết năm" in low or "từ ngày" in low):
        return None
    for m in _PROSE_PERIOD.finditer(sentence):
        if m.group("span") is not None and _NAMED_PERIOD.search(sentence, 0, m.start()):
            continue
        if m.group("onward") is not None and _NAMED_ONWARD.search(sentence, 0, m.start()):
            continue
        return m
    return None


_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s+")


def _may_hold_deadline(sentence: str) -> bool:
    """A necessary condition for :data:`_PROSE_DEADLINE`, tested before it because most
    sentences hold no deadline and that pattern is tried at every position.

    Every alternative needs a digit or a labelled "thời gian:", except "định kỳ hằng
    tháng", the two anchored ones: "Hàng năm," (opens with h, needs a comma) and a
    standing duty ("Thực hiện thường xuyên", see :data:`_STANDING_TIMES`), and a period
    of every year in words ("quý IV hằng năm", "hằng sáu tháng", see :data:`_ROMAN_PERIOD`),
    and a report every month or quarter ("báo cáo tiến độ hằng quý"), and a sitting of the
    People's Council named without its year ("trước kỳ họp cuối năm").
    """
    if ":" in sentence or _DIGIT.search(sentence) is not None or "ịnh kỳ" in sentence \
            or "Tết" in sentence or "kỳ họp" in sentence:
        return True
    if ("ng quý" in sentence or "ng tháng" in sentence or "ỗi quý" in sentence
            or "ỗi tháng" in sentence) and ("áo cáo" in sentence or "ổng hợp" in sentence):
        return True  # "báo cáo tiến độ hằng quý"
    if sentence.endswith(_RECURS_LAST):
        return True  # "… tại các trường học hằng tháng"
    first = sentence[:1]
    return (first in ("h", "H") and "," in sentence) or (
        first in _STANDING_FIRST and sentence.rstrip()[-1:] in _STANDING_LAST) or (
        "ng năm" in sentence and _ROMAN_PERIOD.search(sentence) is not None)


_RECURS_LAST = ("hằng năm", "hàng năm", "hằng quý", "hàng quý", "hằng tháng", "hàng tháng")
# What a period of every year written without a digit needs ("quý IV hằng năm", "hằng sáu
# tháng"), tested only on sentences that hold none of the cheaper signs.
_ROMAN_PERIOD = re.compile(r"quý\s+[IVX]|sáu\s+tháng", re.IGNORECASE)


_DAY_OF_PERIOD = re.compile(r"(?:định kỳ\s+)?trước ngày\s+\d{1,2}\s+(?:của\s+)?(?:hàng|hằng|mỗi)"
                            r"\s+(?:tháng|quý|năm)", re.IGNORECASE)


def find_deadline(text: str) -> Deadline | None:
    """A deadline written inside prose ("Hoàn thành trong năm 2021", "trước ngày
    30/11 hàng năm", "thời gian từ tháng 10 đến tháng 12/2025"), or None. Horizons
    such as "đến năm 2025" are targets' dates, not deadlines, and are left alone."""
    text = nfc(text)
    # Only a space is printable whitespace: without ". " or "; " there is one sentence.
    one = text.isprintable() and ". " not in text and "; " not in text
    for sentence in (text,) if one else _SENTENCE_BREAK.split(text):
        sentence = sentence.strip().rstrip(".;")
        if not _may_hold_deadline(sentence):
            continue
        m = _PROSE_DEADLINE.search(sentence)
        if _may_recur(sentence):
            recurring = _PROSE_RECURRING.search(sentence)
            if recurring and (m is None or recurring.start() < m.start()):
                m = recurring
        m = m or _prose_period(sentence)
        if m and m.group(0)[:1] in "bBtT":
            # "báo cáo … định kỳ trước ngày 20 hằng tháng": the day is the time, not the report
            day = _DAY_OF_PERIOD.search(m.group(0))
            if day is not None:
                return read_deadline(day.group(0))
        if m:
            return _with_its_days(sentence, m)
    return None


def _with_its_days(sentence: str, m: re.Match[str]) -> Deadline | None:
    """The deadline ``m`` reads, carried on to the days of the year the same sentence names
    after it: "định kỳ 6 tháng, hằng năm (trước ngày 30/6 và 31/12 hằng năm)" says how often
    and then when, so it falls due in June and December, not in every month."""
    found = read_deadline(m.group(0))
    if found is None or found.recurrence not in _CYCLES or found.date is not None:
        return found
    later = _PROSE_DEADLINE.search(sentence, m.end())
    if later is None or later.start() - m.end() > _DAYS_GAP:
        return found
    days = read_deadline(later.group(0))
    if days is None or days.start_year or days.end_year or days.date is None:
        return found
    end = later.end() + (sentence[later.end():later.end() + 1] == ")")
    return read_deadline(sentence[m.start():end]) or found


# At most this many characters between how often a duty recurs and the days it names.
_DAYS_GAP = 30


# Dates and symbols that carry a year without being about the plan's own time.
_CITED_DATE = re.compile(
    rf"\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+{_YEAR}"
    rf"|/\s*{_YEAR}\s*/", re.IGNORECASE)
_YEAR_OF = re.compile(rf"(?<!đến )(?<!tới )(?<!\w)năm\s+({_YEAR})(?!\d)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def single_year(text: str | None) -> int | None:
    """The one year a title or table header is about ("Kế hoạch … năm 2024", "Thời gian
    thực hiện năm 2025"), or None when it names several ("năm học 2025 - 2026", "giai đoạn
    2021-2025"), only a horizon ("đến năm 2030") or only a cited document's date."""
    if not text or not _DIGIT.search(text):
        return None
    text = _CITED_DATE.sub(" ", nfc(text))
    if len(set(_YEARS.findall(text))) != 1:
        return None
    m = _YEAR_OF.search(text)
    return int(m.group(1)) if m else None


def read_deadline_in(text: str, year: int | None) -> Deadline | None:
    """:func:`read_deadline` of a period or day that may not write its year ("Quý II", "Tháng
    3, Tháng 4", "6 tháng đầu năm", "30/6"), read in ``year`` (its table's or plan's) when it
    names none; a year written in two digits ("Quý IV/26") is not taken for it. The text
    stays as written."""
    found = read_deadline(text)
    if found is None or year is None or found.start_year or found.end_year \
            or _TWO_DIGIT_YEAR.search(found.text):
        return found
    dated = _read_deadline(f"{found.text} năm {year}")
    if dated is not None:
        found.start_year, found.end_year = dated.start_year, dated.end_year
        found.date = found.date or dated.date
    if found.date and found.date.startswith("--") and found.recurrence is None:
        found.date = f"{year}{found.date[1:]}"  # "30/6": a day of the plan's year
    return found


def in_plans_year(found: Deadline, year: int | None) -> Deadline:
    """``found`` read in the year of its plan where its text leaves the year to it, in a
    table's cell as in prose: a sitting without its year ("Trước kỳ họp cuối năm" in a plan
    of 2026 is due by 2026, "Kỳ họp thường lệ cuối năm" in its December) and a duty kept
    "đến hết năm 2030", which starts in the plan's year ("Đến hết năm 2026" in a plan of 2026
    stays due by its end)."""
    if year is None or found.start_year is not None or found.date or found.recurrence:
        return found
    text = nfc(found.text)
    if found.end_year is None and (sitting := _SITTING_NO_YEAR.search(text)) is not None:
        dated = read_deadline(f"{text[:sitting.end()]} {year}{text[sitting.end():]}")
        if dated is not None and dated.end_year == year:
            found.start_year, found.end_year, found.date = \
                dated.start_year, dated.end_year, dated.date
    elif found.end_year is not None and year < found.end_year \
            and _UNTIL_END_OF.fullmatch(text) is not None:
        found.start_year = year
    return found


# --- targets -----------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?"
_QUALIFIER = (r"(?:(?:tối thiểu|ít nhất|tối đa|trên|dưới|khoảng|gần|hơn|đạt|tăng|giảm|"
              r"phấn đấu|bình quân)\s+)*")
# A range counts from its first number: "từ 3 - 5 sản phẩm", "2 đến 3 lớp", "3% - 5%".
_TO_NUMBER = r"(?:\s*[-–]\s*|\s+đến\s+)"
_PERCENT = re.compile(rf"({_QUALIFIER}(?:từ\s+(?=(?:{_NUMBER})\s*%?{_TO_NUMBER}))?)"
                      rf"({_NUMBER})(?:\s*%?{_TO_NUMBER}(?:{_NUMBER}))?\s*%(\s*/\s*năm)?",
                      re.IGNORECASE)
# A count opens with a digit not written after a word, "/", ".", "," or "-". The pattern
# starts with that digit (the test on what precedes it follows), so the regex engine
# jumps from digit to digit instead of trying every position of the text.
_NUMBER_AFTER_FIRST_DIGIT = r"\d{0,2}(?:\.\d{3})+(?!\d)|\d*(?:,\d+)?"
_COUNT = re.compile(rf"(\d(?<![\w/.,-]\d)(?:{_NUMBER_AFTER_FIRST_DIGIT}))"
                    rf"(?:{_TO_NUMBER}({_NUMBER}))?(?![\w/%:-]|[.,]\d)\s+")
_QUALIFIED = re.compile(rf"{_QUALIFIER}(?:từ\s+)?$", re.IGNORECASE)
_NOT_BEFORE_WORDS = (
    "số", "tcvn", "iso", "quyết định", "nghị quyết", "kế hoạch", "kết luận", "chỉ thị",
    "thông tư", "nghị định", "chương trình", "công văn", "văn bản", "ngày", "tháng", "quý",
    "nhiệm vụ", "khoản", "điều", "mục", "phần", "giai đoạn", "đề án", "năm", "lần thứ", "khóa",
    "khoá", "phụ lục", "bước", "tiêu chí", "mẫu", "ver", "phiên bản", "hạng", "loại", "cấp",
    "khu vực", "vùng", "tổ", "đội", "khu phố", "thôn", "ấp", "tiểu khu",
)
_NOT_BEFORE = re.compile(rf"(?:{'|'.join(_NOT_BEFORE_WORDS)})\s*$", re.IGNORECASE)
# "cấp" of :data:`_NOT_BEFORE_WORDS` is also a verb: a level ("cấp 2", "cấp độ 3") has one
# digit, so a longer number after it is a count ("Cấp 1.200 giấy chứng nhận"), as is any
# number after the verb opening a duty ("- Cấp 5 giấy phép") or after "nâng cấp".
_LEVEL_WORD = re.compile(r"(?<![\wÀ-ỹ])cấp\s*$", re.IGNORECASE)
_VERB_BEFORE_COUNT = re.compile(r"(?:(?:^|[-+:;(•–]\s*|,\s+)cấp|nâng\s+cấp)\s*$", re.IGNORECASE)
# Text without trailing spaces matches only in its last this many characters.
_NOT_BEFORE_SPAN = max(map(len, _NOT_BEFORE_WORDS))
_TIME_NOUNS = {"nam", "thang", "ngay", "quy", "gio", "tuan", "phut", "lan", "tuoi"}
_NOUN_STOPS = {
    "được", "về", "cho", "của", "trên", "tại", "để", "nhằm", "thuộc", "trong", "có", "đã",
    "đạt", "sẽ", "phải", "là", "với", "từ", "đến", "theo", "vào", "ứng", "tham", "nâng",
    "thực", "triển", "xây", "hỗ", "áp", "tiếp", "và", "hoặc", "mới", "gồm", "thông", "từng",
    "rằng", "mà", "bằng", "như", "trở", "tăng", "giảm", "so", "lên", "xuống", "nộp",
}
# Verbs that end the counted noun after its first word: "20 hợp tác xã chuyển đổi số" counts
# "hợp tác xã", "200 học viên sử dụng thành thạo" counts "học viên" (compared in folded form; the
# first syllable alone is often a noun: "kết quả", "sử liệu").
_NOUN_ENDING_VERBS = frozenset(fold(v) for v in (
    "chuyển đổi", "chuyển giao", "đổi mới", "sử dụng", "kết nối", "tiếp cận",
    "phát triển", "hoàn thành", "hoàn thiện", "thành lập", "đáp ứng", "bảo đảm", "đảm bảo",
    "duy trì", "mở rộng", "cung cấp", "cung ứng", "liên kết", "vận hành",
    "lắp đặt", "số hóa", "đưa vào", "quảng bá", "giới thiệu", "tuân thủ",
))


_TOKEN = re.compile(r"[^\s,;.:()]+|,\s*|[;.:()]")
_WHOLE_YEAR = re.compile(_YEAR)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@lru_cache(maxsize=4096)
def _ends_noun(token: str) -> bool:
    """A word that ends the counted noun ("được", "của" …) in any tone placement."""
    return canon(token.lower()) in _NOUN_STOPS


# A counted noun runs on while its words do ("01 tổ công nghệ số cộng đồng"), up to this many;
# a stop word or a verb ends it first ("15 hợp tác xã chuyển đổi …").
_RUN_ON = 8
# A passive after the counted noun says what a share is of: "100% hồ sơ được số hóa".
_PASSIVE = "được"
_PASSIVE_WORDS = 4


def _noun_phrase(tail: str, limit: int = _RUN_ON, *, share: bool = False) -> str:
    """The words after a number that say what it counts; for a ``share`` (a percentage), with
    the passive that says of what ("hồ sơ được số hóa")."""
    words: list[str] = []
    counted = 0  # words other than ","
    passive = 0  # words after "được", for a share
    tokens = list(_TOKEN.finditer(tail[:200]))
    for i, m in enumerate(tokens):
        token = m.group(0)
        if passive:
            if token[0] in ";.:()," or token[0].isdigit() or passive > _PASSIVE_WORDS \
                    or (passive > 1 and _ends_noun(token)):
                break
            words.append(token)
            passive += 1
            continue
        if share and words and canon(token.lower()) == _PASSIVE:
            words.append(token)
            passive = 1
            continue
        if token[0] in ";.:()":
            break
        if token.startswith(","):
            after = tail[m.end():m.end() + 1]
            if words and after[:1].isupper() and len(words) < 4:
                words.append(",")
                continue
            break
        if _ends_noun(token) or token[0].isdigit():
            break
        if not words and fold(token) in _TIME_NOUNS:
            break
        if words and i + 1 < len(tokens) and \
                fold(f"{token} {tokens[i + 1].group(0)}") in _NOUN_ENDING_VERBS:
            break
        words.append(token)
        counted += 1
        if counted >= limit:
            break
    while words and words[-1] == ",":
        words.pop()
    return " ".join(words).replace(" ,", ",")


def _counted_after_verb(before: str, number: str) -> bool:
    """Whether ``number``, written after "cấp", counts what that verb acts on rather than
    naming a level (:data:`_LEVEL_WORD`)."""
    if _LEVEL_WORD.search(before) is None:
        return False
    return len(number) > 1 or _VERB_BEFORE_COUNT.search(before) is not None


def _value(number: str) -> float:
    if _THOUSANDS.fullmatch(number):
        return float(number.replace(".", ""))
    return float(number.replace(",", "."))


# Texts up to this long (an output, a deadline, a table cell) recur from task to task
# and plan to plan; their targets are remembered.
_SHORT = 80


def read_targets(text: str) -> list[Target]:
    """Numeric targets in ``text``: percentages and counts of things."""
    if not _DIGIT.search(text):  # every target has a number; NFC makes no digits
        return []
    if len(text) <= _SHORT:
        return [Target(*found) for found in _short_targets(text)]  # each task owns its own
    return _read_targets(text)


@lru_cache(maxsize=4096)
def _short_targets(text: str) -> tuple[tuple[str, float, str], ...]:
    """:func:`read_targets` of a short text, as (text, value, unit) triples."""
    return tuple((t.text, t.value, t.unit) for t in _read_targets(text))


def _read_targets(text: str) -> list[Target]:
    """:func:`read_targets` of a text holding a digit."""
    text = nfc(text)
    found: list[Target] = []
    used: list[tuple[int, int]] = []
    for m in _PERCENT.finditer(text) if "%" in text else ():
        unit = "%/năm" if m.group(3) else "%"
        noun = "" if m.group(3) else _noun_phrase(text[m.end():], 4, share=True)
        quote = squash_spaces(m.group(0) + (" " + noun if noun else ""))
        found.append(Target(text=quote, value=_value(m.group(2)), unit=unit))
        used.append(m.span())
    for m in _COUNT.finditer(text):
        start = m.start(1)
        if used and any(a <= start < b for a, b in used):
            continue
        number = m.group(1)
        if len(number) == 4 and _WHOLE_YEAR.fullmatch(number):
            continue
        before = text[max(0, start - 40):start]
        qualifier = _QUALIFIED.search(before)
        lead = before[qualifier.start():] if qualifier else ""
        # a word naming what a number is ("năm 2025", "Quyết định số 12", "thôn 3") is not
        # a target; after "ít nhất", "tối thiểu" … the number counts ("mỗi năm ít nhất 10 lớp")
        if not lead and _NOT_BEFORE.search(before.rstrip()[-_NOT_BEFORE_SPAN:]) \
                and not _counted_after_verb(before, number):
            continue
        noun = _noun_phrase(text[m.end():])
        if not noun or not noun[0].isalpha() or fold(noun.split()[0]) in _TIME_NOUNS:
            continue  # "3 - 5%": the dash is no noun
        quote = squash_spaces(lead + text[start:m.end()] + noun)
        found.append(Target(text=quote.strip(), value=_value(number), unit=noun))
    return found
