// Parsing random lexicon files (theme lexicons and the attribution lexicon): an error names the
// file and line, or the lexicon compiles and matches.
#include <algorithm>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/decode.h"
#include "themescan/lexicon.h"
#include "themescan/lexicon_import.h"
#include "themescan/match.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(fuzz::as_text(data, size));
  themescan::Result<themescan::Lexicon> lexicon =
      themescan::Lexicon::from_sources({{"fuzz.lex", content}}, fuzz::tokenizer());
  if (!lexicon.ok()) {
    fuzz::require(lexicon.status().message().starts_with("fuzz.lex:"), "error names the file");
  } else {
    themescan::Result<themescan::Matcher> matcher =
        themescan::Matcher::compile(*lexicon, themescan::Normalizer({}));
    if (matcher.ok()) {
      // The lexicon's own text is a convenient document to match it against.
      if (themescan::find_invalid_utf8(content) == std::string_view::npos) {
        const themescan::TokenizedText tokens = fuzz::tokenizer().tokenize(content);
        for (const themescan::Hit& hit : matcher->match(content, tokens)) {
          fuzz::require(hit.span.end <= content.size(), "hit inside the text");
        }
      }
    }
  }
  // The same bytes as each importable format: an error names the file, or every converted theme
  // parses (entries the parser rejects are dropped by Lexicon::load, not here).
  for (const char* name : {"fuzz.dic", "fuzz.dicx", "fuzz.yml"}) {
    themescan::Result<themescan::ImportedLexicon> imported = themescan::import_lexicon(name, content);
    if (!imported.ok()) {
      fuzz::require(imported.status().message().starts_with(name), "import error names the file");
      continue;
    }
    for (const themescan::ImportedTheme& theme : imported->themes) {
      fuzz::require(theme.origin.size() == static_cast<std::size_t>(std::count(theme.content.begin(), theme.content.end(), '\n')),
                    "one origin per converted line");
      (void)themescan::parse_lexicon(name, theme.content, fuzz::tokenizer());
    }
  }
  themescan::Result<themescan::AttributionLexicon> words =
      themescan::AttributionLexicon::parse("fuzz.verbs", content, fuzz::tokenizer());
  if (!words.ok()) {
    fuzz::require(words.status().message().starts_with("fuzz.verbs:"), "error names the file");
  }
  return 0;
}
