// Tests for layout.h through tokenize.h: which layout a document has, and its exact paragraphs,
// sentences, page furniture and hyphenated line ends. The texts imitate real sources (wire copy,
// a UN press summary, a pdftotext extract of an annual report); every value was checked by hand.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/layout.h"
#include "themescan/quotes.h"
#include "themescan/tokenize.h"

using testutil::SpanList;
using testutil::Strings;
using testutil::slices;
using testutil::spans;
using themescan::Layout;
using themescan::Quote;
using themescan::Span;
using themescan::Token;
using themescan::TokenizedText;

namespace {

TokenizedText tokenize(std::string_view text) { return testutil::tokenizer().tokenize(text); }

// The first token whose text is `word` (the test fails when there is none).
const Token& token(std::string_view text, const TokenizedText& t, std::string_view word) {
  for (const Token& w : t.words) {
    if (w.span.slice(text) == word) return w;
  }
  FAIL("no token " << std::string(word));
  return t.words.front();
}

std::size_t index_of(std::string_view text, const TokenizedText& t, std::string_view word) {
  return static_cast<std::size_t>(&token(text, t, word) - t.words.data());
}

// A Reuters wire story of the 1980s: lines of about 65 characters, each paragraph's first line
// indented four spaces, no blank lines, a headline, a dateline, a table and the sign-off.
const std::string kWire =
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

const Strings kWireParagraphs = {
    "U.S. GRAIN EXPORTERS SEE FIRMER SOVIET DEMAND",
    "KANSAS CITY, March 3 - U.S. grain exporters expect the Soviet\n"
    "Union to step up its purchases of corn and wheat this spring\n"
    "after a slow winter, trade sources said.",
    "\"The Soviets have been out of the market for two months, and\n"
    "they cannot stay out much longer if they want to cover their\n"
    "needs before the new crop,\" said one exporter, who asked not\n"
    "to be named.",
    "Export inspections in the week ended February 26, in bushels:",
    "Week ended      Previous",
    "Corn             1,204,000       998,000",
    "Wheat              731,000       802,000",
    "The Agriculture Department will release its next supply and\n"
    "demand report on March 10.",
    "Reuter"};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Two pages and the start of a third of `pdftotext report.pdf` (no -layout): blank lines between
// text blocks, the running header "Annual Report 2023" from page 2 on, a footer with the agency's
// name and a page number, a form feed after each page, a paragraph that goes on across the first
// page break, line-end hyphenation, and a heading set directly above its paragraph.
const std::string kPdf =
    "Digital Development Agency\n"
    "Annual Report 2023\n"
    "\n"
    "Summary\n"
    "\n"
    "In 2023 the Agency connected 1,240 schools and 86 district hospitals\n"
    "to the national backbone, and the share of households with a fixed\n"
    "connection rose to 61 per cent. Most of the work was paid for by the\n"
    "national infra-\n"
    "structure fund. The Agency also opened two regional data centres,\n"
    "in Tamale and in Kumasi, which since October have hosted\n"
    "\n"
    "Digital Development Agency\n"
    "- 1 -\n"
    "\f"
    "Annual Report 2023\n"
    "\n"
    "the land and company registries. \"We have brought the registries\n"
    "home, and with them the skills to run them,\" the Director General\n"
    "told the board in November.\n"
    "\n"
    "Priorities for 2024\n"
    "The connectivity programme will reach the northern provinces, where\n"
    "a connection still costs twice the national average. The Agency will\n"
    "also train 400 technicians in self-\n"
    "reliance in maintenance.\n"
    "\n"
    "Digital Development Agency\n"
    "- 2 -\n"
    "\f"
    "Annual Report 2023\n"
    "\n"
    "Financial statements\n"
    "\n"
    "Spending rose by 12 per cent, mostly on the backbone and the two data\n"
    "centres.\n"
    "\n"
    "Digital Development Agency\n"
    "- 3 -\n"
    "\f";

}  // namespace

