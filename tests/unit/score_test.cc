// Tests for score.h: hits + word count -> per-theme figures and ranks.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/score.h"

using testutil::Strings;
using themescan::Hit;
using themescan::Lexicon;
using themescan::score_themes;
using themescan::ThemeScore;

namespace {

// Themes by id: alpha 0, beta 1, delta 2, gamma 3, zeta 4.
Lexicon score_lexicon() {
  return testutil::make_lexicon({
      {"alpha.lex", "@theme alpha\ndata\ncloud | 2\n!cloud storage\n"},
      {"beta.lex", "@theme beta\nnetwork\nserver | 1.5\nrouter | 0.5\n"},
      {"gamma.lex", "@theme gamma\nfiber\ncable\n"},
      {"delta.lex", "@theme delta\nsatellite\n"},
      {"zeta.lex", "@theme zeta\norbit\n"},
  });
}

Hit hit(std::uint32_t theme, std::uint32_t entry, std::uint32_t at) {
  return Hit{theme, entry, themescan::Span{at, at + 1}, 0};
}

// Hits in text order (theme, entry): indices 0..10.
std::vector<Hit> score_hits() {
  return {
      hit(1, 2, 0),   // 0 beta router (0.5)
      hit(0, 0, 2),   // 1 alpha data (1)
      hit(2, 0, 4),   // 2 delta satellite (1)
      hit(1, 0, 6),   // 3 beta network (1)
      hit(3, 1, 8),   // 4 gamma cable (1)
      hit(0, 1, 10),  // 5 alpha cloud (2)
      hit(1, 1, 12),  // 6 beta server (1.5)
      hit(2, 0, 14),  // 7 delta satellite (1)
      hit(0, 0, 16),  // 8 alpha data (1)
      hit(1, 0, 18),  // 9 beta network (1)
      hit(3, 0, 20),  // 10 gamma fiber (1)
  };
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> terms(const ThemeScore& score) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& term : score.terms) out.emplace_back(term.entry, term.count);
  return out;
}

Strings ranked_ids(const Lexicon& lexicon, const std::vector<ThemeScore>& scores) {
  Strings out;
  for (const ThemeScore& s : scores) out.push_back(lexicon.themes()[s.theme].id);
  return out;
}

}  // namespace

TEST_CASE("score: hand-computed figures, ranks and ties") {
  const Lexicon lexicon = score_lexicon();
  REQUIRE(lexicon.find("delta") == 2);
  const auto scores = score_themes(lexicon, score_hits(), 400);
  REQUIRE(scores.size() == 5);
  // beta and alpha both score 4: beta has more hits. delta and gamma tie on score 2 and 2 hits:
  // the id decides. zeta has nothing.
  CHECK(ranked_ids(lexicon, scores) == Strings{"beta", "alpha", "delta", "gamma", "zeta"});
  for (std::uint32_t i = 0; i < scores.size(); ++i) CHECK(scores[i].rank == i + 1);

  SUBCASE("beta: 4 hits, 3 distinct, 0.5 + 1 + 1.5 + 1") {
    const ThemeScore& s = scores[0];
    CHECK(s.theme == 1);
    CHECK(s.hits == 4);
    CHECK(s.distinct == 3);
    CHECK(s.score == 4.0);
    CHECK(s.per_1k == 10.0);  // 1000 * 4 / 400
    CHECK(s.share == doctest::Approx(4.0 / 11.0));
    // By count, then entry order (not text order: router came first in the text).
    CHECK(terms(s) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}, {1, 1}, {2, 1}});
    CHECK(s.evidence == std::vector<std::uint32_t>{0, 3, 6, 9});
  }
  SUBCASE("alpha: 3 hits, 2 distinct, 1 + 2 + 1") {
    const ThemeScore& s = scores[1];
    CHECK(s.theme == 0);
    CHECK(s.hits == 3);
    CHECK(s.distinct == 2);
    CHECK(s.score == 4.0);
    CHECK(s.per_1k == 7.5);
    CHECK(s.share == doctest::Approx(3.0 / 11.0));
    CHECK(terms(s) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}, {1, 1}});
    CHECK(s.evidence == std::vector<std::uint32_t>{1, 5, 8});
  }
  SUBCASE("delta and gamma") {
    const ThemeScore& d = scores[2];
    CHECK(d.theme == 2);
    CHECK(d.hits == 2);
    CHECK(d.distinct == 1);
    CHECK(d.score == 2.0);
    CHECK(d.per_1k == 5.0);
    CHECK(d.share == doctest::Approx(2.0 / 11.0));
    CHECK(terms(d) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}});
    CHECK(d.evidence == std::vector<std::uint32_t>{2, 7});
    const ThemeScore& g = scores[3];
    CHECK(g.theme == 3);
    CHECK(g.hits == 2);
    CHECK(g.distinct == 2);
    CHECK(g.score == 2.0);
    // Equal counts: entry order (fiber 0 before cable 1), though cable came first in the text.
    CHECK(terms(g) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 1}, {1, 1}});
    CHECK(g.evidence == std::vector<std::uint32_t>{4, 10});
  }
  SUBCASE("zeta: a theme without hits is still listed") {
    const ThemeScore& z = scores[4];
    CHECK(z.theme == 4);
    CHECK(z.hits == 0);
    CHECK(z.distinct == 0);
    CHECK(z.score == 0.0);
    CHECK(z.per_1k == 0.0);
    CHECK(z.share == 0.0);
    CHECK(z.terms.empty());
    CHECK(z.evidence.empty());
  }
}

