"""Property and fuzz tests: whatever a file holds, reading and parsing it ends in a plan
or in one :class:`LoadError` with a one-line reason — never another exception, never a hang.

The quick runs here suit CI; ``--runslow`` runs the same properties on many more examples.
"""

from __future__ import annotations

import signal
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders.model import LoadError, Plan, SourceFile
from policykg.loaders.parse import parse_text
from policykg.loaders.readers import read_document
from tests.test_hostile_input import TASKS, UNITS, plan_text

HANG_SECONDS = 60  # a guard against a hang, far above what any example here needs
QUICK = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])
LONG = settings(QUICK, max_examples=1500)


@contextmanager
def no_hang(what: str):
    """Fail (instead of waiting forever) when one example runs past HANG_SECONDS."""
    def stop(signum, frame):
        raise AssertionError(f"no answer after {HANG_SECONDS} s: {what}")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def source(name: str = "f.txt") -> SourceFile:
    return SourceFile(path=name, sha256="0" * 64, format="txt", encoding="utf-8")


def check_plan(plan: Plan) -> None:
    """What a user relies on in any plan the parser gives."""
    assert plan.tasks and plan.id
    last = max(line.end for line in plan.lines)
    for task in plan.tasks:
        assert task.text.strip()
        assert 1 <= task.source.line_start <= task.source.line_end <= last


def parse_or_reason(text: str, name: str = "f.txt") -> Plan | str:
    with no_hang(f"parse of {len(text)} characters"):
        try:
            plan = parse_text(text, source(name))
        except LoadError as err:
            assert err.reason and "\n" not in err.reason
            return err.reason
    check_plan(plan)
    return plan


def read_or_reason(path: Path) -> tuple[str, SourceFile] | str:
    with no_hang(f"read of {path.name}"):
        try:
            return read_document(path)
        except LoadError as err:
            assert err.path == str(path) and err.reason and "\n" not in err.reason
            return err.reason


def load_or_reason(path: Path) -> Plan | str:
    got = read_or_reason(path)
    if isinstance(got, str):
        return got
    text, src = got
    assert isinstance(text, str)
    return parse_or_reason(text, src.path)


# --- strategies -------------------------------------------------------------------------------

ODD = ("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
       "\u2068\u2069\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\x00\x01\x07\x08\x0b\x0c"
       "\x1b\x7f\x85\xa0\xad\u2028\u2029\u3000\ud7ff\ufffd\U0001f600\u05d0\u0627\u0e01")
WORDS = ("Kế hoạch triển khai nhiệm vụ chủ trì phối hợp thời hạn năm quý tháng hoàn thành báo "
         "cáo Sở Phòng Ban UBND tỉnh Nghị quyết số Quyết định Chỉ thị theo về và các của").split()

odd_text = st.text(alphabet=st.sampled_from(ODD), max_size=5)
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(UNITS), odd_text,
                 st.from_regex(r"\d{1,4}/(KH|QĐ|NQ)-[A-ZĐ]{2,6}", fullmatch=True),
                 st.from_regex(r"\d{1,2}/\d{1,2}/(19|20)\d\d", fullmatch=True))
marker = st.one_of(
    st.just(""), st.just("- "), st.just("+ "), st.just("* "), st.just("• "),
    st.from_regex(r"(\d{1,3}\.){1,6} ?", fullmatch=True),
    st.from_regex(r"[IVXLC]{1,5}\. ", fullmatch=True),
    st.from_regex(r"[a-zđ]\) ", fullmatch=True),
    st.from_regex(r"\| ?", fullmatch=True),
    st.just("#" * 3 + " "), st.just("Điều 1. "), st.just("Phần thứ nhất "),
)
line = st.builds(lambda m, ws: m + " ".join(ws), marker, st.lists(word, max_size=14))
plan_like = st.builds(
    lambda head, body, sep: head + sep.join(body),
    st.sampled_from([plan_text(), plan_text().split("II.")[0], "", "KẾ HOẠCH\n"]),
    st.lists(line, max_size=60),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\x0c\n", "\u2028"]),
)


# --- the parser -------------------------------------------------------------------------------


@QUICK
@given(st.text(max_size=3000))
def test_any_unicode_text_parses_or_gives_one_reason(text):
    parse_or_reason(text)


@QUICK
@given(plan_like)
def test_plan_shaped_text_with_odd_lines_parses_or_gives_one_reason(text):
    parse_or_reason(text)


@QUICK
@given(st.integers(0, 10_000), st.sampled_from(["NFC", "NFD"]))
def test_a_plan_cut_anywhere_parses_or_gives_one_reason(cut, form):
    text = unicodedata.normalize(form, plan_text(tasks=TASKS * 3))
    parse_or_reason(text[: cut % (len(text) + 1)])


