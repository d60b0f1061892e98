"""Arabic reports written for the dashboard tests (agency style, invented incidents) and the events
coded from them by hand, the way the extractor codes them. Evidence offsets are FOUND in the text
(`str.index`), so every highlighted span the browser test checks is a real span of the original text.

Two reports (DAQUQ_A, DAQUQ_B) describe one incident from two outlets with different death tolls, so
the store merges them into one event with two sources and a fatalities range.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from handcoded import hand_coded_event  # type: ignore[import-not-found]
from marsad.model import Document
from marsad.record import EventRecord

DAQUQ_A = (
    "كركوك - أعلنت مصادر أمنية عراقية، مساء الثلاثاء، مقتل أربعة جنود وإصابة ستة آخرين بانفجار عبوة "
    "ناسفة استهدفت عجلة عسكرية على طريق قرية الزركة التابعة لقضاء داقوق جنوبي محافظة كركوك.\n"
    "وقال ضابط في قيادة عمليات كركوك إن العبوة زرعها عناصر من تنظيم داعش على جانب الطريق، مشيراً "
    "إلى أن القوات الأمنية باشرت عملية تفتيش واسعة في القرى المجاورة بحثاً عن المنفذين."
)
DAQUQ_B = (
    "داقوق (العراق) - لقي خمسة من أفراد الجيش العراقي حتفهم وأصيب آخرون، الثلاثاء، إثر تفجير عبوة "
    "ناسفة بآلية عسكرية قرب قرية الزركة في قضاء داقوق بمحافظة كركوك، وفق ما ذكرته خلية الإعلام الأمني.\n"
    "وأضافت الخلية في بيان أن فرق الجهد الهندسي عثرت على عبوة ثانية في المكان وفككتها."
)
MOSUL_AIRSTRIKE = (
    "الموصل - نفذت طائرات القوة الجوية العراقية، فجر الخميس، غارة جوية على مخبأ لعناصر تنظيم داعش في "
    "سلسلة جبال بادوش غرب الموصل، ما أسفر عن مقتل سبعة مسلحين وتدمير المخبأ بالكامل.\n"
    "وقالت قيادة العمليات المشتركة إن الضربة جاءت بناءً على معلومات استخبارية دقيقة."
)
IDLIB_SHELLING = (
    "إدلب - قُتل ثلاثة مدنيين بينهم طفل، صباح السبت، جراء قصف مدفعي لقوات النظام السوري استهدف "
    "الأحياء السكنية في بلدة كنصفرة بريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني السوري.\n"
    "وأشار الدفاع المدني إلى إصابة أربعة آخرين بجروح نقلوا على إثرها إلى مستشفى قريب."
)
TAIZ_PROTEST = (
    "تعز - خرج مئات المواطنين، الأحد، في تظاهرة سلمية وسط مدينة تعز احتجاجاً على انهيار العملة "
    "وارتفاع أسعار المواد الغذائية، مرددين شعارات تطالب الحكومة بمعالجة الأوضاع المعيشية.\n"
    "وجابت التظاهرة شوارع المدينة قبل أن تتفرق دون تسجيل أي حوادث."
)
TRIPOLI_CLASH = (
    "طرابلس - اندلعت اشتباكات مسلحة، ليل الجمعة، بين مجموعتين مسلحتين في منطقة صلاح الدين جنوبي "
    "العاصمة الليبية طرابلس، استُخدمت فيها الأسلحة المتوسطة، وأسفرت عن مقتل شخصين.\n"
    "وأفاد جهاز الإسعاف والطوارئ بأن فرقه تمكنت من إجلاء عدد من العائلات العالقة في المنطقة."
)
MOGADISHU_BOMB = (
    "مقديشو - قُتل ما لا يقل عن ثمانية أشخاص وأصيب خمسة عشر آخرون، ظهر الإثنين، في تفجير انتحاري "
    "بسيارة مفخخة استهدف نقطة تفتيش قرب مقر حكومي في العاصمة الصومالية مقديشو.\n"
    "وتبنت حركة الشباب المجاهدين الهجوم في بيان نشرته على مواقع موالية لها."
)

# Three distinct incidents in Baghdad in one week (5-9 June 2023): a rise against the city's own
# baseline, so the alerts panel always has an alert to show, whatever the extractor makes of the
# fixture reports of the weeks before.
BAGHDAD_STICKY_BOMB = (
    "بغداد - قُتل موظف حكومي وأصيب اثنان من مرافقيه، صباح الاثنين، بانفجار عبوة لاصقة وُضعت أسفل "
    "سيارته في منطقة الكرادة وسط بغداد، بحسب مصدر في الشرطة."
)
BAGHDAD_MORTARS = (
    "بغداد - سقطت ثلاث قذائف هاون، مساء الأربعاء، على حي سكني في منطقة الدورة جنوبي بغداد، ما أدى إلى "
    "مقتل امرأتين وإصابة خمسة مدنيين، وفق ما أفادت خلية الإعلام الأمني."
)
BAGHDAD_SHOOTING = (
    "بغداد - اغتال مسلحون مجهولون يستقلون دراجة نارية، ليل الجمعة، ناشطاً مدنياً أمام منزله في حي "
    "الشعلة شمال غربي بغداد، وفق ما أكده مصدر أمني."
)

IRAQ = {"country": "Iraq", "iso": 368, "region": "Middle East"}


def doc(doc_id: str, text: str, outlet: str, published: str) -> Document:
    return Document(
        id=doc_id,
        text=text,
        title=text.split(" - ", 1)[-1].split("،", 1)[0][:70],
        outlet=outlet,
        url=f"https://news.example.org/{doc_id}",
        published=datetime.fromisoformat(published),
        reader="jsonl",
        origin=f"test:{doc_id}",
    )


def event(d: Document, sub_event_type: str, evidence: dict[str, str], **fields: Any) -> EventRecord:
    """A record coded by hand; `evidence` maps field -> a phrase that must occur in the text."""
    defaults: dict[str, Any] = {"event_id_cnty": f"{d.id}-1", "geo_precision": 1, "confidence": 0.8}
    return hand_coded_event(d, sub_event_type, evidence, **{**defaults, **fields})


DAQUQ = {
    **IRAQ,
    "admin1": "Kirkuk",
    "admin2": "Daquq",
    "location": "Daquq",
    "location_ar": "داقوق",
    "latitude": 35.1381,
    "longitude": 44.4511,
}


def documents() -> list[Document]:
    """Ten reports of nine incidents in Iraq, Syria, Yemen, Libya and Somalia."""
    a = doc("wakala-2109-0411", DAQUQ_A, "Wakala Iraqiya", "2021-09-14T20:15:00+03:00")
    a.events = [
        event(
            a,
            "Remote explosive/landmine/IED",
            {
                "sub_event_type": "بانفجار عبوة ناسفة",
                "fatalities": "مقتل أربعة جنود",
                "injured": "إصابة ستة آخرين",
                "location": "قضاء داقوق",
                "event_date": "مساء الثلاثاء",
                "actor1": "تنظيم داعش",
            },
            event_date="2021-09-14",
            actor1="Islamic State (Iraq)",
            inter1=2,
            actor2="Military Forces of Iraq (2020-)",
            inter2=1,
            actor1_ar="تنظيم داعش",
            fatalities=4,
            injured=6,
            notes="On 14 September 2021, an IED planted by IS militants hit a military vehicle near "
            "al-Zarka village, Daquq district (Kirkuk), killing 4 soldiers and wounding 6.",
            **DAQUQ,
        )
    ]
    b = doc("akhbar-2109-7731", DAQUQ_B, "Akhbar al-Khaleej", "2021-09-14T23:40:00+03:00")
    b.events = [
        event(
            b,
            "Remote explosive/landmine/IED",
            {
                "sub_event_type": "تفجير عبوة ناسفة",
                "fatalities": "لقي خمسة من أفراد الجيش العراقي حتفهم",
                "location": "قضاء داقوق",
                "event_date": "الثلاثاء",
                "actor2": "الجيش العراقي",
            },
            event_date="2021-09-14",
            actor1="Islamic State (Iraq)",
            inter1=2,
            actor2="Military Forces of Iraq (2020-)",
            inter2=1,
            actor2_ar="الجيش العراقي",
            fatalities=5,
            **DAQUQ,
        )
    ]
    m = doc("wakala-2109-0502", MOSUL_AIRSTRIKE, "Wakala Iraqiya", "2021-09-23T09:00:00+03:00")
    m.events = [
        event(
            m,
            "Air/drone strike",
            {
                "sub_event_type": "غارة جوية",
                "fatalities": "مقتل سبعة مسلحين",
                "location": "جبال بادوش",
                "event_date": "فجر الخميس",
                "actor1": "طائرات القوة الجوية العراقية",
                "actor2": "تنظيم داعش",
            },
            event_date="2021-09-23",
            actor1="Military Forces of Iraq (2020-)",
            inter1=1,
            actor2="Islamic State (Iraq)",
            inter2=2,
            actor1_ar="القوة الجوية العراقية",
            actor2_ar="تنظيم داعش",
            fatalities=7,
            admin1="Ninewa",
            admin2="Mosul",
            location="Badush",
            location_ar="بادوش",
            latitude=36.383,
            longitude=42.98,
            geo_precision=2,
            **IRAQ,
        )
    ]
    s = doc("sham-2109-1180", IDLIB_SHELLING, "Sham Press", "2021-09-25T13:00:00+03:00")
    s.events = [
        event(
            s,
            "Shelling/artillery/missile attack",
            {
                "sub_event_type": "قصف مدفعي",
                "fatalities": "قُتل ثلاثة مدنيين",
                "injured": "إصابة أربعة آخرين",
                "location": "بلدة كنصفرة",
                "event_date": "صباح السبت",
                "actor1": "قوات النظام السوري",
            },
            event_date="2021-09-25",
            actor1="Military Forces of Syria (2000-)",
            inter1=1,
            actor2="Civilians (Syria)",
            inter2=7,
            actor1_ar="قوات النظام السوري",
            civilian_targeting="Civilian targeting",
            fatalities=3,
            injured=4,
            country="Syria",
            iso=760,
            region="Middle East",
            admin1="Idleb",
            admin2="Ariha",
            location="Kansafra",
            location_ar="كنصفرة",
            latitude=35.6308,
            longitude=36.5267,
        )
    ]
    t = doc("yemen-2109-0330", TAIZ_PROTEST, "Yemen Now", "2021-09-26T18:00:00+03:00")
    t.events = [
        event(
            t,
            "Peaceful protest",
            {"sub_event_type": "تظاهرة سلمية", "location": "مدينة تعز", "event_date": "الأحد"},
            event_date="2021-09-26",
            actor1="Protesters (Yemen)",
            inter1=6,
            country="Yemen",
            iso=887,
            region="Middle East",
            admin1="Taizz",
            admin2="Al Qahirah",
            location="Taizz",
            location_ar="تعز",
            latitude=13.5795,
            longitude=44.0209,
        )
    ]
    lb = doc("libya-2110-0042", TRIPOLI_CLASH, "Libya Observer AR", "2021-10-02T01:30:00+02:00")
    lb.events = [
        event(
            lb,
            "Armed clash",
            {
                "sub_event_type": "اشتباكات مسلحة",
                "fatalities": "مقتل شخصين",
                "location": "منطقة صلاح الدين",
                "event_date": "ليل الجمعة",
                "actor1": "مجموعتين مسلحتين",
            },
            event_date="2021-10-01",
            actor1="Unidentified Armed Group (Libya)",
            inter1=3,
            actor2="Unidentified Armed Group (Libya)",
            inter2=3,
            fatalities=2,
            country="Libya",
            iso=434,
            region="Northern Africa",
            admin1="Tripoli",
            location="Tripoli - Salah Al Din",
            location_ar="صلاح الدين",
            latitude=32.8192,
            longitude=13.1913,
        )
    ]
    so = doc("somali-2110-0907", MOGADISHU_BOMB, "Somali Arabic", "2021-10-04T15:00:00+03:00")
    so.events = [
        event(
            so,
            "Suicide bomb",
            {
                "sub_event_type": "تفجير انتحاري",
                "fatalities": "قُتل ما لا يقل عن ثمانية أشخاص",
                "injured": "أصيب خمسة عشر آخرون",
                "location": "مقديشو",
                "event_date": "ظهر الإثنين",
                "actor1": "حركة الشباب المجاهدين",
            },
            event_date="2021-10-04",
            actor1="Al Shabaab",
            inter1=2,
            actor2="Military Forces of Somalia (2017-)",
            inter2=1,
            fatalities=8,
            injured=15,
            country="Somalia",
            iso=706,
            region="Eastern Africa",
            admin1="Banadir",
            admin2="Mogadishu",
            location="Mogadishu",
            location_ar="مقديشو",
            latitude=2.0371,
            longitude=45.3438,
        )
    ]
    return [a, b, m, s, t, lb, so, *baghdad_week()]


def baghdad_week() -> list[Document]:
    """Three reports of three incidents in Baghdad between 5 and 9 June 2023."""
    unidentified = {"actor1": "Unidentified Armed Group (Iraq)", "inter1": 3, **IRAQ, "admin1": "Baghdad"}
    civilians = {"actor2": "Civilians (Iraq)", "inter2": 7, "civilian_targeting": "Civilian targeting"}
    k = doc("wakala-2306-0105", BAGHDAD_STICKY_BOMB, "Wakala Iraqiya", "2023-06-05T12:00:00+03:00")
    k.events = [
        event(
            k,
            "Remote explosive/landmine/IED",
            {
                "sub_event_type": "عبوة لاصقة",
                "fatalities": "قُتل موظف حكومي",
                "injured": "أصيب اثنان",
                "location": "منطقة الكرادة",
                "event_date": "صباح الاثنين",
            },
            event_date="2023-06-05",
            fatalities=1,
            injured=2,
            location="Baghdad - Karrada",
            location_ar="الكرادة",
            latitude=33.3045,
            longitude=44.4263,
            **unidentified,
            **civilians,
        )
    ]
    d = doc("wakala-2306-0133", BAGHDAD_MORTARS, "Wakala Iraqiya", "2023-06-07T23:10:00+03:00")
    d.events = [
        event(
            d,
            "Shelling/artillery/missile attack",
            {
                "sub_event_type": "قذائف هاون",
                "fatalities": "مقتل امرأتين",
                "injured": "إصابة خمسة مدنيين",
                "location": "منطقة الدورة",
                "event_date": "مساء الأربعاء",
            },
            event_date="2023-06-07",
            fatalities=2,
            injured=5,
            location="Baghdad - Dora",
            location_ar="الدورة",
            latitude=33.2562,
            longitude=44.4016,
            **unidentified,
            **civilians,
        )
    ]
    sh = doc("akhbar-2306-0410", BAGHDAD_SHOOTING, "Akhbar al-Khaleej", "2023-06-10T08:30:00+03:00")
    sh.events = [
        event(
            sh,
            "Attack",
            {
                "sub_event_type": "اغتال",
                "actor1": "مسلحون مجهولون",
                "fatalities": "ناشطاً مدنياً",
                "location": "حي الشعلة",
                "event_date": "ليل الجمعة",
            },
            event_date="2023-06-09",
            fatalities=1,
            location="Baghdad - Shula",
            location_ar="الشعلة",
            latitude=33.3900,
            longitude=44.3060,
            **unidentified,
            **civilians,
        )
    ]
    return [k, d, sh]
