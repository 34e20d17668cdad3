// Small helpers over ICU. Only src/lib files include ICU headers, through this one.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

namespace themescan::detail {

inline icu::UnicodeString to_unicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

inline void append_utf8(const icu::UnicodeString& text, std::string& out) {
  text.toUTF8String(out);
}

// UText over UTF-8 bytes, closed on destruction.
struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

inline UTextPtr open_utf8(std::string_view utf8, UErrorCode& status) {
  return UTextPtr(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
}

}  // namespace themescan::detail
