// Tests for document.h: find_title, make_snippet, collapse_spaces.
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/decode.h"
#include "themescan/document.h"

using themescan::collapse_spaces;
using themescan::find_title;
using themescan::make_snippet;
using themescan::Snippet;
using themescan::Span;

namespace {

// The title's text, or "<none>".
std::string title_of(std::string_view text) {
  const std::optional<Span> title = find_title(text);
  return title ? std::string(title->slice(text)) : "<none>";
}

void check_snippet(const Snippet& s, std::string_view left, std::string_view match,
                   std::string_view right) {
  CHECK(s.left == left);
  CHECK(s.match == match);
  CHECK(s.right == right);
}

}  // namespace

TEST_CASE("find_title: a title line followed by text") {
  const std::string text = "Digital Sovereignty Forum 2024\n\nThe forum opened on Monday.";
  const auto title = find_title(text);
  REQUIRE(title.has_value());
  CHECK(*title == Span{0, 30});
  SUBCASE("leading blank lines and spaces are skipped") {
    const std::string padded = "\n \n  Title Here  \r\nBody text.";
    const auto t = find_title(padded);
    REQUIRE(t.has_value());
    CHECK(*t == Span{5, 15});
    CHECK(title_of(padded) == "Title Here");
  }
  SUBCASE("a title may end in other punctuation") {
    CHECK(title_of("Agenda:\nItem one.") == "Agenda:");
    CHECK(title_of("Report (draft)\nText.") == "Report (draft)");
  }
  SUBCASE("non-Latin titles") {
    CHECK(title_of("Цифровой суверенитет\nТекст.") == "Цифровой суверенитет");
    CHECK(title_of("数字主权论坛\n正文。") == "数字主权论坛");
  }
}

TEST_CASE("find_title: no title") {
  SUBCASE("first line ends in sentence punctuation") {
    CHECK(title_of("This is a sentence.\nMore text.") == "<none>");
    CHECK(title_of("Hello,\nworld") == "<none>");
    CHECK(title_of("Is this a title?\nNo.") == "<none>");
    CHECK(title_of("Wow!\nText") == "<none>");
    CHECK(title_of("Item;\nText") == "<none>");
    // Only the first non-blank line is considered.
    CHECK(title_of("First sentence.\nA Title Later\nText") == "<none>");
  }
  SUBCASE("a single-line document") {
    CHECK(title_of("Just one line") == "<none>");
    CHECK(title_of("Just one line\n") == "<none>");
    CHECK(title_of("Just one line\n\n   \n") == "<none>");
  }
  SUBCASE("no letters") {
    CHECK(title_of("2024\nText follows.") == "<none>");
    CHECK(title_of("* * *\nText follows.") == "<none>");
  }
  SUBCASE("empty and blank text") {
    CHECK(title_of("") == "<none>");
    CHECK(title_of("\n\n") == "<none>");
  }
}

TEST_CASE("find_title: Markdown heading marker is not part of the title") {
  const std::string text = "# Digital Agenda\nText.";
  const auto title = find_title(text);
  REQUIRE(title.has_value());
  CHECK(*title == Span{2, 16});
  CHECK(title_of("## Sub Heading\nText.") == "Sub Heading");
  CHECK(title_of("# Heading.\nText.") == "<none>");
}

TEST_CASE("find_title: '#' without a space is not a Markdown heading marker") {
  // The documented marker is "# "; "#hashtag" and "#1" are text (CommonMark needs the space).
  CHECK(title_of("#hashtag line\nText.") == "#hashtag line");
  CHECK(title_of("#1 priority: sovereignty\nText.") == "#1 priority: sovereignty");
}

TEST_CASE("find_title: at most 200 characters") {
  CHECK(find_title(std::string(200, 'a') + "\nbody") == std::optional<Span>(Span{0, 200}));
  CHECK_FALSE(find_title(std::string(201, 'a') + "\nbody").has_value());
  // Characters, not bytes: 200 Cyrillic letters are 400 bytes.
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "я";
  CHECK(find_title(cyrillic + "\nтекст") == std::optional<Span>(Span{0, 400}));
  CHECK_FALSE(find_title(cyrillic + "я\nтекст").has_value());
}

TEST_CASE("make_snippet: the documented example keeps the text's spacing") {
  //                        0         1         2
  //                        012345678901234567890123456
  const std::string text = "Officials discussed Russia\xE2\x80\x99s digital sovereignty at length today.";
  check_snippet(make_snippet(text, Span{20, 26}), "Officials discussed ", "Russia",
                "\xE2\x80\x99s digital sovereignty at length today.");
}

