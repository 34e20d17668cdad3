// quotes: quotation marks in a text -> quoted passages.
//
// Every common convention is paired: “…” and "…", ‘…’ and '…' (apostrophes such as don’t,
// Kuwait’s and ’90s are not quote marks), «…» and « … », »…«, „…“ and „…”, ‚…‘, 「…」 and 『…』.
// A quote of another mark type inside an open quote is nested in it (depth 1, 2, ...). A quote
// that runs over several paragraphs, each re-opened with the same mark and only the last one
// closed, is one quote. A quote that does not close ends at the end of its paragraph and is
// flagged `unclosed`, so a stray mark never swallows the rest of the document. A short quoted
// term without sentence punctuation (so-called “smart villages”, a session title) is a `kTerm`.
//
// Pairing is linear in the text: every mark is pushed and popped at most once and the stack of
// open marks is bounded. Stateless and thread-safe.
//
//   std::vector<Quote> quotes = find_quotes(text, tokenizer.tokenize(text));
//   for (const Quote& q : quotes) std::cout << q.span.slice(text) << '\n';
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "themescan/text.h"

namespace themescan {

enum class QuoteType : std::uint8_t {
  kDirect,  // a quoted statement
  kTerm,    // a short quoted term, title or scare quote
};

struct Quote {
  Span span;    // the quoted words, without the marks (for an unclosed quote: to paragraph end)
  Span outer;   // including the opening and, when present, the closing mark
  QuoteType type = QuoteType::kDirect;
  bool unclosed = false;
  std::uint32_t depth = 0;       // 0 for a top-level quote, 1 inside another quote, ...
  std::uint32_t paragraph = 0;   // paragraph of the opening mark
  std::uint32_t paragraphs = 1;  // number of paragraphs the quote spans
  char32_t open_mark = 0;        // the opening mark (U+201C, U+00AB, '"', ...)
};

// Quotes ordered by span.begin (an outer quote before the quotes nested in it).
std::vector<Quote> find_quotes(std::string_view text, const TokenizedText& tokens);

}  // namespace themescan
