// The whole analyzer, with the shipped lexicons, on random bytes, then every renderer. The first
// byte picks the block size, so large-document blocking is exercised on small inputs. The HTML
// must never carry a <script> taken from the text.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "themescan/analyzer.h"
#include "themescan/render.h"

namespace {

const themescan::Analyzer& analyzer(std::size_t block) {
  static std::vector<themescan::Analyzer> analyzers = [] {
    std::vector<themescan::Analyzer> out;
    for (const std::size_t bytes : {std::size_t{16}, std::size_t{64}, std::size_t{1} << 20}) {
      themescan::AnalyzerOptions options;
      options.block_bytes = bytes;
      out.push_back(*themescan::Analyzer::create(*themescan::Lexicon::builtin(fuzz::tokenizer()),
                                                 fuzz::tokenizer(), options));
    }
    return out;
  }();
  return analyzers[block % analyzers.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const themescan::Analyzer& a = analyzer(data[0]);
  themescan::Result<themescan::DocumentResult> result =
      a.analyze("fuzz.txt", fuzz::as_text(data + 1, size - 1));
  if (!result.ok()) return 0;
  const themescan::DocumentResult& r = *result;
  for (const themescan::Hit& hit : r.hits) {
    fuzz::require(hit.span.end <= r.text.size() && hit.sentence < r.counts.sentences, "hit inside");
  }
  for (const themescan::Quote& q : r.quotes) {
    fuzz::require(q.span.end <= r.text.size(), "quote inside");
    fuzz::require(q.attribution.speaker < static_cast<std::int32_t>(r.speakers.size()), "speaker");
  }
  themescan::RenderOptions options;
  options.min_hits = 0;
  options.evidence = true;
  fuzz::require(!themescan::render_table(r, a.lexicon(), options).empty(), "table");
  fuzz::require(themescan::render_json(r, a.lexicon(), options).ends_with("}\n"), "json");
  fuzz::require(themescan::render_jsonl_document(r, a.lexicon(), options).ends_with("}\n"), "jsonl");
  const std::string html = themescan::render_html(r, a.lexicon(), options);
  fuzz::require(html.ends_with("</html>\n"), "html");
  // The text is escaped: no tag from it can open. Only our own tags, all lower-case letters
  // after '<', are in the page; a '<' from the text is always "&lt;".
  fuzz::require(html.find("<script") == std::string::npos, "no script element from the text");
  return 0;
}
