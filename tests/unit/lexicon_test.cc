// Tests for lexicon.h: the lexicon file parser (lexicons/README.md) and Lexicon loading.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/lexicon.h"

using testutil::lexicon_error;
using testutil::Strings;
using themescan::Entry;
using themescan::EntryKind;
using themescan::Lexicon;
using themescan::Theme;

namespace {

Theme parse(std::string_view content, std::string_view name = "t.lex") {
  auto theme = themescan::parse_lexicon(name, content, testutil::tokenizer());
  REQUIRE_MESSAGE(theme.ok(), theme.status().message());
  return std::move(*theme);
}

Strings word_texts(const Entry& entry) {
  Strings out;
  for (const auto& word : entry.words) out.push_back(word.text + (word.stem ? "*" : ""));
  return out;
}

// A valid header for error tests: the entry under test goes on line 3.
constexpr std::string_view kHead = "@theme t\nword\n";

}  // namespace

TEST_CASE("lexicon: a valid file") {
  const std::string content =
      "# Digital sovereignty: national control over digital infrastructure.\n"  // 1
      "@theme sovereignty\n"                                                     // 2
      "@label Digital sovereignty\n"                                             // 3
      "@description National control over digital infrastructure.\n"           // 4
      "@lang en ru es\n"                                                         // 5
      "@format 1\n"                                                              // 6
      "\n"                                                                       // 7
      "sovereignty\n"                                                            // 8
      "  sovereign*  \n"                                                         // 9
      "digital sovereignty\n"                                                    // 10
      "data sovereign*\n"                                                        // 11
      "self-reliance\n"                                                          // 12
      "technological sovereignty | 2\n"                                          // 13
      "autonomy | 0.5\n"                                                         // 14
      "re:\\bdata\\s+locali[sz]ation\\b\n"                                       // 15
      "re:\\b5G\\b | 1.5\n"                                                      // 16
      "!sovereign debt\n"                                                        // 17
      "!re:\\bsovereign\\s+wealth\\s+funds?\\b\n"                               // 18
      "    # an indented comment\n";                                            // 19
  const Theme theme = parse(content, "lexicons/sovereignty.lex");
  CHECK(theme.id == "sovereignty");
  CHECK(theme.label == "Digital sovereignty");
  CHECK(theme.description == "National control over digital infrastructure.");
  CHECK(theme.languages == "en ru es");
  CHECK(theme.source == "lexicons/sovereignty.lex");
  CHECK(theme.line == 2);
  REQUIRE(theme.entries.size() == 11);
  CHECK(theme.entry_count() == 9);
  CHECK(theme.exclusion_count() == 2);

  struct Expected {
    std::string text;
    EntryKind kind;
    Strings words;
    std::string pattern;
    double weight;
    bool exclusion;
    std::uint32_t line;
  };
  const std::vector<Expected> expected = {
      {"sovereignty", EntryKind::kWord, {"sovereignty"}, "", 1.0, false, 8},
      {"sovereign*", EntryKind::kStem, {"sovereign*"}, "", 1.0, false, 9},
      {"digital sovereignty", EntryKind::kPhrase, {"digital", "sovereignty"}, "", 1.0, false, 10},
      {"data sovereign*", EntryKind::kPhrase, {"data", "sovereign*"}, "", 1.0, false, 11},
      {"self-reliance", EntryKind::kPhrase, {"self", "reliance"}, "", 1.0, false, 12},
      {"technological sovereignty", EntryKind::kPhrase, {"technological", "sovereignty"}, "", 2.0,
       false, 13},
      {"autonomy", EntryKind::kWord, {"autonomy"}, "", 0.5, false, 14},
      {"re:\\bdata\\s+locali[sz]ation\\b", EntryKind::kPattern, {}, "\\bdata\\s+locali[sz]ation\\b",
       1.0, false, 15},
      {"re:\\b5G\\b", EntryKind::kPattern, {}, "\\b5G\\b", 1.5, false, 16},
      {"sovereign debt", EntryKind::kPhrase, {"sovereign", "debt"}, "", 1.0, true, 17},
      {"re:\\bsovereign\\s+wealth\\s+funds?\\b", EntryKind::kPattern, {},
       "\\bsovereign\\s+wealth\\s+funds?\\b", 1.0, true, 18},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const Entry& e = theme.entries[i];
    CHECK(e.text == expected[i].text);
    CHECK(e.kind == expected[i].kind);
    CHECK(word_texts(e) == expected[i].words);
    CHECK(e.pattern == expected[i].pattern);
    CHECK(e.weight == expected[i].weight);
    CHECK(e.exclusion == expected[i].exclusion);
    CHECK(e.line == expected[i].line);
  }
}