TEST_CASE("layout: names") {
  CHECK(themescan::layout_name(Layout::kLines) == "lines");
  CHECK(themescan::layout_name(Layout::kBlankLines) == "blank-lines");
  CHECK(themescan::layout_name(Layout::kIndented) == "indented");
  CHECK(themescan::layout_name(Layout::kPdf) == "pdf");
}

TEST_CASE("layout: wire copy, paragraphs start at indented lines") {
  const TokenizedText t = tokenize(kWire);
  CHECK(t.layout == Layout::kIndented);
  CHECK(slices(kWire, t.paragraphs) == kWireParagraphs);
  CHECK(spans(t.paragraphs) == SpanList{{0, 45}, {50, 213}, {218, 413}, {418, 479}, {504, 528},
                                        {537, 577}, {586, 626}, {631, 717}, {719, 725}});
  // Each paragraph is one sentence here: the line breaks inside them are not sentence breaks.
  CHECK(spans(t.sentences) == spans(t.paragraphs));
  CHECK(t.furniture.empty());
  // "Soviet\nUnion" is one phrase across the line break; "said.\n    \"The" is not.
  CHECK(token(kWire, t, "Union").joins_prev);
  CHECK_FALSE(t.words[index_of(kWire, t, "said") + 1].joins_prev);

  SUBCASE("the quote crosses three line breaks and closes") {
    const std::vector<Quote> quotes = themescan::find_quotes(kWire, t);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].span == Span{219, 366});
    CHECK(quotes[0].span.slice(kWire) ==
          "The Soviets have been out of the market for two months, and\n"
          "they cannot stay out much longer if they want to cover their\n"
          "needs before the new crop,");
    CHECK_FALSE(quotes[0].unclosed);
    CHECK(quotes[0].paragraph == 2);
    CHECK(quotes[0].paragraphs == 1);
  }
  SUBCASE("CRLF line ends") {
    const std::string crlf = replace_all(kWire, "\n", "\r\n");
    const TokenizedText c = tokenize(crlf);
    CHECK(c.layout == Layout::kIndented);
    Strings expected;
    for (const std::string& p : kWireParagraphs) expected.push_back(replace_all(p, "\n", "\r\n"));
    CHECK(slices(crlf, c.paragraphs) == expected);
    CHECK(spans(c.paragraphs)[2] == std::pair<std::uint32_t, std::uint32_t>{222, 420});
    CHECK(spans(c.sentences) == spans(c.paragraphs));
    CHECK(themescan::find_quotes(crlf, c).at(0).span.slice(crlf).ends_with("the new crop,"));
  }
  SUBCASE("indented with a tab or with no-break spaces") {
    for (const std::string_view indent : {"\t", "\u00A0\u00A0\u00A0"}) {
      CAPTURE(std::string(indent));
      const std::string text = replace_all(kWire, "\n    ", "\n" + std::string(indent));
      const TokenizedText v = tokenize(text);
      CHECK(v.layout == Layout::kIndented);
      CHECK(slices(text, v.paragraphs) == kWireParagraphs);
    }
  }
  SUBCASE("with a blank line between some paragraphs as well") {
    const std::string text = replace_all(kWire, "to be named.\n", "to be named.\n\n");
    const TokenizedText v = tokenize(text);
    CHECK(v.layout == Layout::kIndented);
    CHECK(slices(text, v.paragraphs) == kWireParagraphs);
  }
}

