#!/usr/bin/env python3
"""Encodings, limits and hostile inputs: every input gets a clear error or a valid result."""
import json
import os
import shutil
import subprocess
import unittest

from cli_test_util import BINARY, SOURCE_DIR, TempDirTestCase, run

CORPUS = SOURCE_DIR / "corpus"
RUSSIAN = CORPUS / "08_ru-import-substitution-forum.txt"
SPANISH = CORPUS / "09_es-foro-gobierno-digital.txt"
ENGLISH = CORPUS / "01_digital-partners-forum.txt"


def records(stdout):
    return [json.loads(line) for line in stdout.decode().splitlines()]


def themes(doc):
    return [(t["id"], t["hits"], t["score"]) for t in doc["themes"]]


class Encodings(TempDirTestCase):
    def analyse(self, path, *args):
        result = run("--format", "json", *args, path)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def assert_twins(self, name, encoded, text, encoding, confidence):
        """`encoded` (bytes in another encoding) and `text` as UTF-8 give the same themes."""
        legacy = self.write(name, encoded)
        twin = self.write(name + ".utf8.txt", text.encode())
        doc, utf8 = self.analyse(legacy), self.analyse(twin)
        self.assertEqual(doc["document"]["encoding"], encoding)
        self.assertEqual(doc["document"]["encoding_confidence"], confidence)
        self.assertEqual(doc["document"]["words"], utf8["document"]["words"])
        self.assertEqual(themes(doc), themes(utf8))
        self.assertTrue(themes(doc))
        return doc

    def test_windows_1251_and_koi8_r_russian(self):
        # The UTF-8 twin is what the legacy file holds: characters that the code page lacks
        # become '?' in both.
        for codec, encoding, confidence in (("cp1251", "windows-1251", 51), ("koi8_r", "KOI8-R", 51)):
            text = RUSSIAN.read_text().encode(codec, "replace").decode(codec)
            doc = self.assert_twins(f"ru-{codec}.txt", text.encode(codec), text, encoding, confidence)
            self.assertEqual(themes(doc)[0][:2], ("tech-export", 6))

    def test_utf16_and_utf32_english_with_a_byte_order_mark(self):
        text = ENGLISH.read_text()
        for codec, mark, encoding in (("utf-16-le", b"\xff\xfe", "UTF-16LE"),
                                      ("utf-16-be", b"\xfe\xff", "UTF-16BE"),
                                      ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32LE")):
            doc = self.assert_twins(f"en-{codec}.txt", mark + text.encode(codec), text, encoding, 100)
            self.assertTrue(doc["document"]["bom"])
            self.assertEqual(len(doc["quotes"]), len(self.analyse(ENGLISH)["quotes"]))

    def test_latin1_spanish(self):
        text = SPANISH.read_text().encode("latin-1", "replace").decode("latin-1")
        doc = self.assert_twins("es-latin1.txt", text.encode("latin-1"), text, "ISO-8859-1", 81)
        # 8 hits, 3 of them inside names (Foro Andino de Gobierno Digital twice, Instituto
        # Paraguayo de Gobierno Abierto) and not counted.
        self.assertEqual(themes(doc)[0][:2], ("e-government", 5))

    def test_spans_index_the_decoded_text(self):
        path = self.write("en16.txt", b"\xff\xfe" + ENGLISH.read_text().encode("utf-16-le"))
        doc = self.analyse(path, "--include-text")
        text = doc["document"]["text"].encode()
        self.assertEqual(doc["document"]["text"], ENGLISH.read_text())
        evidence = [e for t in doc["themes"] for e in t["evidence"]]
        self.assertTrue(evidence)
        for e in evidence:
            self.assertEqual(text[e["span"][0]:e["span"][1]].decode(), e["text"])
        for q in doc["quotes"]:
            self.assertEqual(text[q["span"][0]:q["span"][1]].decode(), q["text"])
        self.assertNotIn("text", self.analyse(path)["document"])

    def test_forced_encoding(self):
        text = RUSSIAN.read_text().encode("cp1251", "replace")
        path = self.write("ru.txt", text)
        doc = self.analyse(path, "--encoding", "cp1251")
        self.assertEqual((doc["document"]["encoding"], doc["document"]["encoding_confidence"]),
                         ("windows-1251", 100))
        # Read as KOI8-R on purpose: a valid result, in the wrong letters, as asked.
        self.assertEqual(self.analyse(path, "--encoding", "koi8-r")["document"]["encoding"], "KOI8-R")
        bad = run("--encoding", "klingon", path)
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(bad.stderr.decode(), "themescan: --encoding: unknown encoding 'klingon'\n")


class Limits(TempDirTestCase):
    def test_max_bytes(self):
        big = self.write("big.txt", b"talent " * 300)  # 2,100 bytes
        small = self.write("small.txt", b"talent\n")
        result = run("--format", "jsonl", "--max-bytes", "1K", big, small)
        self.assertEqual(result.returncode, 1)
        message = f"{big}: 2100 bytes is over the limit of 1024 bytes (--max-bytes); skipped"
        self.assertEqual(result.stderr.decode(), f"themescan: {message}\n")
        lines = records(result.stdout)
        self.assertEqual([r["record"] for r in lines], ["error", "document", "summary"])
        self.assertEqual(lines[0]["message"], message)
        piped = run("--max-bytes", "1000", "-", stdin=b"talent " * 300)
        self.assertEqual(piped.returncode, 1)
        self.assertEqual(piped.stderr.decode(), "themescan: <stdin>: 2100 bytes or more is over "
                                                "the limit of 1000 bytes (--max-bytes); skipped\n")
        feed = self.write("feed.jsonl", json.dumps({"text": "talent " * 300}) + "\n")
        fed = run("--input-format", "jsonl", "--format", "jsonl", "--max-bytes", "2000", feed)
        self.assertEqual(records(fed.stdout)[0]["message"],
                         f"{feed}:1: 2100 bytes is over the limit of 2000 bytes (--max-bytes); skipped")
        for value in ("0", "3G", "12X", "-5", "lots"):
            bad = run("--max-bytes", value, small)
            self.assertEqual(bad.returncode, 2, value)
            self.assertEqual(bad.stderr.decode(), "themescan: --max-bytes must be a size from 1 byte "
                                                  f"to 2G (such as 500M), not '{value}'\n")


class Unreadable(TempDirTestCase):
    def run_as_nobody(self, *args):
        """Runs themescan as a user the permissions apply to (root reads everything)."""
        if os.geteuid() != 0:
            return run(*args, cwd=self.tmp)
        binary = self.tmp / "themescan"
        shutil.copy(BINARY, binary)
        self.tmp.chmod(0o755)
        return subprocess.run([str(binary), *map(str, args)], capture_output=True, timeout=120,
                              cwd=self.tmp, user=65534, group=65534, extra_groups=[])

    def test_unreadable_folder_in_a_batch(self):
        (self.tmp / "in" / "locked").mkdir(parents=True)
        (self.tmp / "in" / "a.txt").write_text("Digital sovereignty.\n")
        (self.tmp / "in" / "locked" / "b.txt").write_text("Talent.\n")
        (self.tmp / "in").chmod(0o755)
        (self.tmp / "in" / "a.txt").chmod(0o644)
        (self.tmp / "in" / "locked").chmod(0)
        result = self.run_as_nobody("--format", "jsonl", "in")
        self.assertEqual(result.returncode, 1, result.stderr)
        message = "in/locked: cannot read folder (Permission denied)"
        self.assertEqual(result.stderr.decode(), f"themescan: {message}\n")
        lines = records(result.stdout)
        self.assertEqual([r["record"] for r in lines], ["document", "error", "summary"])
        self.assertEqual(lines[0]["document"]["path"], "in/a.txt")
        self.assertEqual(lines[1]["message"], message)


class Hostile(TempDirTestCase):
    """One batch of hostile files beside a good one: each gets a clear error or a valid result."""

    def make_folder(self):
        d = self.tmp / "hostile"
        d.mkdir()
        (d / "00-good.txt").write_bytes(ENGLISH.read_bytes())
        (d / "01-binary.txt").write_bytes(bytes(range(256)) * 4)
        (d / "02-nul.txt").write_bytes(b"Digital sovereignty\x00 and talent\n")
        (d / "03-cut-at-end.txt").write_bytes(RUSSIAN.read_bytes() + "конец".encode()[:-1])
        (d / "04-bad-middle-ru.txt").write_bytes(RUSSIAN.read_bytes().replace("суверенитет".encode(), b"\xff", 1))
        (d / "05-bad-middle-en.txt").write_bytes(b"Talent and data centres \xff in the middle.\n")
        (d / "06-lone-surrogate.txt").write_bytes(b"\xff\xfe" + "talent ".encode("utf-16-le") +
                                                 b"\x3d\xd8" + "end".encode("utf-16-le"))
        (d / "07-quote-marks.txt").write_text("“ " * 5000 + "\" " * 2500 + "« " * 2500 + "sovereignty\n")
        # 50 MB on one line: the English report without its line breaks, repeated.
        unit = ENGLISH.read_text().replace("\n", " ") + " "
        self.repeats = -(-50_000_000 // len(unit.encode()))
        (d / "08-one-line.txt").write_text(unit * self.repeats)
        self.unit = self.write("unit.txt", unit)
        nested = "".join(("“" if i % 2 == 0 else "‘") + f"level {i} " for i in range(1000))
        nested += "".join("”" if i % 2 == 0 else "’" for i in reversed(range(1000)))
        (d / "09-nested-quotes.txt").write_text("He said: " + nested + " and left.\n")
        (d / "10-empty.txt").write_bytes(b"")
        (d / "11-loop").symlink_to(d)
        return d

    def test_one_batch_of_hostile_inputs(self):
        folder = self.make_folder()
        result = run("--format", "jsonl", "-j", "2", "hostile", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)  # documented: some inputs could not be analysed
        lines = records(result.stdout)
        by_path = {(r["document"]["path"] if r["record"] == "document" else r["path"]): r
                   for r in lines[:-1]}
        errors = {p: r["message"] for p, r in by_path.items() if r["record"] == "error"}
        self.assertEqual(errors, {
            "hostile/01-binary.txt": "hostile/01-binary.txt: binary file (NUL byte at byte offset 0)",
            "hostile/02-nul.txt": "hostile/02-nul.txt: binary file (NUL byte at byte offset 19)",
            "hostile/03-cut-at-end.txt": "hostile/03-cut-at-end.txt: not valid UTF-8 (first bad byte "
                                         f"sequence at byte offset {RUSSIAN.stat().st_size + 8}: 0xD1)",
            "hostile/04-bad-middle-ru.txt": "hostile/04-bad-middle-ru.txt: not valid UTF-8 (first bad "
                                            "byte sequence at byte offset "
                                            f"{RUSSIAN.read_bytes().index('суверенитет'.encode())}: 0xFF)",
            "hostile/06-lone-surrogate.txt": "hostile/06-lone-surrogate.txt: not valid UTF-16LE (byte "
                                             "offset 16: 0x3D)",
            "hostile/11-loop": "hostile/11-loop: symbolic link loop, skipped",
        })
        self.assertEqual(result.stderr.decode().count("themescan: "), len(errors) + 1)  # + empty
        docs = {p: r for p, r in by_path.items() if r["record"] == "document"}
        self.assertEqual(sorted(docs), ["hostile/00-good.txt", "hostile/05-bad-middle-en.txt",
                                        "hostile/07-quote-marks.txt", "hostile/08-one-line.txt",
                                        "hostile/09-nested-quotes.txt", "hostile/10-empty.txt"])
        good = json.loads(run("--format", "json", ENGLISH).stdout)
        self.assertEqual(themes(docs["hostile/00-good.txt"]), themes(good))
        self.assertLess(docs["hostile/05-bad-middle-en.txt"]["document"]["encoding_confidence"], 100)
        marks = docs["hostile/07-quote-marks.txt"]
        self.assertEqual([(q["unclosed"], q["type"]) for q in marks["quotes"]], [(True, "direct")])
        self.assertEqual(themes(marks), [("sovereignty", 1, 0.5)])
        line = docs["hostile/08-one-line.txt"]["document"]
        unit = json.loads(run("--format", "json", self.unit).stdout)
        self.assertEqual(line["words"], self.repeats * unit["document"]["words"])
        self.assertEqual(line["paragraphs"], 1)
        self.assertEqual(sum(t["hits"] for t in docs["hostile/08-one-line.txt"]["themes"]),
                         self.repeats * sum(t["hits"] for t in unit["themes"]))
        nested = docs["hostile/09-nested-quotes.txt"]["quotes"]
        self.assertEqual([q["depth"] for q in nested], [0, 1, 2, 3, 4, 5, 6])
        self.assertEqual(docs["hostile/10-empty.txt"]["warnings"], ["empty document"])
        self.assertEqual(lines[-1]["failed"], 6)
        self.assertEqual(lines[-1]["documents"], 6)


if __name__ == "__main__":
    unittest.main()
