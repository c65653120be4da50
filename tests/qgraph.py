"""Small hand-built graphs that follow the graph contract, for the query tests.

The ids and attributes are the ones documented in ``policykg.graph``; the
builder only saves typing. Texts are our own wording, not the seed plans'.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import networkx as nx

from policykg.ontology.normalize import slug
from policykg.ontology.schema import Kind, Rel


class GraphKit:
    """Builds a :class:`networkx.MultiDiGraph` node by node, edge by edge."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()

    # --- places and documents -----------------------------------------------------------

    def province(self, name: str, current: str | None = None) -> str:
        pid = f"province:{slug(name)}"
        if pid in self.g and current is None:
            return pid
        self.g.add_node(pid, kind=Kind.PROVINCE, label=name, name=name, current=current or name)
        if current and current != name:
            target = self.province(current)
            self.g.add_edge(pid, target, rel=Rel.MERGED_INTO)
        return pid

    def doc(self, key: str | None, *, doctype: str, date: str | None = None,
            province: str | None = None, issuer: str | None = None, title: str | None = None,
            plan: bool = False, file: str | None = None) -> str:
        year = int(date[:4]) if date else None
        scope = "local" if province else "central"
        pid = self.province(province) if province else None
        where = f"{slug(province)}:" if province else ""
        if key:
            node = f"doc:{where}{key}" + (f"@{year}" if year else "")
        else:
            node = f"doc:{where}{doctype}@{date}:{slug(title or 'x')[:8]}"
        attrs: dict[str, Any] = dict(
            kind=Kind.PLAN if plan else Kind.DOCUMENT, label=key or title or node,
            doctype=doctype, key=key, date=date, year=year, scope=scope, province=pid,
            issuer=issuer, title=title,
        )
        if plan:
            attrs.update(file=file or f"{slug(title or key or 'plan')}.txt", number=key,
                         plan_id=node)
        self.g.add_node(node, **attrs)
        if pid:
            self.g.add_edge(node, pid, rel=Rel.IN_PROVINCE)
        return node

    def link(self, child: str, parent: str, rel: str = Rel.IMPLEMENTS, *, line: int = 5,
             quote: str | None = None) -> None:
        file = self.g.nodes[child].get("file") or "cited.txt"
        self.g.add_edge(child, parent, rel=rel, file=file, line_start=line, line_end=line,
                        quote=quote or f"{self.g.nodes[child]['label']} → "
                                       f"{self.g.nodes[parent]['label']}",
                        source_plan=child)

    # --- units and tasks ----------------------------------------------------------------

    def unit(self, province: str, name: str, *, kind: str | None = None,
             category: str = "internal", org: str = "so-khcn") -> str:
        pid = self.province(province)
        node = f"unit:{slug(province)}:{org}:{slug(name)}"
        self.g.add_node(node, kind=Kind.UNIT, label=name, name=name, category=category,
                        province=pid, org=f"org:{slug(province)}:{org}", unit_kind=kind)
        if kind:
            kid = f"unitkind:{kind}"
            self.g.add_node(kid, kind=Kind.UNIT_KIND, label=kind.replace("-", " "))
            self.g.add_edge(node, kid, rel=Rel.OF_KIND)
        return node

    def topic(self, tid: str, label_vi: str) -> str:
        node = f"topic:{tid}"
        self.g.add_node(node, kind=Kind.TOPIC, label=label_vi, label_vi=label_vi, label_en=tid)
        return node

    def task(self, plan: str, tid: str, text: str, *, lead: tuple[str, ...] = (),
             support: tuple[str, ...] = (), parent: str | None = None,
             deadline: str | None = None, start: int | None = None, end: int | None = None,
             recurrence: str | None = None, date: str | None = None,
             topics: tuple[str, ...] = (), targets: tuple[dict[str, Any], ...] = (),
             line: int = 10) -> str:
        node = f"task:{plan}#{tid}"
        pdata = self.g.nodes[plan]
        self.g.add_node(
            node, kind=Kind.TASK, label=text[:60], plan=plan, number=tid, text=text,
            section="II", group=None, deadline=deadline, deadline_start=start,
            deadline_end=end, deadline_recurrence=recurrence, deadline_date=date,
            outputs=[], targets=list(targets), steps=[], province=pdata.get("province"),
            file=pdata.get("file"), line_start=line, line_end=line + 1,
        )
        if parent:
            self.g.add_edge(f"task:{plan}#{parent}", node, rel=Rel.HAS_SUBTASK)
        else:
            self.g.add_edge(plan, node, rel=Rel.HAS_TASK)
        for unit in lead:
            self.g.add_edge(node, unit, rel=Rel.LED_BY, file=pdata.get("file"),
                            line_start=line, line_end=line, quote=text[:40])
        for unit in support:
            self.g.add_edge(node, unit, rel=Rel.SUPPORTED_BY, role="support",
                            file=pdata.get("file"), line_start=line, line_end=line)
        for topic in topics:
            self.g.add_edge(node, topic, rel=Rel.ABOUT)
        return node


