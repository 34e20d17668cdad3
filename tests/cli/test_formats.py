#!/usr/bin/env python3
"""HTML, PDF, DOCX and CSV inputs: the same analysis as the text they hold, and clear errors."""
import io
import json
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from cli_test_util import DATA_DIR, SOURCE_DIR, TempDirTestCase, load_schema_validator, run

CORPUS = SOURCE_DIR / "corpus"
TWINS = CORPUS / "formats"
WIRE_ARTICLE = DATA_DIR / "formats" / "wire-article.html"


def analyse(*args):
    result = run("--format", "json", "--min-hits", "0", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def words(text):
    return " ".join(text.split())


def summary_of(doc):
    """Themes (id, hits), quotes (text with white space collapsed, speaker) and speaker names."""
    return ([(t["id"], t["hits"]) for t in doc["themes"]],
            [(words(q["text"]), q["speaker"]["name"]) for q in doc["quotes"]],
            [s["name"] for s in doc["speakers"]])


def make_pdf(pages, width=595, height=842):
    """A PDF with Helvetica text: `pages` is a list of pages, each a list of (x, y, size, text)
    with y from the bottom; a page without lines has no text at all (a scanned page)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        stream = "".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n" for x, y, size, text in lines)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}endstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body, footnotes=None, core=None, styles=None):
    """A DOCX archive from the inner XML of w:body (and of w:footnotes, cp:coreProperties)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}'
                   '</w:body></w:document>')
        if footnotes is not None:
            z.writestr("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {W}>{footnotes}'
                                             '</w:footnotes>')
        if styles is not None:
            z.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles {W}>{styles}</w:styles>')
        if core is not None:
            z.writestr("docProps/core.xml",
                       '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats'
                       '.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
                       'elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
                       f'{core}</cp:coreProperties>')
    return buffer.getvalue()


