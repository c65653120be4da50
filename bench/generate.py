"""Synthetic plans for benchmarks: realistic in layout, chains, units and size, fast to make.

``python -m bench.generate --plans 10000 --seed 1 --out /tmp/corpus [--with-seeds]``

Each plan is a Department of Science and Technology plan (some are the provincial People's
Committee's) carrying out a central or local directive through a chain of provincial
documents, in one of the five layouts of domain.md §3: units as headings, numbered tasks with
labelled lines, "Nhiệm vụ N:" with "+" steps, prose with the unit as subject, and a table in
an appendix. Real-world noise is mixed in: markdown debris, NFD text, old tone placement,
page-break splits, blank numbers, spelling variants of units, mis-formatted references.

Plan ``i`` of seed ``s`` depends only on ``(s, i)``, so the first 100 plans of a 10,000-plan
corpus are the 100 plans of a 100-plan corpus. The documents of a chain depend only on
``(s, province, directive)``, so plans of one province share their provincial documents.
The ground truth of every plan goes to ``.manifest.jsonl`` (hidden, so loaders skip it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import click

from bench.vocab import (
    CENTRAL,
    COLLECTIVE,
    DEADLINES,
    EXTERNAL_AFTER,
    EXTERNAL_BEFORE,
    INTERNAL,
    LOCAL_DIRECTIVES,
    OLD_TONES,
    PLACES,
    PLANTS,
    PRODUCTS,
    PROVINCIAL_BODIES,
    PURPOSE_LINES,
    SIGNERS,
    TOPICS,
    Central,
)
from policykg.ontology.normalize import slug
from policykg.ontology.provinces import PROVINCES_2024, PROVINCES_2025

LAYOUTS = ("units", "labelled", "nhiemvu", "prose", "table")
MIN_BYTES, MAX_BYTES = 5 * 1024, 20 * 1024
MIN_TASKS, MAX_TASKS = 5, 60
MERGER = dt.date(2025, 7, 1)  # 63 provinces become 34
DOST_MERGER = dt.date(2025, 3, 1)  # Information and Communications joins Science and Technology
LAST_DATE = dt.date(2026, 9, 30)
ROMAN = ("I", "II", "III", "IV", "V", "VI")
# Rough bytes one task adds in each layout, to pick a task count that lands in the size range.
TASK_BYTES = {"units": 230, "labelled": 520, "nhiemvu": 720, "prose": 330, "table": 330}
FIXED_BYTES = 2400  # header, opening, purpose and closing

SHARED = Path(os.environ.get("POLICYKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


# (name, kind, province now) before and after the 2025 merger, from the package's table.
PROVINCES_OLD = [(p.name, p.kind, p.current) for p in PROVINCES_2024]
PROVINCES_NEW = [(p.name, p.kind, p.current) for p in PROVINCES_2025]
_NEW_NAMES = frozenset(p[0] for p in PROVINCES_NEW)


@dataclass
class Doc:
    """A document in a chain, as the plan cites it."""

    key: str
    word: str  # "Kế hoạch", "Chương trình hành động", "Nghị quyết" …
    date: dt.date
    issuer: str
    subject: str = ""

    def cite(self, with_subject: bool = True) -> str:
        text = f"{self.word} số {self.key} ngày {self.date:%d/%m/%Y} của {self.issuer}"
        return f"{text} {self.subject}" if with_subject and self.subject else text


@dataclass(slots=True)
class TaskSpec:
    topic: str
    text: str
    lead: str  # as written
    lead_canonical: str
    support: list[str]
    deadline: str
    output: str
    steps: list[str]


@dataclass
class PlanSpec:
    index: int
    layout: str
    ext: str
    province: str
    province_kind: str
    province_now: str
    date: dt.date
    number: str | None
    symbol: str
    issuer_kind: str  # "dost" | "ubnd"
    chain: list[Doc]  # the plan implements chain[0], which implements chain[1] …
    programme: Doc | None  # the Government's programme, cited as basis
    title: str
    signer: str
    deputy: bool
    tasks: list[TaskSpec] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)


# --- chains --------------------------------------------------------------------------------

_CHAIN_CACHE: dict[tuple[int, str, str], tuple[Doc, Doc]] = {}


def _days(date: dt.date, n: int, limit: dt.date = LAST_DATE) -> dt.date:
    return min(date + dt.timedelta(days=n), limit)


def _limit(province: str) -> dt.date:
    """The last day a plan can name ``province``: provinces merged away end on 30 June 2025."""
    return LAST_DATE if province in _NEW_NAMES else MERGER - dt.timedelta(days=1)


def _provincial_docs(seed: int, province: str, kind: str, central: Central) -> tuple[Doc, Doc]:
    """The province's Party programme and People's Committee plan for ``central``."""
    cache_key = (seed, province, central.key)
    docs = _CHAIN_CACHE.get(cache_key)
    if docs is None:
        rng = random.Random(f"{seed}|{province}|{central.key}")
        start = dt.date.fromisoformat(central.date)
        limit = _limit(province)
        party = Doc(f"{rng.randint(1, 320):02d}-CTr/TU", "Chương trình hành động",
                    _days(start, rng.randint(20, 150), limit),
                    "Ban Thường vụ Tỉnh ủy" if kind == "tỉnh" else "Ban Thường vụ Thành ủy")
        ubnd = Doc(f"{rng.randint(10, 4800)}/KH-UBND", "Kế hoạch",
                   _days(party.date, rng.randint(15, 120), limit), f"UBND {kind} {province}")
        docs = _CHAIN_CACHE[cache_key] = (party, ubnd)
    return docs


def _central_doc(central: Central) -> Doc:
    return Doc(central.key, central.doctype, dt.date.fromisoformat(central.date),
               central.issuer, central.subject)


# --- one plan ------------------------------------------------------------------------------


def _pick(rng: random.Random, pool: tuple | list):
    return pool[int(rng.random() * len(pool))]


def _expand(template: str) -> list[str]:
    """Every filling of ``{product}``, ``{plant}``, ``{place}``, ``{n}``, ``{pct}``.

    ``{directive}`` stays: it is filled per plan.
    """
    out = [template]
    for name, values in (("{product}", PRODUCTS), ("{plant}", PLANTS), ("{place}", PLACES),
                         ("{n}", tuple(f"{n:02d}" for n in range(2, 41))),
                         ("{pct}", ("1,5", "2", "3"))):
        if name in template:
            out = [t.replace(name, v) for t in out for v in values]
    return out


@dataclass(frozen=True)
class _Phrases:
    """A topic's duties, outputs and step lists, expanded once so a task is a few picks."""

    texts: tuple[str, ...]
    outputs: tuple[str, ...]
    steps: tuple[tuple[str, ...], ...]


