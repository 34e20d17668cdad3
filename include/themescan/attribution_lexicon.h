// attribution_lexicon: the words quote attribution relies on (reporting verbs, "according to",
// pronouns, role words, ...), read from a user-editable file (lexicons/reporting.verbs).
//
// The words come from two files: lexicons/reporting.verbs (verbs, pronouns, roles, ...) and
// lexicons/places.words (the gazetteer: countries, capitals, regions and demonyms); either file
// may hold any section, and the lists of both are joined.
//
// A file is line-based like a theme lexicon: `#` comments, `@format 1`, and `@section NAME`
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
  kPlaces,           // kenya | country, nairobi | city, florida | region, kenyan* | demonym
  kCalendar,         // monday, december, понедельник*, lunes
  kPublications,     // reuters, al-qabas; daily | noun, newspaper | noun, газета | noun
};
inline constexpr std::size_t kWordClassCount = 14;

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
  // One file of the lexicon: its name (for error messages: file:line: message) and content.
  struct File {
    std::string name;
    std::string content;
  };
  // Parses the file content; `name` is used in error messages (file:line: message).
  static Result<AttributionLexicon> parse(std::string_view name, std::string_view content,
                                          const Tokenizer& tokenizer);
  // Parses several files into one lexicon (an entry listed twice in a section is an error, in
  // one file as across files); the first file must have reporting verbs.
  static Result<AttributionLexicon> parse(const std::vector<File>& files, const Tokenizer& tokenizer);
  // The shipped files with `verbs_path` in place of reporting.verbs and `places_path` in place of
  // places.words when they are not empty.
  static Result<AttributionLexicon> load(const std::string& verbs_path, const std::string& places_path,
                                         const Tokenizer& tokenizer);
  static Result<AttributionLexicon> load(const std::string& path, const Tokenizer& tokenizer) {
    return load(path, "", tokenizer);
  }
  // The shipped lexicons/reporting.verbs and lexicons/places.words, compiled in.
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
