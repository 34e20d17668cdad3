// document: small text utilities shared by the analyzer and the renderers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "themescan/text.h"

namespace themescan {

// The first non-blank line when it looks like a title: at most 200 characters, not ending in
// sentence punctuation (. , ; ! ?), with at least one letter, and followed by more text.
// A leading Markdown heading marker ("# ") is not part of the title.
std::optional<Span> find_title(std::string_view text);

// Keyword-in-context around `span`: up to `width` characters on each side, cut at a word
// boundary where possible, white space runs (line breaks included) collapsed to one space.
// `left` keeps one trailing space and `right` one leading space when the text has one there, so
// left + match + right reads as the text does ("Russia" + "’s digital").
struct Snippet {
  std::string left;
  std::string match;
  std::string right;
};
Snippet make_snippet(std::string_view text, Span span, std::size_t width = 40);

// Collapses white space runs to one space and trims both ends.
std::string collapse_spaces(std::string_view text);

}  // namespace themescan
