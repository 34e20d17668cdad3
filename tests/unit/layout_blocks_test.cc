// Blocks of a text (as the Analyzer cuts a large one) are segmented exactly as the whole text,
// and random texts keep the paragraph, sentence and furniture invariants (layout.h).
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "text_util.h"
#include "themescan/layout.h"
#include "themescan/tokenize.h"

using testutil::spans;
using themescan::DocumentLayout;
using themescan::Layout;
using themescan::Span;
using themescan::Token;
using themescan::TokenizedText;

namespace {

// A wire story of the 1980s: indented first lines, no blank lines, a table.
const std::string kStory =
    "U.S. GRAIN EXPORTERS SEE FIRMER SOVIET DEMAND\n"
    "    KANSAS CITY, March 3 - U.S. grain exporters expect the Soviet\n"
    "Union to step up its purchases of corn and wheat this spring\n"
    "after a slow winter, trade sources said.\n"
    "    \"The Soviets have been out of the market for two months, and\n"
    "they cannot stay out much longer if they want to cover their\n"
    "needs before the new crop,\" said one exporter, who asked not\n"
    "to be named.\n"
    "    Export inspections in the week ended February 26, in bushels:\n"
    "                        Week ended      Previous\n"
    "        Corn             1,204,000       998,000\n"
    "        Wheat              731,000       802,000\n"
    "    The Agriculture Department will release its next supply and\n"
    "demand report on March 10.\n"
    " Reuter\n";

}  // namespace

TEST_CASE("layout: blocks from a paragraph start are segmented as the whole text") {
  std::string text;  // a day's feed: stories one after the other, a blank line between them
  for (int i = 0; i < 30; ++i) text += kStory + "\n";
  const DocumentLayout layout = DocumentLayout::detect(text);
  REQUIRE(layout.kind() == Layout::kIndented);
  const auto size = static_cast<std::uint32_t>(text.size());
  const themescan::Segments whole = layout.segment(text, Span{0, size});
  CHECK(whole.paragraphs.size() == 30 * 9);  // as in layout_test.cc
  // Cut near every 1,000 bytes at a paragraph start, as the Analyzer does.
  std::vector<Span> joined;
  for (std::size_t at = 0; at < size;) {
    std::size_t end = layout.next_paragraph_start(text, at, at + 1000, size);
    if (end == std::string_view::npos) end = size;
    CHECK((end == size || text[end - 1] == '\n'));
    const themescan::Segments part =
        layout.segment(text, Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
    for (const Span& p : part.paragraphs) {
      const auto offset = static_cast<std::uint32_t>(at);
      joined.push_back({p.begin + offset, p.end + offset});
    }
    at = end;
  }
  CHECK(spans(joined) == spans(whole.paragraphs));
}

TEST_CASE("layout: random texts keep the invariants, and blocks agree with the whole") {
  // Lines made of the pieces the rules look at: indentation, list markers, headings, figures,
  // page numbers, running headers, form feeds, hyphens, blank lines, CRLF, no-break spaces.
  static const std::vector<std::string> starts = {
      "", "", "", "    ", "\t", "  ", "\u00A0\u00A0\u00A0", "- ", "* ", "1. ", "2) ", "a) ", "• ",
      "# ", "\f", "\u3000\u3000"};
  static const std::vector<std::string> bodies = {
      "The ministry said the plan would go ahead",
      "and the counties will share the cost of the new",
      "infra-", "structure fund.", "Annual Report 2023", "- 3 -", "Page 2 of 9", "12",
      "Corn      1,204,000      998,000", "\"We agree,\" she said.", "\"It will take time",
      "years,\" he said.", "CHAPTER II", "self-", "reliance", "Summary",
      "a line that goes on and on without an end in sight until the wrap width is reached"};
  static const std::vector<std::string> ends = {"\n", "\n", "\n", "\n\n", "\r\n", "\n\f", ""};
  std::mt19937 rng(20261204u);
  const auto pick = [&](const std::vector<std::string>& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
  };
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int lines = std::uniform_int_distribution<int>(1, 40)(rng);
    for (int i = 0; i < lines; ++i) text += pick(starts) + pick(bodies) + pick(ends);
    const DocumentLayout layout = DocumentLayout::detect(text);
    const auto size = static_cast<std::uint32_t>(text.size());
    const themescan::Segments whole = layout.segment(text, Span{0, size});
    CAPTURE(text);
    bool ok = true;
    for (std::size_t i = 0; i < whole.paragraphs.size(); ++i) {
      const Span p = whole.paragraphs[i];
      ok = ok && p.begin < p.end && p.end <= size &&
           (i == 0 || whole.paragraphs[i - 1].end < p.begin);
      std::size_t b = p.begin, e = p.end;
      themescan::detail::trim(text, b, e);
      ok = ok && b == p.begin && e == p.end;
    }
    for (std::size_t i = 1; i < whole.furniture.size(); ++i) {
      ok = ok && whole.furniture[i - 1].end <= whole.furniture[i].begin;
    }
    CHECK(ok);
    // Every word is in a paragraph, every sentence in one paragraph.
    const TokenizedText t = testutil::tokenizer().tokenize(text);
    for (const Token& w : t.words) {
      const Span p = t.paragraphs.at(w.paragraph);
      CHECK((p.begin <= w.span.begin && w.span.end <= p.end));
    }
    for (const Span& s : t.sentences) {
      const auto p = std::find_if(t.paragraphs.begin(), t.paragraphs.end(),
                                  [&](Span q) { return q.end > s.begin; });
      CHECK((p != t.paragraphs.end() && p->contains(s)));
    }
    // Cut at paragraph starts, as the Analyzer does, from every 50 bytes on.
    std::vector<Span> joined;
    for (std::uint32_t at = 0; at < size;) {
      std::size_t end = layout.next_paragraph_start(text, at, at + 50, size);
      if (at + 50 >= size || end == std::string_view::npos) end = size;
      const Span block{at, static_cast<std::uint32_t>(end)};
      for (const Span& p : layout.segment(text, block).paragraphs) {
        joined.push_back({p.begin + at, p.end + at});
      }
      at = static_cast<std::uint32_t>(end);
    }
    CHECK(spans(joined) == spans(whole.paragraphs));
  }
}