TEST_CASE("lexicon: label defaults to the id; hash of the file's bytes") {
  const Theme theme = parse("@theme a\nfoo\n");
  CHECK(theme.id == "a");
  CHECK(theme.label == "a");
  CHECK(theme.description == "");
  CHECK(theme.languages == "");
  // FNV-1a 64 of the 13 bytes "@theme a\nfoo\n", computed independently.
  CHECK(theme.hash == "fnv1a64:d0c2cf2811f86f5d");
  CHECK(parse("@theme a\nfoo\n\n").hash != theme.hash);
}

TEST_CASE("lexicon: an entry's label is what tables show") {
  const Theme theme = parse("@theme t\n"
                            "re:\\b(?-i:IT)\\s+talents?\\b | label=\"IT talent\"\n"
                            "re:\\bR\\s?&\\s?D\\b | 2 label=R&D near=lab/5\n"
                            "digital sovereign*\n");
  REQUIRE(theme.entries.size() == 3);
  CHECK(theme.entries[0].label == "IT talent");
  CHECK(theme.entries[0].display() == "IT talent");
  CHECK(theme.entries[0].text == "re:\\b(?-i:IT)\\s+talents?\\b");
  CHECK(theme.entries[0].weight == 1.0);
  CHECK(theme.entries[1].display() == "R&D");
  CHECK(theme.entries[1].weight == 2.0);
  REQUIRE(theme.entries[1].rules.size() == 1);
  CHECK(theme.entries[1].rules[0].text == "near=lab/5");
  CHECK(theme.entries[2].label == "");
  CHECK(theme.entries[2].display() == "digital sovereign*");
  CHECK(lexicon_error("@theme t\nfoo | label=\"open\n") ==
        "t.lex:2: label=\" has no closing '\"' (label=\"IT talent\")");
  CHECK(lexicon_error("@theme t\nfoo | label=\n") == "t.lex:2: empty label (label=\"IT talent\")");
  CHECK(lexicon_error("@theme t\nfoo | label=a label=b\n") == "t.lex:2: two labels for one entry");
  CHECK(lexicon_error("@theme t\n!foo | label=a\n") ==
        "t.lex:2: an exclusion cannot have a weight, rules or label");
}

TEST_CASE("lexicon: CRLF line endings and a byte-order mark") {
  const Theme theme = parse("\xEF\xBB\xBF@theme crlf\r\n@label CRLF file\r\nfoo\r\nbar baz | 2\r\n");
  CHECK(theme.id == "crlf");
  CHECK(theme.label == "CRLF file");
  REQUIRE(theme.entries.size() == 2);
  CHECK(theme.entries[0].text == "foo");
  CHECK(theme.entries[0].line == 3);
  CHECK(theme.entries[1].text == "bar baz");
  CHECK(word_texts(theme.entries[1]) == Strings{"bar", "baz"});
  CHECK(theme.entries[1].weight == 2.0);
  CHECK(theme.entries[1].line == 4);
}

TEST_CASE("lexicon: a backslash escapes a leading # @ ! or \\") {
  const Theme theme = parse("@theme t\n\\#hashtag\n\\@home\n\\!bang\n\\\\slash\n");
  REQUIRE(theme.entries.size() == 4);
  CHECK(theme.entries[0].text == "#hashtag");
  CHECK(word_texts(theme.entries[0]) == Strings{"hashtag"});
  CHECK(theme.entries[1].text == "@home");
  CHECK(theme.entries[2].text == "!bang");
  CHECK_FALSE(theme.entries[2].exclusion);
  CHECK(theme.entries[3].text == "\\slash");
  CHECK(theme.entry_count() == 4);
}

