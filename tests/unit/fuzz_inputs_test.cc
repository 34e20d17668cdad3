// The fuzz seeds (tests/fuzz/seeds) and every input a fuzz target once crashed on
// (tests/data/fuzz-regressions) go through the analyzer, each renderer and the lexicon parsers.
// In the sanitizer build (scripts/run-sanitized-tests.sh) this is the regression test of each fix.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/analyzer.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/extract.h"
#include "themescan/lexicon_import.h"
#include "themescan/render.h"

namespace fs = std::filesystem;
using namespace themescan;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> inputs() {
  std::vector<fs::path> out;
  const fs::path root(THEMESCAN_SOURCE_DIR);
  for (const fs::path& dir : {root / "tests/fuzz/seeds", root / "tests/data/fuzz-regressions"}) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file()) out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fuzz inputs: seeds and regressions analyse without crashing") {
  const std::vector<fs::path> files = inputs();
  REQUIRE(files.size() >= 16);  // 15 seeds and the regressions folder's README
  std::vector<Analyzer> analyzers;
  for (const std::size_t block : {std::size_t{16}, std::size_t{1} << 20}) {
    AnalyzerOptions options;
    options.block_bytes = block;
    Result<Analyzer> a = Analyzer::create(*Lexicon::builtin(testutil::tokenizer()),
                                          *Tokenizer::create(), options);
    REQUIRE(a.ok());
    analyzers.push_back(std::move(*a));
  }
  std::size_t analysed = 0;
  for (const fs::path& path : files) {
    CAPTURE(path.string());
    const std::string bytes = read(path);
    for (const Analyzer& analyzer : analyzers) {
      const Result<DocumentResult> result = analyzer.analyze(path.string(), bytes);
      if (!result.ok()) {
        CHECK_FALSE(result.status().message().empty());
        continue;
      }
      ++analysed;
      RenderOptions options;
      options.min_hits = 0;
      CHECK(render_json(*result, analyzer.lexicon(), options).ends_with("}\n"));
      CHECK_FALSE(render_table(*result, analyzer.lexicon(), options).empty());
    }
    // Every file is also an HTML page, a PDF and a DOCX file: text or a clear error.
    for (const InputFormat format : {InputFormat::kHtml, InputFormat::kPdf, InputFormat::kDocx}) {
      const Result<ExtractedText> text = extract_document(format, bytes);
      if (!text.ok()) {
        CHECK_FALSE(text.status().message().empty());
      } else {
        CHECK(std::is_sorted(text->pages.begin(), text->pages.end()));
      }
    }
    // Every file is also a lexicon, good or bad: parsing never crashes, and an error names it.
    const Result<Lexicon> lexicon = Lexicon::from_sources({{"in.lex", bytes}}, testutil::tokenizer());
    if (!lexicon.ok()) CHECK(lexicon.status().message().starts_with("in.lex:"));
    const Result<AttributionLexicon> words =
        AttributionLexicon::parse("in.verbs", bytes, testutil::tokenizer());
    if (!words.ok()) CHECK(words.status().message().starts_with("in.verbs:"));
    // And as each importable dictionary format: one origin line per converted line.
    for (const char* name : {"in.dic", "in.dicx", "in.yml"}) {
      const Result<ImportedLexicon> imported = import_lexicon(name, bytes);
      if (!imported.ok()) {
        CHECK(imported.status().message().starts_with(name));
        continue;
      }
      for (const ImportedTheme& theme : imported->themes) {
        CHECK(theme.origin.size() ==
              static_cast<std::size_t>(std::count(theme.content.begin(), theme.content.end(), '\n')));
      }
    }
  }
  CHECK(analysed >= 2 * 11);  // all but the NUL-free binary-free seeds decode
}