def para(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


class Twins(unittest.TestCase):
    """corpus/formats/ (scripts/make-format-twins.sh): each file gives its .txt twin's analysis."""
    maxDiff = None

    def test_each_format_gives_the_same_themes_quotes_and_speakers(self):
        for name in ("01_digital-partners-forum", "08_ru-import-substitution-forum"):
            text = analyse(CORPUS / f"{name}.txt")
            for extension in ("html", "pdf", "docx"):
                with self.subTest(name=name, format=extension):
                    doc = analyse(TWINS / f"{name}.{extension}")
                    self.assertEqual(doc["document"]["format"], extension)
                    self.assertEqual(summary_of(doc), summary_of(text))
                    self.assertEqual(doc["document"]["title"], text["document"]["title"])

    def test_pdf_hits_and_quotes_carry_their_page(self):
        doc = analyse("--include-text", TWINS / "01_digital-partners-forum.pdf")
        self.assertEqual(doc["document"]["pages"], 3)
        self.assertEqual(doc["document"]["layout"], "pdf")
        # Chromium's running header (printing date and title), footer (file URL) and page
        # numbers ("2/3") are page furniture, left out of the text.
        text = doc["document"]["text"]
        self.assertEqual(text.count("\f"), 2)
        for furniture in ("file://", "/3\n", " PM"):
            self.assertNotIn(furniture, text)
        # Checked against the PDF: page 2 starts in Farida Yusupova's paragraph ("We did not
        # simply translate the menus"), page 3 with Aigerim Seitkali's closing quote.
        self.assertEqual([q["page"] for q in doc["quotes"]], [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3])
        self.assertTrue(words(doc["quotes"][4]["text"]).startswith("We did not simply translate"))
        self.assertTrue(words(doc["quotes"][11]["text"]).startswith("Five years ago"))
        for theme in doc["themes"]:
            for hit in theme["evidence"]:
                begin = hit["span"][0]
                self.assertEqual(hit["page"], text[:begin].count("\f") + 1)
        table = run("--evidence", "--color", "never", TWINS / "01_digital-partners-forum.pdf").stdout.decode()
        self.assertIn("  words       716   sentences 36   paragraphs 16   pages 3\n", table)
        self.assertIn("        #13 p.2   because the software assumed a single [national language]", table)
        # The text file has no pages: the members are there, null.
        plain = analyse(CORPUS / "01_digital-partners-forum.txt")
        self.assertEqual((plain["document"]["pages"], plain["quotes"][0]["page"]), (None, None))

    def test_the_json_of_every_format_follows_the_schema(self):
        validator = load_schema_validator("corpus.schema.json")
        validator.validate(json.loads(run("--format", "json", TWINS).stdout))

    def test_threads_give_the_same_output(self):
        one = run("--format", "jsonl", "-j", "1", TWINS).stdout
        self.assertEqual(run("--format", "jsonl", "-j", "2", TWINS).stdout, one)
        self.assertEqual(len(records(one)), 7)

    def test_sqlite_has_pages(self):
        if shutil.which("sqlite3") is None:
            self.skipTest("the sqlite3 shell is not installed (apt-get install sqlite3)")
        with tempfile.TemporaryDirectory() as tmp:
            db = f"{tmp}/formats.db"
            self.assertEqual(run("--format", "sqlite", "-o", db, TWINS).returncode, 0)
            out = subprocess.run(["sqlite3", db, "SELECT format, COUNT(*), MAX(pages) FROM documents "
                                  "GROUP BY format ORDER BY format; SELECT page, COUNT(*) FROM quotes "
                                  "JOIN documents USING (doc_id) WHERE path LIKE '%01_%.pdf' "
                                  "GROUP BY page"], capture_output=True, check=True).stdout.decode()
            self.assertEqual(out.split(), ["docx|2|", "html|2|", "pdf|2|3", "1|4", "2|7", "3|1"])


class HtmlInput(TempDirTestCase):
    def test_a_news_page_gives_only_the_article(self):
        doc = analyse("--include-text", WIRE_ARTICLE)
        d = doc["document"]
        self.assertEqual(d["text"], (
            "Technology\n\n"
            "West African ministers back shared data centres, local cloud skills\n\n"
            "By Efua Boateng \u00b7 18 March 2025\n\n"
            "Delegates at the regional digital forum in Accra.\n\n"
            "ACCRA, March 18 (Coastline Wire) \u2013 Ministers from eight West African states agreed on "
            "Tuesday to pool money for two regional data centres and a cloud training programme, "
            "saying the region should keep control of its citizens\u2019 data.\n\n"
            "\u201cWe cannot talk about digital sovereignty while our registries sit on servers we do "
            "not control,\u201d said Kofi Asante, Ghana\u2019s minister for communications, at the "
            "close of the two-day meeting.\n\n"
            "The plan foresees a training centre in Dakar for 2,000 cloud engineers a year.\n"
            "Funding is expected from the regional development bank.\n\n"
            "\u201cTalent is the real infrastructure. Without engineers who stay, a data centre is an "
            "empty building.\u201d \u2014 Aminata Diallo, Director General of Senegal\u2019s digital "
            "agency\n\n"
            "Next steps\n\n"
            "A feasibility study by June\n\n"
            "A procurement framework by the end of the year\n\n"
            "Country\n\nPledge\n\nGhana\n\n$40 million\n"))
        self.assertEqual((d["title"], d["date"], d["date_from"], d["format"], d["pages"]),
                         ("West African ministers back shared data centres, local cloud skills",
                          "2025-03-18", "html", "html", None))
        self.assertEqual(d["bytes"], WIRE_ARTICLE.stat().st_size)
        # The cookie banner, scripts, navigation, the hidden advert, "Related stories", the
        # newsletter form and both footers would add sovereignty and cloud hits: none are there.
        self.assertEqual([(t["id"], t["hits"]) for t in doc["themes"] if t["hits"]],
                         [("infrastructure", 4), ("talent", 2), ("sovereignty", 1)])
        quotes = [(words(q["text"]), q["speaker"]["name"], q["speaker"]["role"])
                  for q in doc["quotes"] if q["type"] == "direct"]
        self.assertEqual(quotes, [
            ("We cannot talk about digital sovereignty while our registries sit on servers we do "
             "not control,", "Kofi Asante", "Ghana\u2019s minister for communications"),
            ("Talent is the real infrastructure. Without engineers who stay, a data centre is an "
             "empty building.", "Aminata Diallo", "Director General")])

    def test_declared_charset_and_detection(self):
        body = ("<p>«Цифровой суверенитет — это собственные инженеры», — заявил министр "
                "Иван Петров.</p>")
        declared = self.write("ru.html", ('<html><head><meta http-equiv="Content-Type" '
                                          'content="text/html; charset=windows-1251"></head><body>'
                                          + body + "</body></html>").encode("cp1251"))
        doc = analyse("--include-text", declared)
        self.assertEqual(doc["document"]["encoding"], "windows-1251")
        self.assertEqual(doc["document"]["text"], "«Цифровой суверенитет — это собственные инженеры», "
                                                  "— заявил министр Иван Петров.\n")
        self.assertEqual([(q["speaker"]["name"]) for q in doc["quotes"]], ["Иван Петров"])
        # A page whose declaration is wrong: a clear error, and --encoding reads it.
        wrong = self.write("wrong.html", ('<html><head><meta charset="utf-8"></head><body>' + body +
                                          "</body></html>").encode("cp1251"))
        result = run("--format", "json", wrong)
        self.assertEqual(result.stderr.decode(), f"themescan: {wrong}: not valid UTF-8 (first bad byte "
                                                 "sequence at byte offset 50: 0xAB)\n")  # after <p>
        forced = analyse("--encoding", "windows-1251", wrong)
        self.assertEqual([(q["speaker"]["name"]) for q in forced["quotes"]], ["Иван Петров"])
        undeclared = self.write("ru2.htm", ("<html><body>" + body * 5 + "</body></html>").encode("cp1251"))
        self.assertEqual(analyse(undeclared)["document"]["encoding"], "windows-1251")

    def test_standard_input_and_forced_format(self):
        page = WIRE_ARTICLE.read_bytes()
        from_stdin = json.loads(run("--format", "json", "-", stdin=page).stdout)
        self.assertEqual(from_stdin["document"]["format"], "html")  # "<!DOCTYPE html" at the start
        forced = json.loads(run("--format", "json", "--input-format", "text", WIRE_ARTICLE).stdout)
        self.assertEqual(forced["document"]["format"], "text")
        self.assertGreater(forced["document"]["words"], 600)  # the markup read as words

    def test_empty_page_is_an_empty_document(self):
        result = run("--format", "json", self.write("empty.html", b""))
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)["warnings"], ["empty document"])


