// Tests for match.h: tokens + lexicon -> hits.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/match.h"

using testutil::make_lexicon;
using testutil::Matches;
using testutil::matched;
using testutil::matched_by_theme;
using testutil::SpanList;
using testutil::Strings;
using themescan::Hit;
using themescan::Lexicon;
using themescan::Span;

namespace {

SpanList hit_spans(const std::vector<Hit>& hits) {
  SpanList out;
  for (const Hit& hit : hits) out.emplace_back(hit.span.begin, hit.span.end);
  return out;
}

std::vector<std::uint32_t> hit_entries(const std::vector<Hit>& hits) {
  std::vector<std::uint32_t> out;
  for (const Hit& hit : hits) out.push_back(hit.entry);
  return out;
}

}  // namespace

TEST_CASE("match: a word matches case-insensitively") {
  const Lexicon lexicon = make_lexicon("@theme t\nsovereignty\n");
  //                        0         1         2         3         4
  //                        0123456789012345678901234567890123456789012345
  const std::string text = "Sovereignty, SOVEREIGNTY and sovereignty. Sovereigntyx no.";
  const auto hits = testutil::match(lexicon, text);
  CHECK(hit_spans(hits) == SpanList{{0, 11}, {13, 24}, {29, 40}});
  CHECK(hit_entries(hits) == std::vector<std::uint32_t>{0, 0, 0});
  CHECK(matched(lexicon, "sovereign sovereigntys") == Strings{});
}

TEST_CASE("match: a stem matches words that start with it") {
  const Lexicon lexicon = make_lexicon("@theme t\nsovereign*\n");
  CHECK(matched(lexicon, "sovereign, Sovereignty, sovereigns; sovereig, unsovereign.") ==
        Strings{"sovereign", "Sovereignty", "sovereigns"});
}

TEST_CASE("match: a phrase matches consecutive words") {
  const Lexicon lexicon = make_lexicon("@theme t\ndigital sovereignty\n");
  //                        0         1         2         3         4
  //                        01234567890123456789012345678901234567890123456789
  const std::string text = "Digital  Sovereignty, digital rights, sovereignty.";
  const auto hits = testutil::match(lexicon, text);
  CHECK(hit_spans(hits) == SpanList{{0, 20}});
}

TEST_CASE("match: a stem inside a phrase") {
  const Lexicon lexicon = make_lexicon("@theme t\ndata sovereign*\ndigital* infrastructure\n");
  CHECK(matched(lexicon, "data sovereignty; data sovereign; data sover; digitalised infrastructure.") ==
        Strings{"data sovereignty", "data sovereign", "digitalised infrastructure"});
}

TEST_CASE("match: hyphen and space are equivalent in phrases") {
  SUBCASE("hyphenated entry") {
    const Lexicon lexicon = make_lexicon("@theme t\nself-reliance\n");
    CHECK(matched(lexicon, "Self-reliance and self reliance and self\xE2\x80\x91reliance.") ==
          Strings{"Self-reliance", "self reliance", "self\xE2\x80\x91reliance"});
  }
  SUBCASE("spaced entry") {
    const Lexicon lexicon = make_lexicon("@theme t\nself reliance\n");
    CHECK(matched(lexicon, "Self-reliance and self reliance.") ==
          Strings{"Self-reliance", "self reliance"});
  }
}

TEST_CASE("match: a phrase does not cross punctuation, sentences or paragraphs") {
  const Lexicon lexicon = make_lexicon("@theme t\ndigital sovereignty\n");
  SUBCASE("comma") { CHECK(matched(lexicon, "digital, sovereignty") == Strings{}); }
  SUBCASE("sentence end") { CHECK(matched(lexicon, "It is digital. Sovereignty matters.") == Strings{}); }
  SUBCASE("paragraph break (one line per paragraph)") {
    CHECK(matched(lexicon, "We discussed digital\nsovereignty today") == Strings{});
  }
  SUBCASE("blank line in hard-wrapped text") {
    const std::string text =
        "First line of text\nsecond line of text digital\n\nsovereignty starts here\nand goes on.";
    REQUIRE(testutil::tokenizer().tokenize(text).layout == themescan::Layout::kBlankLines);
    CHECK(matched(lexicon, text) == Strings{});
  }
  SUBCASE("but a single line break inside a hard-wrapped paragraph is crossed") {
    const std::string text =
        "First line of text\nsecond line of text digital\nsovereignty goes on.\n\nAnother para.";
    REQUIRE(testutil::tokenizer().tokenize(text).layout == themescan::Layout::kBlankLines);
    CHECK(matched(lexicon, text) == Strings{"digital\nsovereignty"});
  }
}

