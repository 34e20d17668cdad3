// Tests for tokenize.h: word tokens, sentences and paragraphs with byte spans.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/tokenize.h"

using testutil::SpanList;
using testutil::Strings;
using testutil::spans;
using testutil::token_spans;
using testutil::token_texts;
using themescan::TokenizedText;
using themescan::Layout;
using themescan::WordKind;

namespace {

TokenizedText tokenize(std::string_view text) { return testutil::tokenizer().tokenize(text); }

std::vector<std::uint32_t> sentence_of_words(const TokenizedText& t) {
  std::vector<std::uint32_t> out;
  for (const auto& w : t.words) out.push_back(w.sentence);
  return out;
}

std::vector<std::uint32_t> paragraph_of_words(const TokenizedText& t) {
  std::vector<std::uint32_t> out;
  for (const auto& w : t.words) out.push_back(w.paragraph);
  return out;
}

std::vector<bool> joins(const TokenizedText& t) {
  std::vector<bool> out;
  for (const auto& w : t.words) out.push_back(w.joins_prev);
  return out;
}

std::vector<WordKind> kinds(const TokenizedText& t) {
  std::vector<WordKind> out;
  for (const auto& w : t.words) out.push_back(w.kind);
  return out;
}

}  // namespace

TEST_CASE("tokenize: English words, with abbreviations inside a sentence") {
  //                        0         1         2         3         4         5         6         7
  //                        01234567890123456789012345678901234567890123456789012345678901234567890123
  const std::string text = "The report by Dr. Smith and Mr. Jones covers the U.S. market. Prices rose.";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) == Strings{"The", "report", "by", "Dr", "Smith", "and", "Mr", "Jones",
                                        "covers", "the", "U.S", "market", "Prices", "rose"});
  CHECK(token_spans(t) == SpanList{{0, 3}, {4, 10}, {11, 13}, {14, 16}, {18, 23}, {24, 27},
                                   {28, 30}, {32, 37}, {38, 44}, {45, 48}, {49, 52}, {54, 60},
                                   {62, 68}, {69, 73}});
  CHECK(spans(t.paragraphs) == SpanList{{0, 74}});
  CHECK(t.layout == Layout::kLines);
  // Documented: "Dr.", "Mr." and "U.S." do not end a sentence; "market." does.
  CHECK(spans(t.sentences) == SpanList{{0, 61}, {62, 74}});
  CHECK(sentence_of_words(t) == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1});
}

TEST_CASE("tokenize: each documented abbreviation stays inside its sentence") {
  SUBCASE("Mr.") {
    const std::string text = "We met Mr. Jones today. He left.";
    CHECK(spans(tokenize(text).sentences) == SpanList{{0, 23}, {24, 32}});
  }
  SUBCASE("U.S. before a lower-case word") {
    const std::string text = "We sell in the U.S. market today. He left.";
    CHECK(spans(tokenize(text).sentences) == SpanList{{0, 33}, {34, 42}});
  }
  SUBCASE("Dr.") {
    const std::string text = "We met Dr. Smith today. He left.";
    CHECK(spans(tokenize(text).sentences) == SpanList{{0, 23}, {24, 32}});
  }
  SUBCASE("U.S. before a capitalised word") {
    const std::string text = "Officials in the U.S. Congress agreed. He left.";
    CHECK(spans(tokenize(text).sentences) == SpanList{{0, 38}, {39, 47}});
  }
}

TEST_CASE("tokenize: Russian (Cyrillic byte offsets)") {
  // Cyrillic letters are 2 bytes each: "Суверенитет" = 22 bytes.
  const std::string text = "Суверенитет важен. Мы строим сети.";
  const TokenizedText t = tokenize(text);
  CHECK(text.size() == 62);
  CHECK(token_texts(text, t) == Strings{"Суверенитет", "важен", "Мы", "строим", "сети"});
  CHECK(token_spans(t) == SpanList{{0, 22}, {23, 33}, {35, 39}, {40, 52}, {53, 61}});
  CHECK(spans(t.sentences) == SpanList{{0, 34}, {35, 62}});
  CHECK(sentence_of_words(t) == std::vector<std::uint32_t>{0, 0, 1, 1, 1});
  CHECK(kinds(t) == std::vector<WordKind>(5, WordKind::kLetter));
}

TEST_CASE("tokenize: Spanish with inverted question mark and accents") {
  // "¿" is 2 bytes; "Dónde" 6, "está" 5, "localización" 13.
  const std::string text = "¿Dónde está la localización? Aquí.";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) == Strings{"Dónde", "está", "la", "localización", "Aquí"});
  CHECK(token_spans(t) == SpanList{{2, 8}, {9, 14}, {15, 17}, {18, 31}, {33, 38}});
  CHECK(spans(t.sentences) == SpanList{{0, 32}, {33, 39}});
  CHECK(joins(t) == std::vector<bool>{false, true, true, true, false});
}