TEST_CASE("lexicon: errors in directives") {
  SUBCASE("missing @theme") {
    CHECK(lexicon_error("@label Only a label\n# comment\n") ==
          "t.lex:1: missing '@theme ID' (every lexicon file declares its theme)");
    CHECK(lexicon_error("") == "t.lex:1: missing '@theme ID' (every lexicon file declares its theme)");
  }
  SUBCASE("a second @theme") {
    CHECK(lexicon_error("# c\n@theme a\nfoo\n@theme b\n") ==
          "t.lex:4: a second '@theme' (a file holds one theme; '@theme' was given on line 2)");
  }
  SUBCASE("invalid ids") {
    CHECK(lexicon_error("@theme Sovereignty\n") ==
          "t.lex:1: invalid theme id 'Sovereignty' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme -abc\n") ==
          "t.lex:1: invalid theme id '-abc' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme a_b\n") ==
          "t.lex:1: invalid theme id 'a_b' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme two words\n") ==
          "t.lex:1: invalid theme id 'two words' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme\n") ==
          "t.lex:1: invalid theme id '' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme security/\n") ==
          "t.lex:1: invalid theme id 'security/' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme a//b\n") ==
          "t.lex:1: invalid theme id 'a//b' (use lower-case letters, digits and '-', and '/' between levels)");
    CHECK(lexicon_error("@theme a/-b\n") ==
          "t.lex:1: invalid theme id 'a/-b' (use lower-case letters, digits and '-', and '/' between levels)");
    // Valid: digits first, inner hyphens, levels.
    CHECK(lexicon_error("@theme 5g-rollout\nfoo\n") == "");
    CHECK(lexicon_error("@theme security/data-protection\nfoo\n") == "");
  }
  SUBCASE("unknown directive") {
    CHECK(lexicon_error("@theme a\n@lable Typo\nfoo\n") ==
          "t.lex:2: unknown directive '@lable' (known: @theme, @label, @description, @lang, "
          "@format)");
  }
  SUBCASE("directive without value") {
    CHECK(lexicon_error("@theme a\n@label\nfoo\n") == "t.lex:2: '@label' needs a value");
    CHECK(lexicon_error("@theme a\n@description   \nfoo\n") ==
          "t.lex:2: '@description' needs a value");
    CHECK(lexicon_error("@theme a\n@lang\nfoo\n") == "t.lex:2: '@lang' needs a value");
    CHECK(lexicon_error("@theme a\n@format\nfoo\n") == "t.lex:2: '@format' needs a value");
  }
  SUBCASE("unsupported @format") {
    CHECK(lexicon_error("@theme a\n@format 2\nfoo\n") ==
          "t.lex:2: unsupported format version '2' (this themescan reads version 1)");
  }
}

