#include "themescan/normalize.h"

#include <unicode/uchar.h>

#include "icu_util.h"

namespace themescan {
namespace {

struct Normalizers {
  const icu::Normalizer2* nfkc_casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
};

// ICU's normalizer instances are process-wide singletons that are safe to use from any thread.
const Normalizers& normalizers() {
  static const Normalizers instances = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    n.nfd = icu::Normalizer2::getNFDInstance(status);
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) std::abort();  // ICU's data is missing: nothing can work
    return n;
  }();
  return instances;
}

bool is_ascii(std::string_view word) {
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

Normalizer::Normalizer(NormalizeOptions options) : options_(options) { (void)normalizers(); }

void Normalizer::key(std::string_view word, std::string& out) const {
  out.clear();
  if (is_ascii(word)) {
    // NFKC_Casefold maps ASCII to lower-case ASCII and nothing else; no combining marks exist.
    out.resize(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return;
  }
  const Normalizers& n = normalizers();
  icu::UnicodeString text = detail::to_unicode(word);
  text.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)),
                      icu::UnicodeString(static_cast<UChar>(0x27)));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = n.nfkc_casefold->normalize(text, status);
  if (options_.fold_accents && U_SUCCESS(status)) {
    icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
      i += U16_LENGTH(c);
    }
    folded = n.nfc->normalize(stripped, status);
  }
  if (U_FAILURE(status)) {
    // Only possible on allocation failure; fall back to the word itself rather than lose it.
    out.assign(word);
    return;
  }
  detail::append_utf8(folded, out);
}

}  // namespace themescan
