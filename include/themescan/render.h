// render: a finished DocumentResult -> text in one output format. No analysis happens here.
//
// JSON follows docs/schema/document.schema.json (version in kDocumentSchema); the table is for
// people and may change between versions. Both are deterministic: same input, same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/analyzer.h"
#include "themescan/lexicon.h"
#include "themescan/summary.h"

namespace themescan {

inline constexpr const char* kDocumentSchema = "themescan.document/1";
inline constexpr const char* kCorpusSchema = "themescan.corpus/1";
inline constexpr const char* kErrorSchema = "themescan.error/1";

struct RenderOptions {
  std::size_t top = 0;                // show at most this many themes (0: all)
  std::size_t min_hits = 1;           // hide themes with fewer hits
  std::vector<std::string> themes;    // show only these theme ids (empty: all)
  std::uint32_t max_level = 0;        // show only themes nested at most this deep (0: all)
  bool color = false;                 // ANSI colours (table only)
  bool evidence = false;              // table: list every hit in context
  std::size_t snippet_chars = 40;     // context on each side of a hit
  std::size_t width = 100;            // table: target line width
  bool include_text = false;          // json, jsonl: the document's decoded text as "text"
  std::size_t max_quotes = 25;        // table: list at most this many quotes and speakers (0: all)
};

// The themes of `result` that pass the options' filters, in rank order.
std::vector<const ThemeScore*> select_themes(const DocumentResult& result, const Lexicon& lexicon,
                                             const RenderOptions& options);

std::string render_table(const DocumentResult& result, const Lexicon& lexicon,
                         const RenderOptions& options);

// One JSON object (pretty-printed, ending in a newline).
std::string render_json(const DocumentResult& result, const Lexicon& lexicon,
                        const RenderOptions& options);

// An input that could not be analysed. `line` and `id` are set for a JSONL feed's line.
struct FailedInput {
  std::string path;
  std::string message;  // one line, naming the path (and line)
  std::uint64_t line = 0;
  std::string id;
};

// JSON Lines (docs/schema/record.schema.json): one line per record, each with a "record" field.
//   {"record": "document", "schema": "themescan.document/1", ...}   as render_json, one line,
//                                                                   without "lexicons"
//   {"record": "error", "schema": "themescan.error/1", "path", "line", "id", "message"}
//   {"record": "summary", ...}                                      CorpusSummary::to_json
std::string render_jsonl_document(const DocumentResult& result, const Lexicon& lexicon,
                                  const RenderOptions& options);
std::string render_jsonl_error(const FailedInput& failure);

// Several documents as one pretty JSON object (docs/schema/corpus.schema.json), written a
// piece at a time so documents need not be kept: begin(), document() for each in order, end().
// element() renders one document and is thread-safe; document() places it in the array.
//   {"schema", "documents": [...], "errors": [...], "summary": {...}, "lexicons": [...]}
class CorpusJsonWriter {
 public:
  static std::string element(const DocumentResult& result, const Lexicon& lexicon,
                             const RenderOptions& options);
  std::string begin() const;
  std::string document(std::string_view element);
  std::string end(const std::vector<FailedInput>& failures, const CorpusSummary& summary,
                  const Lexicon& lexicon) const;

 private:
  std::size_t documents_ = 0;
};

// HTML (--format html): one self-contained page (no network, scripts, fonts or styles from
// elsewhere). A document: its theme bar chart (inline SVG), its text with every hit as
// <mark class="tN" data-theme="ID" data-hit="I"> in the theme's colour and underline style and
// every quote as <span class="quote" data-speaker="NAME">, a quotes table and a speaker x theme
// grid. All document text is escaped.
std::string render_html(const DocumentResult& result, const Lexicon& lexicon,
                        const RenderOptions& options);

// Several documents as one HTML page, written a piece at a time like CorpusJsonWriter: an
// overview (theme prevalence, co-occurrence, themes over time, top speakers), a table of the
// documents sortable by theme, and each document's section. element() is thread-safe. Sections
// are written as documents finish; the documents table needs one small row per document, kept
// until end(), so memory grows slowly with the number of documents (unlike JSONL).
class CorpusHtmlWriter {
 public:
  static std::string element(const DocumentResult& result, const Lexicon& lexicon,
                             const RenderOptions& options);
  std::string begin(const Lexicon& lexicon) const;
  // Places a document's section and remembers its row of the documents table.
  std::string document(std::string_view element, const DocumentResult& result, const Lexicon& lexicon);
  std::string end(const CorpusSummary& summary, const Lexicon& lexicon) const;

 private:
  struct Row {
    std::string anchor, title, path, date;
    std::uint64_t words = 0;
    std::vector<std::uint32_t> hits;  // by theme
  };
  std::vector<Row> rows_;
};

// The corpus overview for people: totals, per theme documents touched, hits, mean and median
// density and top terms; the co-occurrence matrix; top speakers with their themes; per-month
// documents and hits by theme (when documents have dates); the failed inputs.
std::string render_summary_table(const CorpusSummary& summary, const RenderOptions& options);

// CSV (RFC 4180, long format), one table at a time; every table starts with the document's
// path, id and date and ends with an "error" column, filled only on an input's error row.
//   themes    one row per (document, theme shown): rank, hits, distinct, score, per_1k, share,
//             top terms
//   quotes    one row per direct or indirect quote: speaker id and name, role, affiliation, method,
//             confidence, verb, text, themes
//   speakers  one row per speaker: name, named, group, role, affiliation, country, quotes,
//             statements, themes
enum class CsvTable { kThemes, kQuotes, kSpeakers };
bool parse_csv_table(const std::string& name, CsvTable* table);
std::string render_csv_header(CsvTable table);
std::string render_csv(const DocumentResult& result, const Lexicon& lexicon,
                       const RenderOptions& options, CsvTable table);
std::string render_csv_error(const FailedInput& failure, CsvTable table);

}  // namespace themescan
