#!/usr/bin/env python3
"""Scores themescan's quotes against gold annotations.

  bench/quote_eval.py [--themescan BIN] litbank  [FILE]   # ../shared/eval/quotes-public/litbank.jsonl
  bench/quote_eval.py [--themescan BIN] corpus   [FILE]   # tests/data/quotes-gold/corpus-gold.jsonl
  bench/quote_eval.py [--themescan BIN] own      [FILE]   # tests/data/news-gold/gold.jsonl (real layouts)
  bench/quote_eval.py [--themescan BIN] news     [DIR]    # ../shared/eval/news-quotes-dev (its score.py)
  bench/quote_eval.py [--themescan BIN] all               # all four sets, one after the other

A predicted quote matches a gold quote when their spans overlap by at least half of the longer
one (each gold quote matches at most one prediction). LitBank's spans include the quotation
marks and themescan's do not, so the marks are dropped from the gold spans before comparing. Prints precision, recall and F1 of direct
quotes, and, over matched quotes, speaker accuracy: the gold name equals the predicted name or
one of its mentions, case-insensitively (only once themescan attributes speakers).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def analyse(binary, text):
    out = subprocess.run([str(binary), "--format", "json", "--min-hits", "0", "-"],
                         input=text.encode(), capture_output=True, check=True).stdout
    return json.loads(out)


def char_to_byte(text):
    """Map from code point offset to UTF-8 byte offset (one extra entry for the end)."""
    offsets, pos = [], 0
    for ch in text:
        offsets.append(pos)
        pos += len(ch.encode())
    offsets.append(pos)
    return offsets


def overlaps(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"


def without_marks(text, start, end):
    """LitBank spans include the quotation marks; themescan's exclude them. Compare like with
    like: drop marks and white space at both ends of the gold span."""
    while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def litbank_gold(path):
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        to_byte = char_to_byte(doc["text"])
        gold = []
        for q in doc["quotes"]:
            if q["type"] != "direct":
                continue
            start, end = without_marks(doc["text"], q["start"], q["end"])
            gold.append({"span": (to_byte[start], to_byte[end]), "speaker": q["speaker"]})
        yield doc["id"], doc["text"], gold


def corpus_gold(path, folder=ROOT / "corpus"):
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        text = (folder / doc["file"]).read_text(encoding="utf-8")
        data = text.encode()
        gold = []
        for q in doc["quotes"]:
            if q["type"] != "direct":
                continue
            needle, start = q["text"].encode(), -1
            for _ in range(q.get("occurrence", 1)):
                start = data.find(needle, start + 1)
            if start < 0:
                sys.exit(f"{doc['file']}: gold text not found: {q['text'][:60]}")
            gold.append({"span": (start, start + len(needle)), "speaker": q["speaker"]})
        yield doc["file"], text, gold


def p_text(quote):
    return quote["text"][:50].replace("\n", " ")


def score(binary, documents, verbose):
    tp = fp = fn = speaker_right = speaker_known = 0
    for name, text, gold in documents:
        result = analyse(binary, text)
        predicted = [q for q in result.get("quotes", []) if q["type"] == "direct"]
        used = set()
        for g in gold:
            match = next((i for i, p in enumerate(predicted)
                          if i not in used and overlaps(g["span"], p["span"])), None)
            if match is None:
                fn += 1
                if verbose:
                    print(f"  missed {name}: {text.encode()[g['span'][0]:g['span'][1]].decode()[:70]!r}")
                continue
            used.add(match)
            tp += 1
            speaker = predicted[match].get("speaker")
            if speaker is not None and g["speaker"]:
                speaker_known += 1
                names = [speaker.get("name") or ""]
                if speaker.get("id") is not None:
                    names += result["speakers"][speaker["id"]].get("aliases", [])
                if any(n and n.lower() == g["speaker"].lower() for n in names):
                    speaker_right += 1
                elif verbose:
                    print(f"  wrong  {name}: {names[0]!r} for {g['speaker']!r}: {p_text(predicted[match])!r}")
        for i, p in enumerate(predicted):
            if i not in used:
                fp += 1
                if verbose:
                    print(f"  extra  {name}: {p['text'][:70]!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"quotes: gold {tp + fn}, predicted {tp + fp}, matched {tp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    if speaker_known:
        print(f"speaker accuracy {speaker_right / tp:.3f} ({speaker_right}/{tp} matched quotes)")
    else:
        print("speaker accuracy: n/a (no speakers predicted)")
    return f1


NEWS_DIR = ROOT.parent / "shared" / "eval" / "news-quotes-dev"


def news_predictions(binary, texts):
    """One run over the folder (JSON Lines): {file: [{"text", "speaker"}, ...]} of direct quotes,
    partial ones included, in the format of news-quotes-dev/score.py."""
    out = subprocess.run([str(binary), "--format", "jsonl", "--quiet", "--min-hits", "0", str(texts)],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"themescan failed on {texts}: {out.stderr.decode(errors='replace')}")
    predictions = {}
    for line in out.stdout.decode().splitlines():
        record = json.loads(line)
        if record.get("record") != "document":
            continue
        quotes = [{"text": q["text"], "speaker": (q.get("speaker") or {}).get("name")}
                  for q in record["quotes"] if q["type"] == "direct"]
        predictions[Path(record["document"]["path"]).name] = quotes
    return predictions


def score_news(binary, folder, verbose, dump):
    """Scores with the set's own score.py, so the figures are the ones its README defines."""
    import tempfile
    predictions = news_predictions(binary, folder / "texts")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for name in sorted(predictions):
            f.write(json.dumps({"file": name, "quotes": predictions[name]}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        report = subprocess.run([sys.executable, str(folder / "score.py"), path, str(folder / "gold.jsonl")],
                                capture_output=True, text=True, check=True).stdout
        if dump:
            Path(dump).write_text(Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    finally:
        Path(path).unlink()
    for line in report.splitlines():
        if verbose or not line.startswith(("MISSED", "SPEAKER")):
            print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--themescan", default=ROOT / "build" / "themescan")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and extra quotes")
    parser.add_argument("--dump", help="news: also write the predictions (score.py's input) here")
    parser.add_argument("set", choices=["litbank", "corpus", "own", "news", "all"])
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.set == "all":
        for name in ("corpus", "own", "litbank", "news"):
            print(f"== {name}")
            sys.stdout.flush()
            subprocess.run([sys.executable, __file__, "--themescan", str(args.themescan), name]
                           + (["-v"] if args.verbose else []), check=True)
        return
    if args.set == "news":
        folder = Path(args.file) if args.file else NEWS_DIR
        if not (folder / "gold.jsonl").exists():
            print(f"skipped: {folder / 'gold.jsonl'} is absent")
            return
        score_news(args.themescan, folder, args.verbose, args.dump)
        return
    if args.set == "litbank":
        path = Path(args.file or ROOT.parent / "shared" / "eval" / "quotes-public" / "litbank.jsonl")
        if not path.exists():
            print(f"skipped: {path} is absent")
            return
        documents = litbank_gold(path)
    elif args.set == "own":
        path = Path(args.file or ROOT / "tests" / "data" / "news-gold" / "gold.jsonl")
        documents = corpus_gold(path, path.parent)
    else:
        documents = corpus_gold(Path(args.file or ROOT / "tests" / "data" / "quotes-gold" / "corpus-gold.jsonl"))
    score(args.themescan, documents, args.verbose)


if __name__ == "__main__":
    main()
