"""Corpus mode of the real binary: threads, inputs, JSONL/CSV outputs consumed the way dashboards
consume them (jq, sqlite3), bad files in a batch, JSONL input, merge, Ctrl-C, schemas.

Run: THEMESCAN=build/themescan python3 tests/cli/test_corpus.py [-v] [TestClass]
"""
import csv
import io
import json
import shutil
import signal
import subprocess
import time
import unittest
from pathlib import Path

from cli_test_util import (BINARY, SOURCE_DIR, TempDirTestCase, load_schema_validator,
                           require_program, run, run_on_pty)

CORPUS = SOURCE_DIR / "corpus"
# The ten .txt reports, without their HTML/PDF/DOCX twins in corpus/formats/ (test_formats.py).
TEN_REPORTS = ("--exclude", "formats", "corpus")
REPORT_SEED_FREE = "corpus/04_press-release-datacentre.txt"


def records(stdout):
    return [json.loads(line) for line in stdout.decode().splitlines()]


class TempDir(TempDirTestCase):
    def bad_folder(self):
        """Two good reports, a broken symbolic link, a binary file, UTF-16 with a lone surrogate."""
        folder = self.tmp / "batch"
        folder.mkdir()
        for name in ("01_digital-partners-forum.txt", "02_smart-cities-panel.txt"):
            shutil.copy(CORPUS / name, folder / name)
        (folder / "gone.txt").symlink_to(self.tmp / "nowhere.txt")
        (folder / "bin.txt").write_bytes(b"abc\0def")
        (folder / "bad16.txt").write_bytes(b"\xff\xfe" + "caf".encode("utf-16-le") + b"\x00\xd8")
        return folder


class Threads(TempDir):
    def test_jobs_1_and_2_give_identical_bytes(self):
        # 40 documents in nested folders, so two threads really interleave.
        for copy in range(4):
            for path in sorted(CORPUS.glob("*.txt")):
                self.write(f"big/c{copy}/{path.name}", path.read_bytes())
        for args in (["--format", "jsonl"], ["--format", "json"], ["--format", "table"],
                     ["--format", "table", "--per-document"], ["--format", "csv"],
                     ["--format", "csv", "--csv-table", "quotes"],
                     ["--format", "csv", "--csv-table", "speakers"]):
            one = run("-j", "1", *args, self.tmp / "big")
            two = run("-j", "2", *args, self.tmp / "big")
            self.assertEqual(one.returncode, 0, one.stderr)
            self.assertEqual(one.stdout, two.stdout, args)
            self.assertEqual(two.stderr, b"")
        summary = records(run("-j", "2", "--format", "jsonl", self.tmp / "big").stdout)[-1]
        self.assertEqual(summary["documents"], 40)
        self.assertEqual(summary["errors"], [])

    def test_no_fast_path_gives_the_same_bytes(self):
        for args in (["--format", "jsonl", "corpus"], ["--format", "json", REPORT_SEED_FREE]):
            fast = run(*args)
            slow = run("--no-fast-path", *args)
            self.assertEqual(fast.returncode, 0, fast.stderr)
            self.assertEqual(fast.stdout, slow.stdout, args)

    def test_bad_jobs_value(self):
        result = run("-j", "two", *TEN_REPORTS)
        self.assertEqual(result.returncode, 2)
        self.assertIn("jobs", result.stderr.decode())


