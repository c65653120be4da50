"""Loading folders: every good file loads, every bad one is reported, none stops the batch."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import policykg
from policykg.loaders import parse
from policykg.loaders.batch import Loaded, Skipped, iter_files, load_file, load_paths
from policykg.loaders.model import LoadError, Plan, SourceFile
from policykg.loaders.text import clean_lines

PLAN_TEXT = "KẾ HOẠCH\nTriển khai nhiệm vụ\n1. Phòng Quản lý khoa học chủ trì.\n"


def fake_parse(text: str, source: SourceFile) -> Plan:
    """Stands in for the parser: a text with a title 'KẾ HOẠCH' is a plan."""
    lines = clean_lines(text)
    if "CRASH" in text:
        raise RuntimeError("parser bug\non two lines")
    if not any(line.text == "KẾ HOẠCH" for line in lines):
        raise LoadError(source.path, "not a plan: no tasks or assigned duties found")
    return Plan(id=source.sha256[:12], source=source, lines=lines)


@pytest.fixture
def parser(monkeypatch):
    monkeypatch.setattr(parse, "parse_text", fake_parse)


def _tree(root: Path) -> Path:
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "a" / "2.md").write_text(PLAN_TEXT, encoding="utf-8")
    (root / "a" / "1.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (root / "b" / "3.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (root / "z.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (root / ".hidden.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (root / ".git" / "config.txt").write_text(PLAN_TEXT, encoding="utf-8")
    return root


def test_iter_files_walks_folders_sorted_and_skips_hidden(tmp_path):
    root = _tree(tmp_path / "corpus")
    assert [p.relative_to(root).as_posix() for p in iter_files(root)] == [
        "a/1.txt", "a/2.md", "b/3.txt", "z.txt",
    ]


def test_iter_files_survives_symlink_loops_and_duplicates(tmp_path):
    root = _tree(tmp_path / "corpus")
    (root / "b" / "loop").symlink_to(root, target_is_directory=True)
    (root / "a" / "same.txt").symlink_to(root / "z.txt")
    found = [p.relative_to(root).as_posix() for p in iter_files([root, root / "z.txt"])]
    # each file once, however many ways it can be reached
    assert found[:3] == ["a/1.txt", "a/2.md", "a/same.txt"]
    assert found[3:] == ["b/3.txt"]


def test_iter_files_yields_named_files_even_missing(tmp_path):
    missing = tmp_path / "absent.txt"
    hidden = tmp_path / ".named.txt"
    hidden.write_text("x", encoding="utf-8")
    assert list(iter_files([missing, str(hidden)])) == [missing, hidden]


def _mixed_folder(root: Path) -> Path:
    import docx

    root.mkdir()
    (root / "good.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (root / "good_utf16.md").write_bytes(PLAN_TEXT.encode("utf-16"))
    document = docx.Document()
    for line in PLAN_TEXT.splitlines():
        document.add_paragraph(line)
    document.save(str(root / "good.docx"))
    (root / "notes.txt").write_text("Ghi chú cuộc họp.\n", encoding="utf-8")
    (root / "crash.txt").write_text("KẾ HOẠCH\nCRASH\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (root / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (root / "scan.pdf").write_bytes(_blank_pdf())
    return root


def _blank_pdf() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import io

    import matplotlib.pyplot as plt

    fig = plt.figure()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
    plt.close(fig)
    return buffer.getvalue()


def test_load_paths_loads_good_files_and_reports_bad_ones(tmp_path, parser):
    root = _mixed_folder(tmp_path / "in")
    results = {r.path.name: r for r in load_paths(root)}
    loaded = sorted(name for name, r in results.items() if isinstance(r, Loaded))
    assert loaded == ["good.docx", "good.txt", "good_utf16.md"]
    reasons = {name: r.reason for name, r in results.items() if isinstance(r, Skipped)}
    # a blank scan: refused as it is, or after OCR found nothing (when Tesseract is installed)
    assert reasons.pop("scan.pdf").startswith("PDF has no text layer")
    assert reasons == {
        "blob.txt": "binary file, not text",
        "crash.txt": "unexpected error: RuntimeError: parser bug on two lines",
        "empty.txt": "empty file",
        "notes.txt": "not a plan: no tasks or assigned duties found",
        "sheet.xlsx": "unsupported file type .xlsx (spreadsheet)",
    }
    plan = results["good.docx"].plan
    assert plan.source.format == "docx" and plan.source.path == str(root / "good.docx")
    assert results["good_utf16.md"].plan.source.encoding == "utf-16"


def test_progress_is_reported_for_every_file(tmp_path, parser):
    root = _tree(tmp_path / "corpus")
    seen: list[tuple[int, int, str]] = []
    results = list(load_paths(root, on_progress=lambda done, total, r: seen.append(
        (done, total, r.path.name))))
    assert seen == [(1, 4, "1.txt"), (2, 4, "2.md"), (3, 4, "3.txt"), (4, 4, "z.txt")]
    assert all(isinstance(r, Loaded) for r in results)


def test_missing_path_is_skipped_with_the_os_reason(tmp_path, parser):
    (result,) = load_paths(tmp_path / "absent.txt")
    assert isinstance(result, Skipped) and "No such file or directory" in result.reason


def test_load_file_raises_load_error(tmp_path, parser):
    good = tmp_path / "plan.txt"
    good.write_text(PLAN_TEXT, encoding="utf-8")
    assert load_file(good).source.sha256 == load_file(str(good)).source.sha256
    with pytest.raises(LoadError, match=r"unsupported file type \.xyz"):
        load_file(tmp_path / "plan.xyz")


def test_policykg_load_returns_plans_and_warns_about_the_rest(tmp_path, parser):
    root = _mixed_folder(tmp_path / "in")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plans = policykg.load(root)
    assert sorted(Path(p.source.path).name for p in plans) == [
        "good.docx", "good.txt", "good_utf16.md",
    ]
    messages = [str(w.message) for w in caught]
    assert len(messages) == 6
    assert f"{root / 'sheet.xlsx'}: unsupported file type .xlsx (spreadsheet)" in messages
    assert policykg.load([root / "good.txt", root / "good.docx"])[0].source.format == "txt"


def test_seeds_each_load_or_say_why(seeds_dir, extra_dir):
    results = list(load_paths([seeds_dir, extra_dir]))
    assert len(results) == len(list(seeds_dir.iterdir())) + len(list(extra_dir.iterdir()))
    for result in results:
        assert isinstance(result, (Loaded, Skipped))
        if isinstance(result, Skipped):
            assert result.reason.strip() and "\n" not in result.reason
            assert not result.reason.startswith("unexpected error"), result
        else:
            assert result.plan.source.sha256 and result.plan.source.encoding == "utf-8"


def test_a_seed_saved_as_word_or_web_page_reads_like_the_text(seeds_dir, tmp_path):
    """The same plan as .txt, .docx and .html gives the same tasks (or the same refusal)."""
    import html

    import docx

    for source in sorted(seeds_dir.iterdir()):
        paragraphs = [p for p in source.read_text(encoding="utf-8").split("\n") if p.strip()]
        word = docx.Document()
        for paragraph in paragraphs:
            word.add_paragraph(paragraph.replace("**", ""))
        word.save(str(tmp_path / "plan.docx"))
        (tmp_path / "plan.html").write_text(
            "<html><body><nav><a href='/'>Trang chủ</a></nav><article>"
            + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            + "</article><footer>Cổng thông tin điện tử</footer></body></html>",
            encoding="utf-8",
        )
        (expected,) = load_paths(source)
        for copy in ("plan.docx", "plan.html"):
            (result,) = load_paths(tmp_path / copy)
            assert type(result) is type(expected), (source.name, copy, result)
            if isinstance(expected, Loaded):
                tasks = [" ".join(t.text.split()) for t in result.plan.tasks]
                assert tasks == [" ".join(t.text.split()) for t in expected.plan.tasks], (
                    source.name, copy)
