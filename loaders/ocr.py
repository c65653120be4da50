"""Text of scanned PDFs, by OCR with Tesseract's Vietnamese model, when it is installed.

Many plans reach portals as scans of the signed and stamped paper. Such a PDF has no text
layer; when the ``tesseract`` program and its Vietnamese data (Debian and Ubuntu:
``tesseract-ocr tesseract-ocr-vie``) are on the machine, each page is drawn at 300 dpi
(pypdfium2, which pdfplumber already brings) and read by Tesseract, offline. Lines that
Tesseract puts in one paragraph are joined when the first reaches the right margin (a
wrapped sentence), and kept apart when it is short (a centred header line).

``$POLICYKG_OCR`` set to ``0`` (or ``ingest --no-ocr``) turns OCR off. While a page is
read, :data:`on_page` (when set) is called, so a caller timing each file knows the work
goes on.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from policykg.loaders.model import LoadError

__all__ = ["OCR_ENV", "NOTE", "ocr_engine", "ocr_enabled", "ocr_pdf", "on_page"]

OCR_ENV = "POLICYKG_OCR"
LANGUAGE = "vie"
DPI = 300
MAX_PAGES = 200  # a plan is a few dozen pages; a scanned book is not read whole
PAGE_SECONDS = 120  # Tesseract's bound for one page
NOTE = "ocr: Tesseract (vie), mean word confidence"  # how a scan's SourceFile.encoding begins
INSTALL_HINT = "install tesseract-ocr and tesseract-ocr-vie to read scanned PDFs"
_WRAPPED_SHARE = 0.8  # a line reaching this share of the text width wraps into the next
# a line opening a list item or a numbered part starts a line of its own
_ENDS = (".", ":", ";", "!", "?")
# "II NHIỆM VỤ": the dot after a section's Roman number, which OCR often loses
_HEADING_NUMBER = re.compile(r"^([IVX]{1,5})\s+(?=[A-ZĐÀ-Ỹ]{2,}(?:\s|,|$))")
_ITEM_START = re.compile(r"^(?:[-+•*–]|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+\.)\s")

on_page: Callable[[], None] | None = None


def ocr_enabled() -> bool:
    """Whether OCR may run: not turned off by ``$POLICYKG_OCR``."""
    return os.environ.get(OCR_ENV, "").strip().lower() not in ("0", "off", "no", "false")


@lru_cache(maxsize=1)
def ocr_engine() -> str | None:
    """The ``tesseract`` program when it is installed with Vietnamese data, else None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    languages = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}
    return program if LANGUAGE in languages else None


def ocr_pdf(data: bytes, path: str) -> tuple[str, float]:
    """The text of a scanned PDF, page by page (pages separated by a blank line), and
    Tesseract's mean word confidence (0-100)."""
    import pypdfium2

    program = ocr_engine()
    if program is None:
        raise LoadError(path, f"PDF has no text layer (scanned?): OCR is needed: {INSTALL_HINT}",
                        lasting=False)
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as err:  # pypdfium2 raises its own PdfiumError
        raise LoadError(path, f"cannot draw the scanned PDF's pages ({err})") from None
    pages: list[str] = []
    confidences: list[float] = []
    try:
        with tempfile.TemporaryDirectory(prefix="policykg-ocr-") as folder:
            for number in range(min(len(document), MAX_PAGES)):
                image = Path(folder) / f"{number}.png"
                page = document[number]
                try:
                    page.render(scale=DPI / 72, grayscale=True).to_pil().save(image)
                finally:
                    page.close()
                text, confidence = _read_page(program, image, path, number + 1)
                pages.append(text)
                confidences.extend(confidence)
                if on_page is not None:
                    on_page()
    finally:
        document.close()
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError(path, "PDF has no text layer, and OCR found no text on its pages "
                              "(blank, or too faint to read)")
    return text, sum(confidences) / len(confidences) if confidences else 0.0