class BadFiles(TempDir):
    MESSAGES = [
        "batch/bad16.txt: not valid UTF-16LE (byte offset 8: 0x00)",
        "batch/bin.txt: binary file (NUL byte at byte offset 3)",
        "batch/gone.txt: broken symbolic link",
    ]

    def test_every_good_document_and_an_error_record_for_each_bad_one(self):
        self.bad_folder()
        result = run("--format", "jsonl", "batch", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(), "".join(f"themescan: {m}\n" for m in self.MESSAGES))
        lines = records(result.stdout)
        self.assertEqual([r["record"] for r in lines],
                         ["document", "document", "error", "error", "error", "summary"])
        self.assertEqual([r["document"]["path"] for r in lines[:2]],
                         ["batch/01_digital-partners-forum.txt", "batch/02_smart-cities-panel.txt"])
        self.assertEqual([(r["path"], r["message"]) for r in lines[2:5]],
                         [(m.split(":")[0], m) for m in self.MESSAGES])
        self.assertEqual(lines[-1]["documents"], 2)
        self.assertEqual(lines[-1]["failed"], 3)

    def test_other_formats_report_the_bad_files_too(self):
        self.bad_folder()
        table = run("--format", "table", "batch", cwd=self.tmp)
        self.assertEqual(table.returncode, 1)
        out = table.stdout.decode()
        self.assertIn("corpus      2 documents, 3 failed", out)
        self.assertTrue(out.endswith("failed          3\n" +
                                     "".join(f"  {m}\n" for m in self.MESSAGES)), out)
        doc = json.loads(run("--format", "json", "batch", cwd=self.tmp).stdout)
        self.assertEqual([e["message"] for e in doc["errors"]], self.MESSAGES)
        self.assertEqual(len(doc["documents"]), 2)
        rows = list(csv.reader(io.StringIO(run("--format", "csv", "batch", cwd=self.tmp)
                                           .stdout.decode(), newline="")))
        self.assertEqual([r[-1] for r in rows if r[-1]][1:], self.MESSAGES)  # [0] is the header

    def test_output_file_is_written_whole_even_with_bad_inputs(self):
        self.bad_folder()
        result = run("--format", "jsonl", "-o", "out.jsonl", "batch", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len((self.tmp / "out.jsonl").read_text().splitlines()), 6)
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["batch", "out.jsonl"])


