// lexicon: theme lexicon files -> an immutable set of themes with their entries.
//
// The format is documented in lexicons/README.md: one theme per `.lex` file, one entry per line
// (words, stems `word*`, phrases, `re:` RE2 patterns, `!` exclusions, ` | weight`). Loading is
// all or nothing: the first problem is returned as "FILE:LINE: message" and no partial Lexicon
// exists. The shipped lexicons are compiled into the library (Lexicon::builtin()).
//
// A Lexicon is immutable after loading and safe to share between threads.
//
//   Result<Tokenizer> tokenizer = Tokenizer::create();
//   Result<Lexicon> lexicon = Lexicon::load({"lexicons/"}, *tokenizer);
//   if (!lexicon.ok()) die(lexicon.status().message());  // "lexicons/x.lex:4: ..."
//   for (const Theme& theme : lexicon->themes()) print(theme.id, theme.entries.size());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "themescan/status.h"
#include "themescan/tokenize.h"

namespace themescan {

enum class EntryKind : std::uint8_t {
  kWord,     // one word
  kStem,     // one word with a trailing *
  kPhrase,   // several words (any of which may be a stem)
  kPattern,  // re:PATTERN
};

// One word of a word/stem/phrase entry, as written (its key is computed by the Matcher, which
// knows the normalisation options).
struct EntryWord {
  std::string text;
  bool stem = false;
};

// A context rule after an entry's ` | ` (lexicons/README.md, "Context rules"): a hit of the
// entry counts only when the rule holds around it.
enum class RuleKind : std::uint8_t {
  kNear,         // near=TERMS/N: one of TERMS within N words before or after
  kNotNear,      // not-near=TERMS/N: none of TERMS within N words
  kNotBefore,    // not-before=TERMS/N: none of TERMS within N words before (negation)
  kSentence,     // sentence=TERMS: one of TERMS in the same sentence
  kNotSentence,  // not-sentence=TERMS: none of TERMS in the same sentence
};

struct ContextRule {
  RuleKind kind = RuleKind::kNear;
  std::vector<EntryWord> terms;  // words or stems, any of which satisfies the rule
  std::uint32_t window = 0;      // in words, for near, not-near and not-before
  std::string text;              // as written: "near=privacy,data/5"
};

struct Entry {
  std::string text;         // the entry as written in the file, without `!` and weight
  std::string label;        // `label="IT talent"` after ` | `: how tables show it (else text)
  EntryKind kind = EntryKind::kWord;
  std::vector<EntryWord> words;  // empty for patterns
  std::string pattern;      // RE2 syntax, for kPattern
  double weight = 1.0;
  std::vector<ContextRule> rules;  // all must hold for a hit to count
  bool exclusion = false;
  std::uint32_t line = 0;   // 1-based line in the source file

  // What people read in tables and top terms: the label when there is one, else the text.
  const std::string& display() const { return label.empty() ? text : label; }
};

struct Theme {
  std::string id;
  std::string label;
  std::string description;
  std::string languages;    // as given by @lang, informational
  std::string source;       // file path, or "builtin:NAME.lex"
  std::string hash;         // "fnv1a64:<16 hex digits>" of the file's bytes
  std::uint32_t line = 0;   // line of the @theme directive
  std::vector<Entry> entries;  // in file order; exclusions included
  // Nesting: an id "a/b/c" is at level 3 and its parent is "a/b". A parent that no file defines
  // is added without entries (Lexicon::load, from_sources), so every level exists; a child's hits
  // count for all its ancestors too (score.h).
  std::uint32_t level = 1;
  std::int32_t parent = -1;    // index into Lexicon::themes(), -1 at level 1

  std::size_t entry_count() const;      // entries that count (not exclusions)
  std::size_t exclusion_count() const;
};

// A lexicon file's name and bytes, for loading from memory.
struct LexiconSource {
  std::string name;
  std::string_view content;
};

class Lexicon {
 public:
  // Loads every path: a `.lex` file, a dictionary in another format (LIWC `.dic`, `.dicx`,
  // quanteda `.yml`; see lexicon_import.h), or a folder whose `.lex` files (recursively, in
  // sorted order) are loaded. Themes are ordered by id. Fails on the first error; entries an
  // imported dictionary had to skip are listed in warnings().
  static Result<Lexicon> load(const std::vector<std::string>& paths, const Tokenizer& tokenizer);
  // Parses lexicon files held in memory.
  static Result<Lexicon> from_sources(const std::vector<LexiconSource>& sources,
                                      const Tokenizer& tokenizer);
  // The lexicons shipped in lexicons/ and compiled into the library.
  static Result<Lexicon> builtin(const Tokenizer& tokenizer);
  // Wraps already parsed themes (ids must be unique; they are kept in the given order) and links
  // each to its parent (level, parent).
  static Lexicon from_themes(std::vector<Theme> themes);

  const std::vector<Theme>& themes() const { return themes_; }
  // "FILE:LINE: ... skipped" for what an imported dictionary held that could not be used.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Index of the theme with this id, or -1.
  int find(std::string_view id) const;

 private:
  std::vector<Theme> themes_;
  std::vector<std::string> warnings_;
};

// The theme in themescan's lexicon format (lexicons/README.md): parsing it again gives the same
// id, label, description, languages and entries. `origin` goes in a comment on the first line.
std::string to_lex(const Theme& theme, std::string_view origin);

// Parses one lexicon file's content; `name` is used in error messages and as the source.
Result<Theme> parse_lexicon(std::string_view name, std::string_view content,
                            const Tokenizer& tokenizer);

}  // namespace themescan