TEST_CASE("layout: a few indented lines (a quoted letter) do not make wire copy") {
  const std::string text =
      "The minister opened the session with a short statement. She read\n"
      "from the letter the mayors had sent to the ministry in January:\n"
      "\n"
      "    We ask the ministry to publish the tender documents in full\n"
      "    and to give the towns a say in where the cables will run.\n"
      "\n"
      "Then she turned to the budget. \"We will publish everything,\" she\n"
      "said, \"and the towns will sit on the steering board.\"\n";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kBlankLines);
  CHECK(slices(text, t.paragraphs) ==
        Strings{"The minister opened the session with a short statement. She read\n"
                "from the letter the mayors had sent to the ministry in January:",
                "We ask the ministry to publish the tender documents in full\n"
                "    and to give the towns a say in where the cables will run.",
                "Then she turned to the budget. \"We will publish everything,\" she\n"
                "said, \"and the towns will sit on the steering board.\""});
  CHECK(slices(text, t.sentences) ==
        Strings{"The minister opened the session with a short statement.",
                "She read\nfrom the letter the mayors had sent to the ministry in January:",
                "We ask the ministry to publish the tender documents in full\n"
                "    and to give the towns a say in where the cables will run.",
                "Then she turned to the budget.",
                "\"We will publish everything,\" she\n"
                "said, \"and the towns will sit on the steering board.\""});
}

TEST_CASE("layout: one paragraph per line stays so, whatever the lines look like") {
  SUBCASE("long lines, one of them indented (a word-processor export)") {
    const std::string first =
        "The forum opened with a keynote on digital public infrastructure, "
        "which the host country has built over a decade with its own engineers.";
    const std::string second =
        "    Panellists from four ministries then compared their registries, "
        "payment systems and identity schemes, and the lessons each had learned.";
    const std::string third = "The closing session adopted a declaration on shared standards.";
    const std::string text = first + "\n" + second + "\n" + third + "\n";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kLines);
    CHECK(slices(text, t.paragraphs) == Strings{first, second.substr(4), third});
  }
  SUBCASE("short lines without blank lines or indentation (a list of headlines)") {
    const std::string text =
        "Ministers agree on a regional data strategy\n"
        "Kenya opens its second national data centre\n"
        "Universities and industry sign a research charter\n";
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kLines);
    CHECK(spans(t.paragraphs) == SpanList{{0, 43}, {44, 87}, {88, 137}});
  }
}