TEST_CASE("score: a tie on score is broken by hits, then by id") {
  const Lexicon lexicon = testutil::make_lexicon({
      {"b.lex", "@theme b\nx | 3\n"},
      {"a.lex", "@theme a\ny\n"},
      {"c.lex", "@theme c\nz\n"},
  });
  // a: 3 hits of weight 1 = 3; b: 1 hit of weight 3 = 3; c: 1 hit = 1.
  const std::vector<Hit> hits = {hit(1, 0, 0), hit(0, 0, 2), hit(0, 0, 4), hit(0, 0, 6), hit(2, 0, 8)};
  const auto scores = score_themes(lexicon, hits, 50);
  CHECK(ranked_ids(lexicon, scores) == Strings{"a", "b", "c"});
  CHECK(scores[0].score == 3.0);
  CHECK(scores[1].score == 3.0);
  CHECK(scores[0].per_1k == 60.0);
  CHECK(scores[1].per_1k == 20.0);
  CHECK(scores[0].share == doctest::Approx(0.6));
  CHECK(scores[2].share == doctest::Approx(0.2));
}

TEST_CASE("score: a document without words has per_1k 0") {
  const Lexicon lexicon = score_lexicon();
  const auto scores = score_themes(lexicon, score_hits(), 0);
  REQUIRE(scores.size() == 5);
  for (const ThemeScore& s : scores) CHECK(s.per_1k == 0.0);
  CHECK(scores[0].hits == 4);
  CHECK(scores[0].share == doctest::Approx(4.0 / 11.0));
}

TEST_CASE("score: no hits gives share 0 and ranks by id") {
  const Lexicon lexicon = score_lexicon();
  const auto scores = score_themes(lexicon, {}, 1000);
  CHECK(ranked_ids(lexicon, scores) == Strings{"alpha", "beta", "delta", "gamma", "zeta"});
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    CAPTURE(i);
    CHECK(scores[i].rank == i + 1);
    CHECK(scores[i].hits == 0);
    CHECK(scores[i].score == 0.0);
    CHECK(scores[i].share == 0.0);
    CHECK(scores[i].per_1k == 0.0);
  }
}

TEST_CASE("score: an empty lexicon gives no scores") {
  const Lexicon empty = Lexicon::from_themes({});
  CHECK(score_themes(empty, {}, 10).empty());
}

