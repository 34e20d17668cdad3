// KeynessCounter: G2, effect size and RAKE on a corpus small enough to compute by hand.
#include <cmath>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/suggest.h"

using namespace themescan;

TEST_CASE("suggest: keyness of the words around a theme's hits") {
  Result<Analyzer> analyzer = Analyzer::create(
      testutil::make_lexicon({{"t.lex", "@theme t\ntalent\n"}}), *Tokenizer::create(),
      {.quotes = false, .decode = {}});
  REQUIRE(analyzer.ok());
  KeynessCounter counter(*analyzer, 0);
  const Result<DocumentResult> doc = analyzer->analyze(
      "d.txt", "Talent needs mentors. Talent needs mentors too. The weather is cold. The weather is warm.");
  REQUIRE(doc.ok());
  counter.add(*doc, false, false);
  CHECK(counter.theme_sentences() == 2);      // 7 words
  CHECK(counter.reference_sentences() == 2);  // 8 words
  SuggestOptions options;
  options.min_count = 2;
  const std::vector<Suggestion> found = counter.suggestions(options);
  // Every candidate seen twice in theme text and never elsewhere has the same G2:
  // E = 7 * 2 / 15, G2 = 2 * 2 * ln(2 / E) = 3.04856; log2((2.5 / 7) / (0.5 / 8)) = 2.51457.
  // "talent" alone is left out: the theme's entry already matches it. Ties go by text.
  std::vector<std::string> texts;
  for (const Suggestion& s : found) texts.push_back(s.text);
  CHECK(texts == std::vector<std::string>{"Talent needs", "Talent needs mentors", "mentors", "needs",
                                          "needs mentors"});
  const Suggestion& mentors = found[2];
  CHECK(std::abs(mentors.g2 - 3.04856) < 1e-4);
  CHECK(std::abs(mentors.log_ratio - 2.51457) < 1e-4);
  CHECK(mentors.theme_count == 2);
  CHECK(mentors.reference_count == 0);
  // RAKE: "Talent needs mentors" is the phrase (too is a function word) in both sentences, so
  // each word has degree 6 and frequency 2: 3 per word.
  CHECK(mentors.rake == 3.0);
  CHECK(found[4].rake == 6.0);
  CHECK(mentors.example == "Talent needs [mentors]. Talent needs mentors too. The weather");
  CHECK(mentors.covered_by.empty());
  options.include_covered = true;
  const std::vector<Suggestion> all = counter.suggestions(options);
  REQUIRE(all.size() == 6);
  CHECK(all[0].text == "Talent");
  CHECK(all[0].covered_by == "talent");
}
