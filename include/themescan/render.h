// render: a finished DocumentResult -> text in one output format. No analysis happens here.
//
// JSON follows docs/schema/document.schema.json (version in kDocumentSchema); the table is for
// people and may change between versions. Both are deterministic: same input, same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "themescan/analyzer.h"
#include "themescan/lexicon.h"

namespace themescan {

inline constexpr const char* kDocumentSchema = "themescan.document/1";
inline constexpr const char* kCorpusSchema = "themescan.corpus/1";

struct RenderOptions {
  std::size_t top = 0;                // show at most this many themes (0: all)
  std::size_t min_hits = 1;           // hide themes with fewer hits
  std::vector<std::string> themes;    // show only these theme ids (empty: all)
  bool color = false;                 // ANSI colours (table only)
  bool evidence = false;              // table: list every hit in context
  std::size_t snippet_chars = 40;     // context on each side of a hit
  std::size_t width = 100;            // table: target line width
};

// The themes of `result` that pass the options' filters, in rank order.
std::vector<const ThemeScore*> select_themes(const DocumentResult& result, const Lexicon& lexicon,
                                             const RenderOptions& options);

std::string render_table(const DocumentResult& result, const Lexicon& lexicon,
                         const RenderOptions& options);

// One JSON object (pretty-printed, ending in a newline).
std::string render_json(const DocumentResult& result, const Lexicon& lexicon,
                        const RenderOptions& options);

// Several documents and the inputs that failed, as one JSON object:
// {"schema", "documents": [...], "errors": [{"path", "message"}]}.
struct FailedInput {
  std::string path;
  std::string message;
};
std::string render_json_corpus(const std::vector<DocumentResult>& results,
                               const std::vector<FailedInput>& failures, const Lexicon& lexicon,
                               const RenderOptions& options);

}  // namespace themescan
