// tokenize: UTF-8 text -> word tokens, sentences and paragraphs (see text.h).
//
// Words come from ICU's word BreakIterator (UAX #29 plus ICU's dictionaries for Chinese,
// Japanese, Thai, Khmer, Lao and Burmese); a segment is a word when its rule status is a number,
// letter, kana or ideograph. Sentences come from ICU's sentence BreakIterator with the standard
// abbreviation suppressions (locale keyword ss=standard), so "Dr.", "Mr." and "U.S." do not end
// a sentence. Paragraphs are lines, or blank-line separated blocks when the text is hard-wrapped
// (see docs/design.md); a sentence never crosses a paragraph.
//
// A Tokenizer is immutable and thread-safe: tokenize() works on private clones of the iterators.
//
//   Result<Tokenizer> tokenizer = Tokenizer::create();
//   TokenizedText tokens = tokenizer->tokenize(text);
//   for (const Token& word : tokens.words) std::cout << word.span.slice(text) << '\n';
#pragma once

#include <memory>
#include <string_view>

#include "themescan/status.h"
#include "themescan/text.h"

namespace themescan {

class Tokenizer {
 public:
  static Result<Tokenizer> create();

  // `text` must be valid UTF-8 (see decode.h) and at most 2 GiB - 1 bytes (kMaxDocumentBytes).
  TokenizedText tokenize(std::string_view text) const;

 private:
  struct Impl;
  explicit Tokenizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace themescan
