"""Scoring predicted events against gold events, with the rules of `../shared/eval/README.md`.

Per article, predicted and gold events are matched one to one: a pair may match only when the
country is the same, the dates differ by at most 1 day (7 when the gold precision is "week"), and
the admin1 names agree after normalisation (or one is missing). Among the candidates of an event,
the pair agreeing on more fields wins (greedy, best pairs first). Then: precision, recall and F1 of
matched events; field accuracy over matched pairs (fatalities and injured only where the gold is not
null); actor-group overlap; and how many no-event articles produced any event.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.record import EventRecord

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"
FIELDS = ("event_type", "sub_event_type", "date", "admin1", "fatalities", "injured", "actors")


@lru_cache(maxsize=1)
def _groups() -> list[tuple[str, str]]:
    out = []
    for raw in (DATA / "actor_groups.tsv").read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            g, kw, _ = raw.split("\t")
            out.append((g, kw))
    return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in (DATA / "admin1_aliases.tsv").read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            a, b, _ = raw.split("\t")
            out[_plain(a)] = _plain(b)
    return out


def actor_groups(*names: str | None) -> set[str]:
    """Loose groups of actor strings ("Police Forces of Iraq (2020-)" -> {"police"})."""
    out: set[str] = set()
    for n in names:
        if not n:
            continue
        low = n.lower()
        for g, kw in _groups():
            if kw in low:
                out.add(g)
    return out


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace("-", " ")
    s = re.sub(r"\b(governorate|province|wilayah|region|muhafazat)\b", " ", s)
    s = re.sub(r"[^a-z ]", "", s).strip()
    s = re.sub(r"^(al|el|ad|ar|as|an|at|az|ash) ", "", s)
    return s.replace(" ", "")


def _skeleton(s: str) -> str:
    s = s.replace("v", "w")
    s = re.sub(r"[aeiouyhw]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def admin1_equal(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    pa, pb = _plain(a), _plain(b)
    al = _aliases()
    for _ in range(2):  # an alias may name another alias ("South Lebanon" -> "South" -> "HaDarom")
        pa, pb = al.get(pa, pa), al.get(pb, pb)
    if pa == pb or _skeleton(pa) == _skeleton(pb):
        return True
    from rapidfuzz.fuzz import ratio

    return ratio(pa, pb) >= 85


def _d(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


@dataclass
class Pair:
    pred: EventRecord
    gold: dict[str, Any]
    agree: dict[str, bool | None]  # None = not scored (gold null)

    @property
    def score(self) -> int:
        return sum(1 for v in self.agree.values() if v)


def compare(pred: EventRecord, gold: dict[str, Any]) -> dict[str, bool | None] | None:
    """Field agreement of a candidate pair, or None when the pair may not match."""
    if (gold.get("country") or "") != pred.country:
        return None
    gd, pd = _d(gold.get("date")), _d(pred.event_date)
    if gd is None or pd is None:
        return None
    tol = 7 if gold.get("date_precision") == "week" else 1
    if abs((gd - pd).days) > tol:
        return None
    if not admin1_equal(gold.get("admin1"), pred.admin1 or None):
        return None
    gg = actor_groups(gold.get("actor1"), gold.get("actor2"))
    pg = actor_groups(pred.actor1, pred.actor2)
    return {
        "event_type": pred.event_type == gold.get("event_type"),
        "sub_event_type": pred.sub_event_type == gold.get("sub_event_type"),
        "date": gd == pd,
        "admin1": None
        if not gold.get("admin1")
        else bool(pred.admin1) and admin1_equal(gold.get("admin1"), pred.admin1),
        "fatalities": None if gold.get("fatalities") is None else pred.fatalities == gold["fatalities"],
        "injured": None if gold.get("injured") is None else pred.injured == gold["injured"],
        "actors": None if not gg else bool(gg & pg),
    }


def match(preds: list[EventRecord], golds: list[dict[str, Any]]) -> list[Pair]:
    cands: list[tuple[int, int, int, dict[str, bool | None]]] = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            agree = compare(p, g)
            if agree is not None:
                cands.append((sum(1 for v in agree.values() if v), i, j, agree))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[Pair] = []
    for _, i, j, agree in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append(Pair(preds[i], golds[j], agree))
    return out


@dataclass
class ArticleResult:
    doc_id: str
    n_pred: int
    n_gold: int
    pairs: list[Pair]
    preds: list[EventRecord] = field(default_factory=list)
    golds: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Report:
    articles: list[ArticleResult] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        n_pred = sum(a.n_pred for a in self.articles)
        n_gold = sum(a.n_gold for a in self.articles)
        pairs = [p for a in self.articles for p in a.pairs]
        tp = len(pairs)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        fields: dict[str, dict[str, float | int]] = {}
        for f in FIELDS:
            scored = [p.agree[f] for p in pairs if p.agree[f] is not None]
            ok = sum(1 for v in scored if v)
            fields[f] = {
                "accuracy": round(ok / len(scored), 3) if scored else 0.0,
                "correct": ok,
                "n": len(scored),
            }
        primary = [g for a in self.articles for g in a.golds if g.get("role") == "primary"]
        matched_primary = sum(1 for p in pairs if p.gold.get("role") == "primary")
        no_event = [a for a in self.articles if a.n_gold == 0]
        return {
            "articles": len(self.articles),
            "gold_events": n_gold,
            "predicted_events": n_pred,
            "matched": tp,
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(f1, 3),
            "primary_recall": round(matched_primary / len(primary), 3) if primary else 0.0,
            "fields": fields,
            "no_event_articles": len(no_event),
            "no_event_articles_with_events": sum(1 for a in no_event if a.n_pred > 0),
            "seconds": round(self.seconds, 2),
            "per_article": [
                {
                    "id": a.doc_id,
                    "gold": a.n_gold,
                    "predicted": a.n_pred,
                    "matched": len(a.pairs),
                    "misses": {f: sum(1 for p in a.pairs if p.agree[f] is False) for f in FIELDS},
                }
                for a in self.articles
            ],
        }

    def render(self) -> str:
        d = self.to_dict()
        lines = [
            f"articles: {d['articles']}  gold events: {d['gold_events']}  predicted: {d['predicted_events']}  "
            f"matched: {d['matched']}",
            f"event precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}  "
            f"(primary recall {d['primary_recall']:.3f})",
            "field accuracy over matched events:",
        ]
        for f, v in d["fields"].items():
            lines.append(f"  {f:<15} {v['accuracy']:.3f}  ({v['correct']}/{v['n']})")
        lines.append(
            f"no-event articles with events: {d['no_event_articles_with_events']} of {d['no_event_articles']}"
        )
        lines.append(f"time: {d['seconds']:.2f} s")
        return "\n".join(lines)
