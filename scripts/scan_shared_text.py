"""Check that the repository repeats no text of the real articles in ../shared.

The project ships only what its authors write: tests, data-file examples and comments use Arabic
written for the project. This scan reports every tracked file line that starts a run of N (default
8) consecutive Arabic words also found in the ANT corpus, the dev articles, the GSR sentences or the
seed report — a run that long is a copied passage, not a stock phrase.

    .venv/bin/python scripts/scan_shared_text.py [--n 8]    # ≈1–2 min; exit 1 when something is found

Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669]+")
TEXT_SUFFIXES = {".py", ".tsv", ".jsonl", ".md", ".txt", ".json", ".yaml", ".toml", ".html", ".js", ".csv"}


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / f for f in out.splitlines() if Path(f).suffix in TEXT_SUFFIXES]


def repo_grams(files: list[Path], n: int) -> dict[str, set[tuple[str, int]]]:
    """Every run of n Arabic words in the files (runs may cross line breaks), with where it starts."""
    grams: dict[str, set[tuple[str, int]]] = {}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        words = [(m.group(), text.count("\n", 0, m.start()) + 1) for m in ARABIC_WORD.finditer(text)]
        rel = str(path.relative_to(ROOT))
        for k in range(len(words) - n + 1):
            grams.setdefault(" ".join(w for w, _ in words[k : k + n]), set()).add((rel, words[k][1]))
    return grams


def shared_texts() -> list[tuple[str, str]]:
    texts = []
    with gzip.open(SHARED / "corpus" / "ant-multisource-2018.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append((rec["id"], rec["text"] + " " + (rec.get("title") or "")))
    for name in ("dev-articles.jsonl", "gsr-sentences/dev.jsonl", "gsr-sentences/test.jsonl"):
        for line in (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts.append((f"{name}:{rec['id']}", rec["text"]))
    for path in sorted((SHARED / "seed").glob("*.txt")):
        texts.append((path.name, path.read_text(encoding="utf-8")))
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=8, help="words in a run (default 8)")
    args = ap.parse_args()
    if not (SHARED / "corpus").exists():
        print(f"skipped: {SHARED} is absent", file=sys.stderr)
        return 0
    grams = repo_grams(tracked_files(), args.n)
    found: dict[tuple[str, int], tuple[str, str]] = {}
    for source, text in shared_texts():
        words = ARABIC_WORD.findall(text)
        for k in range(len(words) - args.n + 1):
            gram = " ".join(words[k : k + args.n])
            for where in grams.get(gram, ()):
                found.setdefault(where, (gram, source))
    for (path, line), (gram, source) in sorted(found.items()):
        print(f"{path}:{line} | {gram} | {source}")
    print(f"{len(found)} places repeat {args.n} words of a real article", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