def _phrases() -> dict[str, _Phrases]:
    rng = random.Random(0)
    table = {}
    for key, topic in TOPICS.items():
        texts = [f"{verb} {obj}{purpose}" for verbs, template in topic.duties
                 for verb in verbs for obj in _expand(template) for purpose in topic.purposes]
        outputs = [o for template in topic.outputs for o in _expand(template)]
        steps = [tuple(rng.sample(topic.steps, min(len(topic.steps), 2 + rng.randrange(3))))
                 for _ in range(40)]
        table[key] = _Phrases(tuple(texts), tuple(outputs), tuple(steps))
    return table


def _deadlines() -> dict[int, tuple[str, ...]]:
    table = {}
    for year in range(2015, 2030):
        rng = random.Random(year)
        values = []
        for _ in range(256):
            template = _pick(rng, DEADLINES)
            month = rng.randint(1, 12)
            day = (30 if month != 2 else 28) if rng.random() < 0.7 else rng.randint(1, 28)
            values.append(template.format(y=year, y2=year + rng.randint(1, 3), m=month,
                                          d=f"{day:02d}"))
        table[year] = tuple(values)
    return table


PHRASES = _phrases()
DEADLINES_BY_YEAR = _deadlines()
TOPIC_IDS = tuple(TOPICS)


@dataclass(frozen=True)
class _Staff:
    """Who can be named on a plan's tasks: its leads by topic and its support pools."""

    leads: dict[str, tuple[tuple[str, str], ...]]  # topic → ((canonical, spelling) …)
    internal: tuple[str, ...]
    external: tuple[str, ...]


_STAFF_CACHE: dict[tuple, _Staff] = {}