TEST_CASE("layout: a pdftotext extract with page furniture and hyphenation") {
  const TokenizedText t = tokenize(kPdf);
  CHECK(t.layout == Layout::kPdf);
  // The footer of every page, the running header from page 2 on and the form feeds.
  CHECK(slices(kPdf, t.furniture) ==
        Strings{"Digital Development Agency", "- 1 -", "\f", "Annual Report 2023",
                "Digital Development Agency", "- 2 -", "\f", "Annual Report 2023",
                "Digital Development Agency", "- 3 -", "\f"});
  CHECK(spans(t.furniture) == SpanList{{401, 427}, {428, 433}, {434, 435}, {435, 453}, {834, 860},
                                       {861, 866}, {867, 868}, {868, 886}, {990, 1016},
                                       {1017, 1022}, {1023, 1024}});
  // The title on page 1 is the same words as the running header but is text.
  CHECK(slices(kPdf, t.paragraphs) ==
        Strings{"Digital Development Agency\nAnnual Report 2023", "Summary",
                kPdf.substr(56, 613 - 56), "Priorities for 2024",
                "The connectivity programme will reach the northern provinces, where\n"
                "a connection still costs twice the national average. The Agency will\n"
                "also train 400 technicians in self-\n"
                "reliance in maintenance.",
                "Financial statements",
                "Spending rose by 12 per cent, mostly on the backbone and the two data\ncentres."});
  // The third paragraph goes on across the page break ("which since October have hosted" /
  // "the land and company registries"), over the furniture between its two parts.
  CHECK(spans(t.paragraphs) ==
        SpanList{{0, 45}, {47, 54}, {56, 613}, {615, 634}, {635, 832}, {888, 908}, {910, 988}});
  CHECK(kPdf.substr(56, 30) == "In 2023 the Agency connected 1");
  CHECK(kPdf.substr(56, 613 - 56).ends_with("hosted\n\nDigital Development Agency\n- 1 -\n\f"
                                            "Annual Report 2023\n\nthe land and company "
                                            "registries. \"We have brought the registries\n"
                                            "home, and with them the skills to run them,\" the "
                                            "Director General\ntold the board in November."));
  CHECK(slices(kPdf, t.sentences) ==
        Strings{"Digital Development Agency\nAnnual Report 2023", "Summary",
                "In 2023 the Agency connected 1,240 schools and 86 district hospitals\n"
                "to the national backbone, and the share of households with a fixed\n"
                "connection rose to 61 per cent.",
                "Most of the work was paid for by the\nnational infra-\nstructure fund.",
                kPdf.substr(293, 487 - 293),
                "\"We have brought the registries\n"
                "home, and with them the skills to run them,\" the Director General\n"
                "told the board in November.",
                "Priorities for 2024",
                "The connectivity programme will reach the northern provinces, where\n"
                "a connection still costs twice the national average.",
                "The Agency will\nalso train 400 technicians in self-\nreliance in maintenance.",
                "Financial statements",
                "Spending rose by 12 per cent, mostly on the backbone and the two data\ncentres."});
  CHECK(kPdf.substr(293, 50) == "The Agency also opened two regional data centres,\n");
  CHECK(kPdf.substr(455, 32) == "the land and company registries.");

  SUBCASE("no word of the furniture is a token; words join across the page break") {
    for (const Token& w : t.words) {
      for (const Span& f : t.furniture) {
        CHECK_FALSE((w.span.begin >= f.begin && w.span.begin < f.end));
      }
    }
    const std::size_t hosted = index_of(kPdf, t, "hosted");
    CHECK(t.words[hosted].span == Span{393, 399});
    const Token& next = t.words[hosted + 1];
    CHECK(next.span == Span{455, 458});  // "the" of "the land", on page 2
    CHECK(next.joins_prev);
    CHECK(next.sentence == t.words[hosted].sentence);
    CHECK(next.paragraph == 2);
  }
  SUBCASE("a hyphen at a line end before a lower-case letter breaks a word") {
    const Token& structure = token(kPdf, t, "structure");
    CHECK(structure.span == Span{277, 286});
    CHECK(structure.continues_word);
    CHECK(structure.joins_prev);
    const Token& reliance = token(kPdf, t, "reliance");
    CHECK(reliance.span == Span{808, 816});
    CHECK(reliance.continues_word);
    std::size_t continued = 0;
    for (const Token& w : t.words) continued += w.continues_word ? 1 : 0;
    CHECK(continued == 2);
    CHECK(t.word_count() == t.words.size() - 2);
  }
  SUBCASE("the quote on page 2 is whole") {
    const std::vector<Quote> quotes = themescan::find_quotes(kPdf, t);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].span == Span{489, 563});
    CHECK_FALSE(quotes[0].unclosed);
    CHECK(quotes[0].paragraph == 2);
  }
}

TEST_CASE("layout: page numbers in their common forms are furniture") {
  const std::vector<std::string> bodies = {
      "The ministry reported progress on the national programme during\n"
      "the year, and the regional offices sent their own figures.",
      "Most regions met their targets for school connections, but two\n"
      "northern provinces fell behind because of the rains.",
      "The audit office will review the accounts of the programme in\n"
      "the first quarter of next year."};
  const std::vector<std::string (*)(int)> forms = {
      [](int n) { return std::to_string(n); },
      [](int n) { return "- " + std::to_string(n) + " -"; },
      [](int n) { return "Page " + std::to_string(n) + " of 12"; },
      [](int n) { return std::to_string(n) + " | Annual Report 2023"; },
      [](int n) { return "Annual Report 2023 | " + std::to_string(n); },
      [](int n) { return "[" + std::to_string(n) + "]"; }};
  for (const auto& form : forms) {
    CAPTURE(form(7));
    // Three pages whose footer is the page number in one form, a blank line above it.
    std::string text;
    for (int page = 1; page <= 3; ++page) {
      text += bodies[static_cast<std::size_t>(page - 1)] + "\n\n" + form(page) + "\n\f";
    }
    const TokenizedText t = tokenize(text);
    CHECK(t.layout == Layout::kPdf);
    CHECK(slices(text, t.furniture) == Strings{form(1), "\f", form(2), "\f", form(3), "\f"});
    CHECK(slices(text, t.paragraphs) == bodies);
    // 19, 18 and 17 words; none of the footers' words.
    CHECK(t.word_count() == 54);
  }
}

