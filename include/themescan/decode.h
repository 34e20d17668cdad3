// decode: document bytes -> valid UTF-8 text.
//
// The input must be UTF-8. A leading UTF-8 byte-order mark is removed (and reported), so spans
// index the text after it. Bytes that are not well-formed UTF-8 (including overlong forms and
// encoded surrogates) reject the whole document with the byte offset of the first bad sequence:
// text is never dropped or replaced silently. A NUL byte marks a binary file and is rejected too.
// Stateless and thread-safe.
//
//   Result<DecodedText> decoded = decode_utf8(bytes);
//   if (!decoded.ok()) report(path, decoded.status().message());
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "themescan/status.h"

namespace themescan {

struct DecodedText {
  std::string text;         // valid UTF-8 without the BOM
  bool had_bom = false;     // a UTF-8 byte-order mark was removed
  std::string encoding = "UTF-8";
};

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Largest document accepted: ICU break iterators use 32-bit signed offsets.
inline constexpr std::size_t kMaxDocumentBytes = 0x7FFFFFFF;

Result<DecodedText> decode_utf8(std::string_view bytes);
// The same, taking the bytes: the text is `bytes` itself (without its BOM), not a copy.
Result<DecodedText> decode_utf8_owned(std::string bytes);

// The offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace themescan