class Dashboards(TempDir):
    """The outputs as dashboards and databases take them: jq over JSONL, sqlite3 over CSV."""

    def test_hits_inside_names_count_alike_in_every_format(self):
        # The names' hits (19 in corpus/, such as the Dialogue of the Centre for International
        # Digital Dialogue) are left out, or with --count-names counted, in JSON, JSONL, CSV and
        # the summary alike (tests/unit/entity_names_test.cc checks the blocks of large texts).
        totals = []
        for extra in ([], ["--count-names"]):
            docs = json.loads(run("--format", "json", "--min-hits", "0", *extra, *TEN_REPORTS).stdout)
            lines = records(run("--format", "jsonl", "--min-hits", "0", *extra, *TEN_REPORTS).stdout)
            rows = list(csv.DictReader(io.StringIO(run("--format", "csv", "--min-hits", "0", *extra,
                                                       *TEN_REPORTS).stdout.decode())))
            json_hits = {(d["document"]["path"], t["id"]): t["hits"]
                         for d in docs["documents"] for t in d["themes"]}
            jsonl_hits = {(d["document"]["path"], t["id"]): t["hits"]
                          for d in lines[:-1] for t in d["themes"]}
            csv_hits = {(r["path"], r["theme"]): int(r["hits"]) for r in rows}
            self.assertEqual(json_hits, jsonl_hits)
            self.assertEqual(json_hits, csv_hits)
            in_names = sum(e["in_name"] for d in docs["documents"] for t in d["themes"]
                           for e in t["evidence"])
            self.assertEqual(in_names, 19)
            counted = sum(len([e for e in t["evidence"] if extra or not e["in_name"]])
                          for d in docs["documents"] for t in d["themes"])
            self.assertEqual(counted, sum(json_hits.values()))
            summary = lines[-1]
            self.assertEqual(summary["count_names"], bool(extra))
            self.assertEqual({t["id"]: t["hits"] for t in summary["themes"]},
                             {t: sum(n for (p, u), n in json_hits.items() if u == t)
                              for t in {u for _, u in json_hits}})
            totals.append(sum(json_hits.values()))
        self.assertEqual(totals, [208, 208 + 19])

    def test_jq_over_jsonl(self):
        jq = require_program("jq", "jq")
        jsonl = run("--format", "jsonl", *TEN_REPORTS).stdout
        # Per document, the sovereignty hits; then documents touched and total hits.
        per_doc = subprocess.run(
            [jq, "-c", 'select(.record == "document") | [.document.path, '
             '([.themes[] | select(.id == "sovereignty") | .hits] | add // 0)]'],
            input=jsonl, capture_output=True, check=True).stdout.decode().splitlines()
        counts = {json.loads(l)[0]: json.loads(l)[1] for l in per_doc}
        self.assertEqual(len(counts), 10)
        # Checked by hand against the reports: 01 has 6, 04 has 1, 08 has 1 (цифровой
        # суверенитет), 09 has 2 (soberanía de los datos, soberanía digital).
        self.assertEqual({k.split("/")[1][:2]: v for k, v in counts.items() if v},
                         {"01": 6, "04": 1, "08": 1, "09": 2})
        totals = subprocess.run(
            [jq, "-s", "-c", '[.[] | select(.record == "summary") | .themes[] | '
             'select(.id == "sovereignty") | .documents, .hits]'],
            input=jsonl, capture_output=True, check=True).stdout
        self.assertEqual(json.loads(totals), [4, 10])
        speakers = subprocess.run(
            [jq, "-r", 'select(.record == "document") | .quotes[] | '
             'select(.type == "direct" and .speaker.name == "Vadim Glushchenko") | .method'],
            input=run("--format", "jsonl", "corpus/01_digital-partners-forum.txt").stdout,
            capture_output=True, check=True).stdout.decode()
        self.assertEqual(speakers, "")  # he is in the seed report, not in corpus/01

    def test_sqlite_over_csv(self):
        sqlite = require_program("sqlite3", "sqlite3")
        db = self.tmp / "themes.db"
        for table in ("themes", "quotes", "speakers"):
            data = run("--format", "csv", "--csv-table", table, *TEN_REPORTS).stdout
            self.write(f"{table}.csv", data)
        schema = (
            "CREATE TABLE themes(path TEXT, id TEXT, date TEXT, words INTEGER, theme TEXT, "
            "rank INTEGER, hits INTEGER, distinct_ INTEGER, score REAL, per_1k REAL, share REAL, "
            "top_terms TEXT, error TEXT);")
        out = subprocess.run(
            [sqlite, db, schema,
             f".import --csv --skip 1 {self.tmp / 'themes.csv'} themes",
             f".import --csv {self.tmp / 'quotes.csv'} quotes",
             f".import --csv {self.tmp / 'speakers.csv'} speakers",
             "SELECT theme, COUNT(*), SUM(hits) FROM themes GROUP BY theme "
             "ORDER BY 2 DESC, 3 DESC, 1 LIMIT 3;",
             "SELECT COUNT(*) FROM quotes WHERE type = 'direct';",
             "SELECT COUNT(DISTINCT path) FROM themes;",
             "SELECT SUM(quotes) FROM speakers WHERE name = 'Farida Yusupova';"],
            capture_output=True, check=True).stdout.decode()
        summary = records(run("--format", "jsonl", *TEN_REPORTS).stdout)[-1]
        first = summary["themes"][:3]
        expected = [f"{t['id']}|{t['documents']}|{t['hits']}" for t in first]
        self.assertEqual(out.splitlines()[:3], expected)
        # Not counted, inside names: Atlantic Smart Infrastructure Conference, Punjab Rural
        # Connectivity Mission, Nordic Critical Infrastructure Security Centre (infrastructure);
        # Cybersecurity Unit, Baltic Cyber Resilience Conference, the Security of that Centre
        # (security); the Centre for International Digital Dialogue x3 (cooperation).
        self.assertEqual(expected, ["infrastructure|9|45", "security|8|45", "cooperation|8|18"])
        self.assertEqual(out.splitlines()[3], str(summary["quotes"]))
        self.assertEqual(out.splitlines()[3:], ["78", "10", "2"])

    def test_every_document_has_a_themes_row(self):
        # A wire story about a football match (no theme), a report with hits and a binary file:
        # the themes CSV has a row for each, so COUNT(DISTINCT path) counts the documents.
        self.write("in/a_report.txt", (CORPUS / "02_smart-cities-panel.txt").read_text())
        self.write("in/b_sport.txt", "LISBON, May 4 (Reuters) - Benfica beat Porto 2-1 on "
                   "Sunday to go top of the league.\n")
        self.write("in/c_bin.txt", b"ab\x00cd")
        result = run("--format", "csv", "in", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline="")))
        by_path = {}
        for r in rows:
            by_path.setdefault(r["path"], []).append(r)
        self.assertEqual(sorted(by_path), ["in/a_report.txt", "in/b_sport.txt", "in/c_bin.txt"])
        self.assertEqual([r["theme"] for r in by_path["in/a_report.txt"]],
                         ["infrastructure", "smart-cities", "security", "cooperation", "research"])
        sport = by_path["in/b_sport.txt"]
        self.assertEqual([(r["words"], r["theme"], r["rank"], r["hits"], r["score"], r["error"])
                          for r in sport], [("17", "", "", "0", "", "")])
        self.assertEqual([(r["theme"], r["error"]) for r in by_path["in/c_bin.txt"]],
                         [("", "in/c_bin.txt: binary file (NUL byte at byte offset 2)")])
        # --themes: a document with hits of other themes only still has its row.
        rows = list(csv.DictReader(io.StringIO(
            run("--format", "csv", "--themes", "talent", "in/a_report.txt", cwd=self.tmp)
            .stdout.decode(), newline="")))
        self.assertEqual([(r["theme"], r["hits"]) for r in rows], [("", "0")])

    def test_csv_quote_text_leaves_the_attribution_comma(self):
        # “We did not simply translate the menus,” Yusupova said: the comma is the sentence's,
        # not the quote's; JSON keeps it, with the span.
        data = run("--format", "csv", "--csv-table", "quotes", "corpus/01_digital-partners-forum.txt")
        rows = list(csv.DictReader(io.StringIO(data.stdout.decode(), newline="")))
        texts = [r["text"] for r in rows if r["speaker"] == "Farida Yusupova" and r["type"] == "direct"]
        self.assertEqual(texts[0], "We did not simply translate the menus")
        self.assertFalse([r["text"] for r in rows if r["text"].endswith(",")])
        doc = json.loads(run("--format", "json", "corpus/01_digital-partners-forum.txt").stdout)
        self.assertIn("We did not simply translate the menus,", [q["text"] for q in doc["quotes"]])

    def test_csv_is_rfc4180(self):
        data = run("--format", "csv", "--csv-table", "quotes", *TEN_REPORTS).stdout.decode()
        self.assertTrue(data.startswith(
            "path,id,date,quote,type,partial,page,speaker_id,speaker,kind,named,role,affiliation,"
            "country,method,confidence,verb,text,themes,error\r\n"))
        rows = list(csv.reader(io.StringIO(data, newline="")))
        self.assertTrue(all(len(r) == 20 for r in rows))
        self.assertTrue(any("," in r[17] for r in rows[1:]))  # quoted fields survive
        self.assertEqual({r[6] for r in rows[1:]}, {""})  # text files have no pages
        pdf = run("--format", "csv", "--csv-table", "quotes", "corpus/formats/01_digital-partners-forum.pdf")
        pages = [r[6] for r in list(csv.reader(io.StringIO(pdf.stdout.decode(), newline="")))[1:]]
        self.assertEqual(pages, ["1"] * 3 + ["2"] * 7 + ["3"])  # the term quote (page 1) has no row