TEST_CASE("lexicon: errors in entries") {
  auto entry_error = [](std::string_view line) {
    return lexicon_error(std::string(kHead) + std::string(line) + "\n");
  };
  SUBCASE("entry before @theme") {
    CHECK(lexicon_error("# c\nfoo\n@theme a\n") == "t.lex:2: entry before '@theme ID'");
  }
  SUBCASE("empty entry") {
    CHECK(entry_error("!") == "t.lex:3: empty entry");
    CHECK(entry_error("\\") == "t.lex:3: empty entry");
  }
  SUBCASE("only punctuation") {
    CHECK(entry_error("&&") == "t.lex:3: entry '&&' has no words (only punctuation or symbols)");
    CHECK(entry_error("!--") == "t.lex:3: entry '--' has no words (only punctuation or symbols)");
  }
  SUBCASE("'*' not at the end of a word") {
    CHECK(entry_error("sover*eign") ==
          "t.lex:3: entry 'sover*eign': '*' is only allowed at the end of a word");
    CHECK(entry_error("*eign") == "t.lex:3: entry '*eign': '*' is only allowed at the end of a word");
    CHECK(entry_error("data * sovereignty") ==
          "t.lex:3: entry 'data * sovereignty': '*' is only allowed at the end of a word");
  }
  SUBCASE("bad weights") {
    CHECK(entry_error("foo | abc") ==
          "t.lex:3: bad weight 'abc' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | 0") ==
          "t.lex:3: bad weight '0' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | -1") ==
          "t.lex:3: bad weight '-1' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | inf") ==
          "t.lex:3: bad weight 'inf' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | nan") ==
          "t.lex:3: bad weight 'nan' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | 2x") ==
          "t.lex:3: bad weight '2x' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo |") == "t.lex:3: bad weight '' (a number greater than 0, such as 2 or 0.5)");
  }
  SUBCASE("a weight on an exclusion") {
    CHECK(entry_error("!foo | 2") == "t.lex:3: an exclusion cannot have a weight, rules or label");
    CHECK(entry_error("!foo | near=bar/2") == "t.lex:3: an exclusion cannot have a weight, rules or label");
  }
  SUBCASE("context rules") {
    CHECK(entry_error("foo | near=3") ==
          "t.lex:3: rule 'near=3' needs a window of 1 to 50 words after '/', such as near=not/3");
    CHECK(entry_error("foo | near=bar/0") ==
          "t.lex:3: rule 'near=bar/0' needs a window of 1 to 50 words after '/', such as near=not/3");
    CHECK(entry_error("foo | close=bar/2") ==
          "t.lex:3: unknown rule 'close=bar/2' (known: near, not-near, not-before, sentence, not-sentence)");
    CHECK(entry_error("foo | sentence=two words") == "t.lex:3: bad weight 'words' (a number greater than 0, such as 2 or 0.5)");
    CHECK(entry_error("foo | sentence=a-b") ==
          "t.lex:3: rule 'sentence=a-b': each term is one word or stem, separated by commas");
    CHECK(entry_error("foo | 2 3") == "t.lex:3: bad weight '3' (a number greater than 0, such as 2 or 0.5)");
    // Valid: a weight and several rules; the same words with other rules are another entry.
    CHECK(lexicon_error("@theme t\nfoo | 2 near=bar,baz*/5 not-before=not,no/3\nfoo\n"
                        "foo | sentence=x\nfoo | not-sentence=y not-near=z/1\n") == "");
  }
  SUBCASE("duplicates") {
    CHECK(lexicon_error("@theme t\nsovereignty\nSovereignty\n") ==
          "t.lex:3: duplicate entry 'Sovereignty' (same as line 2)");
    CHECK(lexicon_error("@theme t\nself-reliance\nx\nself reliance\n") ==
          "t.lex:4: duplicate entry 'self reliance' (same as line 2)");
    CHECK(lexicon_error("@theme t\nSELF RELIANCE | 2\nself-reliance\n") ==
          "t.lex:3: duplicate entry 'self-reliance' (same as line 2)");
    CHECK(lexicon_error("@theme t\nsovereign*\nSOVEREIGN*\n") ==
          "t.lex:3: duplicate entry 'SOVEREIGN*' (same as line 2)");
    CHECK(lexicon_error("@theme t\n!talent show\n!Talent Show\nfoo\n") ==
          "t.lex:3: duplicate entry 'Talent Show' (same as line 2)");
    CHECK(lexicon_error("@theme t\nre:\\b5G\\b\nre:\\b5G\\b | 2\n") ==
          "t.lex:3: duplicate entry 're:\\b5G\\b' (same as line 2)");
    // Not duplicates: a word and its stem; an entry and its exclusion.
    CHECK(lexicon_error("@theme t\nsovereign\nsovereign*\n!sovereign debt\nsovereign debt\n") == "");
  }
  SUBCASE("bad RE2 pattern shows RE2's message") {
    CHECK(entry_error("re:(a)\\1") ==
          "t.lex:3: bad RE2 pattern '(a)\\1': invalid escape sequence: \\1");
    CHECK(entry_error("re:(abc") == "t.lex:3: bad RE2 pattern '(abc': missing ): (abc");
    CHECK(entry_error("re:") == "t.lex:3: empty pattern after 're:'");
    // Too large for RE2's memory budget.
    CHECK(entry_error("re:\\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}") ==
          "t.lex:3: bad RE2 pattern '\\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}': pattern too large - "
          "compile failed");
  }
  SUBCASE("pattern matching the empty string") {
    CHECK(entry_error("re:a*") == "t.lex:3: pattern 'a*' matches the empty string");
    CHECK(entry_error("re:\\s*") == "t.lex:3: pattern '\\s*' matches the empty string");
  }
  SUBCASE("punctuation between the words of a phrase") {
    CHECK(entry_error("R&D") ==
          "t.lex:3: entry 'R&D' can never match: its words are separated by '&' (words in a "
          "phrase may be separated only by spaces or hyphens; use a re: pattern)");
    CHECK(entry_error("digital, sovereignty") ==
          "t.lex:3: entry 'digital, sovereignty' can never match: its words are separated by ',' "
          "(words in a phrase may be separated only by spaces or hyphens; use a re: pattern)");
  }
}

