// attribution_lexicon: the words quote attribution relies on (reporting verbs, "according to",
// pronouns, role words, ...), read from a user-editable file (lexicons/reporting.verbs).
//
// The file is line-based like a theme lexicon: `#` comments, `@format 1`, and `@section NAME`
// lines that say which list the following entries go to. An entry is a word or a phrase
// (words separated by spaces or hyphens); a word ending in `*` matches every word starting with
// it. ` | VALUE` adds a value: `object` for verbs whose object is reported speech, `m`, `f` or `p`
// for pronouns and honorifics. Entries go through the same Normalizer as document words.
// Errors name the file and line. An AttributionLexicon is immutable and thread-safe.
//
//   Result<AttributionLexicon> words = AttributionLexicon::builtin(tokenizer);
//   std::size_t n = words->list(WordClass::kVerbs).match(keys, i);  // words matched at keys[i]
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "themescan/status.h"
#include "themescan/tokenize.h"

namespace themescan {

enum class WordClass : std::uint8_t {
  kVerbs,            // said, noted, заявил*, afirmó
  kSources,          // according to, по словам, según, selon
  kComplementizers,  // that, что, que
  kPronouns,         // he | m, she | f, they | p
  kHonorifics,       // mr | m, dr, señora | f
  kRoles,            // director*, minister, head
  kUnnamed,          // analyst, spokeswoman, official
  kGroups,           // speakers, participants
  kOrganisations,    // ministry, institute, forum
  kParticles,        // de, van, bin
  kGivenNames,       // mary | f, william | m
};
inline constexpr std::size_t kWordClassCount = 11;

// The names used in `@section` lines, indexed by WordClass.
const std::vector<std::string_view>& word_class_names();

// One list of words and phrases, looked up by normalised keys.
class WordList {
 public:
  struct Match {
    std::size_t length = 0;  // words matched (0: no match)
    std::string_view value;  // the entry's ' | value', or empty
  };

  // The longest entry matching keys[i], keys[i+1], ...
  Match match(const std::vector<std::string>& keys, std::size_t i) const;
  bool contains(std::string_view key) const;  // a one-word entry (exact or stem) matches key
  std::size_t size() const { return entries_.size(); }

  struct Entry {
    std::vector<std::string> words;  // normalised keys
    bool stem = false;               // the last word is a prefix
    std::string value;
    std::uint32_t line = 0;
  };
  void add(Entry entry);

 private:
  static bool word_matches(const Entry& entry, std::size_t k, std::string_view key);
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_first_;  // exact first words
  // One-word stem entries by their first kStemBucketBytes bytes; shorter stems apart.
  static constexpr std::size_t kStemBucketBytes = 2;
  std::unordered_map<std::string, std::vector<std::uint32_t>> stems_by_prefix_;
  std::vector<std::uint32_t> short_stems_;
};

class AttributionLexicon {
 public:
  // Parses the file content; `name` is used in error messages (file:line: message).
  static Result<AttributionLexicon> parse(std::string_view name, std::string_view content,
                                          const Tokenizer& tokenizer);
  static Result<AttributionLexicon> load(const std::string& path, const Tokenizer& tokenizer);
  // The shipped lexicons/reporting.verbs, compiled in.
  static Result<AttributionLexicon> builtin(const Tokenizer& tokenizer);

  const WordList& list(WordClass word_class) const {
    return lists_[static_cast<std::size_t>(word_class)];
  }
  const std::string& source() const { return source_; }

 private:
  std::vector<WordList> lists_ = std::vector<WordList>(kWordClassCount);
  std::string source_;
};

}  // namespace themescan