TEST_CASE("match: exclusions") {
  const Lexicon lexicon = make_lexicon("@theme t\ntalent\n!talent show\n");
  //                        0         1         2         3         4         5
  //                        0123456789012345678901234567890123456789012345678901234
  const std::string text = "A talent show is not talent. Talent Shows too; talent.";
  const auto hits = testutil::match(lexicon, text);
  // "talent show" (2..13) is excluded; "Talent Shows" is not an occurrence of "talent show".
  CHECK(hit_spans(hits) == SpanList{{21, 27}, {29, 35}, {47, 53}});
  SUBCASE("a pattern exclusion") {
    const Lexicon with_pattern = make_lexicon("@theme t\nsovereign*\n!re:\\bsovereign\\s+wealth\\s+funds?\\b\n");
    CHECK(matched(with_pattern, "Sovereign wealth funds and sovereign states.") ==
          Strings{"sovereign"});
  }
  SUBCASE("exclusions apply only to their own theme") {
    const Lexicon two = make_lexicon({{"a.lex", "@theme a\ntalent\n!talent show\n"},
                                      {"b.lex", "@theme b\ntalent\n"}});
    CHECK(matched_by_theme(two, "a talent show") == Matches{{"b", {"talent"}}});
  }
}

TEST_CASE("match: overlapping entries of one theme give one leftmost-longest hit") {
  const Lexicon lexicon = make_lexicon("@theme t\nsovereignty\ndigital sovereignty\n");
  const std::string text = "digital sovereignty";
  const auto hits = testutil::match(lexicon, text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].span == Span{0, 19});
  CHECK(hits[0].entry == 1);
  SUBCASE("overlapping phrases: the leftmost wins") {
    const Lexicon phrases = make_lexicon("@theme t\ndigital sovereignty\nsovereignty agenda\n");
    CHECK(matched(phrases, "digital sovereignty agenda") == Strings{"digital sovereignty"});
  }
}

TEST_CASE("match: one token counts for several themes") {
  const Lexicon lexicon = make_lexicon({{"a.lex", "@theme a\ncloud\n"},
                                        {"b.lex", "@theme b\nclou*\ncloud computing\n"}});
  const std::string text = "Cloud computing and cloud.";
  const auto hits = testutil::match(lexicon, text);
  REQUIRE(hits.size() == 4);
  // Ordered by span.begin, then theme, then span.end.
  CHECK(hits[0].theme == 0);
  CHECK(hits[0].span == Span{0, 5});
  CHECK(hits[1].theme == 1);
  CHECK(hits[1].span == Span{0, 15});
  CHECK(hits[1].entry == 1);
  CHECK(hits[2].theme == 0);
  CHECK(hits[2].span == Span{20, 25});
  CHECK(hits[3].theme == 1);
  CHECK(hits[3].span == Span{20, 25});
  CHECK(hits[3].entry == 0);
}

TEST_CASE("match: regex entries") {
  const Lexicon lexicon = make_lexicon("@theme t\nre:\\bdata\\s+locali[sz]ation\\b\n");
  //                        0         1         2         3         4         5
  //                        012345678901234567890123456789012345678901234567890123
  const std::string text = "We need DATA  Localisation and data localization now.";
  const auto hits = testutil::match(lexicon, text);
  CHECK(hit_spans(hits) == SpanList{{8, 26}, {31, 48}});
  SUBCASE("case-insensitive") {
    const Lexicon upper = make_lexicon("@theme t\nre:\\b5G\\b\n");
    CHECK(matched(upper, "5G, 5g and 15G.") == Strings{"5G", "5g"});
  }
  SUBCASE("a pattern may end inside a word") {
    const Lexicon prefix = make_lexicon("@theme t\nre:cyber\n");
    const std::string cyber = "Cybersecurity.";
    CHECK(hit_spans(testutil::match(prefix, cyber)) == SpanList{{0, 5}});
  }
  SUBCASE("patterns work on non-ASCII text") {
    const Lexicon cyr = make_lexicon("@theme t\nre:цифров\\pL+\n");
    const std::string ru = "Наш цифровой суверенитет.";  // "Наш " = 7 bytes, "цифровой" = 16
    CHECK(hit_spans(testutil::match(cyr, ru)) == SpanList{{7, 23}});
  }
}

