"""Reading inputs: JSON Lines, plain text, HTML, WARC, directories, stdin, gzip.

from marsad.io import read_inputs, RejectWriter, RunSummary

summary = RunSummary()
with RejectWriter("rejects.jsonl") as rejects:
    for doc in read_inputs(["reports/", "more.jsonl.gz"]):
        summary.add(doc)
        if not doc.ok:
            rejects.write(doc.reject)
            continue
        ...  # process doc
print(summary.render()); raise SystemExit(summary.exit_code())
"""

from marsad.io.read import read_inputs
from marsad.io.rejects import RejectWriter, read_rejects
from marsad.io.summary import EXIT_NOTHING_PROCESSED, EXIT_OK, EXIT_SOME_REJECTED, RunSummary

__all__ = [
    "EXIT_NOTHING_PROCESSED",
    "EXIT_OK",
    "EXIT_SOME_REJECTED",
    "RejectWriter",
    "RunSummary",
    "read_inputs",
    "read_rejects",
]
