// suggest: candidate new entries for a theme, from the text where the theme is strong
// (`themescan suggest`).
//
// Each sentence of the corpus documents that has a hit of the theme is "theme text"; the other
// sentences, or the sentences of separate reference documents, are "reference text". Words and
// 2-3 word phrases (runs of words with only spaces or hyphens between them, not starting or
// ending with a function word of lexicons/stopwords.txt or a word of reporting from
// lexicons/reporting.verbs such as "said" or "agreed", no numbers) are counted in both, and
// ranked by keyness: Dunning's log-likelihood G2 of the theme-text count against the reference
// count, keeping the over-represented ones, with the log2 ratio of their relative frequencies
// as effect size. Each also gets a RAKE score (sum over its words of degree / frequency in theme
// text), an example in context and, when one of the theme's entries already matches it, that
// entry.
//
//   KeynessCounter counter(lexicon, theme, tokenizer);
//   counter.add(result_text, /*reference=*/false);  // for each document
//   std::vector<Suggestion> top = counter.suggestions({});
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/analyzer.h"

namespace themescan {

struct Suggestion {
  std::string text;              // the candidate as first written in theme text
  std::uint32_t words = 1;
  std::uint64_t theme_count = 0;      // occurrences in theme text
  std::uint64_t reference_count = 0;  // occurrences in reference text
  double g2 = 0;                 // log-likelihood keyness
  double log_ratio = 0;          // log2 of (theme rate / reference rate), +0.5 smoothing
  double rake = 0;
  std::string example;           // "... left [candidate] right ..."
  std::string covered_by;        // the theme's entry that already matches it, or ""
};

struct SuggestOptions {
  std::size_t top = 30;           // at most this many suggestions
  std::uint64_t min_count = 3;    // in theme text
  std::size_t max_words = 3;
  bool include_covered = false;   // also list candidates an entry already matches
};

class KeynessCounter {
 public:
  // `analyzer` finds the theme's hits (its lexicon holds theme number `theme`).
  KeynessCounter(const Analyzer& analyzer, std::uint32_t theme);
  ~KeynessCounter();
  KeynessCounter(KeynessCounter&&) noexcept;

  // Counts the document's sentences: theme text where the theme hits, else reference text (only
  // when `reference_documents` is false; with separate reference documents pass them with
  // `reference` true and every sentence of theirs is reference text).
  void add(const DocumentResult& result, bool reference, bool reference_documents);

  std::uint64_t theme_sentences() const;
  std::uint64_t reference_sentences() const;
  std::vector<Suggestion> suggestions(const SuggestOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace themescan