TEST_CASE("match: accent folding") {
  const Lexicon lexicon = make_lexicon("@theme t\nlocalizacion\n");
  const std::string text = "La Localización y la localizacion.";
  SUBCASE("off") { CHECK(matched(lexicon, text) == Strings{"localizacion"}); }
  SUBCASE("on") {
    CHECK(matched(lexicon, text, {.fold_accents = true}) == Strings{"Localización", "localizacion"});
  }
  SUBCASE("an accented entry") {
    const Lexicon accented = make_lexicon("@theme t\nlocalización\n");
    CHECK(matched(accented, text) == Strings{"Localización"});
    CHECK(matched(accented, text, {.fold_accents = true}) == Strings{"Localización", "localizacion"});
  }
}

TEST_CASE("match: English possessives match the bare word") {
  const Lexicon lexicon = make_lexicon("@theme t\nrussia\ncountr*\n");
  // "Russia’s" is 10 bytes (’ is 3), so "Russia's" starts at 17 and "countries" at 39.
  const std::string text = "Russia\xE2\x80\x99s plan, Russia's goal and the countries' views.";
  const auto hits = testutil::match(lexicon, text);
  // "Russia" only, without ’s / 's / '.
  CHECK(hit_spans(hits) == SpanList{{0, 6}, {17, 23}, {39, 48}});
  CHECK(matched(lexicon, text) == Strings{"Russia", "Russia", "countries"});
}

TEST_CASE("match: French elision matches the bare word") {
  const Lexicon lexicon = make_lexicon("@theme t\néconomie\ninnovation\n");
  //                        "Sur " = 4 bytes; "l'économie" = 11 bytes, the word starts after "l'".
  const std::string text = "Sur l'économie et d\xE2\x80\x99innovation.";
  const auto hits = testutil::match(lexicon, text);
  // "d’innovation" starts at 19; ’ is 3 bytes, so "innovation" is 23..33.
  CHECK(hit_spans(hits) == SpanList{{6, 15}, {23, 33}});
  CHECK(matched(lexicon, text) == Strings{"économie", "innovation"});
}

TEST_CASE("match: Cyrillic stem") {
  const Lexicon lexicon = make_lexicon("@theme t\nсуверенитет*\n");
  // "Защита " = 13 bytes; "суверенитета" = 24 bytes; " и " = 4 bytes; "СУВЕРЕНИТЕТ" = 22 bytes.
  const std::string text = "Защита суверенитета и СУВЕРЕНИТЕТ, суверен.";
  const auto hits = testutil::match(lexicon, text);
  CHECK(hit_spans(hits) == SpanList{{13, 37}, {41, 63}});
  CHECK(matched(lexicon, text) == Strings{"суверенитета", "СУВЕРЕНИТЕТ"});
}

TEST_CASE("match: Chinese entry in Chinese text") {
  const Lexicon lexicon = make_lexicon("@theme t\n数字主权\n主权\n");
  REQUIRE(lexicon.themes()[0].entries[0].kind == themescan::EntryKind::kPhrase);
  const std::string text = "我们支持数字主权。主权很重要。";
  const auto hits = testutil::match(lexicon, text);
  CHECK(hit_spans(hits) == SpanList{{12, 24}, {27, 33}});
  CHECK(hit_entries(hits) == std::vector<std::uint32_t>{0, 1});
  CHECK(hits[1].sentence == 1);
}

TEST_CASE("match: Thai entry in Thai text") {
  // The entry is split by the same dictionary as the text: โครงสร้าง / พื้น / ฐาน.
  const Lexicon lexicon = make_lexicon("@theme t\nโครงสร้างพื้นฐาน\n");
  const std::string text = "ประเทศไทยมีโครงสร้างพื้นฐานดิจิทัล";
  CHECK(hit_spans(testutil::match(lexicon, text)) == SpanList{{33, 81}});
}

