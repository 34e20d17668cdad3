#!/usr/bin/env python3
"""`--lexicons` with other tools' dictionaries, and `themescan lexicons convert`."""
import json
import unittest

from cli_test_util import SHARED_DIR, SOURCE_DIR, TempDirTestCase, load_schema_validator, run

DICTIONARIES = SHARED_DIR / "eval" / "dictionaries"

DIC = ("%\n1\tSkills\n2\tThreat\n%\n"
       "digital skills\t1\n"
       "talent*\t1\n"
       "attack*\t2\n"
       "like\t2 134/125/464/253(02 134)126\n"
       "breach\t2\t2\n")


class Convert(TempDirTestCase):
    def test_a_dic_file_is_a_lexicon_and_converts_to_lex_files(self):
        dic = self.write("mini.dic", DIC)
        report = self.write("r.txt", "Digital skills and talent matter; an attack on talent.\n")
        result = run("--format", "json", "--lexicons", dic, report)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.decode(), "".join(f"themescan: warning: {dic}:{m}\n" for m in (
            "8: conditional entry 'like 2 134/125/464/253(02 134)126' (LIWC 2007 '<...>' or "
            "'(...)' syntax) is not supported; skipped",
            "9: duplicate term 'breach' in category 'Threat' (same as line 9); skipped")))
        doc = json.loads(result.stdout)
        self.assertEqual([(t["id"], t["hits"]) for t in doc["themes"]], [("skills", 3), ("threat", 1)])
        self.assertEqual(run("-q", "--lexicons", dic, report).stderr, b"")

        out = self.tmp / "converted"
        converted = run("lexicons", "convert", dic, out)
        self.assertEqual(converted.returncode, 0, converted.stderr)
        self.assertEqual(converted.stdout.decode(), f"wrote 2 themes (4 entries) to {out}\n")
        self.assertEqual((out / "skills.lex").read_text(),
                         f"# Converted by themescan from {dic}\n@theme skills\n@label Skills\n"
                         "digital skills\ntalent*\n")
        again = json.loads(run("--format", "json", "--lexicons", out, report).stdout)
        self.assertEqual([(t["id"], t["hits"]) for t in again["themes"]],
                         [(t["id"], t["hits"]) for t in doc["themes"]])

    def test_convert_errors(self):
        bad = self.write("bad.dic", "no header\n")
        result = run("lexicons", "convert", bad, self.tmp / "out")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), f"themescan: {bad}:1: a LIWC .dic file starts with a "
                                                 "'%' line, then its categories, then '%'\n")
        self.assertFalse((self.tmp / "out").exists())
        usage = run("lexicons", "convert", bad)
        self.assertEqual(usage.returncode, 2)
        self.assertIn("convert needs at least one input and an output folder", usage.stderr.decode())

    def test_nested_yaml_becomes_nested_files(self):
        yml = self.write("geo.yml", "AFRICA:\n  EAST:\n    'KE': [Kenya, Nairobi]\n")
        out = self.tmp / "geo"
        self.assertEqual(run("lexicons", "convert", yml, out).returncode, 0)
        self.assertEqual((out / "africa" / "east" / "ke.lex").read_text(),
                         f"# Converted by themescan from {yml}\n@theme africa/east/ke\n"
                         "@label AFRICA/EAST/KE\nKenya\nNairobi\n")


# Its own class: CTest reports a class with a skipped test as skipped, which must not hide the
# tests above when ../shared is absent.
class RealDictionaries(TempDirTestCase):
    @unittest.skipUnless(DICTIONARIES.is_dir(), f"{DICTIONARIES} is absent")
    def test_real_dictionaries_list_and_convert(self):
        listing = run("lexicons", "--lexicons", DICTIONARIES / "j-mfd" / "J-MFD_2018r1.dic")
        self.assertEqual(listing.returncode, 0, listing.stderr)
        self.assertTrue(listing.stdout.decode().endswith("11 themes, 758 entries\n"))
        out = self.tmp / "news"
        result = run("lexicons", "convert", DICTIONARIES / "newsmap" / "english.yml", out)
        self.assertEqual(result.stdout.decode(), f"wrote 241 themes (817 entries) to {out}\n")
        self.assertEqual(len(list(out.rglob("*.lex"))), 241)