TEST_CASE("tokenize: French guillemets and elision") {
  // "«" and "»" are 2 bytes; "l'économie" (11 bytes) is one token.
  const std::string text = "Il a dit « l'économie numérique » hier.";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) == Strings{"Il", "a", "dit", "l'économie", "numérique", "hier"});
  CHECK(token_spans(t) == SpanList{{0, 2}, {3, 4}, {5, 8}, {12, 23}, {24, 34}, {38, 42}});
  CHECK(spans(t.sentences) == SpanList{{0, 43}});
  // A guillemet between words is not a phrase gap.
  CHECK(joins(t) == std::vector<bool>{false, true, true, false, true, false});
}

TEST_CASE("tokenize: Chinese is split into dictionary words") {
  // Each ideograph is 3 bytes. ICU's dictionary gives 我们 / 支持 / 数字 / 主权 (we / support /
  // digital / sovereignty): neither one token per character nor one token for the sentence.
  const std::string text = "我们支持数字主权。";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) == Strings{"我们", "支持", "数字", "主权"});
  CHECK(token_spans(t) == SpanList{{0, 6}, {6, 12}, {12, 18}, {18, 24}});
  CHECK(kinds(t) == std::vector<WordKind>(4, WordKind::kIdeographic));
  CHECK(spans(t.sentences) == SpanList{{0, 27}});
  // No space between Chinese words: they join.
  CHECK(joins(t) == std::vector<bool>{false, true, true, true});
}

TEST_CASE("tokenize: Thai is split into dictionary words") {
  // Thai characters are 3 bytes. ประเทศไทย (Thailand) / มี (has) / โครงสร้าง (structure) /
  // พื้น / ฐาน (base) / ดิจิทัล (digital).
  const std::string text = "ประเทศไทยมีโครงสร้างพื้นฐานดิจิทัล";
  const TokenizedText t = tokenize(text);
  CHECK(text.size() == 102);
  CHECK(token_texts(text, t) ==
        Strings{"ประเทศไทย", "มี", "โครงสร้าง", "พื้น", "ฐาน", "ดิจิทัล"});
  CHECK(token_spans(t) == SpanList{{0, 27}, {27, 33}, {33, 60}, {60, 72}, {72, 81}, {81, 102}});
  CHECK(kinds(t) == std::vector<WordKind>(6, WordKind::kLetter));
  CHECK(spans(t.sentences) == SpanList{{0, 102}});
}

TEST_CASE("tokenize: one line per paragraph") {
  const std::string text = "First paragraph here.\nSecond one\nThird one.";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kLines);
  CHECK(spans(t.paragraphs) == SpanList{{0, 21}, {22, 32}, {33, 43}});
  // A sentence never crosses a paragraph, even without a full stop ("Second one").
  CHECK(spans(t.sentences) == SpanList{{0, 21}, {22, 32}, {33, 43}});
  CHECK(paragraph_of_words(t) == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2, 2});
  CHECK(sentence_of_words(t) == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2, 2});
  // No join across a paragraph break.
  CHECK(joins(t) == std::vector<bool>{false, true, true, false, true, false, true});
}

TEST_CASE("tokenize: one line per paragraph, ending in a line break") {
  // Almost every text file ends with a line break. The final line break does not make a blank
  // line, so this is not blank-line separated (hard-wrapped) text: each line is a paragraph.
  SUBCASE("LF") {
    const std::string text = "First paragraph here.\nSecond one.\nThird one.\n";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kLines);
    CHECK(spans(t.paragraphs) == SpanList{{0, 21}, {22, 33}, {34, 44}});
  }
  SUBCASE("CRLF") {
    const std::string text = "First paragraph here.\r\nSecond one.\r\nThird one.\r\n";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kLines);
    CHECK(spans(t.paragraphs) == SpanList{{0, 21}, {23, 34}, {36, 46}});
  }
}

TEST_CASE("tokenize: hard-wrapped text with blank-line separated paragraphs") {
  //                        0          1          2          3          4          5          6
  const std::string text =
      "The digital\nsovereignty agenda grew.\nIt was wrapped.\n\nA second\nparagraph follows here.";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kBlankLines);
  CHECK(spans(t.paragraphs) == SpanList{{0, 52}, {54, 86}});
  // The line breaks at 11 and 62 are inside sentences.
  CHECK(spans(t.sentences) == SpanList{{0, 36}, {37, 52}, {54, 86}});
  CHECK(token_texts(text, t) == Strings{"The", "digital", "sovereignty", "agenda", "grew", "It",
                                        "was", "wrapped", "A", "second", "paragraph", "follows",
                                        "here"});
  CHECK(sentence_of_words(t) ==
        std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2});
  CHECK(paragraph_of_words(t) ==
        std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
  // One line break inside a paragraph joins; the sentence end and the blank line do not.
  CHECK(joins(t) == std::vector<bool>{false, true, true, true, true, false, true, true, false,
                                      true, true, true, true});
}

