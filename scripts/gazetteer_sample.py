"""Check the geocoder on real reports it was not tuned on: a seeded sample of ANT articles.

Draws 100 articles of the categories middleEast / internationalNews from the ANT corpus (ids
holding "-middleEast-" / "-internationalNews-", minus the ids of ../shared/eval/dev-articles.jsonl),
runs `country_of` and `find_places` on each and compares them with judgements made by reading the
articles (below: the report's country, several when a reader could defend more than one; and
place readings judged wrong). Prints the counts of wrong countries and wrong places, and with
--show every article's country and places for review by eye. Nothing of the corpus is stored
here but article ids.

    .venv/bin/python scripts/gazetteer_sample.py [--show] [--seed 20261129]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo import get_geocoder  # noqa: E402

SHARED = ROOT.parent / "shared"

# Report country judged by reading each sampled article (index in the seeded sample -> ISO2s;
# "*" = no single country, e.g. a press review).
GOLD_CC = (
    "JP SY SY PS CN GB|RU SY IL KW|AE QA|US US IQ GB TR PS US EG LY US LB|SY GB KW TH SY TR NG YE CD "
    "PS LB SY JO IL|IR TR SY|FR RU FR TR CN YE YE * FR YE QA JO SA FI AT DE TR FR|CH SA JO|TR GB * MM "
    "RU FR|SA CA|FR PS|US DE EG RU|SY YE|SA IL SY|RU ES|DE IL|US SY YE US DE TR YE EG|SA RU AE|QA MX IL "
    "LB EG TR US|KP PS TR TR IR|US IL YE US SY PK SY SY KP MR PS SA|US TR|US"
).split()

# (sample index, words as written, name the geocoder gave) judged wrong by reading the context.
WRONG_PLACES = {
    (1, "بشار", "Bechar"),
    (32, "بشار", "Bechar"),
    (34, "بشار", "Bechar"),
    (52, "بشار", "Bechar"),
    (66, "بشار", "Bechar"),
    (91, "بشار", "Bechar"),  # the president's first name
    (2, "البيضاء", "Al Bayda"),  # الخوذ البيضاء, the White Helmets
    (6, "البلد", "Balad"),
    (13, "البلد", "Balad"),
    (70, "البلد", "Balad"),  # "the country"
    (6, "المنشية", "Manshiyat Bani Hasan"),  # a quarter of Daraa, not the Jordanian village
    (7, "دوراً", "Dura"),
    (9, "كيل", "Kiel"),
    (13, "أم أن", "Amman"),
    (13, "برداء", "Breda"),
    (17, "بيضاء", "Al Bayda"),
    (18, "اولو", "Oulu"),
    (19, "بيت جن", "Beit Jann"),
    (22, "سعيدة", "Saida"),
    (23, "القدس", "Jerusalem"),  # فيلق القدس, the Quds Force
    (25, "بخاري", "Bukhara"),
    (33, "إنجيه", "Angers"),
    (38, "فلاديمير", "Vladimir"),
    (57, "فلاديمير", "Vladimir"),
    (40, "المفرق", "Mafraq"),
    (40, "مفرق", "Mafraq"),
    (41, "رانس", "Reims"),
    (56, "رانس", "Reims"),
    (71, "رانس", "Reims"),
    (96, "رانس", "Reims"),
    (52, "الدولة", "Dhule"),
    (52, "دوما", "Duma"),
    (53, "عمان", "Oman"),
    (58, "طلحة", "Talha"),
    (67, "شمال", "North"),
    (70, "العقبة", "Al Aqabah"),
    (74, "سراب", "Sarab"),
    (74, "المبين", "Mabyan"),
    (75, "المملكة", "Jordan"),
    (82, "والعلاقات", "Alacatı"),
    (82, "كبيرة", "Ikikopru"),
    (88, "يطأ", "Yuta"),
    (89, "مسقط", "Muscat"),
    (89, "أحد", "Al Ahad"),
    (92, "كويتا", "Cuito"),
    (95, "برقية", "Al Bariqiyah"),
}


def sample(seed: int, n: int) -> list[dict[str, str]]:
    dev = {json.loads(line)["id"] for line in open(SHARED / "eval" / "dev-articles.jsonl", encoding="utf-8")}
    rows = []
    with gzip.open(SHARED / "corpus" / "ant-multisource-2018.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            i = d["id"]
            if ("-middleEast-" in i or "-internationalNews-" in i) and i not in dev and d.get("text"):
                rows.append(d)
    return random.Random(seed).sample(rows, n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--show", action="store_true", help="print every article's country and places")
    args = ap.parse_args()
    geo = get_geocoder()
    docs = sample(args.seed, len(GOLD_CC))
    wrong_cc, wrong_pl, places = [], [], 0
    for k, d in enumerate(docs):
        text = d["text"]
        cc = geo.country_of(text, outlet=d.get("outlet"))
        found = geo.find_places(text)
        places += len(found)
        gold = GOLD_CC[k]
        if gold != "*" and (cc or "-") not in gold.split("|"):
            wrong_cc.append((k, d["id"], cc, gold))
        bad = [(p.text, p.name) for p in found if (k, p.text, p.name) in WRONG_PLACES]
        wrong_pl += bad
        if args.show:
            seen: dict[tuple[str, str, str], int] = {}
            for p in found:
                key = (p.text, p.name, p.country_code)
                seen[key] = seen.get(key, 0) + 1
            listed = "; ".join(f"{t}>{nm}/{c}" + (f"x{v}" if v > 1 else "") for (t, nm, c), v in seen.items())
            print(f"#{k} {d['id']} country={cc} gold={gold}\n  {d['title'][:100]}\n  {listed}")
    judged = sum(1 for g in GOLD_CC if g != "*")
    print(f"articles: {len(docs)}, places found: {places}")
    print(f"wrong report country: {len(wrong_cc)} of {judged} judged")
    for row in wrong_cc:
        print("   ", *row)
    print(f"place mentions resolved to a reading judged wrong: {len(wrong_pl)}")


if __name__ == "__main__":
    main()
