// kwic: keyword-in-context lines for the hits of one theme (`themescan kwic`).
//
//   std::vector<KwicLine> lines = kwic_lines(text, tokens, hits, theme, 5);
//   // "... agreed that digital | sovereignty | requires local data centres ..."
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/match.h"
#include "themescan/text.h"

namespace themescan {

struct KwicLine {
  Span match;                 // the hit, bytes of the text
  std::uint32_t theme = 0;    // the theme whose entry matched
  std::uint32_t entry = 0;    // the lexicon entry that matched
  std::uint32_t sentence = 0;
  std::uint32_t line = 0;     // 1-based line of the text where the hit starts
  std::string left;           // up to `window` words before the hit, white space collapsed
  std::string right;          // up to `window` words after it
};

// One line per hit of a theme in `themes` (indices into the lexicon: a theme and the themes
// nested in it) in `hits` (ordered by position), with `window` words of context on each side,
// never reaching into another paragraph.
std::vector<KwicLine> kwic_lines(std::string_view text, const TokenizedText& tokens,
                                 const std::vector<Hit>& hits,
                                 const std::vector<std::uint32_t>& themes, std::size_t window);

// One line of the aligned table: "PATH:LINE  " then the left context right-aligned in `width`
// code points (its start cut to "…" when longer), "  [MATCH]  " and the right context cut to
// `width` code points.
std::string kwic_table_line(std::string_view path, const KwicLine& line, std::string_view match,
                            std::size_t width);

}  // namespace themescan
