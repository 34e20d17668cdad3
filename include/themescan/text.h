// Spans, tokens, sentences and paragraphs: the shared vocabulary of the pipeline.
//
// Every position is a half-open byte range [begin, end) into the decoded UTF-8 text of a document
// (the input bytes with any byte-order mark removed). Evidence and quotes are always sliced from
// that text, never from a normalised copy, so no offset map is ever needed. Offsets are 32-bit:
// documents are limited to 2 GiB (see decode.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace themescan {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  std::string_view slice(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(Span, Span) = default;
};

// What ICU's word break rules say a word token is (its rule status category).
enum class WordKind : std::uint8_t { kNumber, kLetter, kKana, kIdeographic };

// A word token: ICU word-break segment whose rule status is not "none" (so spaces and
// punctuation are not tokens). Numbers count as words.
struct Token {
  Span span;
  std::uint32_t sentence = 0;   // index into TokenizedText::sentences
  std::uint32_t paragraph = 0;  // index into TokenizedText::paragraphs
  WordKind kind = WordKind::kLetter;
  // True when the previous token is in the same sentence and the bytes between the two are only
  // spaces, one line break inside a paragraph, or hyphens: the two may belong to one phrase.
  bool joins_prev = false;
};

struct TokenizedText {
  std::vector<Token> words;
  std::vector<Span> sentences;   // trimmed of surrounding white space; never empty
  std::vector<Span> paragraphs;  // trimmed; never empty; in text order
  bool hard_wrapped = false;     // paragraphs were taken as blank-line separated blocks
};

}  // namespace themescan