class JsonlInput(TempDir):
    def test_feed_documents_errors_and_dates(self):
        report = (CORPUS / "02_smart-cities-panel.txt").read_text()
        lines = [
            json.dumps({"id": "a1", "text": report, "date": "2025-06-06T10:00:00+02:00",
                        "title": "Panel", "source": "wire"}),
            "{not json",
            json.dumps({"id": "a3", "title": "no text"}),
            "",
            json.dumps({"text": "Water and sovereignty.", "date": "June 2025"}),
        ]
        feed = self.write("feed.jsonl", "\n".join(lines) + "\n")
        result = run("--input-format", "jsonl", "--format", "jsonl", feed.name, cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        out = records(result.stdout)
        self.assertEqual([r["record"] for r in out],
                         ["document", "error", "error", "document", "summary"])
        doc = out[0]["document"]
        self.assertEqual((doc["path"], doc["id"], doc["line"], doc["title"], doc["source"],
                          doc["date"], doc["date_from"]),
                         ("feed.jsonl", "a1", 1, "Panel", "wire", "2025-06-06", "jsonl"))
        self.assertEqual((out[1]["line"], out[2]["line"]), (2, 3))
        self.assertTrue(out[1]["message"].startswith("feed.jsonl:2: not valid JSON"), out[1])
        self.assertEqual(out[2]["message"], "feed.jsonl:3: missing string field 'text'")
        self.assertEqual((out[3]["document"]["id"], out[3]["document"]["date"]),
                         ("feed.jsonl:5", None))
        self.assertEqual(result.stderr.decode().splitlines()[-1],
                         "themescan: feed.jsonl:5: warning: 'date' \"June 2025\" is not an ISO "
                         "date (YYYY-MM-DD or RFC 3339); no date")
        self.assertEqual(out[-1]["months"], [{"month": "2025-06", "documents": 1, "themes": [
            {"id": t["id"], "documents": 1, "hits": t["hits"]} for t in
            sorted(out[0]["themes"], key=lambda t: [x["id"] for x in out[-1]["lexicons"]]
                   .index(t["id"]))]}])

    def test_missing_feed_is_an_error_record_and_the_other_feeds_go_on(self):
        feed = self.write("feed.jsonl", json.dumps({"id": "a", "text": "Sovereignty."}) + "\n")
        result = run("--input-format", "jsonl", "--format", "jsonl", "missing.jsonl", feed.name,
                     cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(),
                         "themescan: missing.jsonl: no such file or folder\n")
        out = records(result.stdout)
        self.assertEqual([r["record"] for r in out], ["error", "document", "summary"])
        self.assertEqual(out[1]["document"]["id"], "a")

    def test_feed_on_stdin_matches_feed_file(self):
        feed = self.write("feed.jsonl", "".join(
            json.dumps({"id": p.stem, "text": p.read_text()}) + "\n"
            for p in sorted(CORPUS.glob("*.txt"))))
        from_file = run("--input-format", "jsonl", "--format", "jsonl", feed)
        from_stdin = run("--input-format", "jsonl", "--format", "jsonl", "-",
                         stdin=feed.read_bytes())
        self.assertEqual(from_file.returncode, 0, from_file.stderr)
        # Same documents and summary; only the path differs.
        self.assertEqual(from_file.stdout.decode().replace(json.dumps(str(feed)), '"<stdin>"'),
                         from_stdin.stdout.decode().replace('"-"', '"<stdin>"'))
        summary = records(from_file.stdout)[-1]
        folder = records(run("--format", "jsonl", *TEN_REPORTS).stdout)[-1]
        self.assertEqual({k: v for k, v in summary.items() if k != "bytes"},
                         {k: v for k, v in folder.items() if k != "bytes"})


class Inputs(TempDir):
    def test_include_exclude_hidden_and_order(self):
        for name in ("b.txt", "a.md", "c.log", "drafts/d.txt", ".hidden.txt", "sub/e.TXT"):
            self.write(f"in/{name}", "Sovereignty matters.\n")
        def paths(*args):
            result = run("--format", "jsonl", *args, "in", cwd=self.tmp)
            return [r["document"]["path"] for r in records(result.stdout)
                    if r["record"] == "document"]
        self.assertEqual(paths(), ["in/a.md", "in/b.txt", "in/drafts/d.txt", "in/sub/e.TXT"])
        self.assertEqual(paths("--exclude", "drafts"), ["in/a.md", "in/b.txt", "in/sub/e.TXT"])
        self.assertEqual(paths("--include", "*.log"), ["in/c.log"])
        self.assertEqual(paths("--exclude", "sub/*", "--exclude", "*.md"),
                         ["in/b.txt", "in/drafts/d.txt"])

    def test_symlink_loop_is_reported_and_the_rest_processed(self):
        self.write("in/a.txt", "Sovereignty.\n")
        (self.tmp / "in" / "loop").symlink_to(self.tmp / "in")
        result = run("--format", "jsonl", "in", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(),
                         "themescan: in/loop: symbolic link loop, skipped\n")
        self.assertEqual([r["record"] for r in records(result.stdout)],
                         ["document", "error", "summary"])


class Progress(TempDir):
    def run_on_tty(self, *args):
        """Runs themescan with stderr on a pseudo-terminal; returns (exit code, stderr bytes)."""
        return run_on_pty(*args, stream="stderr")

    def test_progress_bar_on_a_terminal_only(self):
        code, err = self.run_on_tty("--format", "jsonl", *TEN_REPORTS)
        self.assertEqual(code, 0)
        text = err.decode()
        self.assertIn("/10 files", text)
        self.assertIn("MB/s", text)
        self.assertTrue(text.endswith("\r\x1b[K"), repr(text[-40:]))  # the line is cleared
        code, err = self.run_on_tty("--quiet", "--format", "jsonl", *TEN_REPORTS)
        self.assertEqual(err, b"")
        code, err = self.run_on_tty("corpus/01_digital-partners-forum.txt")  # one document
        self.assertEqual(err, b"")
        self.assertEqual(run("--format", "jsonl", *TEN_REPORTS).stderr, b"")  # not a terminal


class Sqlite(TempDir):
    """--format sqlite: the database a dashboard reads, queried through the sqlite3 shell."""

    DATES = ["2025-03-04", "2025-03-21", "2025-04-02", "2025-04-09", "2025-04-30", "2025-05-15",
             "2025-05-20", "2025-05-27", "2025-05-28", "2025-05-29"]

    def feed(self):
        # corpus/ as a dated feed, a broken line (4) and a story with no theme.
        lines = [json.dumps({"id": f.stem[:2], "date": d, "title": f.stem, "text": f.read_text()})
                 for f, d in zip(sorted(CORPUS.glob("*.txt")), self.DATES)]
        lines.insert(3, "{broken")
        lines.append(json.dumps({"id": "sport", "date": "2025-05-30", "text":
                                 "LISBON, May 30 (Reuters) - Benfica beat Porto 2-1 on Friday."}))
        return self.write("feed.jsonl", "\n".join(lines) + "\n")

    def sql(self, db, *statements):
        sqlite = require_program("sqlite3", "sqlite3")
        return subprocess.run([sqlite, db, *statements], capture_output=True, check=True
                              ).stdout.decode().splitlines()

    def test_dashboard_queries(self):
        feed = self.feed()
        result = run("--input-format", "jsonl", "--format", "sqlite", "-o", "feed.db", feed.name,
                     cwd=self.tmp)
        self.assertEqual(result.returncode, 1)  # the broken line
        self.assertEqual(result.stdout, b"")
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["feed.db", "feed.jsonl"])
        db = self.tmp / "feed.db"
        lines = records(run("--input-format", "jsonl", "--format", "jsonl", feed.name,
                            cwd=self.tmp).stdout)
        docs = [r for r in lines if r["record"] == "document"]
        # Themes per month, as a dashboard charts them; the same sums from the JSONL output.
        months = self.sql(db, "SELECT substr(d.date, 1, 7) AS month, t.theme, COUNT(*), "
                          "SUM(t.hits) FROM documents d JOIN themes t USING (doc_id) "
                          "GROUP BY month, t.theme ORDER BY month, t.theme;")
        expected = {}
        for d in docs:
            for t in d["themes"]:
                key = (d["document"]["date"][:7], t["id"])
                n, hits = expected.get(key, (0, 0))
                expected[key] = (n + 1, hits + t["hits"])
        self.assertEqual(months, [f"{m}|{t}|{n}|{h}" for (m, t), (n, h) in sorted(expected.items())])
        # corpus/01 (3 infrastructure hits) and 02 (9) are the March documents.
        self.assertIn("2025-03|infrastructure|2|12", months)
        # Top speakers per theme, by the hits in what they said, across documents.
        top = self.sql(db, "SELECT st.theme, s.name, SUM(st.hits) AS hits FROM speaker_themes st "
                       "JOIN speakers s USING (doc_id, speaker) WHERE s.named "
                       "GROUP BY st.theme, s.name ORDER BY st.theme, hits DESC, s.name;")
        expected = {}
        for d in docs:
            for sp in d["speakers"]:
                if not sp["named"]:
                    continue
                for t in sp["themes"]:
                    expected[(t["id"], sp["name"])] = expected.get((t["id"], sp["name"]), 0) + t["hits"]
        self.assertEqual(sorted(top), sorted(f"{t}|{n}|{h}" for (t, n), h in expected.items()))
        self.assertIn("sovereignty|Kwame Mensah|2", top)
        self.assertIn("cooperation|Нгуен Ван Хунг|2", top)
        # Every document is in documents, the one with no theme too; the error has its row.
        self.assertEqual(self.sql(db, "SELECT COUNT(*) FROM documents;",
                                  "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                                  "(SELECT 1 FROM themes t WHERE t.doc_id = d.doc_id);",
                                  "SELECT path, line FROM errors;",
                                  "SELECT COUNT(*) FROM quotes WHERE type = 'direct';",
                                  "SELECT value FROM meta WHERE key = 'schema_version';",
                                  "SELECT COUNT(*) FROM lexicons;"),
                         ["11", "1", "feed.jsonl|4", "78", "themescan.sqlite/1", "10"])
        # Evidence joins back to the text: a hit's text is the slice its span gives.
        self.assertEqual(self.sql(db, "SELECT COUNT(*) FROM evidence e JOIN documents d USING "
                                  "(doc_id) WHERE d.id = '01' AND e.theme = 'sovereignty';",
                                  "SELECT text FROM evidence WHERE doc_id = 1 AND theme = "
                                  "'sovereignty' ORDER BY span_begin LIMIT 1;"),
                         ["6", "Sovereign"])  # the title: "... Puts Sovereign Platforms ..."
        indexes = self.sql(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name "
                           "NOT LIKE 'sqlite_autoindex%' ORDER BY name;")
        self.assertIn("themes_theme", indexes)
        self.assertIn("speakers_name", indexes)

    def test_replaced_atomically_never_half_written(self):
        db = self.write("corpus.db", "previous\n")
        result = run("--format", "sqlite", "-o", db, *TEN_REPORTS)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(self.sql(db, "SELECT COUNT(*) FROM documents;"), ["10"])
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["corpus.db"])
        # Interrupted: the old database stays, no temporary file is left.
        proc = subprocess.Popen([str(BINARY), "--input-format", "jsonl", "--format", "sqlite",
                                 "-o", "corpus.db", "-"], cwd=self.tmp, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdin.write((json.dumps({"text": (CORPUS / "01_digital-partners-forum.txt")
                                      .read_text()}) + "\n").encode() * 20)
        proc.stdin.flush()
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130)
        self.assertEqual(err.decode(), "themescan: interrupted; corpus.db was not written\n")
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["corpus.db"])
        self.assertEqual(self.sql(db, "SELECT COUNT(*) FROM documents;"), ["10"])

    def test_needs_a_file(self):
        result = run("--format", "sqlite", *TEN_REPORTS)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), "themescan: --format sqlite writes a database "
                         "file: give it with -o FILE (such as -o corpus.db)\n")
        result = run("--format", "sqlite", "-o", self.tmp / "no" / "such.db", *TEN_REPORTS)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(),
                         f"themescan: cannot write {self.tmp / 'no' / 'such.db'}: No such file or directory\n")


