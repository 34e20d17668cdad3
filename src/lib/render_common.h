// Helpers shared by the renderers.
#pragma once

#include <cmath>
#include <string>

#include "themescan/lexicon.h"
#include "themescan/quotes.h"

namespace themescan::detail {

// Figures are rounded to 4 decimal places so outputs are short and stable across platforms.
inline double round4(double value) { return std::round(value * 10000.0) / 10000.0; }

const char* entry_kind_name(EntryKind kind);
const char* quote_type_name(QuoteType type);

// Adds `spaces` spaces after every line break (not after a final one): nests pretty JSON.
std::string indent_lines(const std::string& text, std::size_t spaces);

}  // namespace themescan::detail