class Kwic(TempDirTestCase):
    def test_theme_lines_are_the_analysis_hits(self):
        lines = run("kwic", "--theme", "sovereignty", "corpus").stdout.decode().splitlines()
        analysis = json.loads(run("--format", "json", "corpus").stdout)
        hits = sum(t["hits"] for d in analysis["documents"] for t in d["themes"] if t["id"] == "sovereignty")
        self.assertEqual(len(lines), hits)
        # 10 in the .txt reports; the HTML, PDF and DOCX twins of 01 (6 hits) and 08 (1) add 3 x 7.
        self.assertEqual(len(lines), 31)
        self.assertEqual(lines[1], "corpus/01_digital-partners-forum.txt:2       Dialogue. The discussion "
                                   "focused on  [digital sovereignty]  , the localisation of software to")

    def test_pattern_formats(self):
        report = "corpus/04_press-release-datacentre.txt"
        table = run("kwic", "data centre*", "-w", "2", report)
        self.assertEqual(table.returncode, 0, table.stderr)
        self.assertEqual(table.stdout.decode().splitlines()[:2], [
            f"{report}:1                                  Tier III  [Data Centre]  and Local",
            f"{report}:3                                of modular  [data centre]  and edge"])
        rows = run("kwic", "data centre*", "-w", "2", "--format", "csv", report).stdout.decode().splitlines()
        self.assertEqual(rows[:2], ["path,line,begin,end,entry,left,match,right",
                                    f"{report},1,68,79,data centre*,Tier III,Data Centre,and Local"])
        hits = json.loads(run("kwic", "re:\\bTier III\\b", "--format", "json", report).stdout)
        self.assertEqual([(h["line"], h["match"], h["span"]) for h in hits][0], (1, "Tier III", [59, 67]))
        self.assertEqual(len(rows) - 1, len(json.loads(run("kwic", "data centre*", "--format", "json",
                                                           report).stdout)))

    def test_errors(self):
        bad = run("kwic", "x,y", "corpus")
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(bad.stderr.decode(), "themescan: bad PATTERN 'x,y': entry 'x,y' can never match: "
                         "its words are separated by ',' (words in a phrase may be separated only by "
                         "spaces or hyphens; use a re: pattern)\n")
        self.assertEqual(run("kwic", "--theme", "nope", "corpus").stderr.decode(),
                         "themescan: unknown theme 'nope' (see 'themescan lexicons')\n")
        missing = run("kwic", "talent", "corpus/01_digital-partners-forum.txt", "nope.txt")
        self.assertEqual(missing.returncode, 1)
        self.assertEqual(missing.stderr.decode(), "themescan: nope.txt: no such file or folder\n")
        self.assertEqual(len(missing.stdout.decode().splitlines()), 2)

    def test_no_hits_is_said(self):
        # As grep: exit 1 and a line on standard error; standard output stays a valid document.
        none = run("kwic", "blockchain", "corpus/01_digital-partners-forum.txt")
        self.assertEqual((none.returncode, none.stdout), (1, b""))
        self.assertEqual(none.stderr.decode(),
                         "themescan: no hits of 'blockchain' in 1 document\n")
        as_json = run("kwic", "--format", "json", "blockchain", "corpus")
        self.assertEqual((as_json.returncode, json.loads(as_json.stdout)), (1, []))
        self.assertRegex(as_json.stderr.decode(),
                         r"^themescan: no hits of 'blockchain' in \d+ documents\n$")
        self.assertEqual(run("kwic", "talent", "corpus/01_digital-partners-forum.txt").returncode, 0)