TEST_CASE("layout: a short cover page keeps the title the running header repeats") {
  const std::string text =
      "Annual Report 2023\n"
      "Digital Development Agency\n"
      "\f"
      "Annual Report 2023\n"
      "\n"
      "The Agency connected 1,240 schools to the national backbone in the\n"
      "course of the year.\n"
      "\n"
      "2\n"
      "\f"
      "Annual Report 2023\n"
      "\n"
      "Spending rose by 12 per cent, mostly on the backbone.\n"
      "\n"
      "3\n"
      "\f";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kPdf);
  CHECK(slices(text, t.paragraphs) ==
        Strings{"Annual Report 2023\nDigital Development Agency",
                "The Agency connected 1,240 schools to the national backbone in the\n"
                "course of the year.",
                "Spending rose by 12 per cent, mostly on the backbone."});
  CHECK(slices(text, t.furniture) ==
        Strings{"\f", "Annual Report 2023", "2", "\f", "Annual Report 2023", "3", "\f"});
}

TEST_CASE("layout: lists and Markdown headings are their own paragraphs") {
  // A UN press summary written as Markdown, hard-wrapped.
  const std::string text =
      "# Security Council Press Summary\n"
      "\n"
      "## Meeting on the situation in the Sahel\n"
      "\n"
      "The Security Council met this morning to hear a briefing by the\n"
      "Special Representative of the Secretary-General for West Africa and\n"
      "the Sahel, who said that \"the region cannot wait for another rainy\n"
      "season to pass before the humanitarian appeal is funded.\"\n"
      "\n"
      "Council members raised three concerns:\n"
      "- the number of people displaced in the border areas, now above\n"
      "  2.9 million;\n"
      "- attacks on schools and health centres; and\n"
      "- the funding gap of the regional appeal.\n"
      "\n"
      "## Next steps\n"
      "1. The Council will hold consultations on the mandate next week.\n"
      "2. A presidential statement on the appeal is being negotiated.\n";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kBlankLines);
  CHECK(slices(text, t.paragraphs) ==
        Strings{"# Security Council Press Summary", "## Meeting on the situation in the Sahel",
                "The Security Council met this morning to hear a briefing by the\n"
                "Special Representative of the Secretary-General for West Africa and\n"
                "the Sahel, who said that \"the region cannot wait for another rainy\n"
                "season to pass before the humanitarian appeal is funded.\"",
                "Council members raised three concerns:",
                "- the number of people displaced in the border areas, now above\n  2.9 million;",
                "- attacks on schools and health centres; and",
                "- the funding gap of the regional appeal.", "## Next steps",
                "1. The Council will hold consultations on the mandate next week.",
                "2. A presidential statement on the appeal is being negotiated."});
  CHECK(spans(t.paragraphs) == SpanList{{0, 32}, {34, 74}, {76, 332}, {334, 372}, {373, 451},
                                        {452, 496}, {497, 538}, {540, 553}, {554, 618},
                                        {619, 681}});
  // Each paragraph is one sentence here: "1." is an item's number, not a sentence of its own.
  CHECK(spans(t.sentences) == spans(t.paragraphs));
  // The quote closes inside its four-line paragraph.
  const std::vector<Quote> quotes = themescan::find_quotes(text, t);
  REQUIRE(quotes.size() == 1);
  CHECK_FALSE(quotes[0].unclosed);
  CHECK(quotes[0].span.slice(text).starts_with("the region cannot wait"));
  CHECK(quotes[0].span.slice(text).ends_with("appeal is funded."));

  SUBCASE("items in wire copy, with a hanging line, and a dash that only wraps a sentence") {
    const std::string wire =
        "KENYA SETS OUT PLAN FOR NATIONAL FIBRE NETWORK\n"
        "    NAIROBI, June 12 - Kenya's information ministry on Monday\n"
        "published a plan to connect every county headquarters to a\n"
        "national fibre network within three years.\n"
        "    The plan, announced by the ministry in Nairobi on Monday, has\n"
        "three parts:\n"
        "    - a fibre ring around the capital and the port of\n"
        "      Mombasa;\n"
        "    - training for 2,000 technicians.\n"
        "    The ministry said the cost, which it put at 4.2 billion shillings\n"
        "- about 40 million dollars - would be shared with the counties.\n"
        "    It gave no date for the tender, but officials said it would be\n"
        "published before the end of the year.\n";
    const TokenizedText w = tokenize(wire);
    CHECK(w.layout == Layout::kIndented);
    CHECK(slices(wire, w.paragraphs) ==
          Strings{"KENYA SETS OUT PLAN FOR NATIONAL FIBRE NETWORK",
                  "NAIROBI, June 12 - Kenya's information ministry on Monday\n"
                  "published a plan to connect every county headquarters to a\n"
                  "national fibre network within three years.",
                  "The plan, announced by the ministry in Nairobi on Monday, has\nthree parts:",
                  "- a fibre ring around the capital and the port of\n      Mombasa;",
                  "- training for 2,000 technicians.",
                  "The ministry said the cost, which it put at 4.2 billion shillings\n"
                  "- about 40 million dollars - would be shared with the counties.",
                  "It gave no date for the tender, but officials said it would be\n"
                  "published before the end of the year."});
  }
}