TEST_CASE("match: the sentence of each hit") {
  const Lexicon lexicon = make_lexicon("@theme t\ncloud\n");
  const std::string text = "Cloud first. Then more cloud. And again: cloud!\nCloud";
  const auto hits = testutil::match(lexicon, text);
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].sentence == 0);
  CHECK(hits[1].sentence == 1);
  CHECK(hits[2].sentence == 2);
  CHECK(hits[3].sentence == 3);
  CHECK(hit_spans(hits) == SpanList{{0, 5}, {23, 28}, {41, 46}, {48, 53}});
}

TEST_CASE("match: hits are ordered by span.begin across themes and entry kinds") {
  const Lexicon lexicon = make_lexicon({{"a.lex", "@theme a\nre:\\bnet\\w*\nfiber\n"},
                                        {"b.lex", "@theme b\ncable*\nnetwork\n"}});
  const std::string text = "fiber network cables networks";
  const auto hits = testutil::match(lexicon, text);
  SpanList expected = {{0, 5}, {6, 13}, {6, 13}, {14, 20}, {21, 29}};
  CHECK(hit_spans(hits) == expected);
  std::vector<std::uint32_t> themes;
  for (const Hit& hit : hits) themes.push_back(hit.theme);
  CHECK(themes == std::vector<std::uint32_t>{0, 0, 1, 1, 0});
}

TEST_CASE("match: an empty text or a text without hits") {
  const Lexicon lexicon = make_lexicon("@theme t\ncloud\nre:\\bnet\\b\n");
  CHECK(testutil::match(lexicon, "").empty());
  CHECK(testutil::match(lexicon, "Nothing to see here.").empty());
}

TEST_CASE("match: 1,200 entries compile and match correctly") {
  // 400 words, 400 stems, 400 two-word phrases in one theme, plus a second theme.
  std::string content = "@theme big\n";
  for (int i = 0; i < 400; ++i) {
    content += fmt::format("word{:03d}\nstem{:03d}x*\nphrase{:03d} tail{:03d}\n", i, i, i, i);
  }
  const Lexicon lexicon = make_lexicon({{"big.lex", content}, {"small.lex", "@theme small\nword007\n"}});
  REQUIRE(lexicon.themes()[0].entries.size() == 1200);
  const std::string text =
      "Word007 and stem123xyz, then phrase399 tail399 but phrase398 tail397; word400 stem000 "
      "stem000x word399.";
  const auto hits = testutil::match(lexicon, text);
  CHECK(testutil::matched_by_theme(lexicon, text, hits) ==
        Matches{{"big", {"Word007", "stem123xyz", "phrase399 tail399", "stem000x", "word399"}},
                {"small", {"Word007"}}});
  std::vector<std::uint32_t> big_entries;
  for (const Hit& hit : hits) {
    if (hit.theme == 0) big_entries.push_back(hit.entry);
  }
  // Entry index = 3 * i + (0 word, 1 stem, 2 phrase).
  CHECK(big_entries == std::vector<std::uint32_t>{21, 370, 1199, 1, 1197});
}

TEST_CASE("match: context rules decide which hits count") {
  const themescan::Lexicon lexicon = testutil::make_lexicon({{"t.lex",
      "@theme t\n"
      "protection | near=data/3\n"
      "cloud | not-before=not,no,never/2\n"
      "talent | not-sentence=show*\n"
      "security | sentence=cyber*\n"
      "breach | not-near=exercise/2\n"}});
  const std::string text =
      "Data and its protection matter. Protection alone is not listed. We use no cloud. "
      "The cloud is fine. Talent shows are fun for talent. Talent matters. "
      "Cybersecurity and security go together. Security alone. A breach exercise. A real breach.";
  const themescan::TokenizedText tokens = testutil::tokenizer().tokenize(text);
  const auto matcher = themescan::Matcher::compile(lexicon, themescan::Normalizer(themescan::NormalizeOptions{}));
  REQUIRE(matcher.ok());
  std::vector<std::string> found;
  for (const themescan::Hit& hit : matcher->match(text, tokens)) {
    found.push_back(std::string(hit.span.slice(text)) + "@" + std::to_string(hit.span.begin));
  }
  // protection: "Data" is 3 words before the first, none near the second. cloud: "no" just
  // before the first. talent: the sentence with "shows" loses both. security: only the sentence
  // with "Cybersecurity". breach: "exercise" next to the first (windows count words, across
  // sentence ends: with /4 the second breach would be 4 words after "exercise" and lost too).
  CHECK(found == std::vector<std::string>{"protection@13", "cloud@85", "Talent@133", "security@167",
                                          "breach@231"});
}

