"""Readers on real files written into tmp_path: every good document read, every bad one rejected."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.config import Settings
from marsad.io import RejectWriter, RunSummary, read_inputs, read_rejects
from marsad.model import Document

AR = (
    "بغداد - قُتل ثلاثة أشخاص وأصيب خمسة آخرون بجروح صباح الثلاثاء بانفجار عبوة ناسفة "
    "استهدفت سيارة مدنية على طريق زراعي شمال المدينة، بحسب مصدر في الشرطة."
)
AR2 = "الموصل - أعلنت قيادة العمليات المشتركة العثور على مخبأ للأسلحة في وادي عكاب غربي المدينة."


def settings(**overrides: object) -> Settings:
    base = Settings()
    for key, value in overrides.items():
        setattr(base, key, value)
    return base


def read(paths: list[Path | str], **overrides: object) -> list[Document]:
    return list(read_inputs(paths, settings(**overrides)))


def codes(docs: list[Document]) -> dict[str, str | None]:
    return {d.origin or d.id: (d.reject.code if d.reject else None) for d in docs}


def page(body: str, *, head: str = "", charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(3))
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">{head}'
        "<title>انفجار في بغداد - وكالة الشرق</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/iraq'>العراق</a></nav>"
        f"<article><h1>انفجار في بغداد</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة © 2019 - آخر تحديث 12/05/2019</footer></body></html>"
    )


def test_jsonl_fields_and_published_timezone(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "a",
            "text": AR,
            "published": "2023-04-20T18:30:00+03:00",
            "title": "ت",
            "outlet": "Sharq Wire",
            "url": "https://x.example/a",
            "category": "middleEast",
        },
        {"id": "b", "text": AR2, "published": "2023-04-21T10:00:00Z"},
        {"id": "c", "text": AR2, "published": "2023-04-22"},
        {"id": "d", "text": AR, "published": "not a date"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    docs = read([path])
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    assert all(d.ok and d.reader == "jsonl" for d in docs)
    a, b, c, d = docs
    assert a.published == datetime(2023, 4, 20, 15, 30, tzinfo=UTC)
    assert a.published is not None and a.published.utcoffset() == timedelta(hours=3)
    assert (a.title, a.outlet, a.url, a.meta["category"]) == (
        "ت",
        "Sharq Wire",
        "https://x.example/a",
        "middleEast",
    )
    assert a.origin == f"{path}:1" and d.origin == f"{path}:4"
    assert b.published == datetime(2023, 4, 21, 10, 0, tzinfo=UTC)
    assert c.published == datetime(2023, 4, 22, tzinfo=UTC)
    # a bad optional field keeps the document, without a time, and says why
    assert d.published is None and d.meta["published_raw"] == "not a date" and d.meta["warnings"]
    assert d.text == AR


def test_jsonl_bad_lines_each_get_their_code(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": AR}, ensure_ascii=False).encode(),
        ('{"id": "broken", "text": "بغداد').encode(),  # malformed JSON: the string never ends
        json.dumps({"text": AR}, ensure_ascii=False).encode(),
        json.dumps({"id": 7, "text": AR}, ensure_ascii=False).encode(),
        json.dumps({"id": "no-text", "text": None}).encode(),
        json.dumps({"id": "english", "text": "Three people were killed in Baghdad on Tuesday."}).encode(),
        json.dumps({"id": "blank", "text": "   \n "}).encode(),
        b'["not", "an", "object"]',
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps({"id": "ok-1", "text": AR2}, ensure_ascii=False).encode(),
        json.dumps({"id": "ok-2", "text": AR2}, ensure_ascii=False).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    docs = read([path])
    got = [(d.id, d.reject.code if d.reject else None) for d in docs]
    assert got == [
        ("ok-1", None),
        ("broken", "E_JSON"),
        (f"{path}:3", "E_MISSING_FIELD"),
        (f"{path}:4", "E_MISSING_FIELD"),
        ("no-text", "E_MISSING_FIELD"),
        ("english", "E_NOT_ARABIC"),
        ("blank", "E_EMPTY"),
        (f"{path}:8", "E_JSON"),
        ("latin1", "E_DECODE"),
        ("ok-1", "E_DUPLICATE_ID"),
        ("ok-2", None),
    ]
    broken = docs[1].reject
    assert broken is not None and broken.origin == f"{path}:2" and broken.doc_id == "broken"
    assert all(d.text == "" for d in docs if not d.ok)


def test_mixed_directory_summary_and_reject_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(AR, encoding="utf-8")
    (src / "sub" / "second.txt").write_text(AR2, encoding="utf-8")
    (src / "bad-utf8.txt").write_bytes(AR.encode()[:40] + b"\xff\xfe\xfa" + AR.encode()[40:])
    (src / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (src / "empty.txt").write_bytes(b"")
    (src / "english.txt").write_text(
        "The minister met the delegation in Paris on Monday. " * 3, encoding="utf-8"
    )
    (src / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": AR}, ensure_ascii=False)
        + "\n{oops\n"
        + json.dumps({"id": "j2", "text": AR2}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    with gzip.open(src / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z1", "text": AR}, ensure_ascii=False) + "\n")
    (src / "page.html").write_text(page(AR), encoding="utf-8")
    (src / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (src / "corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00garbage" * 10)
    (src / ".hidden.txt").write_text(AR, encoding="utf-8")

    summary = RunSummary()
    summary.reject_path = str(tmp_path / "rejects.jsonl")
    with RejectWriter(tmp_path / "rejects.jsonl") as rejects:
        docs = []
        for doc in read_inputs([src], settings()):
            summary.add(doc)
            if not doc.ok:
                rejects.write(doc.reject)  # type: ignore[arg-type]
            docs.append(doc)
    by_origin = codes(docs)
    assert by_origin == {
        str(src / "bad-utf8.txt"): "E_DECODE",
        str(src / "binary.bin"): "E_BINARY",
        str(src / "corrupt.txt.gz"): "E_GZIP",
        str(src / "empty.txt"): "E_EMPTY",
        str(src / "english.txt"): "E_NOT_ARABIC",
        f"{src / 'feed.jsonl'}:1": None,
        f"{src / 'feed.jsonl'}:2": "E_JSON",
        f"{src / 'feed.jsonl'}:3": None,
        str(src / "good.txt"): None,
        f"{src / 'more.jsonl.gz'}:1": None,
        str(src / "page.html"): None,
        str(src / "scan.pdf"): "E_UNSUPPORTED",
        str(src / "sub" / "second.txt"): None,
    }
    ok = {d.id: d for d in docs if d.ok}
    assert set(ok) == {"good", "second", "j1", "j2", "z1", "page"}
    assert ok["good"].text == AR and ok["good"].reader == "txt" and ok["good"].outlet is None
    assert ok["page"].reader == "html" and "قُتل ثلاثة أشخاص" in ok["page"].text
    assert summary.processed == 6 and summary.rejected_total == 7
    assert summary.rejected["E_JSON"] == 1 and summary.exit_code() == 3
    text = summary.render()
    assert "13 documents read: 6 processed, 7 rejected" in text and "E_DECODE: 1" in text
    assert str(tmp_path / "rejects.jsonl") in text
    written = read_rejects(tmp_path / "rejects.jsonl")
    assert sorted(r["code"] for r in written) == sorted(c for c in by_origin.values() if c)
    decode = next(r for r in written if r["code"] == "E_DECODE")
    assert decode["doc_id"] == "bad-utf8" and "بغداد" in decode["excerpt"]


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(AR * 20, encoding="utf-8")
    (tmp_path / "small.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "long", "text": AR * 20}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "short", "text": AR}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    docs = read([tmp_path], max_document_bytes=len(AR.encode()) * 2)
    assert [(d.id, d.reject.code if d.reject else None) for d in docs] == [
        ("big", "E_TOO_LARGE"),
        ("long", "E_TOO_LARGE"),
        ("short", None),
        ("small", None),
    ]


def test_oversized_json_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    path.write_text(
        json.dumps({"id": "huge", "text": AR * 400}, ensure_ascii=True)
        + "\n"
        + json.dumps({"id": "after", "text": AR}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    docs = read([path], max_document_bytes=1000)
    assert [(d.id, d.reject.code if d.reject else None) for d in docs] == [
        ("huge", "E_TOO_LARGE"),
        ("after", None),
    ]


def test_truncated_gzip_keeps_documents_before_the_damage(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"n{i}", "text": AR + f" ({i})"}, ensure_ascii=False) for i in range(300)]
    blob = gzip.compress(("\n".join(rows) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(blob[: len(blob) // 2])
    docs = read([path])
    good = [d for d in docs if d.ok]
    assert len(good) > 10 and [d.id for d in good] == [f"n{i}" for i in range(len(good))]
    assert docs[-1].reject is not None and docs[-1].reject.code == "E_GZIP"
    assert docs[-1].origin == f"{path}:{len(good) + 1}"


def test_gzip_sniffed_without_gz_extension_and_boms(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes(
        gzip.compress(json.dumps({"id": "g", "text": AR}, ensure_ascii=False).encode())
    )
    (tmp_path / "plain").write_text(AR2, encoding="utf-8")  # no extension: sniffed as text
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + AR.encode())
    (tmp_path / "bom16.txt").write_bytes(b"\xff\xfe" + AR.encode("utf-16-le"))
    (tmp_path / "lines.ndjson.gz").write_bytes(
        gzip.compress(json.dumps({"id": "nd", "text": AR2}, ensure_ascii=False).encode())
    )
    docs = {d.id: d for d in read([tmp_path])}
    assert all(d.ok for d in docs.values()), [d.reject for d in docs.values()]
    assert set(docs) == {"g", "plain", "bom8", "bom16", "nd"}
    assert docs["bom8"].text == AR and docs["bom16"].text == AR


def test_json_file_with_an_array(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps([{"id": "x1", "text": AR}, {"id": "x2", "text": AR2}, 5], ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    docs = read([path])
    assert [(d.id, d.reject.code if d.reject else None) for d in docs] == [
        ("x1", None),
        ("x2", None),
        (f"{path}#3", "E_JSON"),
    ]


def test_html_charset_and_metadata_date_only(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2023-04-20T18:30:00+03:00"><meta property="og:title" content="سبعة قتلى بانفجار في بغداد">'
    (tmp_path / "dated.html").write_bytes(page(AR, head=head, charset="windows-1256").encode("cp1256"))
    (tmp_path / "undated.htm").write_text(page(AR2), encoding="utf-8")
    (tmp_path / "nothing.html").write_text(
        "<html><body><script>var a = 1;</script></body></html>", encoding="utf-8"
    )
    docs = {d.id: d for d in read([tmp_path])}
    dated = docs["dated"]
    assert dated.ok and "قُتل ثلاثة أشخاص" in dated.text and "الرئيسية" not in dated.text
    assert dated.published == datetime(2023, 4, 20, 15, 30, tzinfo=UTC)
    assert dated.title == "سبعة قتلى بانفجار في بغداد"
    # the footer's "© 2019 ... 12/05/2019" is page text, not metadata: no date is invented from it
    assert docs["undated"].ok and docs["undated"].published is None
    assert docs["nothing"].reject is not None and docs["nothing"].reject.code in ("E_HTML", "E_EMPTY")


def _warc(path: Path, *, gzipped: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        request = writer.create_warc_record(
            "https://news.example.org/a",
            "request",
            payload=BytesIO(b"GET /a HTTP/1.1\r\n\r\n"),
            http_headers=StatusAndHeaders(
                "GET /a HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
            ),
        )
        writer.write_record(request)
        for url, body, ctype in [
            ("https://news.example.org/a", page(AR), "text/html; charset=utf-8"),
            ("https://news.example.org/logo.png", "\x89PNG", "image/png"),
            ("https://news.example.org/b", page(AR2), "text/html"),
            (
                "https://news.example.org/en",
                page("The minister met the delegation in Paris on Monday."),
                "text/html",
            ),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_warc_plain_and_gzipped(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc", gzipped=False)
    _warc(tmp_path / "crawl2.warc.gz", gzipped=True)
    for name in ("crawl.warc", "crawl2.warc.gz"):
        docs = read([tmp_path / name])
        assert [d.reader for d in docs] == ["warc"] * 3
        assert [d.url for d in docs] == [
            "https://news.example.org/a",
            "https://news.example.org/b",
            "https://news.example.org/en",
        ]
        assert [d.reject.code if d.reject else None for d in docs] == [None, None, "E_NOT_ARABIC"]
        assert docs[0].id.startswith("urn:uuid:") and "قُتل ثلاثة أشخاص" in docs[0].text
        assert docs[0].origin == f"{tmp_path / name}#2" and docs[1].origin == f"{tmp_path / name}#4"


def _member_starts(data: bytes) -> list[int]:
    """The offsets at which the gzip members of a .warc.gz begin (one member per record)."""
    starts, pos = [0], 0
    while True:
        member = zlib.decompressobj(wbits=31)
        member.decompress(data[pos:])
        pos = len(data) - len(member.unused_data)
        if not member.unused_data:
            return starts
        starts.append(pos)


def test_broken_warcs(tmp_path: Path) -> None:
    _warc(tmp_path / "good.warc", gzipped=False)
    good = (tmp_path / "good.warc").read_bytes()
    (tmp_path / "a-version.warc").write_bytes(b"WARC/9.9 what\r\n\r\n")
    (tmp_path / "b-truncated.warc").write_bytes(
        good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"
    )
    (tmp_path / "c-empty.warc").write_bytes(b"")
    _warc(tmp_path / "gz.warc.gz", gzipped=True)
    zipped = (tmp_path / "gz.warc.gz").read_bytes()
    (tmp_path / "d-cut.warc").write_bytes(good[: len(good) // 2])
    # cut in the middle of the third gzip member (the second response): half the bytes may fall on a
    # member boundary, since the records carry random ids and dates, and then nothing is cut
    third = _member_starts(zipped)[2:4]
    (tmp_path / "e-cut.warc.gz").write_bytes(zipped[: (third[0] + third[1]) // 2])
    names = ["a-version.warc", "b-truncated.warc", "c-empty.warc", "d-cut.warc", "e-cut.warc.gz"]
    docs = [doc for name in names for doc in read([tmp_path / name])]  # one run each: the ids repeat
    got = [(Path(d.origin or "").name, d.reject.code if d.reject else None) for d in docs]
    assert got == [
        ("a-version.warc#1", "E_WARC"),
        ("b-truncated.warc#2", None),
        ("b-truncated.warc#4", None),
        ("b-truncated.warc#5", "E_NOT_ARABIC"),
        ("b-truncated.warc#6", "E_WARC"),
        ("c-empty.warc", "E_EMPTY"),
        ("d-cut.warc#2", None),
        ("d-cut.warc#3", "E_WARC"),
        ("e-cut.warc.gz#2", None),
        ("e-cut.warc.gz#3", "E_WARC"),
    ]


def test_missing_path_and_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(AR, encoding="utf-8")
    locked.chmod(0)
    try:
        docs = read([tmp_path / "nope.txt", locked, tmp_path / "nope-dir/"])
    finally:
        locked.chmod(0o644)
    got = [d.reject.code if d.reject else None for d in docs]
    # root can read a mode-0 file: then it is simply read
    assert got[0] == "E_IO" and got[2] == "E_IO" and got[1] in ("E_IO", None)


def _stdin(data: bytes) -> list[dict[str, object]]:
    code = (
        "import json; from marsad.io import read_inputs; from marsad.config import Settings\n"
        "for d in read_inputs(['-'], Settings()):\n"
        "    print(json.dumps({'id': d.id, 'reader': d.reader, 'origin': d.origin, 'code': d.reject.code if d.reject else None}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True, timeout=60
    )
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def test_stdin_sniffs_jsonl_text_and_gzip() -> None:
    jsonl = (json.dumps({"id": "s1", "text": AR}, ensure_ascii=False) + "\nnot json\n").encode()
    assert _stdin(jsonl) == [
        {"id": "s1", "reader": "jsonl", "origin": "<stdin>:1", "code": None},
        {"id": "<stdin>:2", "reader": "jsonl", "origin": "<stdin>:2", "code": "E_JSON"},
    ]
    assert _stdin(AR.encode()) == [{"id": "stdin", "reader": "stdin", "origin": "<stdin>", "code": None}]
    assert _stdin(gzip.compress(jsonl))[0]["id"] == "s1"


def test_reading_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    stream = read_inputs([tmp_path / "a.txt", tmp_path / "later.txt"], settings())
    first = next(stream)  # "later.txt" does not exist yet: nothing has looked at it
    (tmp_path / "later.txt").write_text(AR2, encoding="utf-8")
    assert first.id == "a" and next(stream).ok
    # a single path given bare (not in a list) is one input
    assert [d.id for d in read_inputs(str(tmp_path / "a.txt"), settings())] == ["a"]  # type: ignore[arg-type]