TEST_CASE("layout: a short title line above its paragraph is a heading in hard-wrapped text") {
  // A chapter of an e-text: the heading is set directly above the first paragraph.
  const std::string text =
      "CHAPTER II\n"
      "The Meeting at the Ministry\n"
      "\n"
      "Section One\n"
      "It was late in the afternoon when the delegation reached the ministry,\n"
      "and the minister had already left for the airport.\n"
      "\n"
      "The secretary received them instead and apologised for the minister,\n"
      "who would be back, he said, on Thursday.\n";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kBlankLines);
  // "CHAPTER II" is not followed by a full line: the two title lines stay one block.
  CHECK(slices(text, t.paragraphs) ==
        Strings{"CHAPTER II\nThe Meeting at the Ministry", "Section One",
                "It was late in the afternoon when the delegation reached the ministry,\n"
                "and the minister had already left for the airport.",
                "The secretary received them instead and apologised for the minister,\n"
                "who would be back, he said, on Thursday."});
  CHECK(spans(t.sentences) == spans(t.paragraphs));
  CHECK(spans(t.paragraphs) == SpanList{{0, 38}, {40, 51}, {52, 173}, {175, 284}});
}

TEST_CASE("layout: hyphenation is found in any hard-wrapped layout, and only there") {
  const std::string text =
      "The two agencies agreed on closer co-\n"
      "operation in research, and on a joint Inter-\n"
      "American fund for regional data centres.\n"
      "\n"
      "Both will report to the council in June.\n";
  const TokenizedText t = tokenize(text);
  CHECK(t.layout == Layout::kBlankLines);
  CHECK(token(text, t, "operation").continues_word);
  // "American" starts with a capital: a hyphenated name, not a word broken in two.
  CHECK_FALSE(token(text, t, "American").continues_word);
  CHECK(token(text, t, "American").joins_prev);
  CHECK(t.word_count() == t.words.size() - 1);

  SUBCASE("not in one-paragraph-per-line text, where the line end is a paragraph break") {
    const std::string lines = "We agreed on closer co-\noperation in research.";
    const TokenizedText l = tokenize(lines);
    CHECK(l.layout == Layout::kLines);
    CHECK_FALSE(token(lines, l, "operation").continues_word);
    CHECK(l.paragraphs.size() == 2);
  }
}
