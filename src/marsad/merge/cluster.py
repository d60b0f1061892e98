"""In-memory cross-report merging of EventRecords (used by `marsad batch` over shards).

Blocking by (country, day): a report is only compared with clusters whose country is the same
and whose days are within the policy's window, so the cost grows with the number of reports per
country-day, not with the square of the dataset. The store uses the same `rules` incrementally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import timedelta

from marsad.merge.combine import combine
from marsad.merge.rules import DEFAULT_POLICY, MergePolicy, Report, cluster_score
from marsad.merge.text import match_text
from marsad.record import EventRecord


def cluster_reports(reports: Iterable[Report], policy: MergePolicy = DEFAULT_POLICY) -> list[list[Report]]:
    """Greedy, order-stable clustering: each report joins the best-scoring compatible cluster."""
    clusters: list[list[Report]] = []
    blocks: dict[tuple[str, object], list[int]] = defaultdict(list)
    for r in reports:
        best, best_score = -1, 0.0
        seen: set[int] = set()
        for delta in range(-policy.max_days, policy.max_days + 1):
            for ci in blocks.get((r.record.country, r.day + timedelta(days=delta)), []):
                if ci in seen:
                    continue
                seen.add(ci)
                s = cluster_score(r, clusters[ci], policy)
                if s is None or s < policy.threshold:
                    continue
                if best < 0 or s > best_score or (s == best_score and ci < best):
                    best, best_score = ci, s
        if best < 0:
            clusters.append([r])
            best = len(clusters) - 1
        else:
            clusters[best].append(r)
        blocks[(r.record.country, r.day)].append(best)
    return clusters


def merge_events(
    records: Iterable[EventRecord],
    texts: Mapping[str, str] | None = None,
    policy: MergePolicy = DEFAULT_POLICY,
) -> list[EventRecord]:
    """Merge the reports of the same incident; `texts` maps doc_id -> original text (optional,
    gives the trigger sentences; without it the evidence spans alone are compared)."""
    reports = []
    for rec in records:
        doc_text = texts.get(rec.doc_ids[0]) if texts and rec.doc_ids else None
        reports.append(Report(rec, match_text(rec, doc_text)))
    return [combine(c) for c in cluster_reports(reports, policy)]