TEST_CASE("lexicon: errors in the whole file") {
  SUBCASE("no entries") {
    CHECK(lexicon_error("# c\n@theme empty\n") == "t.lex:2: theme 'empty' has no entries");
    // Exclusions alone do not count.
    CHECK(lexicon_error("@theme empty\n!foo\n") == "t.lex:1: theme 'empty' has no entries");
  }
  SUBCASE("invalid UTF-8") {
    CHECK(lexicon_error("@theme a\nfoo\nb\xFFr\n") == "t.lex:3: not valid UTF-8");
    CHECK(lexicon_error("\xEF\xBB\xBF@theme a\nfoo\xC0\xAF\n") == "t.lex:2: not valid UTF-8");
  }
  SUBCASE("the error names the file") {
    CHECK(lexicon_error("@theme a\nfoo | 0\n", "lexicons/a.lex") ==
          "lexicons/a.lex:2: bad weight '0' (a number greater than 0, such as 2 or 0.5)");
  }
}

TEST_CASE("Lexicon::from_sources") {
  const auto& tokenizer = testutil::tokenizer();
  SUBCASE("themes are ordered by id") {
    const Lexicon lexicon = testutil::make_lexicon(
        {{"z.lex", "@theme zeta\nfoo\n"}, {"a.lex", "@theme alpha\nbar\n"}, {"m.lex", "@theme mu\nbaz\n"}});
    REQUIRE(lexicon.themes().size() == 3);
    CHECK(lexicon.themes()[0].id == "alpha");
    CHECK(lexicon.themes()[0].source == "a.lex");
    CHECK(lexicon.themes()[1].id == "mu");
    CHECK(lexicon.themes()[2].id == "zeta");
    CHECK(lexicon.find("mu") == 1);
    CHECK(lexicon.find("nope") == -1);
  }
  SUBCASE("two files with the same id") {
    const std::string a = "@theme same\nfoo\n";
    const std::string b = "# second\n@theme same\nbar\n";
    const auto lexicon = Lexicon::from_sources({{"a.lex", a}, {"b.lex", b}}, tokenizer);
    REQUIRE_FALSE(lexicon.ok());
    CHECK(lexicon.status().code() == themescan::StatusCode::kLexiconError);
    CHECK(lexicon.status().message() == "b.lex:2: theme 'same' is already defined in a.lex");
  }
  SUBCASE("the first bad file fails the whole load") {
    const auto lexicon = Lexicon::from_sources(
        {{"a.lex", "@theme a\nfoo\n"}, {"b.lex", "@theme b\nbar | 0\n"}}, tokenizer);
    REQUIRE_FALSE(lexicon.ok());
    CHECK(lexicon.status().message() ==
          "b.lex:2: bad weight '0' (a number greater than 0, such as 2 or 0.5)");
  }
}

TEST_CASE("Lexicon::builtin loads the shipped lexicons") {
  const auto lexicon = Lexicon::builtin(testutil::tokenizer());
  REQUIRE_MESSAGE(lexicon.ok(), lexicon.status().message());
  Strings ids;
  for (const Theme& theme : lexicon->themes()) {
    ids.push_back(theme.id);
    CAPTURE(theme.id);
    CHECK(theme.source == "builtin:" + theme.id + ".lex");
    CHECK(theme.hash.rfind("fnv1a64:", 0) == 0);
    CHECK(theme.hash.size() == 24);
  }
  CHECK(ids == Strings{"cooperation", "e-government", "infrastructure", "localisation", "research",
                       "security", "smart-cities", "sovereignty", "talent", "tech-export"});
}
