#!/usr/bin/env python3
"""Benchmark: themescan's speed against ICU, ripgrep and wc -w, measured in one run.

  bench/speed.py [--build DIR] [--mb 100] [--files 20000] [--runs 3] [--cache DIR]
                 [--differential N] [--json FILE]

Builds a reproducible benchmark corpus in a cache folder (default bench/.cache/speed/, reused
while the generator and its inputs stay the same):
  * en.txt: --mb MB of English reports: paragraphs of the English reports in corpus/, of the seed
    report and of the LitBank novels in ../shared (when present), recombined with a fixed seed
    into reports of 3-30 paragraphs, each with a title;
  * ru.txt and es.txt: --mb / 5 MB each of Russian and Spanish, from corpus/08 and corpus/09;
  * a folder of --files documents of 2-10 KB (bench/corpus_rss.py's generator, names pool);
  * terms.txt: the shipped lexicons' English (ASCII) words, stems and phrases as ripgrep
    patterns: a stem "sovereign*" is sovereign[0-9A-Za-z_]*, the words of a phrase are joined by
    \\s+. (With the Russian and Spanish stems, or with Unicode \\w*, rg -i -w falls back to a slow
    engine and runs at under 1 MB/s with 700 MB of memory, which would be no fair baseline; none
    of those terms can match the English file anyway.)

Then it times, with hyperfine (--runs, medians) and /usr/bin/time -v (peak RSS), one thread each
unless stated:
  icu_wordcount FILE          the baseline: UTF-8 -> UTF-16, ICU word BreakIterator, count words
  rg -j1 -i -w --count-matches -f terms.txt FILE
  wc -w FILE                  (LC_ALL=C.UTF-8)
  themescan -j 1 --no-quotes FILE                 themes only (table output)
  themescan -j 1 --no-quotes --no-fast-path FILE  the same with ICU for every word
  themescan -j 1 --format jsonl FILE              themes, quotes, JSONL output
  themescan -j 1 --no-quotes --lexicons BIG FILE  the shipped lexicons plus 10,000 made-up entries
and over the folder: icu_wordcount, rg -j1, themescan -j 1 and -j 2 --format jsonl. Russian and
Spanish: icu_wordcount, themescan with and without the fast path. All output goes to /dev/null.

It prints, per input, MB/s (10^6 bytes of input per second), tokens/s (ICU word tokens of the
input, counted by icu_wordcount), peak RSS and the ratio of speeds to icu_wordcount's on the same
input, then the targets of the speed issue with the measured ratio and PASS/FAIL, and the
machine. --differential N also runs the fast-path differential test with N random texts
(the unit test runs 20,000).

Needs hyperfine, ripgrep, time (Debian packages) and a build with icu_wordcount
(THEMESCAN_BUILD_BENCH, on by default). Exit status 0 (whatever the targets say), 2 on errors.
"""
import argparse
import hashlib
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_rss  # noqa: E402  (the folder generator, /usr/bin/time parsing, machine info)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GENERATOR_VERSION = 2
SEED = 20251128


def die(message):
    print(f"speed: {message}", file=sys.stderr)
    sys.exit(2)


def english_paragraphs():
    """Paragraphs of English text: corpus/ reports, the seed report, LitBank novels."""
    paragraphs = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        if re.match(r"\d+_(ru|es|fr)-", path.name):
            continue
        paragraphs += [p.strip() for p in path.read_text().splitlines() if len(p.strip()) > 40]
    sources = ["corpus/"]
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        for path in sorted(seeds.rglob("*.txt")) + sorted(seeds.rglob("*.md")):
            paragraphs += [p.strip() for p in path.read_text(errors="replace").splitlines()
                           if len(p.strip()) > 40]
        sources.append("../shared/seeds")
    litbank = SHARED / "eval" / "quotes-public" / "litbank.jsonl"
    if litbank.is_file():
        for line in litbank.read_text().splitlines():
            text = json.loads(line)["text"]
            for block in re.split(r"\n\s*\n", text):
                block = " ".join(block.split())
                if len(block) > 40:
                    paragraphs.append(block)
        sources.append("LitBank")
    return paragraphs, sources


def language_paragraphs(name):
    path = next((ROOT / "corpus").glob(name))
    return [p.strip() for p in path.read_text().splitlines() if len(p.strip()) > 20]


def write_reports(path, paragraphs, megabytes, seed):
    """Reports of 3-30 paragraphs (a title: the first words of a paragraph) up to `megabytes`."""
    rng = random.Random(f"speed:{seed}:{path.name}")
    target = int(megabytes * 1_000_000)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            title = " ".join(rng.choice(paragraphs).split()[:8]).rstrip(".,;:")
            body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 30)))
            report = f"{title}\n\n{body}\n\n\n"
            out.write(report)
            size += len(report.encode())


def rg_patterns(lexicon_dir):
    patterns = set()
    for path in sorted(lexicon_dir.glob("*.lex")):
        for line in path.read_text().splitlines():
            line = line.split(" | ")[0].strip()
            if not line or line[0] in "#@!" or line.startswith("re:"):
                continue
            if not line.isascii():
                continue
            words = []
            for word in line.split():
                stem = word.endswith("*")
                word = re.escape(word.rstrip("*"))
                words.append(word + ("[0-9A-Za-z_]*" if stem else ""))
            patterns.add(r"\s+".join(words))
    return sorted(patterns)


def big_lexicon(folder, count, seed):
    """The shipped lexicons plus `count` made-up entries (70% words, 10% stems, 20% phrases)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "lexicons").glob("*.lex"):
        shutil.copy(path, folder / path.name)
    rng = random.Random(f"speed:lexicon:{seed}")
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen = set()
    lines = ["@theme synthetic", "@label Made-up entries for the lexicon-size benchmark"]
    while len(seen) < count:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(5, 11)))
        roll = rng.random()
        entry = word + "*" if roll < 0.1 else (
            word + " " + "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))
            if roll < 0.3 else word)
        if entry not in seen:
            seen.add(entry)
            lines.append(entry)
    (folder / "synthetic.lex").write_text("\n".join(lines) + "\n")


def build_corpus(cache, megabytes, files):
    stamp = json.dumps({"v": GENERATOR_VERSION, "mb": megabytes, "files": files, "seed": SEED,
                        "corpus": corpus_rss.corpus_digest(sorted((ROOT / "corpus").glob("*.txt"))),
                        "shared": (SHARED / "eval").is_dir()})
    base = cache / f"speed-{hashlib.sha256(stamp.encode()).hexdigest()[:12]}"
    if (base / "done.json").is_file():
        return base, json.loads((base / "done.json").read_text())
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    english, sources = english_paragraphs()
    write_reports(base / "en.txt", english, megabytes, SEED)
    write_reports(base / "ru.txt", language_paragraphs("08_*.txt"), megabytes / 5, SEED)
    write_reports(base / "es.txt", language_paragraphs("09_*.txt"), megabytes / 5, SEED)
    rss_sources = [corpus_rss.Source(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    corpus_rss.build_size(base, files, SEED, rss_sources, "pool")
    (base / "terms.txt").write_text("\n".join(rg_patterns(ROOT / "lexicons")) + "\n")
    big_lexicon(base / "lexicon-10k", 10_000, SEED)
    info = {"english_sources": sources, "stamp": stamp}
    (base / "done.json").write_text(json.dumps(info))
    return base, info


def hyperfine(commands, runs):
    """Median seconds of each command (a list of argument lists)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        args = ["hyperfine", "--style", "none", "--shell=none", "--warmup", "1", "--runs", str(runs),
                "--export-json", export.name]
        for command in commands:
            args.append(" ".join(shlex_quote(a) for a in command))
        proc = subprocess.run(args, capture_output=True, text=True)
        if proc.returncode != 0:
            die("hyperfine failed:\n" + proc.stderr[-2000:])
        results = json.loads(Path(export.name).read_text())["results"]
    return [r["median"] for r in results]


def shlex_quote(arg):
    return shlex.quote(str(arg))


def peak_rss_mib(command):
    figures = corpus_rss.timed([str(a) for a in command])
    return figures["rss_kb"] / 1024


def input_bytes(path):
    path = Path(path)
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*.txt"))
    return path.stat().st_size


