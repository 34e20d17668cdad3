// extract: HTML, PDF and DOCX files -> the text of the document, with its structure and metadata.
//
// Every extractor returns UTF-8 text in which each paragraph is one line and paragraphs are
// separated by a blank line, so the layout detection (layout.h) sees blank-line paragraphs; PDF
// text keeps its lines and separates pages with a form feed, so layout detection also unwraps
// hard-wrapped lines, joins hyphenated words and drops running headers, footers and page
// numbers. Spans of the analysis index this text (`--include-text` returns it).
//
//   * HTML (libxml2's HTML parser, which recovers from broken markup): script, style, noscript,
//     template, svg, forms, nav, aside, page-level header and footer, elements marked hidden
//     (`hidden`, `aria-hidden="true"`), ARIA navigation/banner/contentinfo/complementary roles,
//     and cookie or consent banners (an id or class naming cookie, consent or gdpr) are dropped.
//     When the page has <main> or <article> only that part is read (the <article> with most
//     text when there are several). <p>, <li>, headings, table cells, <div> and the like end a
//     paragraph; <br> ends a line; white space inside a paragraph is collapsed (kept in <pre>).
//     A <blockquote> is one paragraph in quotation marks, with its <cite> or <footer>
//     (attribution) after it: “We will build it here.” — Ana Ruiz, Minister of ICT.
//     Title: the first <h1> of the content, else og:title, else <title>. Date: meta
//     article:published_time, og:published_time, datePublished, date or DC.date, else the first
//     <time datetime>. Character set: a byte-order mark, else the <meta charset> or http-equiv
//     declaration, else UTF-8 when the bytes are valid UTF-8, else ICU's detection (decode.h);
//     DecodeOptions::encoding overrides them all.
//   * PDF (poppler): pages in order, each page's text in reading order, pages separated by a
//     form feed; `pages` holds the byte offset where each page starts. Title and date from the
//     document information (Title, CreationDate). An encrypted PDF or one without any text
//     ("no text layer: scanned PDF?") is an error, not an empty document.
//   * DOCX (libzip + libxml2): word/document.xml paragraphs in order (tables' cells are
//     paragraphs; tabs and breaks kept), then the footnotes' and endnotes' text; a paragraph
//     styled Title or Heading N is a heading; title from the first Title or Heading paragraph,
//     else docProps/core.xml dc:title; date from dcterms:created.
// A corrupt, truncated or hostile file is an error Status (kBadInput) with a short reason
// ("not a PDF file", "damaged ZIP archive", ...); nothing is printed. Decompressed parts are
// capped at kMaxExtractedBytes. The messages do not name the path (the caller adds it).
// Thread safety: the functions may be called from several threads at once (PDF extraction is
// serialised inside, since poppler's global state is not documented as thread-safe).
//
//   Result<ExtractedText> page = extract_document(InputFormat::kHtml, bytes);
//   if (!page.ok()) report(path + ": " + page.status().message());
//   else analyze(page->text);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/decode.h"
#include "themescan/status.h"

namespace themescan {

enum class InputFormat { kAuto, kText, kJsonl, kCsv, kHtml, kPdf, kDocx };

// "auto", "text", "jsonl", "csv", "html", "pdf", "docx"; nullopt for anything else.
std::optional<InputFormat> parse_input_format(std::string_view name);
std::string_view input_format_name(InputFormat format);

// The format of a file from its name (.html .htm .xhtml, .pdf, .docx, .csv .tsv, .jsonl .ndjson;
// anything else text) and, for names that do not say, from its first bytes ("%PDF-", a ZIP
// archive, "<!DOCTYPE html" or "<html").
InputFormat detect_input_format(std::string_view path, std::string_view head);

// The extensions a folder walk takes for `format` (".txt" and ".md" for text; all the
// document formats for auto).
std::vector<std::string> folder_extensions(InputFormat format);

// Decompressed document parts (DOCX) larger than this are refused ("too large when unpacked").
inline constexpr std::size_t kMaxExtractedBytes = std::size_t{512} << 20;

struct ExtractedText {
  std::string text;                   // UTF-8, as described above
  std::optional<std::string> title;   // from the markup or metadata
  std::optional<std::string> date;    // as written in the metadata ("2025-06-06T09:00:00Z")
  std::vector<std::uint64_t> pages;   // PDF: byte offset in `text` where each page starts
  std::string encoding = "UTF-8";     // HTML: the character set the page was read in
};

// `format` must be kHtml, kPdf or kDocx. `decode.encoding`, when set, is the character set of an
// HTML page, whatever the page declares (--encoding); PDF and DOCX carry their own.
Result<ExtractedText> extract_document(InputFormat format, std::string_view bytes,
                                       const DecodeOptions& decode = {});

Result<ExtractedText> extract_html(std::string_view bytes, const DecodeOptions& decode = {});
Result<ExtractedText> extract_pdf(std::string_view bytes);
Result<ExtractedText> extract_docx(std::string_view bytes);

// The 1-based page of byte `offset` given the page starts of ExtractedText::pages (0 when
// `pages` is empty).
std::uint32_t page_of(const std::vector<std::uint64_t>& pages, std::uint64_t offset);

}  // namespace themescan