class DocxInput(TempDirTestCase):
    def test_paragraphs_tables_footnotes_and_metadata(self):
        styles = ('<w:style w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>'
                  '<w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
        body = (para("Regional talent forum closes in Kigali", "Titre1") +
                # A word split over runs, a field code and a deleted word that are not text.
                '<w:p><w:r><w:t>Delegates discussed digital sover</w:t></w:r><w:r><w:t>eignty'
                '</w:t></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
                '<w:del><w:r><w:delText>cloud</w:delText></w:r></w:del>'
                '<w:r><w:t xml:space="preserve"> and skills.</w:t></w:r>'
                '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>' +
                '<w:tbl><w:tr><w:tc>' + para("Country") + '</w:tc><w:tc>' + para("Engineers trained") +
                '</w:tc></w:tr></w:tbl>' +
                '<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed</w:t>'
                '</w:r></w:p>' +
                '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>')
        footnotes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                     '</w:footnote><w:footnote w:id="1">' + para("Figures from the ministry.") +
                     '</w:footnote>')
        core = ("<dc:title>Microsoft Word - forum.docx</dc:title>"
                "<dcterms:created>2025-04-02T08:00:00Z</dcterms:created>")
        path = self.write("forum.docx", make_docx(body, footnotes, core, styles))
        doc = analyse("--include-text", path)
        d = doc["document"]
        self.assertEqual(d["text"], "Regional talent forum closes in Kigali\n\n"
                                    "Delegates discussed digital sovereignty and skills.\n\n"
                                    "Country\n\nEngineers trained\n\n"
                                    "Line one\nline two tabbed\n\n"
                                    "Figures from the ministry.\n")
        # The heading style names the title; the text has no date, so core.xml's is used.
        self.assertEqual((d["title"], d["date"], d["date_from"], d["format"]),
                         ("Regional talent forum closes in Kigali", "2025-04-02", "docx", "docx"))
        # "digital sovereignty" across two runs is one hit; "talent" in the heading the other.
        self.assertEqual([(t["id"], t["hits"]) for t in doc["themes"] if t["hits"]],
                         [("sovereignty", 1), ("talent", 1)])
        without_heading = self.write("plain.docx", make_docx(para("Digital sovereignty, again."),
                                                             core=core))
        self.assertEqual(analyse(without_heading)["document"]["title"], "Microsoft Word - forum.docx")


