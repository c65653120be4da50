"""Pictures of the knowledge graph that open offline: interactive pages and charts.

Each picture is drawn from a query's result (:mod:`policykg.queries`):

- :mod:`~policykg.viz.lineage` — what stems from a directive, top-down;
- :mod:`~policykg.viz.workload` — units sized by the tasks they lead;
- :mod:`~policykg.viz.plan` — one plan's legal bases, tasks and units;
- :mod:`~policykg.viz.compare` — topic × province heatmap and shared directives (PNG/SVG);
- :mod:`~policykg.viz.report` — a folder of linked pages with a summary.

Pages are written by :mod:`~policykg.viz.page` with vis-network inlined; words come
from :mod:`~policykg.viz.labels` (Vietnamese, or English with ``lang="en"``).
"""
