// Byte-level helpers for valid UTF-8 text, shared by the tokenizer, document and quote code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace themescan::detail {

// FNV-1a, 64 bits: lexicon content hashes and the HTML report's anchors.
inline std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The code point starting at text[i] (text must be valid UTF-8) and its length in bytes.
inline UChar32 code_point_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  if (p[i] < 0x80) {
    *length = 1;
    return p[i];
  }
  std::size_t j = i;
  UChar32 c;
  U8_NEXT_UNSAFE(p, j, c);
  *length = j - i;
  return c;
}

// The start of the code point that ends just before text[i].
inline std::size_t previous_boundary(std::string_view text, std::size_t i) {
  while (i > 0) {
    --i;
    if ((static_cast<std::uint8_t>(text[i]) & 0xC0) != 0x80) break;
  }
  return i;
}

inline bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && u_isUWhiteSpace(c));
}

inline std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<std::uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

// Shrinks [begin, end) past white space at both ends.
inline void trim(std::string_view text, std::size_t& begin, std::size_t& end) {
  while (begin < end) {
    std::size_t len;
    if (!is_space(code_point_at(text, begin, &len))) break;
    begin += len;
  }
  while (end > begin) {
    const std::size_t start = previous_boundary(text, end);
    std::size_t len;
    if (!is_space(code_point_at(text, start, &len))) break;
    end = start;
  }
}

}  // namespace themescan::detail