class PdfInput(TempDirTestCase):
    def test_lines_paragraphs_headers_and_page_numbers(self):
        header = (72, 800, 9, "Annual Report 2025 - Digital Cooperation")

        def page(number, body):
            return [header] + body + [(290, 40, 9, f"- {number} -")]
        pdf = make_pdf([
            page(1, [(72, 740, 18, "Partners agree on cloud skills"),
                     (72, 700, 11, "The forum closed on 12 May 2025 with a plan for regional"),
                     (72, 686, 11, "data centres and a shared training pro-"),
                     (72, 672, 11, "gramme for engineers."),
                     (90, 640, 11, "A second paragraph starts indented and speaks of"),
                     (72, 626, 11, "digital sovereignty.")]),
            page(2, [(72, 740, 11, "Delegates also discussed talent.")]),
        ])
        doc = analyse("--include-text", self.write("report.pdf", pdf))
        d = doc["document"]
        self.assertEqual(d["text"], (
            "Partners agree on cloud skills\n\n"
            "The forum closed on 12 May 2025 with a plan for regional\n"
            "data centres and a shared training pro-\n"
            "gramme for engineers.\n\n"
            "    A second paragraph starts indented and speaks of\n"
            "digital sovereignty.\n"
            "\fDelegates also discussed talent.\n"))
        self.assertEqual((d["pages"], d["layout"], d["title"], d["date"], d["date_from"]),
                         (2, "pdf", "Partners agree on cloud skills", "2025-05-12", "text"))
        self.assertEqual(d["paragraphs"], 4)
        pages = {e["text"]: e["page"] for t in doc["themes"] for e in t["evidence"]}
        # Every hit: the word broken at the line end is one hit ("training programme").
        self.assertEqual(pages, {"data centres": 1, "digital sovereignty": 1,
                                 "training pro-\ngramme": 1, "talent": 2})

    def test_scanned_pdf_is_an_error(self):
        path = self.write("scan.pdf", make_pdf([[], []]))
        result = run("--format", "json", path)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(), f"themescan: {path}: no text layer: scanned PDF?\n")


class CsvInput(TempDirTestCase):
    def test_rows_are_documents_and_bad_rows_are_errors(self):
        path = self.write("articles.csv", (
            "id,published,headline,body\r\n"
            "a1,2025-06-06,Forum,\"Ministers spoke of digital sovereignty.\r\nAnd of \"\"talent\"\".\"\r\n"
            "\r\n"
            "a2,2025-06-07,Short,No theme here.\r\n"
            "a3,2025-06-08,Broken,A \"bad\" quote\r\n"
            "a4,2025-06-09,Missing\r\n"
            "a5,,Last,Data centres and cloud.\r\n").encode())
        result = run("--format", "jsonl", "--text-column", "body", "--id-column", "id",
                     "--date-column", "published", "--title-column", "headline", path)
        self.assertEqual(result.returncode, 1)
        lines = records(result.stdout)
        self.assertEqual([(r["record"], r["document"]["id"] if "document" in r else r["id"])
                          for r in lines[:-1]],
                         [("document", "a1"), ("document", "a2"), ("error", None), ("error", None),
                          ("document", "a5")])
        first = lines[0]["document"]
        self.assertEqual((first["line"], first["date"], first["date_from"], first["title"]),
                         (2, "2025-06-06", "csv", "Forum"))
        self.assertEqual(lines[4]["document"]["line"], 8)
        self.assertEqual([r["message"] for r in lines if r["record"] == "error"], [
            f"{path}:6: a quote inside an unquoted field (quote the field and double the quote)",
            f"{path}:7: 3 fields where the header has 4"])
        self.assertEqual(result.stderr.decode().count("themescan: "), 2)
        self.assertEqual([(t["id"], t["hits"]) for t in lines[0]["themes"]],
                         [("sovereignty", 1), ("talent", 1)])
        self.assertEqual((lines[-1]["documents"], lines[-1]["failed"]), (3, 2))

    def test_tsv_by_extension_and_column_numbers(self):
        path = self.write("docs.tsv", "title\ttext\nOne\tTalent and skills.\n".encode())
        doc = records(run("--format", "jsonl", "--text-column", "2", "--title-column", "1", path).stdout)[0]
        self.assertEqual((doc["document"]["id"], doc["document"]["title"]), (f"{path}:2", "One"))
        self.assertEqual([t["id"] for t in doc["themes"]], ["talent"])

    def test_missing_column_ends_the_file_with_one_error(self):
        path = self.write("docs.csv", b"id,content\n1,Talent.\n")
        result = run("--format", "jsonl", path)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(),
                         f"themescan: {path}:1: no column 'text' (columns: id, content)\n")

    def test_unclosed_quote_at_the_end(self):
        path = self.write("docs.csv", b"text\n\"Talent and\nskills\n")
        result = run("--format", "jsonl", path)
        self.assertEqual(result.stderr.decode(), f"themescan: {path}:2: a quoted field is not closed "
                                                 "before the end of the file\n")


