// Shared helpers for the unit tests. Public headers only.
#pragma once

#include <map>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "themescan/lexicon.h"
#include "themescan/match.h"
#include "themescan/normalize.h"
#include "themescan/text.h"
#include "themescan/tokenize.h"

namespace testutil {

// One tokenizer for the whole test binary (a Tokenizer is immutable and thread-safe).
inline const themescan::Tokenizer& tokenizer() {
  static const themescan::Result<themescan::Tokenizer> instance = themescan::Tokenizer::create();
  REQUIRE_MESSAGE(instance.ok(), instance.status().message());
  return *instance;
}

// A lexicon file held in memory: its name and content.
struct LexFile {
  std::string name;
  std::string content;
};

// Builds a Lexicon from in-memory lexicon files (Lexicon::from_sources); the test fails if they
// do not parse.
inline themescan::Lexicon make_lexicon(const std::vector<LexFile>& files) {
  std::vector<themescan::LexiconSource> sources;
  for (const LexFile& file : files) sources.push_back({file.name, file.content});
  themescan::Result<themescan::Lexicon> lexicon =
      themescan::Lexicon::from_sources(sources, tokenizer());
  REQUIRE_MESSAGE(lexicon.ok(), lexicon.status().message());
  return std::move(*lexicon);
}

// One lexicon file named "t.lex".
inline themescan::Lexicon make_lexicon(std::string_view content) {
  return make_lexicon(std::vector<LexFile>{{"t.lex", std::string(content)}});
}

// The error message of a lexicon file that must not parse ("" when it parses).
inline std::string lexicon_error(std::string_view content, std::string_view name = "t.lex") {
  themescan::Result<themescan::Theme> theme =
      themescan::parse_lexicon(name, content, tokenizer());
  if (theme.ok()) return "";
  CHECK(theme.status().code() == themescan::StatusCode::kLexiconError);
  return theme.status().message();
}

// Tokenizes `text` and matches it against `lexicon`.
inline std::vector<themescan::Hit> match(const themescan::Lexicon& lexicon, std::string_view text,
                                         themescan::NormalizeOptions options = {}) {
  themescan::Result<themescan::Matcher> matcher =
      themescan::Matcher::compile(lexicon, themescan::Normalizer(options));
  REQUIRE_MESSAGE(matcher.ok(), matcher.status().message());
  return matcher->match(text, tokenizer().tokenize(text));
}

// The matched substrings of every theme that has hits, keyed by theme id, in hit order.
using Matches = std::map<std::string, std::vector<std::string>>;

inline Matches matched_by_theme(const themescan::Lexicon& lexicon, std::string_view text,
                                const std::vector<themescan::Hit>& hits) {
  Matches out;
  for (const themescan::Hit& hit : hits) {
    out[lexicon.themes().at(hit.theme).id].push_back(std::string(hit.span.slice(text)));
  }
  return out;
}

inline Matches matched_by_theme(const themescan::Lexicon& lexicon, std::string_view text,
                                themescan::NormalizeOptions options = {}) {
  return matched_by_theme(lexicon, text, match(lexicon, text, options));
}

// The matched substrings of all hits, in hit order.
inline std::vector<std::string> matched(const themescan::Lexicon& lexicon, std::string_view text,
                                        themescan::NormalizeOptions options = {}) {
  std::vector<std::string> out;
  for (const themescan::Hit& hit : match(lexicon, text, options)) {
    out.push_back(std::string(hit.span.slice(text)));
  }
  return out;
}

// The text of every word token.
inline std::vector<std::string> token_texts(std::string_view text,
                                            const themescan::TokenizedText& tokens) {
  std::vector<std::string> out;
  for (const themescan::Token& token : tokens.words) {
    out.push_back(std::string(token.span.slice(text)));
  }
  return out;
}

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> token_spans(
    const themescan::TokenizedText& tokens) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const themescan::Token& token : tokens.words) out.emplace_back(token.span.begin, token.span.end);
  return out;
}

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> spans(
    const std::vector<themescan::Span>& list) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const themescan::Span& span : list) out.emplace_back(span.begin, span.end);
  return out;
}

inline std::vector<std::string> slices(std::string_view text,
                                       const std::vector<themescan::Span>& list) {
  std::vector<std::string> out;
  for (const themescan::Span& span : list) out.push_back(std::string(span.slice(text)));
  return out;
}

using SpanList = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
using Strings = std::vector<std::string>;

}  // namespace testutil

// Readable failure messages for the containers compared above.
namespace doctest {
template <typename A, typename B>
struct StringMaker<std::pair<A, B>> {
  static String convert(const std::pair<A, B>& p) {
    return String("(") + toString(p.first) + ", " + toString(p.second) + ")";
  }
};
template <typename T>
struct StringMaker<std::vector<T>> {
  static String convert(const std::vector<T>& v) {
    String out("[");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ", ";
      const T item = v[i];
      if constexpr (std::is_enum_v<T>) {
        out += toString(static_cast<int>(item));
      } else if constexpr (std::is_arithmetic_v<T>) {
        out += toString(item);
      } else {
        out += StringMaker<T>::convert(item);
      }
    }
    return out + "]";
  }
};
template <>
struct StringMaker<std::string> {
  static String convert(const std::string& s) { return String("\"") + s.c_str() + "\""; }
};
template <typename K, typename V>
struct StringMaker<std::map<K, V>> {
  static String convert(const std::map<K, V>& m) {
    String out("{");
    bool first = true;
    for (const auto& [k, v] : m) {
      if (!first) out += ", ";
      first = false;
      out += StringMaker<K>::convert(k) + ": " + StringMaker<V>::convert(v);
    }
    return out + "}";
  }
};
template <>
struct StringMaker<themescan::Span> {
  static String convert(themescan::Span s) {
    return String("Span{") + toString(s.begin) + ", " + toString(s.end) + "}";
  }
};
}  // namespace doctest