def _staff(issuer_kind: str, units: dict[str, str], external: tuple[str, ...]) -> _Staff:
    cache_key = (issuer_kind, tuple(sorted(units.items())), external)
    staff = _STAFF_CACHE.get(cache_key)
    if staff is None:
        staff = _STAFF_CACHE[cache_key] = _make_staff(issuer_kind, units, external)
    return staff


def _make_staff(issuer_kind: str, units: dict[str, str], external: tuple[str, ...]) -> _Staff:
    leads: dict[str, tuple[tuple[str, str], ...]] = {}
    for key, topic in TOPICS.items():
        if issuer_kind == "ubnd":
            leads[key] = tuple((b, b) for b in PROVINCIAL_BODIES)
            continue
        options = []
        for lead in topic.leads:
            spellings = INTERNAL[units.get(lead) or units["qlkh"]]
            # mostly the full name; sometimes a case or abbreviation variant
            options += [(spellings[0], spellings[0])] * 6
            options += [(spellings[0], v) for v in spellings[1:]]
        leads[key] = tuple(options)
    internal = tuple(INTERNAL[k][0] for k in sorted(set(units.values())))
    return _Staff(leads, internal if issuer_kind == "dost" else (), external)


def _task(r, topic_id: str, staff: _Staff, year: int, directive: str) -> TaskSpec:
    """One task; ``r`` is the plan's ``random.random``."""
    phrases = PHRASES[topic_id]
    text = phrases.texts[int(r() * len(phrases.texts))]
    if "{directive}" in text:
        text = text.replace("{directive}", directive)
    leads = staff.leads[topic_id]
    lead_canonical, lead = leads[int(r() * len(leads))]
    support: list[str] = []
    for _ in range(int(r() * 3.2)):
        x = r()
        if x < 0.45 or not staff.internal:
            pool = staff.external if x < 0.8 else COLLECTIVE
        elif x < 0.75:
            pool = staff.internal
        else:
            pool = COLLECTIVE
        name = pool[int(r() * len(pool))]
        if name != lead_canonical and name not in support:
            support.append(name)
    deadlines = DEADLINES_BY_YEAR[year]
    return TaskSpec(topic_id, text, lead, lead_canonical, support,
                    deadlines[int(r() * len(deadlines))],
                    phrases.outputs[int(r() * len(phrases.outputs))],
                    list(phrases.steps[int(r() * len(phrases.steps))]))


