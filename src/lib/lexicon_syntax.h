// Line syntax shared by the theme lexicon parser and the attribution lexicon parser.
#pragma once

#include <cstdint>
#include <string_view>

#include "text_util.h"
#include "themescan/decode.h"

namespace themescan::detail {

inline std::string_view trimmed(std::string_view text) {
  std::size_t b = 0, e = text.size();
  trim(text, b, e);
  return text.substr(b, e - b);
}

// Position of the " | " separator (a '|' with white space on its left and white space or the end
// of the line on its right), or npos.
inline std::size_t find_separator(std::string_view line) {
  for (std::size_t k = 1; k < line.size(); ++k) {
    if (line[k] != '|') continue;
    const bool left = line[k - 1] == ' ' || line[k - 1] == '\t';
    const bool right = k + 1 == line.size() || line[k + 1] == ' ' || line[k + 1] == '\t';
    if (left && right) return k;
  }
  return std::string_view::npos;
}

// 1-based line number of the first line holding invalid UTF-8, or 0.
inline std::uint32_t find_invalid_utf8_line(std::string_view text) {
  const std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return 0;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
  return line;
}

}  // namespace themescan::detail