def lineage_graph() -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """Two provinces, a central resolution carried out through a chain, and a rival.

    ``36-NQ/TW`` exists twice (2014 and 2023); Province A's plan reaches the
    2023 one through a Party programme and a People's Committee plan; Province
    B's plan only mentions it; a national decision ``673/QĐ-TTg`` reaches
    Province B's plan directly. Both provinces issue their own ``01/CT-UBND``.
    """
    k = GraphKit()
    k.province("Tây Ninh")
    k.province("Long An", current="Tây Ninh")
    k.province("Gia Lai")
    ids: dict[str, str] = {}
    ids["nq36_2014"] = k.doc("36-NQ/TW", doctype="NQ", date="2014-07-01",
                             issuer="Bộ Chính trị", title="về công nghệ thông tin")
    ids["nq36"] = k.doc("36-NQ/TW", doctype="NQ", date="2023-01-30", issuer="Bộ Chính trị",
                        title="về công nghệ sinh học")
    ids["ctr180"] = k.doc("180-CTr/TU", doctype="CTr", date="2023-04-20", province="Tây Ninh",
                          issuer="Tỉnh ủy")
    ids["kh3300"] = k.doc("3300/KH-UBND", doctype="KH", date="2023-10-20",
                          province="Tây Ninh", issuer="UBND tỉnh")
    ids["nq189"] = k.doc("189/NQ-CP", doctype="NQ", date="2023-11-16", issuer="Chính phủ")
    ids["qd673"] = k.doc("673/QĐ-TTg", doctype="QĐ", date="2011-05-10", issuer="Thủ tướng")
    ids["kl61"] = k.doc("61-KL/TW", doctype="KL", date="2019-08-26", issuer="Ban Bí thư")
    ids["ct01_bg"] = k.doc("01/CT-UBND", doctype="CT", date="2021-01-21", province="Long An")
    ids["ct01_gl"] = k.doc("01/CT-UBND", doctype="CT", date="2021-02-02", province="Gia Lai")
    ids["plan_a"] = k.doc("12/KH-SKHCN", doctype="KH", date="2024-03-01", province="Tây Ninh",
                          title="Kế hoạch sinh học", plan=True, file="a.txt")
    ids["plan_a2"] = k.doc("40/KH-SKHCN", doctype="KH", date="2024-05-01", province="Long An",
                           title="Kế hoạch tiếp nối", plan=True, file="a2.txt")
    ids["plan_b"] = k.doc("7/KH-SKHCN", doctype="KH", date="2022-04-01", province="Gia Lai",
                          title="Kế hoạch nông dân", plan=True, file="b.txt")
    k.link(ids["ctr180"], ids["nq36"], Rel.IMPLEMENTS)
    k.link(ids["nq189"], ids["nq36"], Rel.IMPLEMENTS)
    k.link(ids["kh3300"], ids["ctr180"], Rel.IMPLEMENTS)
    k.link(ids["plan_a"], ids["kh3300"], Rel.BASED_ON, line=3)
    k.link(ids["plan_a"], ids["nq36"], Rel.MENTIONS, line=9)
    k.link(ids["plan_a2"], ids["plan_a"], Rel.IMPLEMENTS, line=2)
    k.link(ids["plan_b"], ids["nq36"], Rel.MENTIONS, line=4)
    k.link(ids["plan_b"], ids["kl61"], Rel.IMPLEMENTS, line=2)
    k.link(ids["plan_b"], ids["qd673"], Rel.IMPLEMENTS, line=2)
    k.link(ids["plan_b"], ids["ct01_gl"], Rel.BASED_ON, line=3)

    ids["tn_center"] = k.unit("Tây Ninh", "Trung tâm Khoa học và Công nghệ",
                              kind="trung-tam-khcn")
    ids["tn_office"] = k.unit("Tây Ninh", "Văn phòng Sở", kind="van-phong-so")
    ids["tn_qlkh"] = k.unit("Tây Ninh", "Phòng Quản lý khoa học", kind="phong-qlkh")
    ids["tn_tdc"] = k.unit("Tây Ninh", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                           kind="chi-cuc-tdc")
    ids["tn_all"] = k.unit("Tây Ninh", "Các phòng, đơn vị trực thuộc Sở", category="collective")
    ids["la_qlkh"] = k.unit("Long An", "Phòng Quản lý khoa học", kind="phong-qlkh")
    ids["gl_qlkh"] = k.unit("Gia Lai", "Phòng Quản lý Khoa học", kind="phong-qlkh")
    ids["gl_tdc"] = k.unit("Gia Lai", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                           kind="chi-cuc-tdc")
    ids["gl_farmers"] = k.unit("Gia Lai", "Hội Nông dân tỉnh", category="external",
                               org="hnd")

    ids["t_bio"] = k.topic("biotech", "Công nghệ sinh học")
    ids["t_ip"] = k.topic("ip", "Sở hữu trí tuệ")
    ids["t_std"] = k.topic("standards", "Tiêu chuẩn đo lường chất lượng")

    a = ids["plan_a"]
    ids["a1"] = k.task(a, "1", "Tuyên truyền về công nghệ sinh học", lead=(ids["tn_qlkh"],),
                       support=(ids["tn_all"],), deadline="Thường xuyên",
                       recurrence="ongoing", topics=(ids["t_bio"],), line=20)
    ids["a1.1"] = k.task(a, "1.1", "Đăng tin bài trên cổng thông tin", parent="1",
                         lead=(ids["tn_center"],), deadline="Hàng năm", recurrence="yearly",
                         line=22)
    ids["a2"] = k.task(a, "2", "Đào tạo nhân lực công nghệ sinh học",
                       lead=(ids["tn_center"], ids["tn_office"]), support=(ids["tn_all"],),
                       deadline="Dự kiến 2024-2026", start=2024, end=2026,
                       topics=(ids["t_bio"],), line=30)
    ids["a3"] = k.task(a, "3", "Rà soát tiêu chuẩn sản phẩm sinh học", lead=(ids["tn_tdc"],),
                       support=(ids["tn_qlkh"],), deadline="cả năm 2025", start=2025,
                       end=2025, topics=(ids["t_std"], ids["t_bio"]),
                       targets=({"text": "05 sản phẩm", "value": 5.0, "unit": "sản phẩm"},),
                       line=40)
    a2 = ids["plan_a2"]
    ids["a2_1"] = k.task(a2, "1", "Hội thảo công nghệ sinh học", lead=(ids["la_qlkh"],),
                         deadline="Quý III năm 2025", start=2025, end=2025,
                         date="2025-09-30", topics=(ids["t_bio"],), line=12)
    b = ids["plan_b"]
    ids["b1"] = k.task(b, "1", "Hỗ trợ xây dựng nhãn hiệu cho sản phẩm nông nghiệp",
                       lead=(ids["gl_qlkh"],), support=(ids["gl_farmers"],),
                       topics=(ids["t_ip"],), line=15)
    ids["b2"] = k.task(b, "2", "Hướng dẫn đăng ký mã số mã vạch", lead=(ids["gl_tdc"],),
                       deadline="trước ngày 30/06/2025", end=2025, date="2025-06-30",
                       topics=(ids["t_std"],),
                       targets=({"text": "ít nhất 30 doanh nghiệp", "value": 30.0,
                                 "unit": "doanh nghiệp"},), line=18)
    return k.g, ids


@lru_cache(maxsize=2)
def seed_graph(seeds_dir: str) -> nx.MultiDiGraph:
    """The graph of the real seed plans, built by the loaders and ``build_graph``.

    Callers must not change it (it is shared between tests).
    """
    from policykg.graph.build import build_graph
    from policykg.loaders.batch import Loaded, load_paths

    results = list(load_paths(seeds_dir))
    plans = [r.plan for r in results if isinstance(r, Loaded)]
    assert len(plans) == len(results), [str(r) for r in results if not isinstance(r, Loaded)]
    return build_graph(plans)