def make_plan(seed: int, index: int) -> PlanSpec:
    """The plan ``index`` of corpus ``seed`` (its content, not yet rendered)."""
    rng = random.Random(f"{seed}:{index}")
    r = rng.random
    layout = LAYOUTS[int(r() * len(LAYOUTS))]
    issuer_kind = "ubnd" if r() < 0.12 and layout in ("units", "prose", "table") else "dost"
    noise: list[str] = []

    central: Central | None = _pick(rng, CENTRAL) if r() < 0.8 else None
    if central is not None:
        start = dt.date.fromisoformat(central.date)
        date = _days(start, rng.randint(40, max(41, min(1600, (LAST_DATE - start).days))))
    else:
        date = dt.date(rng.randint(2019, 2026), rng.randint(1, 9), rng.randint(1, 28))
    pool = PROVINCES_NEW if date >= MERGER else PROVINCES_OLD
    province, province_kind, province_now = _pick(rng, pool)

    chain: list[Doc] = []
    programme: Doc | None = None
    if central is not None:
        top = _central_doc(central)
        party, ubnd = _provincial_docs(seed, province, province_kind, central)
        depth = r()
        if issuer_kind == "ubnd":
            chain = [party, top] if depth < 0.7 else [top]
        elif depth < 0.2:
            chain = [top]
        elif depth < 0.45:
            chain = [ubnd, top]
        else:
            chain = [ubnd, party, top]
        date = min(max(date, _days(chain[0].date, rng.randint(5, 60))), _limit(province))
        if central.programme and r() < 0.6:
            key, when = central.programme
            programme = Doc(key, "Nghị quyết", dt.date.fromisoformat(when), "Chính phủ",
                            f"ban hành Chương trình hành động của Chính phủ thực hiện "
                            f"{central.doctype} số {central.key}")
        topics = list(central.topics) * 3 + list(TOPICS)
    else:
        code, word, issuer, subject = _pick(rng, LOCAL_DIRECTIVES)
        number = rng.randint(1, 3500) if code != "CT" else rng.randint(1, 30)
        local = Doc(f"{number:02d}/{code}-UBND", word,
                    dt.date(date.year, 1, rng.randint(2, 28)),
                    issuer.replace("tỉnh", province_kind),
                    subject.format(year=date.year).replace("tỉnh", province_kind))
        chain = [local]
        date = min(max(date, _days(local.date, rng.randint(5, 40))), _limit(province))
        topics = list(TOPICS)

    symbol = "KH-UBND" if issuer_kind == "ubnd" else _pick(rng, ("KH-SKHCN", "KH-SKHCN",
                                                                 "KH-KHCN"))
    number: str | None = f"{rng.randint(1, 3000)}/{symbol}"
    if r() < 0.06:
        number = None
        noise.append("blank-number")
    directive = f"{chain[-1].word} số {chain[-1].key}"
    title = (f"Thực hiện {chain[0].word} số {chain[0].key}"
             + (f" {chain[0].subject}" if chain[0].subject else f" của {chain[0].issuer}"))
    plan = PlanSpec(index, layout, "md" if layout == "table" else "txt", province,
                    province_kind, province_now, date, number, symbol, issuer_kind, chain,
                    programme, title, _pick(rng, SIGNERS), r() < 0.5, noise=noise)
    if layout == "labelled" and r() < 0.5:
        plan.ext = "md"

    units = {"vp": "vp", "tt": "tt", "khtc": "khtc", "qlkh": "qlkh", "qlcng": "qlcng",
             "tdc": "tdc", "ttkt": "ttkt"}
    qlcn = _pick(rng, ("qlcn_shtt", "qlcn_dmst", "qlcn_tt"))
    for key in ("qlcn_shtt", "qlcn_dmst", "qlcn_tt"):
        units[key] = qlcn
    centre = _pick(rng, ("ttud", "ttkh"))
    units["ttud"] = units["ttkh"] = centre
    if date >= DOST_MERGER:
        units["cds"] = "cds"
    external = EXTERNAL_AFTER if date >= DOST_MERGER else EXTERNAL_BEFORE

    staff = _staff(issuer_kind, units, external)
    per_task = TASK_BYTES[layout]
    target = MIN_BYTES + 600 + r() * (MAX_BYTES - MIN_BYTES - 1600)
    count = min(MAX_TASKS, max(MIN_TASKS, int((target - FIXED_BYTES) / per_task)))
    year = plan.date.year
    plan.tasks = [_task(r, topics[int(r() * len(topics))], staff, year, directive)
                  for _ in range(count)]
    if r() < 0.3:
        plan.noise.append("page-break")
    if r() < 0.08:
        plan.noise.append("nfd")
    if r() < 0.1:
        plan.noise.append("old-tones")
    if r() < 0.05:
        plan.noise.append("misformatted-ref")
    return plan


# --- rendering -----------------------------------------------------------------------------


def _header(plan: PlanSpec, rng: random.Random) -> list[str]:
    place = plan.province
    level = "TỈNH" if plan.province_kind == "tỉnh" else "THÀNH PHỐ"
    if plan.issuer_kind == "ubnd":
        head = [f"ỦY BAN NHÂN DÂN\n{level} {place.upper()}"]
    else:
        head = [f"UBND {level} {place.upper()}\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    head.append(f"Số: {plan.number}" if plan.number else f"Số:     /{plan.symbol}")
    head.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    day = "    " if plan.number is None else f"{plan.date.day:02d}"
    head.append(f"{place}, ngày {day} tháng {plan.date.month:02d} năm {plan.date.year}")
    head.append(f"KẾ HOẠCH\n{plan.title}")
    return head


def _opening(plan: PlanSpec, rng: random.Random) -> list[str]:
    chain = plan.chain
    who = ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"
           if plan.issuer_kind == "ubnd"
           else "Sở Khoa học và Công nghệ xây dựng Kế hoạch thực hiện như sau:")
    links = " thực hiện ".join(doc.cite(with_subject=(i == len(chain) - 1))
                               for i, doc in enumerate(chain))
    if "misformatted-ref" in plan.noise:
        links = links.replace("-NQ/TW", "/NQ-TW", 1).replace("-CTr/TU", "-Ctr/TU", 1)
    if rng.random() < 0.5 or plan.programme is None:
        basis = f"; căn cứ {plan.programme.cite()}" if plan.programme else ""
        return [f"Thực hiện {links}{basis}, {who}"]
    lines = [f"Căn cứ {plan.programme.cite()};", f"Thực hiện {links};", who[0].upper() + who[1:]]
    return lines


