"""Words on the pictures, in Vietnamese (default) and English, kept as data.

Every title, legend entry and note a page shows is looked up here by key, so a
new language is a new column, not new code.
"""

from __future__ import annotations

LANGS = ("vi", "en")

TEXT: dict[str, dict[str, str]] = {
    # node kinds (legend)
    "kind.directive": {"vi": "Văn bản chỉ đạo (gốc)", "en": "Directive (root)"},
    "kind.document": {"vi": "Văn bản được trích dẫn", "en": "Cited document"},
    "kind.plan": {"vi": "Kế hoạch", "en": "Plan"},
    "kind.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "kind.unit": {"vi": "Đơn vị", "en": "Unit"},
    "kind.collective": {"vi": "Nhóm đơn vị (không phải một đơn vị)",
                        "en": "Group of units (not one unit)"},
    "kind.group": {"vi": "Nhóm nhiệm vụ (nhấp đúp để mở)",
                   "en": "Group of tasks (double-click to expand)"},
    "kind.basis": {"vi": "Căn cứ pháp lý", "en": "Legal basis"},
    # relations (edge labels and legend)
    "rel.IMPLEMENTS": {"vi": "thực hiện", "en": "implements"},
    "rel.BASED_ON": {"vi": "căn cứ", "en": "based on"},
    "rel.HAS_TASK": {"vi": "có nhiệm vụ", "en": "has task"},
    "rel.HAS_SUBTASK": {"vi": "nhiệm vụ con", "en": "sub-task"},
    "rel.LED_BY": {"vi": "chủ trì", "en": "leads"},
    "rel.SUPPORTED_BY": {"vi": "phối hợp", "en": "supports"},
    "rel.OVERLAPS": {"vi": "trùng lặp (điểm {score})", "en": "overlap (score {score})"},
    "edge.lead": {"vi": "chủ trì (nét liền)", "en": "leads (solid line)"},
    "edge.support": {"vi": "phối hợp (nét đứt)", "en": "supports (dashed line)"},
    # titles
    "title.lineage": {"vi": "Nhiệm vụ phát sinh từ {ref}", "en": "Tasks stemming from {ref}"},
    "title.workload": {"vi": "Khối lượng công việc của các đơn vị{where}",
                       "en": "Workload of units{where}"},
    "title.plan": {"vi": "Kế hoạch {ref}: căn cứ, nhiệm vụ và đơn vị",
                   "en": "Plan {ref}: legal bases, tasks and units"},
    "title.compare": {"vi": "So sánh: số nhiệm vụ theo lĩnh vực và tỉnh",
                      "en": "Comparison: task counts by topic and province"},
    "title.compare_directives": {"vi": "Văn bản chỉ đạo: chung và riêng",
                                 "en": "Directives: shared and unique"},
    "title.report": {"vi": "Báo cáo tổng hợp kế hoạch", "en": "Plans report"},
    "where.province": {"vi": " tỉnh {name}", "en": " in {name}"},
    "where.unit": {"vi": " ({name})", "en": " ({name})"},
    "where.all": {"vi": " (toàn bộ dữ liệu)", "en": " (whole corpus)"},
    "where.everything": {"vi": "toàn bộ dữ liệu", "en": "the whole corpus"},
    "title.overlaps": {"vi": "Nhiệm vụ trùng lặp: {where}", "en": "Overlapping duties: {where}"},
    "sub.overlaps": {"vi": "{pairs} cặp nhiệm vụ trùng lặp trong {tasks} nhiệm vụ",
                     "en": "{pairs} overlapping pairs among {tasks} tasks"},
    "from_plans": {"vi": "Từ các kế hoạch: {plans}", "en": "From plans: {plans}"},
    "no_plans": {"vi": "Không có kế hoạch nào.", "en": "No plans."},
    "color_by.topic": {"vi": "Màu nhiệm vụ theo lĩnh vực", "en": "Tasks coloured by topic"},
    "color_by.directive": {"vi": "Màu nhiệm vụ theo văn bản chỉ đạo gốc",
                           "en": "Tasks coloured by root directive"},
    "size_note": {"vi": "Kích thước đơn vị theo số nhiệm vụ chủ trì.",
                  "en": "Unit size follows the number of tasks it leads."},
    "aggregated": {
        "vi": "Đã gộp {tasks} nhiệm vụ thành {groups} nhóm theo {by} để dễ đọc; "
              "nhấp đúp vào một nhóm để mở.",
        "en": "{tasks} tasks were aggregated into {groups} groups by {by} to stay "
              "readable; double-click a group to expand it.",
    },
    "by.plan": {"vi": "kế hoạch", "en": "plan"},
    "by.topic": {"vi": "lĩnh vực", "en": "topic"},
    "by.directive": {"vi": "văn bản chỉ đạo", "en": "directive"},
    "no_topic": {"vi": "(chưa xác định lĩnh vực)", "en": "(no topic)"},
    "no_directive": {"vi": "(không có văn bản gốc)", "en": "(no root directive)"},
    "tasks_count": {"vi": "{n} nhiệm vụ", "en": "{n} tasks"},
    "legend": {"vi": "Chú giải", "en": "Legend"},
    "hover_hint": {"vi": "Di chuột lên một nút để xem chi tiết và dòng trích nguồn.",
                   "en": "Hover a node for details and the quoted source line."},
    "back": {"vi": "← Về trang tổng hợp", "en": "← Back to the report"},
    # hover fields
    "f.number": {"vi": "Số", "en": "Number"},
    "f.date": {"vi": "Ngày", "en": "Date"},
    "f.province": {"vi": "Tỉnh", "en": "Province"},
    "f.quote": {"vi": "Trích nguồn", "en": "Source line"},
    "f.source": {"vi": "Tệp", "en": "File"},
    "f.plan": {"vi": "Kế hoạch", "en": "Plan"},
    "f.deadline": {"vi": "Thời hạn", "en": "Deadline"},
    "f.lead": {"vi": "Chủ trì", "en": "Leads"},
    "f.support": {"vi": "Phối hợp", "en": "Supports"},
    "f.kind": {"vi": "Loại", "en": "Kind"},
    "f.topics": {"vi": "Lĩnh vực", "en": "Topics"},
    # compare
    "axis.topic": {"vi": "Lĩnh vực", "en": "Topic"},
    "axis.side": {"vi": "Tỉnh / kế hoạch", "en": "Province / plan"},
    "axis.directive": {"vi": "Văn bản chỉ đạo", "en": "Directive"},
    "shared": {"vi": "chung cho tất cả", "en": "shared by all"},
    "unique": {"vi": "chỉ một bên", "en": "unique to one"},
    "partly": {"vi": "một số bên", "en": "some"},
    "cbar": {"vi": "Số nhiệm vụ", "en": "Number of tasks"},
    "side_summary": {"vi": "{name}: {plans} kế hoạch, {tasks} nhiệm vụ",
                     "en": "{name}: {plans} plans, {tasks} tasks"},
    # report
    "r.summary": {"vi": "Tổng quan dữ liệu", "en": "Corpus summary"},
    "r.plans": {"vi": "Kế hoạch", "en": "Plans"},
    "r.provinces": {"vi": "Tỉnh", "en": "Provinces"},
    "r.directives": {"vi": "Văn bản chỉ đạo trung ương", "en": "Central directives"},
    "r.units": {"vi": "Đơn vị", "en": "Units"},
    "r.tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "r.lineage": {"vi": "Chuỗi triển khai các văn bản chỉ đạo trung ương",
                  "en": "Lineage of each central directive"},
    "r.workload": {"vi": "Khối lượng công việc theo tỉnh", "en": "Workload per province"},
    "r.plan_pages": {"vi": "Từng kế hoạch", "en": "Each plan"},
    "r.overlaps": {"vi": "Nhiệm vụ trùng lặp giữa các kế hoạch",
                   "en": "Duties repeated between plans"},
    "r.compare": {"vi": "Ma trận so sánh", "en": "Comparison matrix"},
    "r.score": {"vi": "Điểm", "en": "Score"},
    "r.task_a": {"vi": "Nhiệm vụ A", "en": "Task A"},
    "r.task_b": {"vi": "Nhiệm vụ B", "en": "Task B"},
    "r.shared_words": {"vi": "Từ chung", "en": "Shared words"},
    "r.none": {"vi": "Không có.", "en": "None."},
    "r.spreadsheets": {"vi": "Bảng số liệu (CSV, mở bằng Excel)",
                       "en": "Spreadsheets (CSV, open in Excel)"},
    "r.workload_of": {"vi": "Khối lượng công việc:", "en": "Workload:"},
    "r.pairs_count": {"vi": "{n} cặp nhiệm vụ", "en": "{n} pairs of tasks"},
    "r.overlaps_page": {"vi": "Sơ đồ {n} cặp trùng lặp nhiều nhất giữa các kế hoạch",
                        "en": "Picture of the top {n} pairs between plans"},
    "r.open": {"vi": "mở", "en": "open"},
    "r.svg": {"vi": "bản SVG", "en": "SVG version"},
    "r.more_plans": {"vi": "Còn {n} kế hoạch khác: vẽ bằng lệnh policykg viz plan.",
                     "en": "{n} more plans: draw them with policykg viz plan."},
    "r.no_central": {"vi": "Không tìm thấy văn bản chỉ đạo trung ương nào.",
                     "en": "No central directive found."},
    "r.national": {"vi": "Trung ương / không rõ tỉnh", "en": "Central / no province"},
}


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for ``key`` in ``lang`` (Vietnamese when missing), with ``values`` filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**values) if values else text


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang
