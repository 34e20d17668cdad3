#!/usr/bin/env python3
"""Benchmark: themescan's peak memory in JSONL mode does not grow with the number of documents.

  bench/corpus_rss.py [--themescan BIN] [--sizes 2000,20000] [--jobs 2] [--runs 3]
                      [--cache DIR] [--seed N] [--names pool|unique] [--json FILE] [--clean]

Builds a reproducible benchmark corpus (fixed seed) in a cache folder (default bench/.cache/,
reused while the generator, seed, name mode and corpus/*.txt stay the same): documents of 2-10 KB,
each a title, a localised dateline ("Berlin, 6 June 2025", "Казань, 6 июня 2025 г.",
"Lima, 6 de junio de 2025", "Dakar, 6 juin 2025") with dates spread over 24 months
(2024-01 .. 2025-12), then runs of paragraphs drawn from corpus/*.txt of one language, shuffled
and recombined, with the speakers' names swapped for others. Document i is the same for every
size, so the small corpus is a prefix of the large one. Each size exists in two shapes: a folder
of .txt files (one subfolder per month) and one JSON Lines feed ({"id", "title", "date", "source",
"text"}, the text being the same as the file's).

For every (shape, size) it runs, under /usr/bin/time -v,
    themescan --format jsonl -j N INPUT > /dev/null
    (for the feed: themescan --input-format jsonl --format jsonl -j N FEED > /dev/null)
and, as a baseline over the same bytes, wc -w (LC_ALL=C.UTF-8; a folder through --files0-from).
It reports peak RSS (maximum resident set size), wall time, documents/s and MB/s
(MB = 10^6 bytes of input read: the files, or the feed), and themescan's MB/s as a fraction of
wc -w's. With --runs N each command runs N times: wall times are medians, peak RSS the maximum.
Before measuring it checks, on the first 100 documents of each shape, that themescan analyses
every document and finds every date (an unmeasured run).

Verdict: for each shape, ratio = peak RSS(largest size) / peak RSS(smallest size). PASS when
every ratio is below 1.25 (memory does not grow with the document count), else FAIL and exit
status 1. It also prints the growth in bytes per extra document, which a large fixed baseline
(ICU data, lexicons) would otherwise hide. Exit status 2: usage or setup error, or themescan
failed.

--names pool (default) replaces each person of corpus/ with one of 8 fixed stand-ins (names
recombined from the corpus's first names and surnames; in Russian, one of 8 stems per gender
and name part), so the set of distinct speakers, and of their roles, saturates well below 2,000
documents and the benchmark measures what each document costs. --names unique gives the people
of most documents made-up surnames never seen before, as a large real corpus would; the corpus
summary keeps an entry per distinct speaker, so that run shows what the speaker table costs
(same verdict rule).

Python 3 standard library only. Needs /usr/bin/time (Debian package "time") and wc (coreutils).
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR_VERSION = 3
MIN_BYTES = 2 * 1024
MAX_BYTES = 10 * 1024
DATE_START = datetime.date(2024, 1, 1)
DATE_DAYS = (datetime.date(2026, 1, 1) - DATE_START).days  # 24 months
THRESHOLD = 1.25
CAST_SIZE = 8  # --names pool: stand-ins per person of corpus/
CHECK_DOCS = 100
TIME_BIN = "/usr/bin/time"

# Speakers of corpus/*.txt, first name then the other parts (each part is swapped on its own).
LATIN_NAMES = {
    "en": ["Aigerim Seitkali", "Kwame Mensah", "Farida Yusupova", "Tomás Ibarra", "Rohan Perera",
           "Li Wei", "Marta Kowalczyk", "Harpreet Kaur", "Rui Carvalho", "Grace Wanjiru Mwangi",
           "Jean-Baptiste Habimana", "Anjali Beeharry", "Selamawit Tesfaye", "Youssef|El Amrani",
           "Ingrid Solberg", "Leila Bennani", "Noura Al-Mutairi", "Arjun Menon", "Karim Haddad",
           "Ananya Bose", "Meenakshi Raghavan", "Chukwuemeka Okafor", "Nguyen Thi Lan",
           "Lucas Pereira", "Rashid Karimov", "Aminata Diallo", "Mikael Virtanen",
           "Olusegun Adeyemi", "Katarzyna Nowak"],
    "es": ["Lucía Benítez", "Rosa Quispe Mamani", "Javier Ortega Salinas", "Camila Ferreyra",
           "Andrés Villacís"],
    "fr": ["Awa Koné", "Pierre-Yves Lemaire", "Yasmine Benali", "Mamadou Traoré",
           "Jean-Marc Ouédraogo"],
}
# Russian: stems, matched without a right word boundary so that inflected forms
# (Хайруллина, Лаптевой, Марины) keep their endings; swapped only within the same kind and gender.
RU_STEMS = {
    "first_m": ["Ильдар", "Олег", "Руслан", "Тимур", "Марат", "Артур", "Рустам", "Булат"],
    "first_f": ["Марин", "Екатерин", "Светлан", "Алин", "Ирин", "Гульнар", "Динар", "Альбин"],
    "last_m": ["Хайруллин", "Стрельников", "Гарипов", "Соколов", "Зарипов", "Кузнецов", "Валиев",
               "Галимов"],
    "last_f": ["Лаптев", "Бурцев", "Морозов", "Волков", "Сафин", "Галиев", "Исаев", "Ахметов"],
}
RU_ORIGINAL = {"Ильдар": "first_m", "Олег": "first_m", "Марин": "first_f", "Екатерин": "first_f",
               "Хайруллин": "last_m", "Стрельников": "last_m", "Лаптев": "last_f",
               "Бурцев": "last_f"}
SYLLABLES = {
    "latin": ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ba", "zo", "ri", "an", "el",
              "or", "ta", "mu", "ke", "sa", "li"],
    "cyrillic": ["ка", "ло", "ми", "ра", "те", "су", "но", "ви", "де", "ба", "зо", "ри", "ан",
                 "ел", "ор", "та", "му", "ке", "са", "ли"],
}
CITIES = {
    "en": ["Berlin", "Nairobi", "Almaty", "Accra", "Singapore", "London", "Toronto", "Dubai",
           "Manila", "Johannesburg", "Colombo", "Tashkent"],
    "ru": ["Казань", "Москва", "Новосибирск", "Самара", "Уфа", "Нижний Новгород", "Томск"],
    "es": ["Lima", "La Paz", "Quito", "Bogotá", "Santiago", "Montevideo", "Asunción"],
    "fr": ["Abidjan", "Dakar", "Paris", "Montréal", "Bamako", "Lomé", "Tunis"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}
GENERIC_TITLE = {"en": "Event report", "ru": "Отчёт о мероприятии", "es": "Crónica del evento",
                 "fr": "Compte rendu"}


def dateline(lang, city, day):
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{city}, {day.day} {month} {day.year}"
    if lang == "ru":
        return f"{city}, {day.day} {month} {day.year} г."
    if lang == "es":
        return f"{city}, {day.day} de {month} de {day.year}"
    return f"{city}, {'1er' if day.day == 1 else day.day} {month} {day.year}"


class Source:
    """One report of corpus/: its language, title (if its first line is one) and paragraphs."""

    def __init__(self, path):
        self.name = path.name
        m = re.match(r"\d+_(ru|es|fr)-", path.name)
        self.lang = m.group(1) if m else "en"
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        first = lines[0]
        self.title = first if len(first) <= 160 and not first.endswith((".", ":")) else None
        self.paragraphs = lines[1:] if self.title else lines


class Names:
    """Swaps the speakers' names of one document, the same way for every mention: each person of
    the sources becomes another person, and each part of the name the matching part."""

    def __init__(self, lang, rng, mode):
        self.lang, self.rng, self.mode, self.people, self.stems = lang, rng, mode, {}, {}

    def made_up(self, alphabet, parts):
        return "".join(self.rng.choice(SYLLABLES[alphabet]) for _ in range(parts)).capitalize()

    def replacement(self, token):
        if self.lang == "ru":
            if token not in self.stems:
                kind = RU_ORIGINAL[token]
                if self.mode == "unique" and kind.startswith("last"):
                    self.stems[token] = (self.made_up("cyrillic", self.rng.randint(2, 3))
                                         + self.rng.choice(["ов", "ин"]))
                else:
                    self.stems[token] = self.rng.choice(RU_STEMS[kind])
            return self.stems[token]
        person, part = TOKEN_OWNER[self.lang][token]
        if person not in self.people:
            if self.mode == "unique":
                self.people[person] = [self.rng.choice(FIRST_NAMES)] + [
                    self.made_up("latin", self.rng.randint(3, 4))
                    for _ in range(len(PEOPLE[self.lang][person]) - 1)]
            else:
                self.people[person] = self.rng.choice(PERSON_POOL[(self.lang, person)])
        return self.people[person][part]

    def apply(self, text):
        return NAME_RE[self.lang].sub(lambda m: self.replacement(m.group(0)), text)


def _name_tables():
    people, owner, pattern = {}, {}, {}
    for lang, names in LATIN_NAMES.items():
        people[lang] = [n.split("|") if "|" in n else n.split(" ") for n in names]
        owner[lang] = {token: (i, k) for i, parts in enumerate(people[lang])
                       for k, token in enumerate(parts)}
        tokens = sorted(owner[lang], key=len, reverse=True)
        pattern[lang] = re.compile(r"\b(?:" + "|".join(map(re.escape, tokens)) + r")\b")
    pattern["ru"] = re.compile(r"\b(?:" + "|".join(sorted(RU_ORIGINAL, key=len, reverse=True)) + ")")
    # A fixed cast, the same for every seed: each person of the sources has CAST_SIZE stand-ins
    # with as many name parts, made of the corpus's first names and other name parts. A stand-in
    # thus always speaks in the same role, so the speaker table saturates early.
    all_people = [p for ps in people.values() for p in ps]
    first_names = sorted({p[0] for p in all_people})
    other_parts = sorted({q for p in all_people for q in p[1:]})
    pool = {}
    for lang, persons in people.items():
        for i, parts in enumerate(persons):
            rng = random.Random(f"corpus_rss:cast:{' '.join(parts)}")
            cast = set()
            while len(cast) < CAST_SIZE:
                cast.add((rng.choice(first_names), *rng.sample(other_parts, len(parts) - 1)))
            pool[(lang, i)] = sorted(cast)
    return people, owner, first_names, pool, pattern


PEOPLE, TOKEN_OWNER, FIRST_NAMES, PERSON_POOL, NAME_RE = _name_tables()


def make_document(i, seed, sources, names_mode):
    """Document i (0-based): (a dict with id, title, date, source, text; its language). Depends
    only on i, the seed, the sources and the name mode, never on the corpus size."""
    rng = random.Random(f"corpus_rss:{seed}:{i}")
    main = rng.choice(sources)
    lang = main.lang
    same = [s for s in sources if s.lang == lang]
    titles = [s.title for s in same if s.title]
    title = main.title or (rng.choice(titles) if titles else GENERIC_TITLE[lang])
    day = DATE_START + datetime.timedelta(days=rng.randrange(DATE_DAYS))
    head = f"{title}\n{dateline(lang, rng.choice(CITIES[lang]), day)}\n"
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    names = Names(lang, rng, names_mode)
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    size = len(head.encode()) + 2 - len(sep)  # the blank line after the head, the final newline
    body, misses, src = [], 0, main
    while size < target and misses < 50:
        start = rng.randrange(len(src.paragraphs))
        for para in src.paragraphs[start:start + rng.randint(1, 4)]:
            para = names.apply(para)
            n = len(para.encode()) + len(sep)
            if size + n > MAX_BYTES:
                misses += 1
                continue
            body.append(para)
            size += n
            if size >= target:
                break
        src = main if rng.random() < 0.5 else rng.choice(same)
    text = head + "\n" + sep.join(body) + "\n"
    doc = {"id": f"report-{i:06d}", "title": title, "date": day.isoformat(),
           "source": f"corpus_rss/{main.name}", "text": text}
    return doc, lang


def corpus_digest(paths):
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def build_size(base, n, seed, sources, names_mode):
    """Writes txt-N/ and feed-N.jsonl under base unless a complete manifest says they are there."""
    manifest_path = base / f"manifest-{n}.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if (base / f"txt-{n}").is_dir() and (base / f"feed-{n}.jsonl").is_file():
            return manifest, False
    for stale in base.glob(f"*-{n}.tmp*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    tmp_dir, tmp_feed = base / f"txt-{n}.tmp", base / f"feed-{n}.jsonl.tmp"
    tmp_dir.mkdir()
    feed_hash, text_bytes, langs, months = hashlib.sha256(), 0, {}, set()
    paths = []
    with open(tmp_feed, "w", encoding="utf-8", newline="\n") as feed:
        for i in range(n):
            doc, lang = make_document(i, seed, sources, names_mode)
            folder = tmp_dir / doc["date"][:7]
            folder.mkdir(exist_ok=True)
            raw = doc["text"].encode()
            (folder / f"{doc['id']}.txt").write_bytes(raw)
            paths.append(f"{doc['date'][:7]}/{doc['id']}.txt")
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            feed.write(line)
            feed_hash.update(line.encode())
            text_bytes += len(raw)
            langs[lang] = langs.get(lang, 0) + 1
            months.add(doc["date"][:7])
    os.replace(tmp_dir, base / f"txt-{n}")
    os.replace(tmp_feed, base / f"feed-{n}.jsonl")
    # NUL-separated file list for wc -w --files0-from (20,000 paths overflow a command line).
    (base / f"files-{n}.list").write_bytes(
        b"".join(str(base / f"txt-{n}" / p).encode() + b"\0" for p in sorted(paths)))
    manifest = {"generator": GENERATOR_VERSION, "seed": seed, "names": names_mode, "documents": n,
                "text_bytes": text_bytes, "feed_bytes": (base / f"feed-{n}.jsonl").stat().st_size,
                "feed_sha256": feed_hash.hexdigest(), "languages": langs, "months": len(months)}
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest, True


def die(message):
    print(f"corpus_rss: {message}", file=sys.stderr)
    sys.exit(2)


def parse_time_v(text):
    out = {}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key == "Maximum resident set size (kbytes)":
            out["rss_kb"] = int(value)
        elif key == "User time (seconds)":
            out["user_s"] = float(value)
        elif key == "System time (seconds)":
            out["sys_s"] = float(value)
        elif key == "Exit status":
            out["exit"] = int(value)
    return out


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v with stdout to /dev/null; returns its figures."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        proc = subprocess.run([TIME_BIN, "-v", "-o", tf.name, *cmd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env)
        wall = time.perf_counter() - t0
        figures = parse_time_v(Path(tf.name).read_text())
    figures["wall_s"] = wall  # /usr/bin/time's elapsed time has only 10 ms resolution
    if proc.returncode != 0 or "rss_kb" not in figures:
        die(f"{' '.join(map(str, cmd))} failed (exit {proc.returncode}):\n"
                 + proc.stderr.decode(errors="replace")[-2000:])
    return figures


def check_sample(binary, base, n, jobs):
    """An unmeasured run over the first documents of each shape: all analysed, all dated."""
    k = min(CHECK_DOCS, n)
    files = sorted((base / f"files-{n}.list").read_bytes().split(b"\0")[:-1])
    with open(base / f"feed-{n}.jsonl", "rb") as feed:
        head = b"".join(line for _, line in zip(range(k), feed))
    ids = {json.loads(line)["id"] for line in head.splitlines()}
    sample = [f for f in files if Path(os.fsdecode(f)).stem in ids]
    runs = {"folder": ([binary, "--format", "jsonl", "-j", str(jobs), *map(os.fsdecode, sample)], None),
            "jsonl": ([binary, "--input-format", "jsonl", "--format", "jsonl", "-j", str(jobs), "-"], head)}
    for shape, (cmd, stdin) in runs.items():
        proc = subprocess.run(cmd, input=stdin, capture_output=True)
        lines = proc.stdout.splitlines()
        summary = json.loads(lines[-1]) if lines else {}
        if (proc.returncode != 0 or summary.get("documents") != k or summary.get("failed")
                or summary.get("dated") != k or len(lines) != k + 1):
            die(f"sanity check failed for {shape} (exit {proc.returncode}, "
                     f"documents {summary.get('documents')}, dated {summary.get('dated')}, "
                     f"failed {summary.get('failed')}, expected {k}):\n"
                     + proc.stderr.decode(errors="replace")[-2000:])


def machine_info(binary):
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "memory": mem,
            "kernel": platform.release(), "python": platform.python_version(),
            "themescan": version.splitlines()[0] if version else "unknown",
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def mib(kb):
    return kb / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--themescan", type=Path, default=ROOT / "build" / "themescan",
                    help="binary to measure (default: build/themescan of this repository)")
    ap.add_argument("--sizes", default="2000,20000",
                    help="comma-separated document counts (default 2000,20000); the verdict "
                         "compares the largest with the smallest")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="themescan -j (default 2)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per command; median wall time, maximum peak RSS (default 3)")
    ap.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache",
                    help="folder for the generated corpora (default bench/.cache)")
    ap.add_argument("--seed", type=int, default=20250606, help="generator seed (default 20250606)")
    ap.add_argument("--names", choices=["pool", "unique"], default="pool",
                    help="pool: each person of corpus/ becomes one of 8 fixed stand-ins "
                         "(default); unique: made-up surnames, new speakers in most documents")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--clean", action="store_true",
                    help="delete the generated corpora after the run (default: keep them)")
    args = ap.parse_args()

    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error(f"--sizes: not a list of numbers: {args.sizes}")
    if not sizes or sizes[0] < 1 or args.jobs < 1 or args.runs < 1:
        ap.error("--sizes, --jobs and --runs must be positive")
    binary = args.themescan.resolve()
    if not os.access(binary, os.X_OK):
        ap.error(f"themescan binary not found or not executable: {binary}")
    if not os.access(TIME_BIN, os.X_OK) or shutil.which("wc") is None:
        ap.error(f"needs {TIME_BIN} (package 'time') and wc")

    started = time.monotonic()
    info = machine_info(str(binary))
    source_paths = sorted((ROOT / "corpus").glob("*.txt"))
    if not source_paths:
        die(f"no reports in {ROOT / 'corpus'}")
    sources = [Source(p) for p in source_paths]
    key = (f"corpus_rss-v{GENERATOR_VERSION}-seed{args.seed}-{args.names}-"
           f"{corpus_digest(source_paths)[:12]}")
    base = args.cache.resolve() / key
    base.mkdir(parents=True, exist_ok=True)

    manifests = {}
    for n in sizes:
        t0 = time.monotonic()
        manifests[n], built = build_size(base, n, args.seed, sources, args.names)
        m = manifests[n]
        print(f"corpus {n:>6} docs: {'built' if built else 'cached'} in {time.monotonic() - t0:5.1f} s, "
              f"{m['text_bytes'] / 1e6:6.1f} MB text, feed {m['feed_bytes'] / 1e6:6.1f} MB, "
              f"sha256 {m['feed_sha256'][:16]}, {m['months']} months, languages {m['languages']}",
              flush=True)
    check_sample(str(binary), base, sizes[0], args.jobs)

    wc_env = dict(os.environ, LC_ALL="C.UTF-8")
    rows = []
    for shape in ("folder", "jsonl"):
        for n in sizes:
            if shape == "folder":
                data = base / f"txt-{n}"
                in_bytes = manifests[n]["text_bytes"]
                ts_cmd = [str(binary), "--format", "jsonl", "-j", str(args.jobs), str(data)]
                wc_cmd = ["wc", "-w", f"--files0-from={base / f'files-{n}.list'}"]
            else:
                data = base / f"feed-{n}.jsonl"
                in_bytes = manifests[n]["feed_bytes"]
                ts_cmd = [str(binary), "--input-format", "jsonl", "--format", "jsonl",
                          "-j", str(args.jobs), str(data)]
                wc_cmd = ["wc", "-w", str(data)]
            # wc first: it also brings the input into the page cache for themescan.
            wc_runs = [timed(wc_cmd, env=wc_env) for _ in range(args.runs)]
            ts_runs = [timed(ts_cmd) for _ in range(args.runs)]
            wall = statistics.median(r["wall_s"] for r in ts_runs)
            wc_wall = statistics.median(r["wall_s"] for r in wc_runs)
            row = {"shape": shape, "documents": n, "input_bytes": in_bytes,
                   "rss_kb": max(r["rss_kb"] for r in ts_runs),
                   "rss_kb_runs": [r["rss_kb"] for r in ts_runs],
                   "wall_s": wall, "wall_s_runs": [r["wall_s"] for r in ts_runs],
                   "cpu_s": statistics.median(r["user_s"] + r["sys_s"] for r in ts_runs),
                   "docs_per_s": n / wall, "mb_per_s": in_bytes / 1e6 / wall,
                   "wc_wall_s": wc_wall, "wc_mb_per_s": in_bytes / 1e6 / wc_wall}
            row["vs_wc"] = row["mb_per_s"] / row["wc_mb_per_s"]
            rows.append(row)
            print(f"  measured {shape:6} {n:>6} docs: peak RSS {mib(row['rss_kb']):6.1f} MiB, "
                  f"wall {wall:6.2f} s", flush=True)

    print()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, {info['memory']} RAM, Linux {info['kernel']}")
    print(f"themescan: {info['themescan']} ({binary}), -j {args.jobs}, {args.runs} run(s) each")
    print(f"date: {info['date']}; load average at start {info['loadavg']}, "
          f"at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"corpus: seed {args.seed}, names {args.names}, {base}")
    print()
    header = (f"{'shape':6} {'docs':>6} {'input MB':>8} {'peak RSS':>10} {'wall s':>7} {'CPU s':>6} "
              f"{'docs/s':>7} {'MB/s':>6} {'wc -w s':>8} {'wc MB/s':>8} {'vs wc':>6}")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['shape']:6} {r['documents']:>6} {r['input_bytes'] / 1e6:8.1f} "
              f"{mib(r['rss_kb']):6.1f} MiB {r['wall_s']:7.2f} {r['cpu_s']:6.2f} "
              f"{r['docs_per_s']:7.0f} {r['mb_per_s']:6.2f} {r['wc_wall_s']:8.2f} "
              f"{r['wc_mb_per_s']:8.1f} {r['vs_wc']:6.3f}")
    print()
    verdicts = {}
    small, large = sizes[0], sizes[-1]
    for shape in ("folder", "jsonl"):
        a = next(r for r in rows if r["shape"] == shape and r["documents"] == small)
        b = next(r for r in rows if r["shape"] == shape and r["documents"] == large)
        ratio = b["rss_kb"] / a["rss_kb"]
        per_doc = (b["rss_kb"] - a["rss_kb"]) * 1024 / (large - small) if large > small else 0.0
        ok = ratio < THRESHOLD
        verdicts[shape] = {"ratio": ratio, "bytes_per_extra_doc": per_doc, "pass": ok}
        print(f"{shape:6}: peak RSS({large})/peak RSS({small}) = {mib(b['rss_kb']):.1f}/"
              f"{mib(a['rss_kb']):.1f} MiB = {ratio:.3f} "
              f"({per_doc:+.0f} bytes per extra document)  {'PASS' if ok else 'FAIL'}")
    passed = all(v["pass"] for v in verdicts.values())
    elapsed = time.monotonic() - started
    print(f"\n{'PASS' if passed else 'FAIL'}: peak RSS ratio {'below' if passed else 'not below'} "
          f"{THRESHOLD} for every shape (benchmark took {elapsed:.0f} s)")

    if args.json:
        args.json.write_text(json.dumps({"machine": info, "binary": str(binary), "jobs": args.jobs,
                                         "runs": args.runs, "seed": args.seed, "names": args.names,
                                         "corpora": {str(n): manifests[n] for n in sizes},
                                         "rows": rows, "verdicts": verdicts, "pass": passed,
                                         "elapsed_s": elapsed}, indent=1) + "\n")
    if args.clean:
        shutil.rmtree(base)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