class Interrupt(TempDir):
    def test_ctrl_c_stops_cleanly_and_leaves_no_output_file(self):
        (self.tmp / "out.jsonl").write_text("previous\n")
        proc = subprocess.Popen([str(BINARY), "--input-format", "jsonl", "--format", "jsonl",
                                 "-o", "out.jsonl", "-"], cwd=self.tmp, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = (json.dumps({"text": (CORPUS / "01_digital-partners-forum.txt").read_text()})
                + "\n").encode()
        proc.stdin.write(line * 50)
        proc.stdin.flush()
        time.sleep(1.0)  # the feed stays open: themescan waits for more
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130)
        self.assertEqual(err.decode(), "themescan: interrupted; out.jsonl was not written\n")
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["out.jsonl"])
        self.assertEqual((self.tmp / "out.jsonl").read_text(), "previous\n")


class Merge(TempDir):
    def shards(self):
        files = sorted(str(p.relative_to(SOURCE_DIR)) for p in CORPUS.glob("*.txt"))
        parts = []
        for i, chunk in enumerate((files[:3], files[3:7], files[7:])):
            part = self.write(f"part-{i}.jsonl", run("--format", "jsonl", *chunk).stdout)
            parts.append(part)
        return parts

    def test_merged_shards_equal_one_run(self):
        parts = self.shards()
        whole = run("--format", "jsonl", *TEN_REPORTS).stdout
        merged = run("merge", *parts)
        self.assertEqual(merged.returncode, 0, merged.stderr)
        self.assertEqual(merged.stdout, whole)
        self.assertEqual(run("merge", "--summary-only", *parts).stdout,
                         whole.splitlines(keepends=True)[-1])
        self.assertEqual(run("merge", "-", parts[2], stdin=parts[0].read_bytes() +
                             parts[1].read_bytes()).stdout, whole)
        table = run("merge", "--format", "table", *parts).stdout.decode()
        self.assertEqual(table, run("--format", "table", *TEN_REPORTS, "--color", "never").stdout.decode())

    def test_parts_counting_names_differently_do_not_merge(self):
        parts = self.shards()
        counted = self.write("counted.jsonl", run("--format", "jsonl", "--count-names",
                                                  "corpus/01_digital-partners-forum.txt").stdout)
        result = run("merge", parts[0].name, counted.name, cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(),
                         "themescan: counted.jsonl:2: made with --count-names and the first "
                         "summary without it; summaries can only be merged when they count hits "
                         "inside names alike\n")
        # Parts made alike merge into the single run's output, with names counted.
        alike = [self.write(f"c-{i}.jsonl", run("--format", "jsonl", "--count-names", *chunk).stdout)
                 for i, chunk in enumerate((["corpus/01_digital-partners-forum.txt"],
                                            ["corpus/02_smart-cities-panel.txt"]))]
        whole = run("--format", "jsonl", "--count-names", "corpus/01_digital-partners-forum.txt",
                    "corpus/02_smart-cities-panel.txt").stdout
        self.assertEqual(run("merge", *alike).stdout, whole)
        self.assertTrue(records(whole)[-1]["count_names"])

    def test_bad_parts_fail_and_write_nothing(self):
        parts = self.shards()
        truncated = self.write("cut.jsonl", b"".join(parts[0].read_bytes().splitlines(True)[:-1]))
        other = self.write("other.jsonl", run("--format", "jsonl", "--lexicons",
                                              SOURCE_DIR / "lexicons" / "security.lex",
                                              "corpus/01_digital-partners-forum.txt").stdout)
        junk = self.write("junk.jsonl", '{"a": 1}\n')
        cases = [
            (truncated, "cut.jsonl: no summary record (the run that wrote it did not finish?)"),
            (other, "other.jsonl:2: made with other lexicons than the first summary (theme ids "
                    "or hashes differ); summaries can only be merged with the same lexicons"),
            (junk, "junk.jsonl:1: not a themescan JSONL record (no \"record\" field; parts are "
                   "outputs of 'themescan --format jsonl')"),
            ("missing.jsonl", "missing.jsonl: cannot open: No such file or directory"),
        ]
        for bad, message in cases:
            result = run("merge", "-o", "merged.jsonl", parts[0].name, Path(bad).name, cwd=self.tmp)
            self.assertEqual(result.returncode, 1, message)
            self.assertEqual(result.stderr.decode(), f"themescan: {message}\n")
            self.assertFalse((self.tmp / "merged.jsonl").exists())