TEST_CASE("make_snippet: context is cut at word boundaries") {
  //                        0         1         2         3         4
  //                        0123456789012345678901234567890123456789012
  const std::string text = "The quick brown fox jumps over the lazy dog";
  // 8 characters each side end inside "brown" and "the": those words are dropped.
  check_snippet(make_snippet(text, Span{20, 25}, 8), "fox ", "jumps", " over");
  // Width 0: no context.
  check_snippet(make_snippet(text, Span{20, 25}, 0), "", "jumps", "");
  // The context reaches both ends of the text: nothing is cut.
  check_snippet(make_snippet(text, Span{20, 25}, 40), "The quick brown fox ", "jumps",
                " over the lazy dog");
}

TEST_CASE("make_snippet: a context that ends exactly at a word boundary keeps the word") {
  // Width 10: the 10 characters on the left are exactly "brown fox " (a word boundary at 10) and
  // on the right exactly " over the " (a word boundary at 35). Both fit, whole words, within width.
  const std::string text = "The quick brown fox jumps over the lazy dog";
  check_snippet(make_snippet(text, Span{20, 25}, 10), "brown fox ", "jumps", " over the");
}

TEST_CASE("make_snippet: white space runs collapse to one space") {
  //                        0          1          2          3          4
  const std::string text = "Tokens  of\n\ndigital   sovereignty\tmatter here.";
  check_snippet(make_snippet(text, Span{12, 33}), "Tokens of ", "digital sovereignty",
                " matter here.");
  SUBCASE("leading white space of the text is dropped") {
    const std::string padded = "  Leading spaces then cloud";
    check_snippet(make_snippet(padded, Span{22, 27}), "Leading spaces then ", "cloud", "");
  }
}

TEST_CASE("make_snippet: no space is added where the text has none") {
  const std::string text = "(digital) sovereignty";
  check_snippet(make_snippet(text, Span{1, 8}), "(", "digital", ") sovereignty");
  check_snippet(make_snippet(text, Span{10, 21}), "(digital) ", "sovereignty", "");
}

TEST_CASE("make_snippet: non-ASCII context is cut at real spaces only") {
  // The bytes 0x85 and 0xA0 are the second bytes of "х" (D1 85) and "Р" (D0 A0); they are not
  // white space (NEL / NO-BREAK SPACE as code points). Cuts must fall at word boundaries and the
  // snippet must stay valid UTF-8.
  SUBCASE("left: the context starts inside \"успехах\"") {
    // ASCII analogue first: 6 characters to the left end inside "successes": nothing is kept.
    const std::string ascii = "We talk of successes sovereignty";
    check_snippet(make_snippet(ascii, Span{21, 32}, 6), "", "sovereignty", "");
    const std::string text = "Мы говорим об успехах суверенитета";  // span: "суверенитета"
    const Snippet s = make_snippet(text, Span{40, 64}, 6);
    CHECK(themescan::find_invalid_utf8(s.left) == std::string_view::npos);
    CHECK(s.left == "");
    CHECK(s.match == "суверенитета");
  }
  SUBCASE("right: the context ends inside \"России\"") {
    const std::string ascii = "Digital sovereignty Russia matters";
    check_snippet(make_snippet(ascii, Span{8, 19}, 5), "", "sovereignty", "");
    const std::string text = "Цифровой суверенитет России важен";  // span: "суверенитет"
    check_snippet(make_snippet(text, Span{17, 39}, 5), "", "суверенитет", "");
  }
}

TEST_CASE("make_snippet: text without spaces (Chinese) is cut by characters") {
  const std::string text = "我们支持数字主权。";
  check_snippet(make_snippet(text, Span{12, 24}, 2), "支持", "数字主权", "。");
  check_snippet(make_snippet(text, Span{12, 24}, 1), "持", "数字主权", "。");
}

TEST_CASE("collapse_spaces") {
  CHECK(collapse_spaces("  a \t b\n\n c  ") == "a b c");
  CHECK(collapse_spaces("one\r\ntwo") == "one two");
  CHECK(collapse_spaces("") == "");
  CHECK(collapse_spaces(" \n\t ") == "");
  CHECK(collapse_spaces("already clean") == "already clean");
  // Unicode white space: no-break space U+00A0 and em space U+2003.
  CHECK(collapse_spaces("\xC2\xA0x\xE2\x80\x83\xE2\x80\x83y") == "x y");
  CHECK(collapse_spaces("Цифровой   суверенитет") == "Цифровой суверенитет");
}
