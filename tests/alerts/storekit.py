"""Arabic agency-style reports written for the alert tests, stored through the real Store.

Each report describes one incident in a different village on its own day, so the store's
cross-report merge keeps them apart: the weekly counts in the store are the counts we wrote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.acled import DISORDER_TYPE, EVENT_TYPE_OF, interaction_code
from marsad.model import Document
from marsad.record import EventRecord, Evidence

WEEKDAYS_AR = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

CLASH = (
    "كركوك - أفادت مصادر أمنية عراقية، {day}، باندلاع اشتباكات بين قوات الشرطة ومسلحين من تنظيم "
    "داعش في قرية {village} التابعة لقضاء {district} جنوب غربي كركوك، ما أسفر عن مقتل {n} من المسلحين.\n"
    "وقال مصدر في قيادة الشرطة إن المسلحين حاولوا التسلل إلى القرية تحت جنح الظلام."
)
DIYALA_CLASH = (
    "بعقوبة - قال مصدر أمني في محافظة ديالى، {day}، إن قوة من الجيش العراقي اشتبكت مع مسلحين من "
    "تنظيم داعش في بساتين قرية {village} التابعة لقضاء {district}، من دون تسجيل خسائر بشرية.\n"
    "وأضاف المصدر أن القوة عثرت بعد الاشتباك على مخبأ للأسلحة."
)
IED = (
    "بعقوبة - انفجرت عبوة ناسفة، {day}، على جانب طريق زراعي قرب قرية {village} في قضاء {district} "
    "شمال شرقي بعقوبة، من دون أن تسفر عن إصابات، بحسب مصدر في شرطة ديالى.\n"
    "وأضاف المصدر أن فريقاً لمعالجة المتفجرات طوّق المكان."
)


def _record(doc: Document, phrase: str, **fields: Any) -> EventRecord:
    start = doc.text.index(phrase)
    sub = fields.pop("sub_event_type")
    etype = EVENT_TYPE_OF[sub]
    data: dict[str, Any] = {
        "event_id_cnty": f"IRQ{doc.id}",
        "year": int(fields["event_date"][:4]),
        "time_precision": 1,
        "disorder_type": DISORDER_TYPE[etype],
        "event_type": etype,
        "sub_event_type": sub,
        "country": "Iraq",
        "iso": 368,
        "region": "Middle East",
        "source": doc.outlet or "",
        "doc_ids": [doc.id],
        "evidence": [
            Evidence(field="sub_event_type", doc_id=doc.id, start=start, end=start + len(phrase), text=phrase)
        ],
        **fields,
    }
    data["interaction"] = interaction_code(data.get("inter1", 0), data.get("inter2", 0))
    return EventRecord.model_validate(data)


def clash_doc(i: int, day: dt.date, n: int = 2) -> Document:
    village = f"قرية-{i}"
    text = CLASH.format(day=WEEKDAYS_AR[day.weekday()], village=village, district="داقوق", n="اثنين")
    doc = Document(
        id=f"kirkuk-{i:04d}",
        text=text,
        outlet="Agency A",
        reader="jsonl",
        published=dt.datetime(day.year, day.month, day.day, 18, 0),
    )
    doc.events = [
        _record(
            doc,
            "اشتباكات",
            sub_event_type="Armed clash",
            event_date=day.isoformat(),
            actor1="Islamic State (Iraq)",
            inter1=2,
            actor2="Police Forces of Iraq (2020-)",
            inter2=1,
            admin1="Kirkuk",
            admin2="Daquq",
            location=f"Village {i}",
            location_ar=village,
            fatalities=n,
        )
    ]
    return doc


def diyala_clash_doc(i: int, day: dt.date) -> Document:
    village = f"قرية-{i}"
    text = DIYALA_CLASH.format(day=WEEKDAYS_AR[day.weekday()], village=village, district="الخالص")
    doc = Document(
        id=f"diyala-{i:04d}",
        text=text,
        outlet="Agency B",
        reader="jsonl",
        published=dt.datetime(day.year, day.month, day.day, 9, 0),
    )
    doc.events = [
        _record(
            doc,
            "اشتبكت مع مسلحين",
            sub_event_type="Armed clash",
            event_date=day.isoformat(),
            actor1="Military Forces of Iraq (2020-)",
            inter1=1,
            actor2="Islamic State (Iraq)",
            inter2=2,
            admin1="Diyala",
            admin2="Al-Khalis",
            location=f"Village {i}",
            location_ar=village,
        )
    ]
    return doc


def ied_doc(i: int, day: dt.date) -> Document:
    village = f"قرية-{i}"
    text = IED.format(day=WEEKDAYS_AR[day.weekday()], village=village, district="الخالص")
    doc = Document(
        id=f"diyala-{i:04d}",
        text=text,
        outlet="Agency B",
        reader="jsonl",
        published=dt.datetime(day.year, day.month, day.day, 12, 0),
    )
    doc.events = [
        _record(
            doc,
            "انفجرت عبوة ناسفة",
            sub_event_type="Remote explosive/landmine/IED",
            event_date=day.isoformat(),
            actor1="Unidentified Armed Group (Iraq)",
            inter1=3,
            admin1="Diyala",
            admin2="Al-Khalis",
            location=f"Village {i}",
            location_ar=village,
        )
    ]
    return doc


MONDAY = dt.date(2018, 1, 1)


def scenario() -> list[Document]:
    """Kirkuk: two clashes a week for 14 weeks, then 14 in week 14. Diyala (Al-Khalis): one army
    clash with IS a week, then a first IED, by an unidentified group, in week 14. Each document is
    one incident in its own village."""
    docs: list[Document] = []
    i = 0
    for week in range(15):
        n_events = 14 if week == 14 else 2
        for j in range(n_events):
            docs.append(clash_doc(i, MONDAY + dt.timedelta(weeks=week, days=j % 7)))
            i += 1
    for week in range(15):
        docs.append(diyala_clash_doc(i, MONDAY + dt.timedelta(weeks=week, days=4)))
        i += 1
    docs.append(ied_doc(i, MONDAY + dt.timedelta(weeks=14, days=2)))
    return docs