class Schemas(TempDir):
    """Every record type validates against docs/schema with python3-jsonschema."""

    def test_jsonl_records(self):
        validator = load_schema_validator("record.schema.json")
        self.bad_folder()
        kinds = set()
        for args in (["corpus"], ["batch"]):
            cwd = SOURCE_DIR if args == ["corpus"] else self.tmp
            for record in records(run("--format", "jsonl", "--min-hits", "0", *args, cwd=cwd).stdout):
                validator.validate(record)
                kinds.add(record["record"])
        feed = self.write("feed.jsonl", json.dumps({"id": "x", "text": "Sovereignty.",
                                                    "date": "2025-01-02"}) + "\n{bad\n")
        for record in records(run("--input-format", "jsonl", "--format", "jsonl", feed).stdout):
            validator.validate(record)
        self.assertEqual(kinds, {"document", "error", "summary"})

    def test_corpus_json_and_merged_summary(self):
        self.bad_folder()
        doc = json.loads(run("--format", "json", "batch", cwd=self.tmp).stdout)
        load_schema_validator("corpus.schema.json").validate(doc)
        error_validator = load_schema_validator("error.schema.json")
        for error in doc["errors"]:
            error_validator.validate(error)
        part = self.write("p.jsonl", run("--format", "jsonl", *TEN_REPORTS).stdout)
        summary = json.loads(run("merge", "--format", "json", part).stdout)
        load_schema_validator("summary.schema.json").validate(summary)
        self.assertNotIn("record", summary)

    def test_a_wrong_record_is_rejected(self):
        import jsonschema
        validator = load_schema_validator("record.schema.json")
        summary = records(run("--format", "jsonl", *TEN_REPORTS).stdout)[-1]
        summary["documents"] = -1
        with self.assertRaises(jsonschema.ValidationError):
            validator.validate(summary)


if __name__ == "__main__":
    unittest.main()
