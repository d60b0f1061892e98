"""Arabic reports written for these tests (agency style, invented) and EventRecords coded by hand
the way the extractor codes them, with evidence spans found in the text.

Until the extractor lands, the store and merge tests use these hand-coded records; the offsets are
computed from the text, so they are real evidence spans.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from handcoded import hand_coded_event  # type: ignore[import-not-found]
from marsad.model import Document
from marsad.record import EventRecord

# Two reports of ONE incident (an IED on a police patrol in Hawija), written differently.
HAWIJA_A = (
    "كركوك - أفادت مصادر أمنية عراقية، اليوم الأحد، بمقتل ثلاثة من عناصر الشرطة وإصابة خمسة آخرين "
    "بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الحويجة جنوب غربي كركوك.\n"
    "وقال مصدر في شرطة المحافظة إن العبوة كانت مزروعة على جانب الطريق الرئيسي، مرجحاً أن يكون "
    "تنظيم داعش وراء الهجوم."
)
HAWIJA_B = (
    "الحويجة (العراق) - قُتل أربعة من أفراد الشرطة وجُرح آخرون، مساء الأحد، إثر تفجير عبوة ناسفة "
    "على جانب الطريق استهدف دورية للشرطة في الحويجة بمحافظة كركوك، بحسب ما أعلنت خلية الإعلام الأمني.\n"
    "ولم تتبن أي جهة المسؤولية عن التفجير حتى الآن، فيما فرضت القوات الأمنية طوقاً حول المنطقة."
)
# A different incident the same day in the same town: a village headman shot dead.
HAWIJA_C = (
    "الحويجة - اغتال مسلحون مجهولون، مساء الأحد، مختار إحدى القرى التابعة لقضاء الحويجة بإطلاق "
    "النار عليه أمام منزله، ثم لاذوا بالفرار إلى جهة مجهولة.\n"
    "وذكر شهود عيان أن المختار كان معروفاً بتعاونه مع الأجهزة الأمنية في ملاحقة الخلايا النائمة."
)
# Another different incident the same day and town, same type as A/B but a civilian car.
HAWIJA_D = (
    "أصيب مدنيان بجروح متفاوتة، ظهر الأحد، جراء انفجار عبوة ناسفة لاصقة بسيارة أجرة في سوق الحويجة، "
    "وفق ما أفاد مصدر طبي في مستشفى القضاء.\n"
    "وأضاف المصدر أن حالة المصابين مستقرة، وأن السيارة احترقت بالكامل."
)
# A protest in Baghdad, another country-day block entirely.
BAGHDAD_PROTEST = (
    "بغداد - تظاهر المئات من خريجي الجامعات، صباح الإثنين، أمام مبنى وزارة التعليم العالي في بغداد "
    "للمطالبة بتوفير فرص عمل، ورفعوا لافتات تندد بالبطالة.\n"
    "وانتهت التظاهرة بشكل سلمي من دون تسجيل أي صدامات مع قوات الأمن."
)

# A second incident told twice (an air strike on a market in Yemen), and a clash nearby the same day.
YEMEN_A = (
    "صنعاء - قُتل خمسة مدنيين، بينهم طفلان، وأصيب ثمانية آخرون، الثلاثاء، في غارة جوية شنها طيران "
    "التحالف على سوق شعبي في مديرية رازح بمحافظة صعدة شمالي اليمن، وفق ما أفادت مصادر محلية."
)
YEMEN_B = (
    "أعلنت وزارة الصحة في صنعاء سقوط سبعة قتلى من المدنيين جراء غارة للتحالف بقيادة السعودية استهدفت "
    "سوقاً في مديرية رازح الحدودية بمحافظة صعدة، يوم الثلاثاء، مشيرة إلى أن بين الضحايا أطفالاً."
)
YEMEN_C = (
    "صعدة - اندلعت اشتباكات عنيفة، الثلاثاء، بين القوات الحكومية ومسلحي جماعة الحوثي في مديرية رازح، "
    "أسفرت عن مقتل أربعة من المسلحين."
)

HAWIJA = {
    "country": "Iraq",
    "iso": 368,
    "region": "Middle East",
    "admin1": "Kirkuk",
    "admin2": "Hawija",
    "location": "Hawija",
    "location_ar": "الحويجة",
    "latitude": 35.3237,
    "longitude": 43.7686,
    "geo_precision": 1,
}


def doc(doc_id: str, text: str, outlet: str, published: str = "2021-03-14T18:00:00+03:00") -> Document:
    return Document(
        id=doc_id,
        text=text,
        title=text.split("\n", 1)[0][:60],
        outlet=outlet,
        url=f"https://example.org/{doc_id}",
        published=datetime.fromisoformat(published),
        reader="jsonl",
        origin=f"test:{doc_id}",
    )


def event(d: Document, sub_event_type: str, evidence: dict[str, str], **fields: Any) -> EventRecord:
    """A record coded by hand (a Hawija incident on 2021-03-14 unless `fields` say otherwise)."""
    defaults: dict[str, Any] = {
        "event_id_cnty": f"IRQ-{d.id}-{fields.pop('n', 0)}",
        "event_date": "2021-03-14",
        "actor1": "Unidentified Armed Group (Iraq)",
        **HAWIJA,
    }
    return hand_coded_event(d, sub_event_type, evidence, **{**defaults, **fields})


def hawija_docs() -> list[Document]:
    """Four reports: A and B are one incident; C and D are different incidents the same day and town."""
    a = doc("agency-a-0314", HAWIJA_A, "Agency A")
    a.events = [
        event(
            a,
            "Remote explosive/landmine/IED",
            {"sub_event_type": "انفجار عبوة ناسفة", "fatalities": "بمقتل ثلاثة", "location": "الحويجة"},
            actor1="Islamic State (Iraq)",
            inter1=2,
            actor2="Police Forces of Iraq (2021-)",
            inter2=1,
            fatalities=3,
            injured=5,
        )
    ]
    b = doc("outlet-b-7731", HAWIJA_B, "Outlet B", "2021-03-14T21:30:00+03:00")
    b.events = [
        event(
            b,
            "Remote explosive/landmine/IED",
            {"sub_event_type": "تفجير عبوة ناسفة", "fatalities": "قُتل أربعة", "location": "الحويجة"},
            actor2="Police Forces of Iraq (2021-)",
            inter1=2,
            inter2=1,
            fatalities=4,
        )
    ]
    c = doc("agency-a-0315", HAWIJA_C, "Agency A", "2021-03-14T22:10:00+03:00")
    c.events = [
        event(
            c,
            "Attack",
            {"sub_event_type": "اغتال مسلحون مجهولون", "location": "الحويجة"},
            actor2="Civilians (Iraq)",
            inter1=2,
            inter2=7,
            fatalities=1,
        )
    ]
    d = doc("outlet-c-0099", HAWIJA_D, "Outlet C", "2021-03-14T15:00:00+03:00")
    d.events = [
        event(
            d,
            "Remote explosive/landmine/IED",
            {"sub_event_type": "انفجار عبوة ناسفة", "injured": "أصيب مدنيان", "location": "الحويجة"},
            actor2="Civilians (Iraq)",
            inter1=2,
            inter2=7,
            injured=2,
        )
    ]
    return [a, b, c, d]


def raw_docs() -> list[Document]:
    """The reports without events, for the real extractor: (A, B) and (YA, YB) are one incident each."""
    docs = [
        doc("agency-a-0314", HAWIJA_A, "Agency A"),
        doc("outlet-b-7731", HAWIJA_B, "Outlet B", "2021-03-14T21:30:00+03:00"),
        doc("agency-a-0315", HAWIJA_C, "Agency A", "2021-03-14T22:10:00+03:00"),
        doc("outlet-c-0099", HAWIJA_D, "Outlet C", "2021-03-14T15:00:00+03:00"),
        doc("agency-a-0316", BAGHDAD_PROTEST, "Agency A", "2021-03-15T12:00:00+03:00"),
        doc("agency-a-0608", YEMEN_A, "Agency A", "2021-06-08T20:00:00+03:00"),
        doc("outlet-b-0608", YEMEN_B, "Outlet B", "2021-06-08T22:00:00+03:00"),
        doc("outlet-c-0608", YEMEN_C, "Outlet C", "2021-06-08T19:00:00+03:00"),
    ]
    return docs


def protest_doc() -> Document:
    p = doc("agency-a-0316", BAGHDAD_PROTEST, "Agency A", "2021-03-15T12:00:00+03:00")
    p.events = [
        event(
            p,
            "Peaceful protest",
            {"sub_event_type": "تظاهر", "location": "بغداد"},
            event_date="2021-03-15",
            actor1="Protesters (Iraq)",
            inter1=6,
            admin1="Baghdad",
            admin2="Resafa",
            location="Baghdad",
            location_ar="بغداد",
            latitude=33.3406,
            longitude=44.4009,
        )
    ]
    return p


TOWNS = [
    ("Kirkuk", "Kirkuk", "كركوك", 35.4681, 44.3922),
    ("Hawija", "Kirkuk", "الحويجة", 35.3237, 43.7686),
    ("Tikrit", "Salah al-Din", "تكريت", 34.6071, 43.6782),
    ("Samarra", "Salah al-Din", "سامراء", 34.1959, 43.8857),
    ("Baqubah", "Diyala", "بعقوبة", 33.7466, 44.6437),
    ("Ramadi", "Anbar", "الرمادي", 33.4206, 43.3078),
    ("Mosul", "Ninewa", "الموصل", 36.3350, 43.1189),
    ("Tuz Khurmatu", "Salah al-Din", "طوز خورماتو", 34.8822, 44.6339),
]
NUMBERS = ["اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة"]


def corpus_lines(n_incidents: int) -> list[dict[str, Any]]:
    """JSON objects (input documents with pre-extracted `events`) for ingest runs: every incident
    reported by Agency A, every third one again, in other words, by Outlet B."""
    lines: list[dict[str, Any]] = []
    for i in range(n_incidents):
        town, admin1, town_ar, lat, lon = TOWNS[i % len(TOWNS)]
        day = f"2021-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
        k = NUMBERS[i % len(NUMBERS)]
        tellings = [
            (
                "Agency A",
                f"a-{i}",
                f"{town_ar} - أفادت مصادر أمنية بمقتل {k} من عناصر الشرطة بانفجار عبوة ناسفة "
                f"استهدفت دوريتهم في {town_ar}، في الهجوم رقم {i}.",
            ),
        ]
        if i % 3 == 0:
            tellings.append(
                (
                    "Outlet B",
                    f"b-{i}",
                    f"قُتل {k} من أفراد الشرطة إثر تفجير عبوة ناسفة على جانب الطريق "
                    f"استهدف دورية في {town_ar}، بحسب خلية الإعلام الأمني (الحادث {i}).",
                )
            )
        for outlet, doc_id, text in tellings:
            d = Document(id=doc_id, text=text, outlet=outlet)
            rec = event(
                d,
                "Remote explosive/landmine/IED",
                {"sub_event_type": "عبوة ناسفة", "fatalities": k, "location": town_ar},
                event_date=day,
                actor2="Police Forces of Iraq (2021-)",
                inter1=2,
                inter2=1,
                fatalities=2 + i % len(NUMBERS),
                admin1=admin1,
                admin2="",
                location=town,
                location_ar=town_ar,
                latitude=lat,
                longitude=lon,
            )
            lines.append(
                {
                    "id": doc_id,
                    "text": text,
                    "outlet": outlet,
                    "published": f"{day}T20:00:00+03:00",
                    "events": [rec.model_dump(mode="json")],
                }
            )
        if i % 50 == 7:
            lines.append({"id": f"bad-{i}", "text": 12})  # a bad document: goes to rejects
    return lines
