"""Fixtures for the batch tests: a JSONL corpus of short agency-style Arabic reports.

The reports are written for this project (not copied from any outlet). A corpus of many documents
is made by giving the same few reports new ids and dates, which is enough to exercise sharding,
executors and resume; the event content itself is tested by the extraction tests.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

REPORTS = [
    (
        "هجوم على نقطة تفتيش",
        "كركوك (العراق) - قال مصدر أمني إن ثلاثة من عناصر الشرطة الاتحادية قتلوا وأصيب خمسة آخرون "
        "في هجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش قرب ناحية الرشاد جنوب غربي كركوك مساء "
        "الأحد. وأضاف المصدر أن عبوة ناسفة انفجرت لاحقا على قوة جاءت لتعزيز النقطة.",
    ),
    (
        "غارة جوية في إدلب",
        "إدلب (سوريا) - قتل سبعة مدنيين بينهم طفلان في غارة جوية استهدفت سوقا شعبيا في بلدة سرمين "
        "بريف إدلب الشرقي صباح الثلاثاء، بحسب ما أفاد الدفاع المدني. وقال شهود إن الطائرات حلقت "
        "فوق المنطقة قبل القصف.",
    ),
    (
        "تظاهرة في البصرة",
        "البصرة (العراق) - خرج مئات المحتجين في تظاهرة أمام مبنى المحافظة في البصرة يوم الجمعة "
        "احتجاجا على انقطاع الكهرباء ونقص المياه. وأغلق المتظاهرون الطريق الرئيسي وأحرقوا إطارات "
        "قبل أن تفرقهم قوات الأمن.",
    ),
    (
        "سيارة مفخخة في مقديشو",
        "مقديشو (الصومال) - انفجرت سيارة مفخخة قرب فندق في وسط العاصمة الصومالية مقديشو ظهر "
        "السبت، وأدى الانفجار إلى مقتل عشرة أشخاص على الأقل وجرح عشرين آخرين، وفق الشرطة. وتبنت حركة "
        "الشباب الهجوم في بيان.",
    ),
    (
        "الدوري المحلي",
        "الرياض - فاز فريق النصر على ضيفه الشباب بهدفين مقابل هدف في المباراة التي جرت مساء الخميس "
        "ضمن الجولة العاشرة من الدوري، ليعزز الفريق صدارته للترتيب.",
    ),
    (
        "أسعار النفط",
        "لندن - ارتفعت أسعار النفط في تعاملات الأربعاء بعد بيانات أظهرت تراجع المخزونات الأمريكية، "
        "وصعد خام برنت إلى أعلى مستوى له منذ ثلاثة أسابيع.",
    ),
]


def write_corpus(path: Path, n: int, *, bad_lines: bool = False) -> Path:
    """n documents cycling through REPORTS with distinct ids and dates; optionally a few bad lines."""
    start = date(2021, 9, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            title, text = REPORTS[i % len(REPORTS)]
            day = start + timedelta(days=i % 28)
            row = {
                "id": f"doc-{i:05d}",
                "outlet": ["agency-a", "agency-b", "agency-c"][i % 3],
                "published": f"{day.isoformat()}T10:00:00+03:00",
                "title": title,
                "url": f"https://example.org/news/{i}",
                "text": text,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            if bad_lines and i % 50 == 7:
                fh.write('{"id": "broken", "text": \n')  # malformed JSON: E_JSON
                fh.write(json.dumps({"id": f"empty-{i}", "text": ""}) + "\n")  # E_EMPTY
                fh.write(json.dumps({"id": f"en-{i}", "text": "This report is in English only."}) + "\n")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", 120, bad_lines=True)