def icu_tokens(icu, path):
    out = subprocess.run([icu, path], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, default=ROOT / "build")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache" / "speed")
    ap.add_argument("--differential", type=int, default=0, metavar="N")
    ap.add_argument("--json", type=Path)
    opts = ap.parse_args()

    themescan = opts.build / "themescan"
    icu = opts.build / "icu_wordcount"
    for tool, package in (("hyperfine", "hyperfine"), ("rg", "ripgrep"), ("wc", "coreutils")):
        if shutil.which(tool) is None:
            die(f"{tool} is missing: apt-get install {package}")
    for binary in (themescan, icu):
        if not binary.is_file():
            die(f"{binary} is missing: build with cmake --build {opts.build}")
    if not Path(corpus_rss.TIME_BIN).is_file():
        die("/usr/bin/time is missing: apt-get install time")

    print("building the corpus (cached) ...", file=sys.stderr)
    base, info = build_corpus(opts.cache, opts.mb, opts.files)
    en, ru, es = base / "en.txt", base / "ru.txt", base / "es.txt"
    folder = base / f"txt-{opts.files}"
    terms = base / "terms.txt"
    big = base / "lexicon-10k"
    million = base / "lexicon-1m"
    if not (million / "synthetic.lex").is_file():  # added after the first corpora were cached
        print("writing the 1,000,000-entry lexicon ...", file=sys.stderr)
        big_lexicon(million, 1_000_000, SEED)
    os.environ["LC_ALL"] = "C.UTF-8"

    rows = []  # (input, label, command, seconds, rss)

    def measure(input_path, entries):
        seconds = hyperfine([command for _, command in entries], opts.runs)
        for (label, command), secs in zip(entries, seconds):
            rows.append({"input": str(input_path.name), "label": label, "command": command,
                         "seconds": secs, "rss_mib": peak_rss_mib(command),
                         "bytes": input_bytes(input_path), "tokens": tokens[input_path]})

    tokens = {p: icu_tokens(icu, p) for p in (en, ru, es, folder)}
    print("timing the English file ...", file=sys.stderr)
    measure(en, [
        ("icu_wordcount (baseline)", [icu, en]),
        ("rg -j1 -i -w -f terms", ["rg", "-j1", "-i", "-w", "--count-matches", "-f", terms, en]),
        ("wc -w", ["wc", "-w", en]),
        ("themescan themes only", [themescan, "-j", "1", "--no-quotes", en]),
        ("themescan themes only, --no-fast-path", [themescan, "-j", "1", "--no-quotes",
                                                   "--no-fast-path", en]),
        ("themescan themes+quotes, jsonl", [themescan, "-j", "1", "--format", "jsonl", en]),
        ("themescan themes only, 10k-entry lexicon", [themescan, "-j", "1", "--no-quotes",
                                                      "--lexicons", big, en]),
    ])
    print("timing the folder ...", file=sys.stderr)
    measure(folder, [
        ("icu_wordcount (baseline)", [icu, folder]),
        ("rg -j1 -i -w -f terms", ["rg", "-j1", "-i", "-w", "--count-matches", "-f", terms, folder]),
        ("themescan themes+quotes, jsonl, -j 1", [themescan, "-j", "1", "--format", "jsonl", folder]),
        ("themescan themes+quotes, jsonl, -j 2", [themescan, "-j", "2", "--format", "jsonl", folder]),
    ])
    for path in (ru, es):
        print(f"timing {path.name} ...", file=sys.stderr)
        measure(path, [
            ("icu_wordcount (baseline)", [icu, path]),
            ("themescan themes only", [themescan, "-j", "1", "--no-quotes", path]),
            ("themescan themes only, --no-fast-path", [themescan, "-j", "1", "--no-quotes",
                                                       "--no-fast-path", path]),
        ])

    print("loading the 1,000,000-entry lexicon ...", file=sys.stderr)
    empty = base / "empty.txt"
    empty.write_bytes(b"")
    load_command = [themescan, "--no-quotes", "--lexicons", million, empty]
    load_seconds = hyperfine([load_command], opts.runs)[0]
    load_rss = peak_rss_mib(load_command)

    baseline = {r["input"]: r["seconds"] for r in rows if r["label"].startswith("icu_wordcount")}
    print()
    print(f"{'input':<12} {'method':<44} {'MB/s':>7} {'Mtok/s':>7} {'peak RSS':>10} {'x ICU':>6}")
    print("-" * 92)
    for r in rows:
        mbs = r["bytes"] / r["seconds"] / 1e6
        r["mb_s"] = mbs
        r["x_icu"] = baseline[r["input"]] / r["seconds"]
        print(f"{r['input']:<12} {r['label']:<44} {mbs:7.1f} {r['tokens'] / r['seconds'] / 1e6:7.2f} "
              f"{r['rss_mib']:7.1f} MiB {r['x_icu']:6.2f}")

    def find(input_name, label):
        return next(r for r in rows if r["input"] == input_name and r["label"] == label)

    print(f"\n1,000,000-entry lexicon (plus the shipped ones), loaded and compiled for an empty "
          f"input: {load_seconds:.2f} s, peak RSS {load_rss:.0f} MiB")

    en_themes = find("en.txt", "themescan themes only")
    en_rg = find("en.txt", "rg -j1 -i -w -f terms")
    en_full = find("en.txt", "themescan themes+quotes, jsonl")
    en_big = find("en.txt", "themescan themes only, 10k-entry lexicon")
    f1 = find(folder.name, "themescan themes+quotes, jsonl, -j 1")
    f2 = find(folder.name, "themescan themes+quotes, jsonl, -j 2")
    targets = [
        ("themes only, English file: >= 2.5x icu_wordcount", en_themes["x_icu"], 2.5),
        ("themes only, English file: >= 2.5x rg", en_rg["seconds"] / en_themes["seconds"], 2.5),
        ("themes+quotes+jsonl, English file: >= 2x icu_wordcount", en_full["x_icu"], 2.0),
        ("themes+quotes+jsonl, folder: >= 2x icu_wordcount", f1["x_icu"], 2.0),
        ("10k-entry lexicon: <= 1.5x the time of the shipped one",
         en_themes["seconds"] / en_big["seconds"], 1 / 1.5),
        ("folder: -j 2 >= 1.8x -j 1", f1["seconds"] / f2["seconds"], 1.8),
        ("peak RSS, folder jsonl < 64 MiB", 64 / max(f1["rss_mib"], f2["rss_mib"]), 1.0),
        ("peak RSS, English file, themes only < its size + 64 MiB",
         (en_themes["bytes"] / 2**20 + 64) / en_themes["rss_mib"], 1.0),
        ("peak RSS, English file, themes+quotes+jsonl < its size + 64 MiB",
         (en_full["bytes"] / 2**20 + 64) / en_full["rss_mib"], 1.0),
    ]
    for lang in ("ru.txt", "es.txt"):
        fast = find(lang, "themescan themes only")
        slow = find(lang, "themescan themes only, --no-fast-path")
        targets.append((f"{lang}: fast path no slower than pure ICU (within 5%)",
                        slow["seconds"] / fast["seconds"], 0.95))
    print()
    print("targets (a ratio >= its bound passes)")
    for name, ratio, bound in targets:
        print(f"  {'PASS' if ratio >= bound else 'FAIL'}  {name:<58} {ratio:6.2f} (bound {bound:.2f})")

    if opts.differential:
        print(f"\ndifferential test of the fast path with {opts.differential} random texts ...")
        env = dict(os.environ, THEMESCAN_RANDOM_CASES=str(opts.differential))
        proc = subprocess.run([opts.build / "tests" / "unit_tests", "-tc=*fast path*"], env=env,
                              capture_output=True, text=True)
        print("  " + (proc.stdout.strip().splitlines() or ["(no output)"])[-1])
        if proc.returncode != 0:
            print(proc.stdout[-3000:])

    machine = corpus_rss.machine_info(themescan)
    print(f"\nmachine: {machine['nproc']} CPUs, {machine['cpu']}, {machine['memory']} RAM, "
          f"Linux {machine['kernel']}; {machine['date']}; load {machine['loadavg']}")
    print(f"themescan: {machine['themescan']} ({themescan}); {opts.runs} runs per command, "
          f"medians; corpus {base} ({', '.join(info['english_sources'])})")
    if opts.json:
        opts.json.write_text(json.dumps({"machine": machine, "rows": [
            {k: (str(v) if k == "command" else v) for k, v in r.items()} for r in rows],
            "targets": targets, "lexicon_1m": {"seconds": load_seconds, "rss_mib": load_rss}},
            indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