def _purpose(rng: random.Random) -> list[str]:
    picks = rng.sample(PURPOSE_LINES, 4)
    return ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", *(f"- {p}" for p in picks[:2]),
            "2. Yêu cầu", *(f"- {p}" for p in picks[2:])]


def _closing(plan: PlanSpec, section: str) -> list[str]:
    body = [f"{section}. TỔ CHỨC THỰC HIỆN",
            "Các phòng, đơn vị được giao chủ trì báo cáo kết quả thực hiện trước ngày 30/11 "
            "hằng năm để tổng hợp, báo cáo theo quy định."]
    recipients = ("Nơi nhận:\n- UBND tỉnh (b/c);\n- Lãnh đạo Sở;\n"
                  "- Các phòng, đơn vị thuộc Sở;\n- Lưu: VT, QLKH.")
    if plan.issuer_kind == "ubnd":
        sign = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" if plan.deputy else \
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    else:
        sign = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" if plan.deputy else "GIÁM ĐỐC"
    return [*body, recipients, sign, plan.signer]


def _join(names: list[str], sep: str = "; ") -> str:
    return sep.join(names) if names else "Các phòng, đơn vị thuộc Sở"


def _grouped(tasks: list[TaskSpec], key) -> list[tuple[str, list[TaskSpec]]]:
    groups: dict[str, list[TaskSpec]] = {}
    for t in tasks:
        groups.setdefault(key(t), []).append(t)
    return list(groups.items())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _body_units(plan: PlanSpec, rng: random.Random) -> list[str]:
    out = ["II. NHIỆM VỤ CỦA CÁC PHÒNG, ĐƠN VỊ" if plan.issuer_kind == "dost"
           else "II. NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ"]
    for n, (_, tasks) in enumerate(_grouped(plan.tasks, lambda t: t.lead_canonical), start=1):
        out.append(f"{n}. {tasks[0].lead}")
        if len(tasks) == 1 and rng.random() < 0.5:
            out.append(f"{tasks[0].text}.")
            continue
        out.extend(f"- {t.text}." for t in tasks)
    return out


def _body_labelled(plan: PlanSpec, rng: random.Random) -> list[str]:
    md = plan.ext == "md"
    b = "**" if md else ""
    out = [f"{b}II. NHIỆM VỤ VÀ GIẢI PHÁP{b}"]
    lead_label = _pick(rng, ("Đơn vị chủ trì tham mưu", "Đơn vị chủ trì"))
    out_label = _pick(rng, ("Sản phẩm", "Kết quả"))
    for n, (topic, tasks) in enumerate(_grouped(plan.tasks, lambda t: t.topic), start=1):
        out.append(f"{b}{n}. {TOPICS[topic].title}{b}")
        for m, t in enumerate(tasks, start=1):
            out.append(f"{b}{n}.{m}.{b} {t.text}.")
            out.append(f"- {b}{lead_label}:{b} {t.lead}.\n"
                       f"- {b}Đơn vị phối hợp:{b} {_join(t.support)}.\n"
                       f"- {b}Thời gian thực hiện:{b} {t.deadline}.\n"
                       f"- {b}{out_label}:{b} {t.output}.")
    return out


def _body_nhiemvu(plan: PlanSpec, rng: random.Random) -> list[str]:
    out = ["II. NỘI DUNG THỰC HIỆN"]
    i = "*" if rng.random() < 0.5 else ""
    for n, t in enumerate(plan.tasks, start=1):
        prefix = f"{n}. " if rng.random() < 0.3 else ""
        lines = [f"- {i}Bộ phận chủ trì tham mưu:{i} {t.lead}."]
        if t.support:
            lines.append(f"- {i}Bộ phận phối hợp:{i} {_join(t.support)}.")
        lines.append(f"- {i}Thời gian thực hiện:{i} {t.deadline}.")
        lines.append(f"- {i}Nội dung thực hiện:{i}")
        lines.extend(f"+ {s};" for s in t.steps)
        lines.append(f"- {i}Kết quả thực hiện:{i} {t.output}.")
        out.append(f"{prefix}Nhiệm vụ {n}: {t.text}")
        out.append("\n".join(lines))
    return out