class Suggest(TempDirTestCase):
    def test_talent_on_the_sample_corpus(self):
        # The README's example: terms the talent lexicon lacks, over-represented where it hits.
        reports = sorted(str(p) for p in (SOURCE_DIR / "corpus").glob("*.txt"))  # not the twins
        result = run("suggest", "--theme", "talent", "--format", "json", *reports)
        self.assertEqual(result.returncode, 0, result.stderr)
        found = json.loads(result.stdout)
        self.assertEqual([(s["candidate"], s["theme_count"], s["reference_count"], s["g2"])
                          for s in found[:3]],
                         [("employers", 3, 0, 16.13), ("career", 3, 1, 11.78), ("Summit", 3, 3, 8.24)])
        candidates = [s["candidate"] for s in found]
        for term in ("employers", "career", "engineers"):
            self.assertIn(term, candidates)
        self.assertTrue(all(s["covered_by"] is None for s in found))
        table = run("suggest", "--theme", "talent", *reports).stdout.decode().splitlines()
        self.assertEqual(table[0], "theme talent: 21 sentences with hits, 312 reference sentences")
        self.assertEqual(table[2].split(), ["candidate", "G2", "log2r", "RAKE", "theme", "ref", "example"])
        self.assertEqual(table[3].split()[:6], ["employers", "16.13", "6.59", "1.0", "3", "0"])

    def test_reference_documents_and_errors(self):
        result = run("suggest", "--theme", "talent", "corpus/05_skills-summit-talent-show.txt",
                     "--reference", "corpus/02_smart-cities-panel.txt", "--format", "csv")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.decode().startswith(
            "candidate,words,g2,log_ratio,rake,theme_count,reference_count,covered_by,example\r\n"))
        self.assertEqual(run("suggest", "corpus").returncode, 2)
        unknown = run("suggest", "--theme", "nope", "corpus")
        self.assertEqual(unknown.stderr.decode(), "themescan: unknown theme 'nope' (see 'themescan lexicons')\n")
        self.assertEqual(run("suggest", "--theme", "talent", "--max-words", "4", "corpus").returncode, 2)


class Lint(TempDirTestCase):
    def test_findings_and_exit_status(self):
        lex = self.tmp / "lex"
        lex.mkdir()
        (lex / "cloud.lex").write_text("@theme cloud\ncloud\nsovereign cloud\nin*\nsovereignty\n!sovereign*\n")
        (lex / "infra.lex").write_text("@theme infra\ncloud\nserver*\n")
        report = self.write("r.txt", "The sovereign cloud runs on servers. More servers, one server.\n")
        result = run("lint", "--corpus", "r.txt", "lex", cwd=self.tmp)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout.decode().splitlines(), [
            "lex/cloud.lex:2: contained: entry 'cloud' is part of the longer entry 'sovereign cloud' "
            "(line 3); where both match, the longer counts, once",
            "lex/cloud.lex:2: overlap: entry 'cloud' is also in theme 'infra' (lex/infra.lex:2); its "
            "hits count for both",
            "lex/cloud.lex:2: unused: entry 'cloud' has no hit in the corpus",
            "lex/cloud.lex:4: short-stem: stem 'in*' matches every word that starts with 'in'",
            "lex/cloud.lex:4: unused: entry 'in*' has no hit in the corpus",
            "lex/cloud.lex:5: shadowed: entry 'sovereignty' never counts: the exclusion '!sovereign*' "
            "(line 6) covers every occurrence",
            "lex/cloud.lex:5: unused: entry 'sovereignty' has no hit in the corpus",
            "lex/infra.lex:2: overlap: entry 'cloud' is also in theme 'cloud' (lex/cloud.lex:2); its "
            "hits count for both",
            "7 findings, 1 note"])

    def test_clean_lexicon_bad_file_and_dominant_entry(self):
        good = self.write("good.lex", "@theme good\nalpha\nbeta\n")
        clean = run("lint", good)
        self.assertEqual((clean.returncode, clean.stdout.decode()), (0, "0 findings\n"))
        bad = self.write("bad.lex", "@theme bad\nfoo | high\n")
        result = run("lint", good, bad)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.decode(), f"{bad}:2: error: bad weight 'high' (a number greater "
                                                 "than 0, such as 2 or 0.5)\n1 finding\n")
        # Every bad line of a file is reported, not only the first; the rest is still checked.
        messy = self.write("messy.lex", "@theme messy\nfoo\nfoo\nbar | high\n!!!\nbaz\nbaz\nin*\n")
        self.assertEqual(run("lint", messy).stdout.decode().splitlines(), [
            f"{messy}:3: error: duplicate entry 'foo' (same as line 2)",
            f"{messy}:4: error: bad weight 'high' (a number greater than 0, such as 2 or 0.5)",
            f"{messy}:5: error: entry '!!' has no words (only punctuation or symbols)",
            f"{messy}:7: error: duplicate entry 'baz' (same as line 6)",
            f"{messy}:8: short-stem: stem 'in*' matches every word that starts with 'in'",
            "5 findings"])
        # An unknown directive is one bad line among others, not the end of the check.
        typo = self.write("typo.lex", "@theme typo\n@lable Typo\nfoo | x\nbar\nbar\nbaz | 0\n")
        self.assertEqual(run("lint", typo).stdout.decode().splitlines(), [
            f"{typo}:2: error: unknown directive '@lable' (known: @theme, @label, @description, "
            "@lang, @format)",
            f"{typo}:3: error: bad weight 'x' (a number greater than 0, such as 2 or 0.5)",
            f"{typo}:5: error: duplicate entry 'bar' (same as line 4)",
            f"{typo}:6: error: bad weight '0' (a number greater than 0, such as 2 or 0.5)",
            "4 findings"])
        dic = self.write("d.dic", "%\n1\tA\n%\nfoo\t1\nfoo\t1\n")
        self.assertEqual(run("lint", dic).stdout.decode().splitlines(), [
            f"{dic}:5: import: duplicate term 'foo' in category 'A' (same as line 4); skipped",
            "1 finding"])
        report = self.write("r.txt", "alpha " * 9 + "beta.\n")
        dominant = run("lint", "--corpus", report, good)
        self.assertEqual(dominant.stdout.decode(), f"{good}:2: dominant: entry 'alpha' has 9 of the 10 "
                                                   "hits of theme 'good' (90%)\n1 finding\n")


    def test_shipped_lexicons_pass_their_own_lint(self):
        # Contained entries are notes: the built-in lexicons pass, so lint can gate a CI job.
        shipped = run("lint")
        lines = shipped.stdout.decode().splitlines()
        self.assertEqual(shipped.returncode, 0, lines[:5])
        self.assertRegex(lines[-1], r"^0 findings, \d+ notes$")
        self.assertTrue(all(": contained: " in line for line in lines[:-1]), lines[:5])
        self.assertEqual(len(lines) - 1, int(lines[-1].split()[2]))
        self.assertEqual(run("lint", "--strict").returncode, 1)