class HostileFormats(TempDirTestCase):
    """Damaged files of every format beside a good one: one error record each, never a crash."""

    def test_one_batch(self):
        d = self.tmp / "in"
        d.mkdir()
        pdf = (TWINS / "01_digital-partners-forum.pdf").read_bytes()
        docx = (TWINS / "01_digital-partners-forum.docx").read_bytes()
        (d / "00-good.txt").write_bytes((CORPUS / "01_digital-partners-forum.txt").read_bytes())
        (d / "01-half.pdf").write_bytes(pdf[:len(pdf) // 2])
        (d / "02-garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
        (d / "03-not.pdf").write_bytes(b"a text file named .pdf\n")
        (d / "04-half.docx").write_bytes(docx[:len(docx) // 2])
        (d / "05-odt.docx").write_bytes(make_docx("").replace(b"word/document.xml", b"word/documenX.xml"))
        (d / "06-bad-xml.docx").write_bytes(make_docx("<w:p><w:r><w:t>cut"))
        (d / "07-nul.html").write_bytes(b"<html><body><p>talent\x00</p></body></html>")
        (d / "08-deep.html").write_bytes(b"<div>" * 50000 + b"talent" + b"</div>" * 50000)
        (d / "09-scan.pdf").write_bytes(make_pdf([[]]))
        result = run("--format", "jsonl", "-j", "2", "in", cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        lines = records(result.stdout)
        errors = {r["path"]: r["message"] for r in lines if r["record"] == "error"}
        self.assertEqual(errors, {
            "in/01-half.pdf": "in/01-half.pdf: damaged PDF: poppler cannot read it",
            "in/02-garbage.pdf": "in/02-garbage.pdf: damaged PDF: poppler cannot read it",
            "in/03-not.pdf": "in/03-not.pdf: not a PDF file",
            "in/04-half.docx": "in/04-half.docx: not a DOCX file (not a ZIP archive, or a damaged one)",
            "in/05-odt.docx": "in/05-odt.docx: not a DOCX file (no word/document.xml: another kind "
                              "of ZIP archive?)",
            "in/06-bad-xml.docx": "in/06-bad-xml.docx: damaged DOCX: word/document.xml is not "
                                  "well-formed XML",
            "in/07-nul.html": "in/07-nul.html: binary file (NUL byte at byte offset 21)",
            "in/09-scan.pdf": "in/09-scan.pdf: no text layer: scanned PDF?",
        })
        docs = [r["document"]["path"] for r in lines if r["record"] == "document"]
        self.assertEqual(docs, ["in/00-good.txt", "in/08-deep.html"])
        self.assertEqual((lines[-1]["documents"], lines[-1]["failed"]), (2, 8))


class InputOptions(TempDirTestCase):
    def test_bad_input_format(self):
        result = run("--input-format", "rtf", CORPUS)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), "themescan: --input-format must be auto, text, html, "
                                                 "pdf, docx, jsonl or csv, not 'rtf'\n")

    def test_help_names_the_formats(self):
        help_text = run("--help").stdout.decode()
        for word in ("html", "pdf", "docx", "--text-column", "--id-column", "--date-column",
                     "--title-column", "report.pdf"):
            self.assertIn(word, help_text)


if __name__ == "__main__":
    unittest.main()