def _body_prose(plan: PlanSpec, rng: random.Random) -> list[str]:
    out = ["II. NHIỆM VỤ VÀ GIẢI PHÁP"]
    for n, (topic, tasks) in enumerate(_grouped(plan.tasks, lambda t: t.topic), start=1):
        out.append(f"{n}. {TOPICS[topic].title}")
        for t in tasks:
            duty = _lower_first(t.text)
            form = rng.random()
            if form < 0.35:
                text = f"Giao {t.lead} chủ trì, {duty}."
            elif form < 0.7:
                text = f"{t.lead} chủ trì, {duty}."
            else:
                text = f"{t.lead} chủ trì tham mưu {duty}."
            if t.support:
                names = ", ".join(_lower_first(n) if n.startswith("Các ") else n
                                  for n in t.support)
                text += f" Phối hợp với {names} trong quá trình thực hiện."
            if rng.random() < 0.6:
                text += f" Thời gian: {_lower_first(t.deadline)}."
            out.append(text)
    return out


def _cell(text: str) -> str:
    return text.replace("|", "/")


def _body_table(plan: PlanSpec, rng: random.Random) -> list[str]:
    head = "| STT | Nội dung nhiệm vụ | Cơ quan/Đơn vị chủ trì | Đơn vị phối hợp | " \
           "Thời gian hoàn thành | Sản phẩm / Kết quả |\n|:---:|---|---|---|:---:|---|"
    rows = "\n".join(
        f"| {n} | {_cell(t.text)} | {_cell(t.lead)} | {_cell(_join(t.support))} | "
        f"{t.deadline} | {_cell(t.output)} |"
        for n, t in enumerate(plan.tasks, start=1))
    intro = ["II. NỘI DUNG", "Nhiệm vụ cụ thể, đơn vị thực hiện và thời hạn tại Phụ lục kèm theo."]
    return intro, ["## PHỤ LỤC", "**DANH MỤC NHIỆM VỤ**",
                   f"*(Kèm theo Kế hoạch {plan.number or 'số     /' + plan.symbol})*",
                   f"{head}\n{rows}"]


_BODIES = {"units": _body_units, "labelled": _body_labelled, "nhiemvu": _body_nhiemvu,
           "prose": _body_prose}