class Levels(TempDirTestCase):
    def test_nested_themes_roll_up_and_level_collapses(self):
        lex = self.tmp / "lex"
        lex.mkdir()
        (lex / "security.lex").write_text("@theme security\nsecurity\n")
        (lex / "privacy.lex").write_text("@theme security/privacy\nprivacy\ndata protection\n")
        report = self.write("r.txt", "Security and privacy. Data protection matters.\n")
        doc = json.loads(run("--format", "json", "--lexicons", lex, report).stdout)
        self.assertEqual([(t["id"], t["level"], t["parent"], t["hits"], [e["entry"] for e in t["evidence"]])
                          for t in doc["themes"]],
                         [("security", 1, None, 3, ["security", "privacy", "data protection"]),
                          ("security/privacy", 2, "security", 2, ["privacy", "data protection"])])
        top = json.loads(run("--format", "json", "--level", "1", "--lexicons", lex, report).stdout)
        self.assertEqual([t["id"] for t in top["themes"]], ["security"])
        lines = run("kwic", "--theme", "security", "--lexicons", lex, report).stdout.decode().splitlines()
        self.assertEqual(len(lines), 3)


class Rules(TempDirTestCase):
    def test_rule_hits_name_their_rules_and_validate(self):
        lex = self.write("t.lex", "@theme t\nprotection | 2 near=data/3\ncloud | not-before=not,no/2\n")
        report = self.write("r.txt", "Data and its protection matter. Protection alone. No cloud. The cloud.\n")
        result = run("--format", "json", "--lexicons", lex, report)
        self.assertEqual(result.returncode, 0, result.stderr)
        doc = json.loads(result.stdout)
        self.assertEqual([(e["text"], e["span"], e.get("rules")) for e in doc["themes"][0]["evidence"]],
                         [("protection", [13, 23], ["near=data/3"]), ("cloud", [64, 69], ["not-before=not,no/2"])])
        self.assertEqual(doc["themes"][0]["score"], 3.0)
        load_schema_validator("document.schema.json").validate(doc)


if __name__ == "__main__":
    unittest.main()
