// analyzer: the facade that runs the pipeline for one document:
// decode -> tokenize -> match (+ names, entity_names.h) -> score, and quotes.
//
// An Analyzer owns its lexicon, tokenizer and compiled matcher. It is immutable after create()
// and analyze() may be called from any number of threads at once.
//
//   Result<Analyzer> analyzer = Analyzer::create(std::move(*lexicon), AnalyzerOptions{});
//   Result<DocumentResult> result = analyzer->analyze("report.txt", bytes);
//   if (result.ok()) std::cout << render_table(*result, analyzer->lexicon(), RenderOptions{});
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/attribution.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/decode.h"
#include "themescan/extract.h"
#include "themescan/lexicon.h"
#include "themescan/match.h"
#include "themescan/quotes.h"
#include "themescan/score.h"
#include "themescan/status.h"
#include "themescan/text.h"
#include "themescan/tokenize.h"

namespace themescan {

struct AnalyzerOptions {
  bool fold_accents = false;
  bool quotes = true;  // find quoted passages, attribute them, list the speakers
  // Count theme hits inside the names of organisations, places and people (Hit::in_name) in
  // every figure: theme scores, quote and speaker themes, and so the corpus summary. Off: such
  // hits are evidence only.
  bool count_names = false;
  // A text longer than this is analysed in blocks of about this size, each ending at a paragraph
  // break, so memory holds the text and one block's tokens, not the whole text's. Themes are the
  // same either way; quotes and pronouns do not reach across blocks, and speakers are joined
  // across blocks by name.
  std::size_t block_bytes = std::size_t{1} << 20;
  DecodeOptions decode;  // the input's encoding: detected, or forced (decode.h)
};

// The size of the text in words, sentences and paragraphs (see text.h).
struct TextCounts {
  std::uint64_t words = 0;
  std::uint64_t sentences = 0;
  std::uint64_t paragraphs = 0;
};

// What is known about a document besides its text: where it came from and its date.
struct DocumentMeta {
  std::string id;                    // the JSONL "id" ("" for files)
  std::uint64_t line = 0;            // its line in the JSONL feed (0 for files)
  std::optional<std::string> title;  // the JSONL/CSV "title" or the HTML/DOCX title (either replaces the
                                     // title found in the text); a PDF's when the text has none
  std::string source;                // the JSONL "source" ("" when absent)
  std::optional<std::string> date;   // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::string date_from;             // "text" (dates.h), "jsonl", "csv", "html", "pdf" or "docx"; "" without one
};

struct DocumentResult {
  std::string path;            // as given by the caller ("-" for standard input)
  DocumentMeta meta;
  std::uint64_t bytes = 0;     // size of the input in bytes (before decoding)
  std::string text;            // decoded UTF-8 (extracted, for HTML, PDF and DOCX); all spans index this
  InputFormat format = InputFormat::kText;  // what the input was read as (extract.h)
  std::vector<std::uint64_t> pages;         // PDF: the byte offset in `text` where each page starts
  std::string encoding;        // the input's encoding ("UTF-8", "UTF-16LE", "windows-1251")
  int encoding_confidence = 100;  // below 100 when the encoding was guessed (decode.h)
  bool had_bom = false;
  std::optional<Span> title;
  Layout layout = Layout::kLines;  // how its lines make paragraphs (layout.h)
  TextCounts counts;
  std::vector<Hit> hits;           // every hit, those inside names (Hit::in_name) included
  bool names_counted = false;      // the figures count hits inside names (AnalyzerOptions::count_names)
  std::vector<ThemeScore> themes;  // every theme, by rank
  std::vector<Quote> quotes;       // direct, term and indirect; empty when quotes are off
  std::vector<Speaker> speakers;   // in order of first mention
  std::vector<std::string> warnings;
};

class Analyzer {
 public:
  // `words` drives quote attribution; the first overload uses the built-in one.
  static Result<Analyzer> create(Lexicon lexicon, Tokenizer tokenizer, AnalyzerOptions options);
  static Result<Analyzer> create(Lexicon lexicon, Tokenizer tokenizer, AnalyzerOptions options,
                                 AttributionLexicon words);

  // Fails with kBadInput for binary or undecodable bytes; the message does not name the path
  // (the caller adds it).
  Result<DocumentResult> analyze(std::string path, std::string_view bytes) const;
  // The same, taking the bytes, so a large document is not held twice.
  Result<DocumentResult> analyze_owned(std::string path, std::string bytes) const;

  // Reads `bytes` as `format` and analyses its text: kText as analyze_owned(); kHtml, kPdf and
  // kDocx through extract.h (spans then index the extracted text, `bytes` is the file's size,
  // `format` and `pages` are set, the metadata title and date are used as DocumentMeta says);
  // kAuto decides by `path` and the first bytes (detect_input_format; a feed name counts as
  // text). kJsonl and kCsv are feeds, not documents: kInvalidArgument. Errors do not name the
  // path.
  Result<DocumentResult> analyze_document(std::string path, std::string bytes,
                                          InputFormat format) const;

  const Lexicon& lexicon() const;
  const Tokenizer& tokenizer() const;
  const AnalyzerOptions& options() const;

  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  Result<DocumentResult> analyze_decoded(std::string path, Result<DecodedText> decoded,
                                         std::uint64_t size) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace themescan
