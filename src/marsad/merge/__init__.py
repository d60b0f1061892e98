"""Cross-report merging: reports of the same incident from different documents become one event.

`rules` decides whether two reports are the same incident (and explains the score), `combine`
folds a cluster into one EventRecord with ACLED's lowest-figure rule, `cluster` merges a batch in
memory with blocking by (country, day). `marsad.store` applies the same rules incrementally.
"""

from marsad.merge.cluster import cluster_reports, merge_events
from marsad.merge.combine import combine
from marsad.merge.rules import DEFAULT_POLICY, MergePolicy, Report, explain, same_incident, score
from marsad.merge.text import match_text, normalize_key

__all__ = [
    "DEFAULT_POLICY",
    "MergePolicy",
    "Report",
    "cluster_reports",
    "combine",
    "explain",
    "match_text",
    "merge_events",
    "normalize_key",
    "same_incident",
    "score",
]
