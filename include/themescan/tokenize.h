// tokenize: UTF-8 text -> word tokens, sentences and paragraphs (see text.h).
//
// Words come from ICU's word BreakIterator (UAX #29 plus ICU's dictionaries for Chinese,
// Japanese, Thai, Khmer, Lao and Burmese); a segment is a word when its rule status is a number,
// letter, kana or ideograph. Sentences come from ICU's sentence BreakIterator with the standard
// abbreviation suppressions (locale keyword ss=standard), so "Dr.", "Mr." and "U.S." do not end
// a sentence. Paragraphs follow the document's layout (layout.h: lines, blank-line separated
// blocks, indented paragraphs, pages of a PDF extract); a sentence never crosses a paragraph and
// always crosses the line breaks inside one. Words of page furniture (page numbers, running
// headers) are not tokens.
//
// Fast path: most of a typical English report is ASCII plus a few common typographic marks
// (’ ‘ “ ” – — … and the no-break space).
//   * Words: stretches made only of those, cut at white space, are segmented by our own
//     implementation of the UAX #29 word rules for these characters; everything else, from the
//     white space before a character the fast path does not know to the white space after it, is
//     segmented by ICU over the whole text, so context never differs.
//   * Sentences: a line (up to and including its line break) made only of those characters is
//     segmented by our implementation of the UAX #29 sentence rules, filtered as ICU's
//     en@ss=standard iterator filters them (the same exception list, read from ICU's data, and
//     the same matching); other lines by ICU's iterator over the whole text.
// Both give exactly ICU's results: tests/unit/tokenize_fast_test.cc compares the two paths over
// every corpus document and random mixed-script text. TokenizerOptions{.fast_path = false} (the
// CLI's --no-fast-path) uses ICU for everything.
//
// A Tokenizer is immutable and thread-safe: tokenize() works on private clones of the iterators.
//
//   Result<Tokenizer> tokenizer = Tokenizer::create();
//   TokenizedText tokens = tokenizer->tokenize(text);
//   for (const Token& word : tokens.words) std::cout << word.span.slice(text) << '\n';
#pragma once

#include <memory>
#include <string_view>

#include "themescan/layout.h"
#include "themescan/status.h"
#include "themescan/text.h"

namespace themescan {

struct TokenizerOptions {
  bool fast_path = true;
  // Text that is mostly outside ASCII (Russian, Chinese) skips the fast path, which would hand
  // nearly all of it to ICU anyway. Tests turn this off to exercise the fast path everywhere.
  bool skip_non_ascii_text = true;
};

class Tokenizer {
 public:
  static Result<Tokenizer> create(TokenizerOptions options = {});

  // `text` must be valid UTF-8 (see decode.h) and at most 2 GiB - 1 bytes (kMaxDocumentBytes).
  // Its layout is DocumentLayout::detect(text).
  TokenizedText tokenize(std::string_view text) const;
  // One block of a larger text, text[block.begin, block.end), segmented as the whole text is:
  // `layout` was detected on the whole `text` and block.begin is 0 or a paragraph start
  // (DocumentLayout::next_paragraph_start). Spans are relative to block.begin.
  TokenizedText tokenize(std::string_view text, const DocumentLayout& layout, Span block) const;

 private:
  struct Impl;
  explicit Tokenizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace themescan
