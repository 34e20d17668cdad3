// normalize: the one function that turns a word (of a text or of a lexicon entry) into its
// match key.
//
// key = NFKC_Casefold(word) — Unicode NFKC normalisation plus full case folding, as defined by
// ICU's NFKC_Casefold normalizer — with U+2019 (’) mapped to an apostrophe, and, when
// fold_accents is set, all non-spacing combining marks removed after canonical decomposition.
// Pure ASCII words take an inline path (lower-casing) that gives the same answer.
// A Normalizer is immutable and thread-safe.
//
//   Normalizer normalizer({.fold_accents = true});
//   std::string key = normalizer.key("Localización");  // "localizacion"
#pragma once

#include <string>
#include <string_view>

namespace themescan {

struct NormalizeOptions {
  bool fold_accents = false;
};

class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {});

  // Writes the key of `word` (valid UTF-8) into `out`, replacing its contents.
  void key(std::string_view word, std::string& out) const;
  std::string key(std::string_view word) const {
    std::string out;
    key(word, out);
    return out;
  }

  const NormalizeOptions& options() const { return options_; }

 private:
  NormalizeOptions options_;
};

}  // namespace themescan
