// Spans, tokens, sentences and paragraphs: the shared vocabulary of the pipeline.
//
// Every position is a half-open byte range [begin, end) into the decoded UTF-8 text of a document
// (the input bytes with any byte-order mark removed). Evidence and quotes are always sliced from
// that text, never from a normalised copy, so no offset map is ever needed. Offsets are 32-bit:
// documents are limited to 2 GiB (see decode.h).
#pragma once

#include <cstddef>
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
  // spaces, line breaks inside a paragraph, page furniture (layout.h) or hyphens: the two may
  // belong to one phrase.
  bool joins_prev = false;
  // True when the previous token ends a line with a hyphen and this one opens the next line of the
  // same paragraph with a lower-case letter ("infra-\nstructure", "self-\nreliance"): the two may
  // be one word broken at the line end. The matcher also tries them as one word (their keys
  // joined), and TokenizedText::word_count() counts them once. Implies joins_prev.
  bool continues_word = false;
};

// How the lines of a document make paragraphs (layout.h decides it; layout_name() gives the
// names used in the JSON output).
enum class Layout : std::uint8_t {
  kLines,       // every line is a paragraph (web and word-processor exports)
  kBlankLines,  // hard-wrapped lines; paragraphs are blank-line separated blocks (e-texts)
  kIndented,    // hard-wrapped lines; a paragraph starts at an indented line (wire copy)
  kPdf,         // pages separated by form feeds (pdftotext), with page furniture left out
};

struct TokenizedText {
  std::vector<Token> words;
  std::vector<Span> sentences;   // trimmed of surrounding white space; never empty
  std::vector<Span> paragraphs;  // trimmed; never empty; in text order
  // Page numbers, running headers and footers, and form feeds (Layout::kPdf only), in text order.
  // They hold no word and no sentence boundary; a paragraph or sentence that continues across a
  // page break covers the furniture between its two parts (spans are contiguous).
  std::vector<Span> furniture;
  Layout layout = Layout::kLines;

  // Words, counting a word broken by a line-end hyphen (Token::continues_word) once.
  std::size_t word_count() const {
    std::size_t joined = 0;
    for (const Token& token : words) joined += token.continues_word ? 1 : 0;
    return words.size() - joined;
  }
};

}  // namespace themescan
