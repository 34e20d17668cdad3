// Tests for analyzer.h beyond block analysis (analyzer_blocks_test.cc): the document's layout and
// the warning when many quotes do not close.
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/analyzer.h"

using namespace themescan;

namespace {

const Analyzer& analyzer() {
  static const Analyzer instance = [] {
    Result<Analyzer> a = Analyzer::create(testutil::make_lexicon("@theme t\nsovereignty\n"),
                                          *Tokenizer::create(), AnalyzerOptions{});
    REQUIRE(a.ok());
    return std::move(*a);
  }();
  return instance;
}

DocumentResult analyse(const std::string& text) {
  Result<DocumentResult> result = analyzer().analyze("report.txt", text);
  REQUIRE(result.ok());
  return std::move(*result);
}

// A newsletter hard-wrapped at 66 columns with nothing between its paragraphs: no blank line, no
// indentation. Nothing tells its paragraphs apart, so every line is taken for one, and the quotes
// that run over a line break are cut at its end.
const std::string kNewsletter =
    "The regional forum on data sovereignty met in Accra on Tuesday.\n"
    "\"We cannot build our own services on borrowed infrastructure for\n"
    "ever,\" the deputy minister said in her opening address.\n"
    "Her counterpart from Senegal agreed. \"Every ministry should know\n"
    "where its data is kept, and under which law,\" he said.\n"
    "A representative of the operators was more cautious. \"Rules that\n"
    "change every year keep investors away,\" she told the forum.\n"
    "The delegates will meet again in Dakar in March.\n";

}  // namespace

TEST_CASE("analyzer: the document's layout is reported") {
  CHECK(analyse("One paragraph.\nAnother one.\n").layout == Layout::kLines);
  CHECK(analyse(kNewsletter).layout == Layout::kLines);
}

TEST_CASE("analyzer: many quotes that do not close warn that the layout may be misread") {
  const DocumentResult misread = analyse(kNewsletter);
  REQUIRE(misread.quotes.size() == 3);
  for (const Quote& quote : misread.quotes) CHECK(quote.unclosed);
  CHECK(misread.warnings ==
        std::vector<std::string>{"3 of 3 quotes do not close before their paragraph ends: the "
                                 "paragraph layout (lines) may be misread"});

  SUBCASE("the same newsletter with blank lines between its paragraphs reads well") {
    const std::string text =
        "The regional forum on data sovereignty met in Accra on Tuesday.\n\n"
        "\"We cannot build our own services on borrowed infrastructure for\n"
        "ever,\" the deputy minister said in her opening address.\n\n"
        "Her counterpart from Senegal agreed. \"Every ministry should know\n"
        "where its data is kept, and under which law,\" he said.\n\n"
        "A representative of the operators was more cautious. \"Rules that\n"
        "change every year keep investors away,\" she told the forum.\n\n"
        "The delegates will meet again in Dakar in March.\n";
    const DocumentResult fine = analyse(text);
    CHECK(fine.layout == Layout::kBlankLines);
    REQUIRE(fine.quotes.size() == 3);
    for (const Quote& quote : fine.quotes) CHECK_FALSE(quote.unclosed);
    CHECK(fine.warnings.empty());
  }
  SUBCASE("a few unclosed quotes among many do not warn") {
    // Two of six quotes unclosed: fewer than 3. Then 3 of 11: fewer than a third.
    std::string text;
    for (int i = 0; i < 4; ++i) text += "\"We agree,\" the minister said.\n";
    text += "The delegate wrote: \"It was a long day.\nNobody answered.\n"
            "Another delegate added: \"We will see.\nNobody answered.\n";
    const auto unclosed_in = [](const DocumentResult& r) {
      std::size_t n = 0;
      for (const Quote& quote : r.quotes) n += quote.unclosed ? 1 : 0;
      return n;
    };
    const DocumentResult few = analyse(text);
    CHECK(few.quotes.size() == 6);
    CHECK(unclosed_in(few) == 2);
    CHECK(few.warnings.empty());
    for (int i = 0; i < 4; ++i) text += "\"We agree,\" the minister said.\n";
    text += "A third one said: \"Perhaps.\nNobody answered.\n";
    const DocumentResult many = analyse(text);
    CHECK(unclosed_in(many) == 3);
    CHECK(many.quotes.size() == 11);
    CHECK(many.warnings.empty());
  }
}
