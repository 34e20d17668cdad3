// lint_lexicon() and add_corpus_findings(): one case per kind of finding.
#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/lint.h"

using namespace themescan;

namespace {

std::vector<std::string> lines(const std::vector<LintFinding>& findings) {
  std::vector<std::string> out;
  for (const LintFinding& f : findings) out.push_back(f.file + ":" + std::to_string(f.line) + ": " + f.kind + ": " + f.message);
  return out;
}

}  // namespace

TEST_CASE("lint: findings from the lexicon alone") {
  // "sovereign cloud" is not shadowed by !sovereign*: an exclusion removes hits that lie inside
  // its own matches, and "sovereign" is shorter. server* in infra and infra/dc: nested, no overlap.
  const Lexicon lexicon = testutil::make_lexicon({
      {"cloud.lex", "@theme cloud\ncloud\nsovereign cloud\nin*\nsovereignty\n!sovereign*\ndata\n"},
      {"infra.lex", "@theme infra\ndata\nserver*\n"},
      {"nest.lex", "@theme infra/dc\nserver*\n"},
  });
  CHECK(lines(lint_lexicon(lexicon)) == std::vector<std::string>{
      "cloud.lex:2: contained: entry 'cloud' is part of the longer entry 'sovereign cloud' (line 3); "
      "where both match, the longer counts, once",
      "cloud.lex:4: short-stem: stem 'in*' matches every word that starts with 'in'",
      "cloud.lex:5: shadowed: entry 'sovereignty' never counts: the exclusion '!sovereign*' (line 6) "
      "covers every occurrence",
      "cloud.lex:7: overlap: entry 'data' is also in theme 'infra' (infra.lex:2); its hits count for both",
      "infra.lex:2: overlap: entry 'data' is also in theme 'cloud' (cloud.lex:7); its hits count for both",
  });
}

TEST_CASE("lint: entries without hits and entries that dominate their theme") {
  const Lexicon lexicon = testutil::make_lexicon({{"t.lex", "@theme t\nalpha\nbeta\ngamma\n!alpha beta\n"}});
  std::vector<LintFinding> findings;
  add_corpus_findings(lexicon, {{{0, 0}, 9}, {{0, 1}, 2}}, findings);
  CHECK(lines(findings) == std::vector<std::string>{
      "t.lex:2: dominant: entry 'alpha' has 9 of the 11 hits of theme 't' (82%)",
      "t.lex:4: unused: entry 'gamma' has no hit in the corpus",
  });
  findings.clear();
  add_corpus_findings(lexicon, {{{0, 0}, 5}, {{0, 1}, 1}, {{0, 2}, 1}}, findings);
  CHECK(findings.empty());  // under 10 hits: too few to call one entry dominant
}