TEST_CASE("tokenize: CRLF line endings") {
  SUBCASE("one line per paragraph") {
    const std::string text = "First paragraph here.\r\nSecond one\r\nThird one.";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kLines);
    CHECK(spans(t.paragraphs) == SpanList{{0, 21}, {23, 33}, {35, 45}});
    CHECK(spans(t.sentences) == SpanList{{0, 21}, {23, 33}, {35, 45}});
    CHECK(token_spans(t) ==
          SpanList{{0, 5}, {6, 15}, {16, 20}, {23, 29}, {30, 33}, {35, 40}, {41, 44}});
  }
  SUBCASE("hard-wrapped") {
    const std::string text =
        "The digital\r\nsovereignty agenda grew.\r\nIt was wrapped.\r\n\r\nA second\r\nparagraph.";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kBlankLines);
    CHECK(spans(t.paragraphs) == SpanList{{0, 54}, {58, 78}});
    CHECK(spans(t.sentences) == SpanList{{0, 37}, {39, 54}, {58, 78}});
    REQUIRE(t.words.size() == 11);
    CHECK(t.words[2].span == themescan::Span{13, 24});  // "sovereignty"
    CHECK(t.words[2].joins_prev);                       // across "\r\n"
    CHECK(t.words[10].span == themescan::Span{68, 77});  // "paragraph"
    CHECK(t.words[10].joins_prev);
  }
}

TEST_CASE("tokenize: joins_prev") {
  //                        0         1         2         3         4         5
  //                        012345678901234567890123456789012345678901234567890123456789
  const std::string text = "Self-reliance matters, digital sovereignty too. Next: data.";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) ==
        Strings{"Self", "reliance", "matters", "digital", "sovereignty", "too", "Next", "data"});
  CHECK(token_spans(t) ==
        SpanList{{0, 4}, {5, 13}, {14, 21}, {23, 30}, {31, 42}, {43, 46}, {48, 52}, {54, 58}});
  SUBCASE("true across a hyphen and a space") {
    CHECK(t.words[1].joins_prev);  // "Self-reliance"
    CHECK(t.words[2].joins_prev);  // "reliance matters"
    CHECK(t.words[4].joins_prev);  // "digital sovereignty"
  }
  SUBCASE("false across a comma, a colon, a full stop and at the start") {
    CHECK_FALSE(t.words[0].joins_prev);
    CHECK_FALSE(t.words[3].joins_prev);  // ", "
    CHECK_FALSE(t.words[6].joins_prev);  // ". " (new sentence)
    CHECK_FALSE(t.words[7].joins_prev);  // ": "
  }
  SUBCASE("false across a paragraph break") {
    const std::string lines = "digital\nsovereignty";
    const TokenizedText p = tokenize(lines);
    CHECK(p.layout == Layout::kLines);
    REQUIRE(p.words.size() == 2);
    CHECK(p.words[1].paragraph == 1);
    CHECK_FALSE(p.words[1].joins_prev);
  }
}

TEST_CASE("tokenize: token kinds") {
  const std::string text = "In 2024, 5G reached 3.5 million homes.";
  const TokenizedText t = tokenize(text);
  CHECK(token_texts(text, t) == Strings{"In", "2024", "5G", "reached", "3.5", "million", "homes"});
  CHECK(token_spans(t) == SpanList{{0, 2}, {3, 7}, {9, 11}, {12, 19}, {20, 23}, {24, 31}, {32, 37}});
  CHECK(kinds(t) == std::vector<WordKind>{WordKind::kLetter, WordKind::kNumber, WordKind::kLetter,
                                          WordKind::kLetter, WordKind::kNumber, WordKind::kLetter,
                                          WordKind::kLetter});
}

TEST_CASE("tokenize: empty and blank text give nothing") {
  for (const std::string& text : {std::string(""), std::string("   "), std::string("\n\n\r\n")}) {
    CAPTURE(text);
    const TokenizedText t = tokenize(text);
    CHECK(t.words.empty());
    CHECK(t.sentences.empty());
    CHECK(t.paragraphs.empty());
    CHECK(t.layout == Layout::kLines);
  }
  SUBCASE("punctuation only: a sentence but no words") {
    const TokenizedText t = tokenize("... !");
    CHECK(t.words.empty());
    CHECK(spans(t.sentences) == SpanList{{0, 5}});
    CHECK(spans(t.paragraphs) == SpanList{{0, 5}});
  }
}
