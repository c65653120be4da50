"""What a node is found by: folded text and words, whatever form the Vietnamese came in."""

from __future__ import annotations

import doctest
import unicodedata

import policykg.graph.searchtext as searchtext
from policykg.graph.searchtext import block_texts, search_text, words_of


def test_the_module_examples_hold():
    assert doctest.testmod(searchtext).failed == 0


def test_nfd_old_tones_and_capitals_give_the_same_words():
    typed = {"label": "Sở Khoa học và Công nghệ", "text": "Hoà nhập, thuỷ lợi"}
    nfd = {k: unicodedata.normalize("NFD", v.upper()) for k, v in typed.items()}
    new_tones = {"label": typed["label"], "text": "Hòa nhập, thủy lợi"}
    bodies = {search_text(d)[1] for d in (typed, nfd, new_tones)}
    assert bodies == {"so khoa hoc va cong nghe hoa nhap, thuy loi"}
    assert words_of(bodies.pop())[-4:] == ["hoa", "nhap", "thuy", "loi"]


def test_the_head_is_what_names_the_node_and_leads_the_body():
    head, body = search_text({"number": "2.1", "label": "2.1 Ứng dụng R&D",
                              "title": "Kế hoạch số 12/KH-UBND"})
    assert head == "2.1 ung dung r&d 2.1"
    assert body.startswith(head) and body.endswith("ke hoach so 12/kh-ubnd")
    assert "r&d" in words_of(body) and "12" in words_of(body)


def test_a_block_gives_the_texts_of_its_tasks_only():
    nodes = [["task:p#2", {"kind": "Task", "number": "2", "text": "Hai"}],
             ["doc:x", {"kind": "Plan", "label": "Kế hoạch"}],
             ["task:p#1", {"kind": "Task", "number": "1", "text": "Một"}]]
    assert block_texts(nodes) == [("task:p#1", "1", "1 mot"), ("task:p#2", "2", "2 hai")]
