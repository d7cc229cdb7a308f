"""Event clustering: many reports of one real event become one event, with its origins counted.

Public API: :func:`cluster_reports` (a pure function of a set of report features),
:func:`build_event` (consensus, disagreements, corroboration) and, over a store,
:func:`eventwire.store.clusters.recluster`.
"""

from __future__ import annotations

from .consensus import CORROBORATION, build_event, corroboration
from .core import Cluster, cluster_reports
from .features import ReportFeatures, family_of

__all__ = ["CORROBORATION", "Cluster", "ReportFeatures", "build_event", "cluster_reports", "corroboration",
           "family_of"]