TEST_CASE("match: page furniture of a PDF extract holds no hits") {
  // Three pages of pdftotext output whose running header names a theme; only the body counts.
  const Lexicon lexicon =
      make_lexicon("@theme t\nsovereignty\nre:data centres?\n\"digital infrastructure\"\n");
  const std::string text =
      "Data Centres and Sovereignty Review\n"
      "\n"
      "The review covers the data centre that opened in May and the national\n"
      "digital\n"
      "\n"
      "Data Centres and Sovereignty Review | 1\n"
      "\f"
      "Data Centres and Sovereignty Review\n"
      "\n"
      "infrastructure plan, which puts sovereignty over the data first.\n"
      "\n"
      "Data Centres and Sovereignty Review | 2\n"
      "\f"
      "Data Centres and Sovereignty Review\n"
      "\n"
      "The second data centre will open next year.\n"
      "\n"
      "Data Centres and Sovereignty Review | 3\n"
      "\f";
  REQUIRE(testutil::tokenizer().tokenize(text).layout == themescan::Layout::kPdf);
  // The title on page 1 is text; the headers of pages 2 and 3 and every footer are not. The
  // phrase "digital infrastructure" runs across the page break, over the furniture.
  CHECK(matched(lexicon, text) ==
        Strings{"Data Centres", "Sovereignty", "data centre",
                "digital\n\nData Centres and Sovereignty Review | 1\n\fData Centres and Sovereignty "
                "Review\n\ninfrastructure",
                "sovereignty", "data centre"});
}

TEST_CASE("match: a word broken by a line-end hyphen matches as one word") {
  // Hard-wrapped text (an e-text, a PDF extract): "infra-\nstructure" is the word infrastructure;
  // the hit's span covers the original bytes, hyphen and line break included.
  const Lexicon lexicon = make_lexicon(std::vector<testutil::LexFile>{
      {"infrastructure.lex", "@theme infrastructure\ninfrastructure\ndata centre*\n"},
      {"talent.lex", "@theme talent\nself-reliance\nengineer*\n"}});
  const std::string text =
      "The fund will pay for the national digital infra-\n"
      "structure and for the training of engi-\n"
      "neers, a step towards the self-\n"
      "reliance the plan calls for.\n"
      "\n"
      "Two new data cen-\n"
      "tres will open in the north.\n";
  const themescan::TokenizedText tokens = testutil::tokenizer().tokenize(text);
  REQUIRE(tokens.layout == themescan::Layout::kBlankLines);
  const std::vector<Hit> hits = testutil::match(lexicon, text);
  CHECK(matched_by_theme(lexicon, text, hits) ==
        Matches{{"infrastructure", {"infra-\nstructure", "data cen-\ntres"}},
                {"talent", {"engi-\nneers", "self-\nreliance"}}});
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].span == Span{43, 59});  // after "The fund will pay for the national digital "
  CHECK(text.substr(43, 16) == "infra-\nstructure");
  // 37 tokens (9, 7, 6, 5, 4 and 6 a line); the four broken words count once: 33 words.
  CHECK(tokens.words.size() == 37);
  CHECK(tokens.word_count() == 33);

  SUBCASE("a real hyphen at a line end still matches the phrase written with it") {
    CHECK(matched(lexicon, "A plan for self-\nreliance in training.\n\nAnd more.\n") ==
          Strings{"self-\nreliance"});
  }
  SUBCASE("not across a paragraph break, nor before a capital") {
    CHECK(matched(lexicon, "The national infra-\n\nstructure fund.\nIt grew.\n") == Strings{});
    CHECK(matched(lexicon,
                  "The national infra-\nStructure fund was set up\nlast year.\n\nIt grew.\n") ==
          Strings{});
  }
}
