#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "themescan/quotes.h"
#include "themescan/tokenize.h"

using namespace themescan;

namespace {

const Tokenizer& tokenizer() {
  static const Tokenizer instance = *Tokenizer::create();
  return instance;
}

struct Found {
  std::string text;
  QuoteType type;
  bool unclosed;
  std::uint32_t depth;
  bool operator==(const Found&) const = default;
};

std::vector<Found> quotes_in(std::string_view text) {
  std::vector<Found> out;
  for (const Quote& q : find_quotes(text, tokenizer().tokenize(text))) {
    out.push_back({std::string(q.span.slice(text)), q.type, q.unclosed, q.depth});
  }
  return out;
}

std::vector<std::string> texts_in(std::string_view text) {
  std::vector<std::string> out;
  for (const Found& f : quotes_in(text)) out.push_back(f.text);
  return out;
}

constexpr auto kDirect = QuoteType::kDirect;
constexpr auto kTerm = QuoteType::kTerm;

}  // namespace

TEST_CASE("quotes: every mark convention pairs") {
  using V = std::vector<std::string>;
  CHECK(texts_in("“We offer more than technology,” Glushchenko stated.") ==
        V{"We offer more than technology,"});
  CHECK(texts_in("\"We offer more than technology,\" he said.") == V{"We offer more than technology,"});
  CHECK(texts_in("‘We need mentors, not manuals,’ she said.") == V{"We need mentors, not manuals,"});
  CHECK(texts_in("'We need mentors, not manuals,' she said.") == V{"We need mentors, not manuals,"});
  CHECK(texts_in("«Нам нужны свои инженеры», — заявил он.") == V{"Нам нужны свои инженеры"});
  CHECK(texts_in("« La souveraineté se construit », a-t-elle déclaré.") ==
        V{"La souveraineté se construit"});
  CHECK(texts_in("»Wir brauchen Fachkräfte«, sagte sie.") == V{"Wir brauchen Fachkräfte"});
  CHECK(texts_in("„Wir brauchen Fachkräfte“, sagte sie.") == V{"Wir brauchen Fachkräfte"});
  CHECK(texts_in("„Это наш выбор”, — сказал он.") == V{"Это наш выбор"});
  CHECK(texts_in("‚Nur so‘, sagte er.") == V{"Nur so"});
  CHECK(texts_in("他说：「我们支持数字主权。」") == V{"我们支持数字主权。"});
  CHECK(texts_in("她说：『合作很重要。』") == V{"合作很重要。"});
}

TEST_CASE("quotes: byte spans exclude the marks") {
  const std::string text = "He said “Yes, now.” Then left.";
  const std::vector<Quote> quotes = find_quotes(text, tokenizer().tokenize(text));
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].span == Span{11, 20});  // “ is 3 bytes at 8
  CHECK(quotes[0].outer == Span{8, 23});
  CHECK(quotes[0].open_mark == U'\u201C');
}

TEST_CASE("quotes: apostrophes are not quote marks") {
  CHECK(quotes_in("Kuwait’s students don’t lack resources; in the ’90s they did.").empty());
  CHECK(quotes_in("The countries’ plans and the 90's plans don't match.").empty());
  CHECK(texts_in("‘When I started in the ’90s, we didn’t have Kuwait’s labs,’ she said.") ==
        std::vector<std::string>{"When I started in the ’90s, we didn’t have Kuwait’s labs,"});
  CHECK(texts_in("'It's the students' turn,' he said.") ==
        std::vector<std::string>{"It's the students' turn,"});
}

TEST_CASE("quotes: nested quotes of another type stay inside") {
  CHECK(quotes_in("“We call it the ‘digital silk road’ here,” she said.") ==
        std::vector<Found>{{"We call it the ‘digital silk road’ here,", kDirect, false, 0},
                           {"digital silk road", kTerm, false, 1}});
  CHECK(quotes_in("«Это „своя связка“ для всех», — сказал он.") ==
        std::vector<Found>{{"Это „своя связка“ для всех", kDirect, false, 0},
                           {"своя связка", kTerm, false, 1}});
}

TEST_CASE("quotes: short quoted terms") {
  CHECK(quotes_in("The so-called “smart villages” pilot starts in May.") ==
        std::vector<Found>{{"smart villages", kTerm, false, 0}});
  CHECK(quotes_in("“Yes,” he said.") == std::vector<Found>{{"Yes,", kDirect, false, 0}});
}

TEST_CASE("quotes: multi-sentence and multi-paragraph quotes") {
  CHECK(texts_in("“One. Two! Three?” she asked.") == std::vector<std::string>{"One. Two! Three?"});
  const std::string text =
      "Fofanov noted:\n“The first paragraph goes on.\n“The second one too.\n“The last one ends.”\nAfter.";
  const std::vector<Quote> quotes = find_quotes(text, tokenizer().tokenize(text));
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].span.slice(text) ==
        "The first paragraph goes on.\n“The second one too.\n“The last one ends.");
  CHECK(quotes[0].paragraphs == 3);
  CHECK(quotes[0].paragraph == 1);
  CHECK_FALSE(quotes[0].unclosed);
}

TEST_CASE("quotes: an unclosed quote ends at its paragraph") {
  CHECK(quotes_in("She said “this never closes.\nNext paragraph “is fine” here.") ==
        std::vector<Found>{{"this never closes.", kDirect, true, 0}, {"is fine", kTerm, false, 0}});
  CHECK(quotes_in("Stray closers ” and » and 」 do nothing.").empty());
  CHECK(quotes_in("“Unclosed at the very end") ==
        std::vector<Found>{{"Unclosed at the very end", kDirect, true, 0}});
}

TEST_CASE("quotes: 10,000 unmatched marks and a 1 MB paragraph stay linear") {
  std::string marks;
  for (int i = 0; i < 10000; ++i) marks += "“a ";
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Found> found = quotes_in(marks);
  REQUIRE(found.size() == 1);
  CHECK(found[0].unclosed);
  std::string big = "“";
  while (big.size() < (1u << 20)) big += "words without any closing mark, ";
  const std::vector<Found> big_found = quotes_in(big);
  REQUIRE(big_found.size() == 1);
  CHECK(big_found[0].unclosed);
  CHECK(big_found[0].text.size() == big.size() - 3 - 1);  // minus the mark and trailing space
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10.0);  // quadratic pairing would take minutes
}
