#!/usr/bin/env python3
"""--format html, rendered in headless Chromium (Debian's chromium package): the highlighted
hits per theme equal the JSON output's, quotes and speakers are there, no console error, and a
report with markup in it renders inert."""
import json
import shutil
import subprocess
import unittest
from html.parser import HTMLParser

from cli_test_util import SOURCE_DIR, TempDirTestCase, require_program, run

CORPUS = SOURCE_DIR / "corpus"
REPORT = CORPUS / "01_digital-partners-forum.txt"


def chromium_dom(path):
    """Chromium's DOM of the page after it ran (scripts included), and its console messages."""
    chromium = shutil.which("chromium")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-extensions", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
         "--dump-dom", path.as_uri()],
        capture_output=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"chromium failed: {result.stderr.decode()[-2000:]}")
    console = [line for line in result.stderr.decode(errors="replace").splitlines() if ":CONSOLE" in line]
    return result.stdout.decode(), console


class Dom(HTMLParser):
    """Counts what the tests look for in a dumped DOM, per document section."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []   # per section: {"hits": {theme: set(hit)}, "quotes": set, "speakers": set, "text": str}
        self.elements = []   # (tag, attrs) of every element
        self.in_text = 0
        self.text_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "section" and "doc" in (a.get("class") or ""):
            self.sections.append({"hits": {}, "in_name": {}, "quotes": set(), "speakers": set(),
                                  "text": "", "paragraphs": 0, "bars": []})
        if not self.sections:
            return
        s = self.sections[-1]
        if tag == "mark":
            # Hits inside names are marked (data-in-name) but not counted.
            kind = "in_name" if "data-in-name" in a else "hits"
            s[kind].setdefault(a["data-theme"], set()).add(a["data-hit"])
        if tag == "span" and a.get("class") == "quote":
            s["quotes"].add(a["data-quote"])
            s["speakers"].add(a["data-speaker"])
        if tag == "p" and self.in_text:
            s["paragraphs"] += 1
        if tag == "rect" and not self.in_text:
            s["bars"].append(float(a["width"]))
        if tag == "div" and a.get("class") == "text":
            self.in_text = 1
        elif self.in_text:
            self.in_text += 1

    def handle_endtag(self, tag):
        if self.in_text:
            self.in_text -= 1

    def handle_data(self, data):
        if self.in_text and self.sections:
            self.sections[-1]["text"] += data


def parse(dom):
    parser = Dom()
    parser.feed(dom)
    return parser


def json_counts(doc):
    return {t["id"]: t["hits"] for t in doc["themes"] if t["hits"] > 0}


# The hits inside names, by theme (from JSON with --min-hits 0: a theme may have hits only there).
def json_in_names(doc):
    counts = {t["id"]: sum(e["in_name"] for e in t["evidence"]) for t in doc["themes"]}
    return {theme: n for theme, n in counts.items() if n > 0}


class Html(TempDirTestCase):
    def setUp(self):
        super().setUp()
        require_program("chromium", "chromium")

    def test_one_report(self):
        out = self.tmp / "report.html"
        self.assertEqual(run("--format", "html", "-o", out, REPORT).returncode, 0)
        dom, console = chromium_dom(out)
        self.assertEqual(console, [])
        page = parse(dom)
        self.assertEqual(len(page.sections), 1)
        section = page.sections[0]
        doc = json.loads(run("--format", "json", "--min-hits", "0", REPORT).stdout)
        self.assertEqual({t: len(h) for t, h in section["hits"].items()}, json_counts(doc))
        self.assertEqual(sum(json_counts(doc).values()), 38)
        self.assertEqual({t: len(h) for t, h in section["in_name"].items()}, json_in_names(doc))
        self.assertEqual(json_in_names(doc), {"cooperation": 3, "e-government": 1})
        quotes = [q for q in doc["quotes"] if q["type"] != "term"]
        self.assertEqual(len(section["quotes"]), len(quotes))
        named = {q["speaker"]["name"] for q in quotes if q["speaker"]["name"]}
        self.assertTrue(named <= section["speakers"])
        self.assertIn("Kwame Mensah", section["speakers"])
        self.assertEqual(section["text"], REPORT.read_text())  # the whole text, exactly
        tags = {tag for tag, _ in page.elements}
        self.assertIn("svg", tags)
        # Nothing is loaded from elsewhere.
        for tag, attrs in page.elements:
            for name in ("src", "href"):
                value = attrs.get(name) or ""
                self.assertFalse(value.startswith(("http:", "https:", "//")), (tag, attrs))

    def test_bars_captions_and_paragraphs(self):
        # corpus/08: security has 3 hits but ranks below talent's 2 (score 2.5 against 3.0), so
        # bars follow the score that ranks them, in rank order, and say both figures; one hit is
        # "1 hit"; every paragraph is a <p>, and the text is still the whole text.
        report = CORPUS / "08_ru-import-substitution-forum.txt"
        out = self.tmp / "report.html"
        self.assertEqual(run("--format", "html", "-o", out, report).returncode, 0)
        dom, console = chromium_dom(out)
        self.assertEqual(console, [])
        section = parse(dom).sections[0]
        doc = json.loads(run("--format", "json", report).stdout)
        scores = [t["score"] for t in doc["themes"]]
        self.assertEqual(scores, [10.0, 3.0, 3.0, 2.5, 2.0, 2.0, 1.0])
        self.assertEqual(section["bars"], [320.0, 96.0, 96.0, 80.0, 64.0, 64.0, 32.0])
        html = out.read_text()
        self.assertIn(">score 2.5, 3 hits</text>", html)
        self.assertIn(">score 2.0, 1 hit</text>", html)
        self.assertNotIn(" 1 hits", html)
        self.assertEqual(doc["document"]["paragraphs"], 20)
        self.assertEqual(section["paragraphs"], 20)
        self.assertEqual(section["text"], report.read_text())
        self.assertIn(".text p{white-space:pre-wrap;margin:0 0 .8em}", html)

    def test_corpus(self):
        out = self.tmp / "corpus.html"
        self.assertEqual(run("--format", "html", "-o", out, CORPUS).returncode, 0)
        dom, console = chromium_dom(out)
        self.assertEqual(console, [])
        page = parse(dom)
        corpus = json.loads(run("--format", "json", "--min-hits", "0", CORPUS).stdout)
        self.assertEqual(len(page.sections), len(corpus["documents"]))
        for section, doc in zip(page.sections, corpus["documents"]):
            self.assertEqual({t: len(h) for t, h in section["hits"].items()}, json_counts(doc),
                             doc["document"]["path"])
            self.assertEqual({t: len(h) for t, h in section["in_name"].items()}, json_in_names(doc),
                             doc["document"]["path"])
            self.assertEqual(len(section["quotes"]), sum(q["type"] != "term" for q in doc["quotes"]))
            self.assertEqual(section["paragraphs"], doc["document"]["paragraphs"], doc["document"]["path"])
        ids = {attrs.get("id") for _, attrs in page.elements}
        self.assertTrue({"overview", "documents"} <= ids)
        sortable = [a for tag, a in page.elements if tag == "th" and "data-sort" in a]
        self.assertEqual(len(sortable), 3 + 10)  # document, date, words and the 10 themes

    def test_markup_in_a_report_is_inert(self):
        report = self.write("evil.txt",
                            "Evil <script>document.documentElement.setAttribute('data-pwned','1')</script>\n\n"
                            "“<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">"
                            " sovereignty,” she said “ “ ” ' \" </span></mark> & &amp; talent\n")
        out = self.tmp / "evil.html"
        self.assertEqual(run("--format", "html", "-o", out, report).returncode, 0)
        dom, console = chromium_dom(out)
        self.assertEqual(console, [])
        page = parse(dom)
        # The DOM after scripts ran: the attribute the payloads would set is not there; their
        # text is (escaped), and no element came from the report.
        root = next(attrs for tag, attrs in page.elements if tag == "html")
        self.assertNotIn("data-pwned", root)
        self.assertIn("&lt;script&gt;document.documentElement", dom)
        self.assertEqual([tag for tag, _ in page.elements if tag == "img"], [])
        self.assertEqual([tag for tag, _ in page.elements if tag == "script"], [])
        self.assertEqual(page.sections[0]["text"], report.read_text())
        self.assertEqual({t: len(h) for t, h in page.sections[0]["hits"].items()},
                         {"sovereignty": 1, "talent": 1})


if __name__ == "__main__":
    unittest.main()
