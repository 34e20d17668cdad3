// Shared helpers for the attribution tests: a text with its quotes and speakers. Public
// headers only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "test_util.h"
#include "themescan/attribution.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/quotes.h"

namespace testutil {

// The built-in attribution lexicon (reporting.verbs and places.words).
inline const themescan::AttributionLexicon& words() {
  static const themescan::Result<themescan::AttributionLexicon> lexicon =
      themescan::AttributionLexicon::builtin(tokenizer());
  REQUIRE_MESSAGE(lexicon.ok(), lexicon.status().message());
  return *lexicon;
}

struct Attributed {
  std::string text;
  std::vector<themescan::Quote> quotes;
  std::vector<themescan::Speaker> speakers;

  // The quote (direct or indirect) whose text starts with `start`.
  const themescan::Quote& quote(std::string_view start) const {
    for (const themescan::Quote& q : quotes) {
      if (q.span.slice(text).starts_with(start)) return q;
    }
    FAIL("no quote starting with '" << start << "'");
    return quotes.front();
  }
  std::string speaker_of(std::string_view start) const {
    const themescan::Quote& q = quote(start);
    return q.attribution.speaker < 0 ? "(none)" : speakers[static_cast<std::size_t>(q.attribution.speaker)].name;
  }
  std::string method_of(std::string_view start) const {
    return themescan::attribution_method_name(quote(start).attribution.method);
  }
  const themescan::Speaker& speaker(std::string_view name) const {
    for (const themescan::Speaker& s : speakers) {
      if (s.name == name) return s;
    }
    FAIL("no speaker '" << name << "'");
    return speakers.front();
  }
  bool has_speaker(std::string_view name) const {
    for (const themescan::Speaker& s : speakers) {
      if (s.name == name) return true;
    }
    return false;
  }
  std::size_t count(themescan::QuoteType type) const {
    std::size_t n = 0;
    for (const themescan::Quote& q : quotes) n += q.type == type;
    return n;
  }
};

inline Attributed attribute(std::string text) {
  Attributed a;
  a.text = std::move(text);
  const themescan::TokenizedText tokens = tokenizer().tokenize(a.text);
  a.quotes = themescan::find_quotes(a.text, tokens);
  a.speakers = themescan::attribute_quotes(a.text, tokens, words(), a.quotes);
  return a;
}

}  // namespace testutil