def _page_break(blocks: list[str], rng: random.Random) -> None:
    """Split one long paragraph as a page break does: blank line, lower-case continuation."""
    long_ones = [i for i, b in enumerate(blocks) if len(b) > 120 and "\n" not in b]
    if not long_ones:
        return
    i = _pick(rng, long_ones)
    text = blocks[i]
    cut = text.find(" ", len(text) // 2)
    while cut != -1 and not text[cut + 1:cut + 2].islower():
        cut = text.find(" ", cut + 1)
    if cut != -1 and not text[:cut].endswith((".", ":", ";")):
        blocks[i] = text[:cut] + "\n\n" + text[cut + 1:]


def render(plan: PlanSpec) -> str:
    """The text of ``plan`` in its layout, with its noise applied."""
    rng = random.Random(f"render:{plan.index}:{plan.date}")
    header = _header(plan, rng)
    blocks = header + _opening(plan, rng) + _purpose(rng)
    if plan.layout == "table":
        intro, appendix = _body_table(plan, rng)
        blocks += intro + _closing(plan, "III") + ["---"] + appendix
    else:
        blocks += _BODIES[plan.layout](plan, rng) + _closing(plan, "III")
    if plan.ext == "md" and plan.layout != "table":
        blocks[len(header) - 1] = "# " + blocks[len(header) - 1]
    if "page-break" in plan.noise:
        _page_break(blocks, rng)
    text = "\n\n".join(blocks) + "\n"
    if "old-tones" in plan.noise:
        for new, old in OLD_TONES:
            text = text.replace(new, old)
    if "nfd" in plan.noise:
        text = unicodedata.normalize("NFD", text)
    return text


def fit(plan: PlanSpec, seed: int) -> bytes:
    """Render ``plan`` within the size range, dropping or adding tasks as needed."""
    data = render(plan).encode("utf-8")
    if MIN_BYTES <= len(data) <= MAX_BYTES:
        return data
    r = random.Random(f"fit:{seed}:{plan.index}").random
    units = {k: k for k in INTERNAL if k != "cds" or plan.date >= DOST_MERGER}
    external = EXTERNAL_AFTER if plan.date >= DOST_MERGER else EXTERNAL_BEFORE
    staff = _staff(plan.issuer_kind, units, external)
    directive = f"{plan.chain[-1].word} số {plan.chain[-1].key}"
    while len(data) > MAX_BYTES and len(plan.tasks) > MIN_TASKS:
        per = max(1, len(data) // (len(plan.tasks) + 8))
        drop = max(1, (len(data) - MAX_BYTES) // per)
        del plan.tasks[max(MIN_TASKS, len(plan.tasks) - drop):]
        data = render(plan).encode("utf-8")
    while len(data) < MIN_BYTES and len(plan.tasks) < MAX_TASKS:
        topic = TOPIC_IDS[int(r() * len(TOPIC_IDS))]
        plan.tasks.append(_task(r, topic, staff, plan.date.year, directive))
        data = render(plan).encode("utf-8")
    return data


def ground_truth(plan: PlanSpec, name: str) -> dict:
    return {
        "file": name, "layout": plan.layout, "province": plan.province,
        "province_now": plan.province_now, "date": plan.date.isoformat(),
        "number": plan.number, "symbol": plan.symbol, "issuer": plan.issuer_kind,
        "chain": [d.key for d in plan.chain],
        "basis": plan.programme.key if plan.programme else None, "noise": plan.noise,
        # one row per task: [topic, lead (full name), support, deadline as written]
        "tasks": [[t.topic, t.lead_canonical, t.support, t.deadline] for t in plan.tasks],
    }


def file_name(plan: PlanSpec) -> str:
    return f"{plan.index:06d}_{slug(plan.province)}_{plan.layout}.{plan.ext}"


def generate(out: Path, plans: int, seed: int, with_seeds: bool = False) -> dict:
    """Write ``plans`` synthetic plans (and the real seeds if asked) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    started, cpu_started = time.perf_counter(), time.process_time()
    total = 0
    with open(out / ".manifest.jsonl", "w", encoding="utf-8") as manifest:
        for i in range(plans):
            plan = make_plan(seed, i)
            data = fit(plan, seed)
            name = file_name(plan)
            (out / name).write_bytes(data)
            manifest.write(json.dumps(ground_truth(plan, name), ensure_ascii=False) + "\n")
            total += len(data)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    seeds = 0
    if with_seeds:
        if not SEEDS.is_dir():
            raise click.ClickException(f"seed plans not found: {SEEDS}")
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, out / f"seed_{path.name}")
            seeds += 1
    return {"plans": plans, "seeds": seeds, "bytes": total, "seconds": round(elapsed, 3),
            "cpu_seconds": round(cpu, 3),
            "plans_per_s": round(plans / elapsed, 1) if elapsed else None,
            "plans_per_cpu_s": round(plans / cpu, 1) if cpu else None, "out": str(out)}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--plans", "count", type=click.IntRange(min=1), default=1000, show_default=True,
              help="How many synthetic plans to write.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Corpus seed: the same seed writes the same bytes.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the plans into (created if missing).")
@click.option("--with-seeds", is_flag=True,
              help="Also copy the five real seed plans from ../shared/corpus/seeds.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def main(count: int, seed: int, out: Path, with_seeds: bool, as_json: bool) -> None:
    """Write a synthetic corpus of Vietnamese plans for benchmarks."""
    summary = generate(out, count, seed, with_seeds)
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(f"{summary['plans']} plans ({summary['bytes'] / 1e6:.1f} MB) in "
                   f"{summary['seconds']} s = {summary['plans_per_s']} plans/s "
                   f"({summary['plans_per_cpu_s']} per CPU second)"
                   + (f", plus {summary['seeds']} seeds" if with_seeds else "")
                   + f" → {out}")


if __name__ == "__main__":
    sys.exit(main())
