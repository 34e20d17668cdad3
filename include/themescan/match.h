// match: tokens + lexicon -> hits.
//
// Entries are compiled once into a trie over match keys (see normalize.h); stems are looked up by
// prefix through a hash map per distinct stem length, so the work per token does not grow with
// the number of entries. Patterns (re:) run through one RE2::Set pass that selects the patterns
// present in the text; only those are scanned for positions.
//
// Rules: within one theme the leftmost-longest candidate wins and hits never overlap; a token may
// count for several themes; a candidate that lies inside an occurrence of one of its theme's
// exclusions is dropped. A Matcher is immutable and thread-safe.
//
//   Result<Matcher> matcher = Matcher::compile(lexicon, Normalizer{});
//   std::vector<Hit> hits = matcher->match(text, tokenizer.tokenize(text));
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "themescan/lexicon.h"
#include "themescan/normalize.h"
#include "themescan/status.h"
#include "themescan/text.h"

namespace themescan {

struct Hit {
  std::uint32_t theme = 0;     // index into Lexicon::themes()
  std::uint32_t entry = 0;     // index into Theme::entries
  Span span;                   // bytes of the text that matched
  std::uint32_t sentence = 0;  // sentence containing span.begin
  // The hit lies inside the name of an organisation, place or person that is longer than it
  // ("Cooperation" in "Center for Global IT Cooperation"; entity_names.h). Such a hit is
  // evidence but is not counted unless AnalyzerOptions::count_names. Set by the Analyzer;
  // Matcher::match leaves it false.
  bool in_name = false;
};

class Matcher {
 public:
  // The lexicon must outlive the matcher.
  static Result<Matcher> compile(const Lexicon& lexicon, const Normalizer& normalizer);

  // Hits ordered by span.begin, then theme, then span.end.
  std::vector<Hit> match(std::string_view text, const TokenizedText& tokens) const;

  const Lexicon& lexicon() const;

  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace themescan