@QUICK
@given(st.lists(st.tuples(st.integers(0, 4000), odd_text), max_size=30))
def test_odd_characters_anywhere_in_a_plan_keep_it_a_plan_or_give_a_reason(insertions):
    text = plan_text()
    for at, chars in sorted(insertions, reverse=True):
        at %= len(text) + 1
        text = text[:at] + chars + text[at:]
    parse_or_reason(text)


# --- every reader, on random and damaged bytes -----------------------------------------------

SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf"]


@QUICK
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_read_or_give_one_reason(tmp_path, data, suffix):
    path = tmp_path / f"rac{suffix}"
    path.write_bytes(data)
    load_or_reason(path)


def _good_files(folder: Path) -> dict[str, bytes]:
    import docx

    from tests.test_readers import _pdf_with_text

    folder.mkdir(exist_ok=True)
    text = plan_text()
    document = docx.Document()
    for row in text.split("\n"):
        document.add_paragraph(row)
    document.save(str(folder / "k.docx"))
    _pdf_with_text(folder / "k.pdf", [text.split("\n")[:20]])
    html = ("<html><head><meta charset='utf-8'><style>p{}</style></head><body><main>"
            + "".join(f"<p>{row}</p>" for row in text.split("\n")) + "</main></body></html>")
    return {".txt": text.encode("utf-8"), ".md": text.encode("utf-16"),
            ".html": html.encode("utf-8"), ".docx": (folder / "k.docx").read_bytes(),
            ".pdf": (folder / "k.pdf").read_bytes()}


@pytest.fixture(scope="module")
def good_files(tmp_path_factory) -> dict[str, bytes]:
    return _good_files(tmp_path_factory.mktemp("good"))


def test_the_undamaged_files_are_plans(good_files, tmp_path):
    for suffix, data in good_files.items():
        path = tmp_path / f"k{suffix}"
        path.write_bytes(data)
        got = load_or_reason(path)
        assert isinstance(got, Plan), (suffix, got)


def _damage(data: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    damaged = bytearray(data[: max(1, len(data) - cut % len(data))])
    for at, value in flips:
        damaged[at % len(damaged)] = value
    return bytes(damaged)


@QUICK
@given(st.sampled_from(SUFFIXES), st.integers(0, 10**6),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_truncated_or_damaged_files_read_or_give_one_reason(good_files, tmp_path, suffix, cut,
                                                            flips):
    path = tmp_path / f"hong{suffix}"
    path.write_bytes(_damage(good_files[suffix], cut, flips))
    load_or_reason(path)


tag = st.sampled_from(["div", "p", "table", "tr", "td", "li", "ul", "main", "article", "script",
                       "style", "span", "b", "br", "nav", "section", "th", "iframe", "svg"])
html_piece = st.one_of(
    st.builds(lambda t: f"<{t}>", tag), st.builds(lambda t: f"</{t}>", tag),
    st.builds(lambda t, c: f'<{t} class="{c}">', tag,
              st.sampled_from(["content", "menu", "noi-dung", "footer"])),
    line, st.just("<!--"), st.just("-->"), st.just("<![CDATA["), st.just("&#x110000;"),
    st.just("&amp"), st.just("<"), st.just(">"),
)


@QUICK
@given(st.lists(html_piece, max_size=80), st.integers(0, 400))
def test_tag_soup_reads_or_gives_one_reason(tmp_path, pieces, depth):
    page = "<html><body>" + "<div>" * depth + "".join(pieces) + plan_text()
    path = tmp_path / "trang.html"
    path.write_text(page, encoding="utf-8")
    load_or_reason(path)


# --- longer runs ---------------------------------------------------------------------------


@pytest.mark.slow
@LONG
@given(plan_like)
def test_long_run_plan_shaped_text(text):
    parse_or_reason(text)


@pytest.mark.slow
@LONG
@given(st.binary(max_size=20_000), st.sampled_from(SUFFIXES))
def test_long_run_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"rac{suffix}"
    path.write_bytes(data)
    load_or_reason(path)


@pytest.mark.slow
@LONG
@given(st.sampled_from(SUFFIXES), st.integers(0, 10**6),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=30))
def test_long_run_damaged_files(good_files, tmp_path, suffix, cut, flips):
    path = tmp_path / f"hong{suffix}"
    path.write_bytes(_damage(good_files[suffix], cut, flips))
    load_or_reason(path)


@pytest.mark.slow
@LONG
@given(st.text(min_size=1000, max_size=50_000))
def test_long_run_long_unicode_text(text):
    parse_or_reason(text)
