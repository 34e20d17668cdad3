// kwic_lines(): the words around each hit of a theme.
#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/kwic.h"

using namespace themescan;

TEST_CASE("kwic: a window of words on each side, within the paragraph") {
  const themescan::Lexicon lexicon = testutil::make_lexicon(
      {{"a.lex", "@theme talent\ntalent*\ndigital skills\n"}, {"b.lex", "@theme other\nzebra\n"}});
  const std::string text =
      "Intro line.\n\n"
      "We need   more talent, and digital\nskills matter most of all here.\n\n"
      "Talent.\n";
  const TokenizedText tokens = testutil::tokenizer().tokenize(text);
  const Result<Matcher> matcher = Matcher::compile(lexicon, Normalizer(NormalizeOptions{}));
  REQUIRE(matcher.ok());
  const std::vector<Hit> hits = matcher->match(text, tokens);
  const std::vector<KwicLine> lines = kwic_lines(text, tokens, hits, {1}, 3);  // themes sorted: other, talent
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].match.slice(text) == "talent");
  CHECK(lines[0].left == "We need more");  // white space collapsed
  CHECK(lines[0].right == ", and digital skills");  // three words; punctuation comes along
  CHECK(lines[0].line == 3);
  // Hard-wrapped text: the phrase runs over a line break; the context stops at the paragraph.
  CHECK(lines[1].match.slice(text) == "digital\nskills");
  CHECK(lines[1].left == "more talent, and");
  CHECK(lines[1].right == "matter most of");
  CHECK(lines[1].line == 3);
  CHECK(lines[2].match.slice(text) == "Talent");
  CHECK(lines[2].left.empty());
  CHECK(lines[2].right.empty());
  CHECK(lines[2].line == 6);
  CHECK(kwic_lines(text, tokens, hits, {0}, 3).empty());
}