def _read_page(program: str, image: Path, path: str, number: int
               ) -> tuple[str, list[float]]:
    """One page's text and its words' confidences, from Tesseract's TSV output."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: faster on a busy machine
    try:
        done = subprocess.run([program, str(image), "-", "-l", LANGUAGE, "tsv"],
                              capture_output=True, text=True, timeout=PAGE_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        raise LoadError(path, f"OCR of page {number} took longer than {PAGE_SECONDS} s",
                        lasting=False) from None
    except OSError as err:
        raise LoadError(path, f"cannot run tesseract: {err}", lasting=False) from None
    if done.returncode != 0:
        reason = " ".join(done.stderr.split())[:200]
        raise LoadError(path, f"OCR of page {number} failed: {reason}", lasting=False)
    return _paragraphs(done.stdout)


@lru_cache(maxsize=1)
def _unit_heads() -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit heads of two words or more ("Chi cục", "Trung tâm", "Văn phòng"), found by
    their letters without diacritics: OCR often adds or drops a tone mark ("Chỉ cục"), and
    a head misspelt so is no unit's head. Folded forms shared by two heads are left out."""
    from policykg.ontology.normalize import fold
    from policykg.ontology.units import UNIT_HEADS

    spelled: dict[str, set[str]] = {}
    for head in UNIT_HEADS:
        if " " in head:
            spelled.setdefault(fold(head), set()).add(head)
    table = {key: next(iter(heads)) for key, heads in spelled.items() if len(heads) == 1}
    words = "|".join(sorted((k.replace(" ", r"\s+") for k in table), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)"), table


def _known_heads(text: str) -> str:
    """``text`` with unit heads spelt as the vocabulary spells them, where they name a unit:
    capitalised, or after "các"."""
    from policykg.loaders.charmap import fold_aligned
    from policykg.ontology.normalize import fold

    pattern, table = _unit_heads()
    folded = fold_aligned(text)
    if len(folded) != len(text):
        return text
    out, last = [], 0
    for match in pattern.finditer(folded):
        start, end = match.span()
        written = text[start:end]
        collective = folded[max(0, start - 4):start] == "cac "  # "các chi cục"
        if not (written[:1].isupper() or collective):
            continue
        head = table[" ".join(match.group().split())]
        fixed = head.upper() if written.isupper() else \
            head if written[:1].islower() else head[:1].upper() + head[1:]
        if fold(written) == fold(fixed) and written.split() != fixed.split():
            out.append(text[last:start])
            out.append(fixed)
            last = end
    return "".join(out) + text[last:] if out else text


def _paragraphs(tsv: str) -> tuple[str, list[float]]:
    """Lines from Tesseract's TSV: words joined per line; the lines of one paragraph
    joined where the first wraps (reaches the right side of the text), so a sentence is
    one line and a header's short lines stay apart; a blank line between paragraphs."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        left, width = int(cells[6]), int(cells[8])
        lines.setdefault((block, paragraph, line), []).append((left, left + width, cells[11]))
        if float(cells[10]) >= 0:
            confidences.append(float(cells[10]))
    if not lines:
        return "", confidences
    left_edge = min(w[0] for words in lines.values() for w in words)
    right_edge = max(w[1] for words in lines.values() for w in words)
    reach = left_edge + _WRAPPED_SHARE * (right_edge - left_edge)
    out: list[str] = []
    previous: tuple[int, int] | None = None
    wraps = False
    for (block, paragraph, _), words in sorted(lines.items()):
        text = _HEADING_NUMBER.sub(r"\1. ", _known_heads(" ".join(w for _, _, w in words)))
        carries_on = wraps and not _ITEM_START.match(text)
        if previous != (block, paragraph):
            # a sentence Tesseract cut into two paragraphs: the first wraps unfinished
            # and the second begins in lower case
            carries_on = carries_on and text[:1].islower() and not out[-1].endswith(_ENDS)
            if out and not carries_on:
                out.append("")
        if carries_on:
            out[-1] += " " + text
        else:
            out.append(text)
        previous, wraps = (block, paragraph), max(w[1] for w in words) >= reach
    return "\n".join(out), confidences
