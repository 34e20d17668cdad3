// decode: document bytes -> valid UTF-8 text.
//
// decode_utf8() accepts UTF-8 only. A leading UTF-8 byte-order mark is removed (and reported),
// so spans index the text after it. Bytes that are not well-formed UTF-8 (including overlong
// forms and encoded surrogates) reject the whole document with the byte offset of the first bad
// sequence: text is never dropped or replaced silently. A NUL byte marks a binary file and is
// rejected too.
//
// decode() also reads other encodings and converts them to UTF-8 (all spans then index the
// converted text):
//   - a UTF-16 or UTF-32 byte-order mark (LE or BE) decides the encoding;
//   - otherwise valid UTF-8 is UTF-8 (confidence 100);
//   - otherwise ICU's charset detector picks a legacy encoding (Windows-1251, KOI8-R,
//     ISO-8859-1, Windows-1252, ...) with its confidence (0-100); under kLowConfidence the
//     result carries a warning;
//   - DecodeOptions::encoding forces one encoding (any name ICU's converters know).
// A byte sequence that is invalid in the chosen encoding (a lone surrogate in UTF-16, a byte
// with no character in the code page) rejects the document with its offset. NUL bytes outside
// UTF-16/32, or bytes that are mostly control characters, mark a binary file.
// Stateless and thread-safe.
//
//   Result<DecodedText> decoded = decode(std::move(bytes), DecodeOptions{});
//   if (!decoded.ok()) report(path, decoded.status().message());
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "themescan/status.h"

namespace themescan {

struct DecodedText {
  std::string text;         // valid UTF-8 without the BOM
  bool had_bom = false;     // a byte-order mark was removed
  std::string encoding = "UTF-8";  // ICU's name of the encoding read ("UTF-16LE", "windows-1251")
  int confidence = 100;     // 100 unless the encoding was guessed (then ICU's confidence)
  std::string warning;      // set when the guess is not sure (confidence < kLowConfidence)
};

struct DecodeOptions {
  std::string encoding;  // force this encoding; empty: BOM, UTF-8, then detection
};

// Guesses below this confidence are reported with a warning.
inline constexpr int kLowConfidence = 50;

Result<DecodedText> decode(std::string bytes, const DecodeOptions& options);
// An error naming the problem when ICU has no converter for `name`.
Status check_encoding_name(const std::string& name);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Largest document accepted: ICU break iterators use 32-bit signed offsets.
inline constexpr std::size_t kMaxDocumentBytes = 0x7FFFFFFF;

Result<DecodedText> decode_utf8(std::string_view bytes);
// The same, taking the bytes: the text is `bytes` itself (without its BOM), not a copy.
Result<DecodedText> decode_utf8_owned(std::string bytes);

// The offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace themescan
