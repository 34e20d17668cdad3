// Helpers shared by the renderers.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "themescan/lexicon.h"
#include "themescan/quotes.h"

namespace themescan::detail {

// Figures are rounded to 4 decimal places so outputs are short and stable across platforms.
inline double round4(double value) { return std::round(value * 10000.0) / 10000.0; }

const char* entry_kind_name(EntryKind kind);
const char* quote_type_name(QuoteType type);

// Pads `text` with spaces to `width` code points (never cuts it).
std::string pad_right(std::string text, std::size_t width);

// Cuts `text` to at most `width` code points, ending in "…" when cut.
std::string truncate(std::string_view text, std::size_t width);

// A quote's words for a table cell: spaces collapsed, without the comma that belongs to the
// attribution around it ("We will build it," she said -> We will build it). The span, and JSON's
// "text", keep the comma.
std::string quote_text(const Quote& quote, std::string_view text);

// JSON null for an empty string, the string otherwise.
inline nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

// Adds `spaces` spaces after every line break (not after a final one): nests pretty JSON.
std::string indent_lines(const std::string& text, std::size_t spaces);

}  // namespace themescan::detail
