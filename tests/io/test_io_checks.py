"""The byte/text checks every reader shares, on concrete examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.config import Settings
from marsad.errors import InputError
from marsad.io.checks import arabic_ratio, check_text, decode, looks_binary, script_sample, surely_arabic


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("قتل ثلاثة جنود في هجوم على نقطة تفتيش", 1.0, 1.0),
        ("The minister met the delegation", 0.0, 0.0),
        ("قال مسؤول في Reuters إن الهجوم وقع في Kirkuk", 0.6, 0.9),
        ("ﺑﻐﺪاد ﺗﺸﻬﺪ اﻧﻔﺠﺎرا", 1.0, 1.0),  # presentation forms (text pasted from old PDFs)
        ("١٢٣ ، ٤٥٦ 789", 0.0, 0.0),  # digits and punctuation are not letters
        ("شُهداءُ الوَطَنِ", 1.0, 1.0),  # diacritics are not counted either way
        ("Ρωσία και Συρία - روسيا", 0.25, 0.4),
    ],
)
def test_arabic_ratio(text: str, low: float, high: float) -> None:
    assert low <= arabic_ratio(text) <= high


def test_script_sample_is_bounded_and_sees_the_whole_text() -> None:
    text = "English words only here. " * 200 + "كلمات عربية فقط هنا " * 200
    sample = script_sample(text)
    assert len(sample) <= 2_100 and "English" in sample and "عربية" in sample


def test_decode_bom_declared_and_errors() -> None:
    assert decode("بغداد".encode("utf-16-be").join([b"\xfe\xff", b""])) == "بغداد"
    assert decode("بغداد".encode("cp1256"), "windows-1256") == "بغداد"
    assert decode("بغداد".encode(), "no-such-charset") == "بغداد"
    with pytest.raises(InputError) as bad:
        decode(b"\xd8\xa8\xd8")
    assert bad.value.code == "E_DECODE"
    with pytest.raises(InputError) as binary:
        decode(b"\x00\x01\x02ELF")
    assert binary.value.code == "E_BINARY"
    assert looks_binary(b"\x01\x02\x03\x04abc") and not looks_binary("نص عادي\tمع\r\nأسطر".encode())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("   \n\t ", "E_EMPTY"),
        ("Nothing Arabic in this text at all.", "E_NOT_ARABIC"),
        ("خبر" * 400, "E_TOO_LARGE"),
        ("\x01\x02\x03\x04\x05\x06 خبر \x07\x08", "E_BINARY"),
    ],
)
def test_check_text_codes(text: str, code: str) -> None:
    settings = Settings()
    settings.max_document_bytes = 1000
    with pytest.raises(InputError) as error:
        check_text(text, settings)
    assert error.value.code == code


def test_a_reject_file_inside_the_input_directory_is_not_read(tmp_path: Path) -> None:
    # `marsad analyze DIR --rejects DIR/rejects.jsonl`: the reject file grows while the directory
    # is read; reading it as input would never end.
    from marsad.io import RejectWriter, read_inputs

    (tmp_path / "good.txt").write_text(
        "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في بغداد صباح اليوم.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    seen = []
    with RejectWriter(rejects) as writer:
        for doc in read_inputs([tmp_path], exclude=[rejects]):
            seen.append(doc.id)
            if doc.reject is not None:
                writer.write(doc)
    assert sorted(seen) == ["empty", "good"]
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1


# --- the quick Arabic-script test (issue 6): never says "sure" when the exact ratio is below


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("اليمونرتبعهةدفقس")
            + list("ثخذضظغكأإآءئؤىپچ")
            + list("abcXYZéжΩ漢")
            + list(" \n\t،.,:0123456789٠١٢")
            + ["\u064e", "\u0651", "\u0640", "\ufefb", "\u0750"]
        ),
        max_size=3000,
    ),
    st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0]),
)
def test_surely_arabic_implies_the_exact_ratio(text: str, min_ratio: float) -> None:
    if surely_arabic(text, min_ratio):
        assert not arabic_ratio(text) < min_ratio


def test_surely_arabic_decides_agency_news_without_the_regex() -> None:
    report = "أعلنت وزارة الداخلية العراقية، الأحد، مقتل ثلاثة من عناصر الشرطة في هجوم مسلح غرب كركوك."
    assert surely_arabic(report, 0.3)
    assert not surely_arabic("Reuters reported clashes near Kirkuk on Sunday.", 0.3)
    assert not surely_arabic("", 0.3)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [
                "\x00",
                "\x07",
                "\t",
                "\n",
                "\x0b",
                "\x0c",
                "\r",
                "\x1b",
                "\x7f",
                "\x80",
                "\x85",
                "\ud800",
                "a",
                "ق",
                " ",
                "\u200f",
            ]
        ),
        max_size=30,
    )
)
def test_control_search_on_the_text_is_the_search_on_its_bytes(text: str) -> None:
    """`check_text` looks for control characters in the text itself; its UTF-8 bytes (with
    unencodable characters replaced) hold one exactly when the text does."""
    from marsad.io.checks import _CONTROL, _CONTROL_TEXT

    assert bool(_CONTROL_TEXT.search(text)) == bool(_CONTROL.search(text.encode("utf-8", errors="replace")))


def test_binary_text_is_still_refused() -> None:
    with pytest.raises(InputError) as err:
        check_text("قتل" + "\x01\x02\x03\x04" * 20, Settings())
    assert err.value.code.name == "BINARY"
