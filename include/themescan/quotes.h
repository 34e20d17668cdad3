// quotes: quotation marks in a text -> quoted passages.
//
// Every common convention is paired: “…” and "…", ‘…’ and '…' (apostrophes such as don’t,
// Kuwait’s and ’90s are not quote marks), «…» and « … », »…«, „…“ and „…”, ‚…‘, 「…」 and 『…』.
// A quote of another mark type inside an open quote is nested in it (depth 1, 2, ...). A quote
// that runs over several paragraphs, each re-opened with the same mark and only the last one
// closed, is one quote. A quote that does not close ends at the end of its paragraph and is
// flagged `unclosed`, so a stray mark never swallows the rest of the document. A short quoted
// term without sentence punctuation (so-called “smart villages”, a session title) is a `kTerm`.
//
// Pairing is linear in the text: every mark is pushed and popped at most once and the stack of
// open marks is bounded. Stateless and thread-safe.
//
//   std::vector<Quote> quotes = find_quotes(text, tokenizer.tokenize(text));
//   for (const Quote& q : quotes) std::cout << q.span.slice(text) << '\n';
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "themescan/text.h"

namespace themescan {

enum class QuoteType : std::uint8_t {
  kDirect,    // a quoted statement
  kTerm,      // a short quoted term, title or scare quote
  kIndirect,  // reported speech without marks (Name said that ...), found by attribute_quotes
};

// How a quote was attributed (attribution.h). Names are in attribution_method_name().
enum class AttributionMethod : std::uint8_t {
  kNone,          // no speaker found
  kTrailingVerb,  // “…,” Name stated. / “…,” said Name, Title.
  kLeadingVerb,   // Name noted: “…” (also when the quote opens the next paragraph)
  kSaidThat,      // Name said that “…”
  kAccordingTo,   // According to Name, “…”
  kDash,          // “…” — Name, Title
  kSplit,         // the second half of “…,” he said, “…”
  kContinuation,  // a further quote of the same paragraph after an attributed one
  kNearby,        // no pattern: the person the narration around the quote is about
  kTurnTaking,    // dialogue: an unattributed turn goes to the other speaker of the exchange
  kReported,      // indirect speech: Name said that ... / He stressed the need for ...
};

// How the speaker was named where the quote was attributed.
enum class SpeakerReference : std::uint8_t {
  kNone,
  kName,         // the full name, or the name as first given
  kPartialName,  // a surname or another part of a known name
  kPronoun,      // he, she, они, ella, ... resolved to the last compatible person
  kTitle,        // the minister, la directrice, ... resolved to the person with that role
  kDescription,  // an unnamed source: a spokeswoman, one analyst
  kGroup,        // Speakers, participants
};

struct Attribution {
  std::int32_t speaker = -1;  // index into the document's speakers, -1 when unknown
  Span verb;                  // the reporting verb or phrase (empty when there is none)
  AttributionMethod method = AttributionMethod::kNone;
  SpeakerReference reference = SpeakerReference::kNone;
  double confidence = 0;      // 0..1; 0 when there is no speaker
};

// Hits of one theme inside a quote (or summed over a speaker's quotes).
struct ThemeCount {
  std::uint32_t theme = 0;  // index into Lexicon::themes()
  std::uint32_t hits = 0;
  double score = 0;         // sum of the hits' entry weights
};

struct Quote {
  Span span;    // the quoted words, without the marks (for an unclosed quote: to paragraph end)
  Span outer;   // including the opening and, when present, the closing mark
  QuoteType type = QuoteType::kDirect;
  bool unclosed = false;
  // A direct quote that is a fragment inside the writer's sentence (called the plan “a
  // disaster”, said the deal was “dead on arrival”), filled by attribute_quotes().
  bool partial = false;
  std::uint32_t depth = 0;       // 0 for a top-level quote, 1 inside another quote, ...
  std::uint32_t paragraph = 0;   // paragraph of the opening mark
  std::uint32_t paragraphs = 1;  // number of paragraphs the quote spans
  char32_t open_mark = 0;        // the opening mark (U+201C, U+00AB, '"', ...; '`' for ``, '\'' for ''); 0 for indirect
  Attribution attribution;       // filled by attribute_quotes()
  std::vector<ThemeCount> themes;  // filled by the Analyzer: by score, hits, then theme index
};

// Quotes ordered by span.begin (an outer quote before the quotes nested in it).
std::vector<Quote> find_quotes(std::string_view text, const TokenizedText& tokens);

}  // namespace themescan
