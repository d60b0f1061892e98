from __future__ import annotations

import pickle

import pytest
from pydantic import ValidationError

from marsad.acled import ACLED_COLUMNS, EVENT_TYPE_OF, interaction_code
from marsad.errors import ErrorCode, Reject
from marsad.model import Document
from marsad.record import EventRecord
from marsad.stage import Stage, run_stages


def _record(**kw: object) -> EventRecord:
    base: dict[str, object] = dict(
        event_id_cnty="IRQ-test-1",
        event_date="2021-09-05",
        year=2021,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Iraq)",
    )
    base.update(kw)
    return EventRecord.model_validate(base)


def test_acled_has_31_columns_in_order() -> None:
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"
    assert list(_record().acled_row()) == list(ACLED_COLUMNS)


def test_sub_event_type_must_fit_event_type() -> None:
    with pytest.raises(ValidationError):
        _record(sub_event_type="Air/drone strike")
    assert len(EVENT_TYPE_OF) == 25


def test_interaction_code() -> None:
    assert interaction_code(2, 1) == 12
    assert interaction_code(7, 0) == 70


class _Upper(Stage):
    name = "fail-on-x"

    def process(self, doc: Document) -> Document:
        if "x" in doc.text:
            raise RuntimeError("boom")
        return doc


def test_stage_rejects_and_goes_on() -> None:
    docs = [Document(id="a", text="نص"), Document(id="b", text="x"), Document(id="c", text="نص")]
    stage = _Upper()
    out = list(run_stages([stage], docs))
    assert [d.id for d in out] == ["a", "b", "c"]
    assert out[1].reject is not None and out[1].reject.code == ErrorCode.PROCESSING
    assert stage.stats.docs_out == 2 and stage.stats.rejected[ErrorCode.PROCESSING] == 1
    clone = pickle.loads(pickle.dumps(stage))
    assert clone._ready is False


def test_reject_round_trips() -> None:
    r = Reject(code=ErrorCode.JSON.value, message="bad line", origin="x.jsonl:3")
    assert r.to_dict()["code"] == "E_JSON"