TEST_CASE("score: end to end from matched hits") {
  const Lexicon lexicon = testutil::make_lexicon({
      {"s.lex", "@theme sovereignty\nsovereign*\ndigital sovereignty | 2\n"},
      {"c.lex", "@theme cloud\ncloud\n"},
  });
  const std::string text = "Digital sovereignty needs sovereign cloud. Cloud is sovereignty.";
  const auto hits = testutil::match(lexicon, text);
  // 8 words. sovereignty: "Digital sovereignty" (2) + "sovereign" (1) + "sovereignty" (1).
  const auto words = static_cast<std::uint32_t>(testutil::tokenizer().tokenize(text).words.size());
  REQUIRE(words == 8);
  const auto scores = score_themes(lexicon, hits, words);
  CHECK(ranked_ids(lexicon, scores) == Strings{"sovereignty", "cloud"});
  CHECK(scores[0].hits == 3);
  CHECK(scores[0].distinct == 2);
  CHECK(scores[0].score == 4.0);
  CHECK(scores[0].per_1k == 375.0);
  CHECK(scores[0].share == doctest::Approx(0.6));
  CHECK(terms(scores[0]) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}, {1, 1}});
  CHECK(scores[1].hits == 2);
  CHECK(scores[1].score == 2.0);
}

TEST_CASE("score: nested themes roll up into their parents") {
  const themescan::Lexicon lexicon = testutil::make_lexicon({
      {"security.lex", "@theme security\nsecurity\nprivacy\n"},
      {"privacy.lex", "@theme security/privacy\nprivacy\ndata protection\n"},
      {"geo.lex", "@theme africa/east/ke\n@label AFRICA/EAST/KE\nkenya\n"},
  });
  // africa and africa/east are added, without entries, labelled from the child's label.
  std::vector<std::string> ids;
  for (const themescan::Theme& t : lexicon.themes()) ids.push_back(t.id + "@" + std::to_string(t.level));
  CHECK(ids == std::vector<std::string>{"africa@1", "africa/east@2", "africa/east/ke@3", "security@1",
                                        "security/privacy@2"});
  CHECK(lexicon.themes()[1].label == "AFRICA/EAST");
  CHECK(lexicon.themes()[1].entries.empty());
  CHECK(lexicon.themes()[2].parent == 1);
  CHECK(lexicon.themes()[4].parent == 3);
  CHECK(lexicon.themes()[3].parent == -1);

  const std::string text = "Security and privacy. Data protection matters. Kenya security.";
  const themescan::TokenizedText tokens = testutil::tokenizer().tokenize(text);
  const auto matcher = themescan::Matcher::compile(lexicon, themescan::Normalizer(themescan::NormalizeOptions{}));
  REQUIRE(matcher.ok());
  const std::vector<themescan::Hit> hits = matcher->match(text, tokens);
  REQUIRE(hits.size() == 6);  // "privacy" is a hit of security and of security/privacy
  const std::vector<themescan::ThemeScore> scores = themescan::score_themes(lexicon, hits, 9);
  const auto find = [&](const std::string& id) {
    for (const themescan::ThemeScore& s : scores) {
      if (lexicon.themes()[s.theme].id == id) return s;
    }
    FAIL("no theme " << id);
    return themescan::ThemeScore{};
  };
  // security: its own security x2 and privacy, plus data protection from security/privacy; the
  // child's "privacy" is the same span as its own, so it counts once.
  const themescan::ThemeScore security = find("security");
  CHECK(security.hits == 4);
  CHECK(security.distinct == 3);
  CHECK(security.share == doctest::Approx(4.0 / 6.0));
  CHECK(security.terms.size() == 3);
  CHECK(themescan::entry_of(lexicon, security.terms[0]).text == "security");
  CHECK(security.terms[0].count == 2);
  CHECK(themescan::entry_of(lexicon, security.terms.back()).text == "data protection");
  CHECK(find("security/privacy").hits == 2);
  CHECK(find("africa/east/ke").hits == 1);
  CHECK(find("africa/east").hits == 1);
  CHECK(find("africa").hits == 1);
  CHECK(find("africa").evidence.size() == 1);
  CHECK(themescan::entry_of(lexicon, hits[find("africa").evidence[0]]).text == "kenya");
}
