// Parser and lookup for the attribution lexicon (lexicons/reporting.verbs).
#include "themescan/attribution_lexicon.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "builtin_files.h"
#include "lexicon_syntax.h"
#include "themescan/normalize.h"

namespace themescan {
namespace {

constexpr std::string_view kBuiltinVerbs = "reporting.verbs";
constexpr std::string_view kBuiltinPlaces = "places.words";

// Values an entry of each class may carry after ' | ' (empty: none allowed).
std::vector<std::string_view> allowed_values(WordClass word_class) {
  switch (word_class) {
    case WordClass::kVerbs: return {"object", "frame", "noun"};
    case WordClass::kPronouns: return {"m", "f", "p", "n"};
    case WordClass::kHonorifics: return {"m", "f"};
    case WordClass::kUnnamed: return {"m", "f"};
    case WordClass::kGivenNames: return {"m", "f"};
    case WordClass::kPlaces: return {"country", "city", "region", "demonym"};
    case WordClass::kPublications: return {"noun"};
    default: return {};
  }
}

class Parser {
 public:
  explicit Parser(const Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

  // Adds the entries of one file; `require_verbs` for the main file.
  Status run(std::string_view name, std::string_view content, bool require_verbs) {
    name_ = name;
    has_section_ = false;
    std::string_view rest = content;
    if (rest.substr(0, kUtf8Bom.size()) == kUtf8Bom) rest.remove_prefix(kUtf8Bom.size());
    if (const std::uint32_t bad = detail::find_invalid_utf8_line(rest); bad != 0) {
      return error(bad, "not valid UTF-8");
    }
    std::uint32_t number = 0;
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      const std::string_view line = detail::trimmed(rest.substr(0, newline));
      rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
      ++number;
      if (line.empty() || line.front() == '#') continue;
      Status status = line.front() == '@' ? directive(number, line) : entry(number, line);
      if (!status.ok()) return status;
    }
    if (require_verbs && lists_[static_cast<std::size_t>(WordClass::kVerbs)].size() == 0) {
      return error(number == 0 ? 1 : number, "no reporting verbs (an '@section verbs' with at "
                                             "least one entry is required)");
    }
    return Status::Ok();
  }

  // The lists, indexed by WordClass.
  std::vector<WordList> take() { return std::move(lists_); }

 private:
  Status error(std::uint32_t line, std::string_view message) const {
    return Status(StatusCode::kLexiconError, fmt::format("{}:{}: {}", name_, line, message));
  }

  Status directive(std::uint32_t number, std::string_view line) {
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view name = line.substr(1, space == std::string_view::npos ? space : space - 1);
    const std::string_view value =
        space == std::string_view::npos ? std::string_view{} : detail::trimmed(line.substr(space));
    if (name == "format") {
      if (value != "1") {
        return error(number, fmt::format("unsupported format version '{}' (this themescan reads "
                                         "version 1)", value));
      }
      return Status::Ok();
    }
    if (name != "section") {
      return error(number, fmt::format("unknown directive '@{}' (known: @format, @section)", name));
    }
    const auto& names = word_class_names();
    const auto it = std::find(names.begin(), names.end(), value);
    if (it == names.end()) {
      std::string known;
      for (std::string_view n : names) known += fmt::format("{}{}", known.empty() ? "" : ", ", n);
      return error(number, fmt::format("unknown section '{}' (known: {})", value, known));
    }
    section_ = static_cast<WordClass>(it - names.begin());
    has_section_ = true;
    return Status::Ok();
  }

  Status entry(std::uint32_t number, std::string_view line) {
    if (!has_section_) return error(number, "entry before the first '@section NAME'");
    WordList::Entry entry;
    entry.line = number;
    if (const std::size_t bar = detail::find_separator(line); bar != std::string_view::npos) {
      entry.value = std::string(detail::trimmed(line.substr(bar + 1)));
      line = detail::trimmed(line.substr(0, bar));
      const std::vector<std::string_view> allowed = allowed_values(section_);
      if (std::find(allowed.begin(), allowed.end(), entry.value) == allowed.end()) {
        const std::string_view section = word_class_names()[static_cast<std::size_t>(section_)];
        return error(number, allowed.empty()
                                 ? fmt::format("entries in '{}' take no ' | value'", section)
                                 : fmt::format("bad value '{}' in '{}' (allowed: {})", entry.value,
                                               section, fmt::join(allowed, ", ")));
      }
    }
    if (line.empty()) return error(number, "empty entry");
    std::string plain(line);
    const bool stem = plain.back() == '*';
    if (stem) plain.pop_back();
    if (plain.find('*') != std::string::npos) {
      return error(number, fmt::format("entry '{}': '*' is only allowed at the end", line));
    }
    const TokenizedText tokens = tokenizer_.tokenize(plain);
    if (tokens.words.empty()) {
      return error(number, fmt::format("entry '{}' has no words (only punctuation or symbols)", line));
    }
    if (stem && tokens.words.back().span.end != plain.size()) {
      return error(number, fmt::format("entry '{}': '*' must follow a letter", line));
    }
    for (const Token& token : tokens.words) {
      entry.words.push_back(normalizer_.key(token.span.slice(plain)));
    }
    entry.stem = stem;
    std::string key = fmt::format("{}:{}{}", static_cast<int>(section_), fmt::join(entry.words, " "),
                                  stem ? "*" : "");
    const auto [it, inserted] = seen_.emplace(std::move(key), Place{std::string(name_), number});
    if (!inserted) {
      return error(number, it->second.file == name_
                               ? fmt::format("duplicate entry '{}' (same as line {})", line, it->second.line)
                               : fmt::format("duplicate entry '{}' (same as {}:{})", line,
                                             it->second.file, it->second.line));
    }
    lists_[static_cast<std::size_t>(section_)].add(std::move(entry));
    return Status::Ok();
  }

  struct Place {  // where an entry was first seen
    std::string file;
    std::uint32_t line = 0;
  };
  std::string_view name_;
  const Tokenizer& tokenizer_;
  Normalizer normalizer_;
  std::vector<WordList> lists_ = std::vector<WordList>(kWordClassCount);
  WordClass section_ = WordClass::kVerbs;
  bool has_section_ = false;
  std::map<std::string, Place> seen_;
};

}  // namespace

const std::vector<std::string_view>& word_class_names() {
  static const std::vector<std::string_view> names = {
      "verbs",      "sources", "complementizers", "pronouns",      "honorifics",
      "roles",      "unnamed", "groups",          "organisations", "particles",
      "given-names", "places", "calendar",     "publications"};
  return names;
}

bool WordList::word_matches(const Entry& entry, std::size_t k, std::string_view key) {
  const std::string& word = entry.words[k];
  if (key == word) return true;
  if (entry.stem && k + 1 == entry.words.size()) return key.starts_with(word);
  // An elided form: qu'il, l'agence.
  return word.size() <= 3 && key.size() > word.size() + 1 && key.starts_with(word) &&
         key[word.size()] == '\'';
}

void WordList::add(Entry entry) {
  const auto index = static_cast<std::uint32_t>(entries_.size());
  if (entry.stem && entry.words.size() == 1) {
    const std::string& stem = entry.words.front();
    if (stem.size() < kStemBucketBytes) {
      short_stems_.push_back(index);
    } else {
      stems_by_prefix_[stem.substr(0, kStemBucketBytes)].push_back(index);
    }
  } else {
    by_first_[entry.words.front()].push_back(index);
  }
  entries_.push_back(std::move(entry));
}

WordList::Match WordList::match(const std::vector<std::string>& keys, std::size_t i) const {
  Match best;
  // Among entries of the same length the most specific wins: an exact word before a stem, a
  // longer stem before a shorter one (кенийск* | demonym before кени* | country).
  std::size_t best_specificity = 0;
  auto consider = [&](std::uint32_t index) {
    const Entry& entry = entries_[index];
    if (i + entry.words.size() > keys.size() || entry.words.size() < best.length) return;
    const std::size_t specificity = entry.stem ? entry.words.back().size() : SIZE_MAX;
    if (entry.words.size() == best.length && specificity <= best_specificity) return;
    for (std::size_t k = 0; k < entry.words.size(); ++k) {
      if (!word_matches(entry, k, keys[i + k])) return;
    }
    best = {entry.words.size(), entry.value};
    best_specificity = specificity;
  };
  if (i >= keys.size()) return best;
  const std::string& key = keys[i];
  if (auto it = by_first_.find(key); it != by_first_.end()) {
    for (std::uint32_t index : it->second) consider(index);
  }
  if (const std::size_t apostrophe = key.find('\''); apostrophe != std::string::npos) {
    if (auto it = by_first_.find(key.substr(0, apostrophe)); it != by_first_.end()) {
      for (std::uint32_t index : it->second) consider(index);
    }
  }
  // One-word stems can only match a key that starts with their first bytes.
  if (key.size() >= kStemBucketBytes) {
    if (auto it = stems_by_prefix_.find(key.substr(0, kStemBucketBytes)); it != stems_by_prefix_.end()) {
      for (std::uint32_t index : it->second) consider(index);
    }
  }
  for (std::uint32_t index : short_stems_) consider(index);
  return best;
}

bool WordList::contains(std::string_view key) const {
  const std::vector<std::string> keys = {std::string(key)};
  return match(keys, 0).length == 1;
}

Result<AttributionLexicon> AttributionLexicon::parse(std::string_view name,
                                                     std::string_view content,
                                                     const Tokenizer& tokenizer) {
  return parse(std::vector<File>{{std::string(name), std::string(content)}}, tokenizer);
}

Result<AttributionLexicon> AttributionLexicon::parse(const std::vector<File>& files,
                                                     const Tokenizer& tokenizer) {
  Parser parser(tokenizer);
  AttributionLexicon lexicon;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (Status status = parser.run(files[i].name, files[i].content, i == 0); !status.ok()) {
      return status;
    }
    lexicon.source_ += (i == 0 ? "" : ", ") + files[i].name;
  }
  lexicon.lists_ = parser.take();
  return lexicon;
}

namespace {

Result<AttributionLexicon::File> builtin_file(std::string_view name) {
  for (const detail::BuiltinFile& file : detail::builtin_files()) {
    if (file.name == name) {
      return AttributionLexicon::File{std::string("builtin:") + file.name,
                                      std::string(file.data, file.size)};
    }
  }
  return Status(StatusCode::kInternal, fmt::format("the built-in {} is missing", name));
}

Result<AttributionLexicon::File> read_file(const std::string& path, std::string_view builtin) {
  if (path.empty()) return builtin_file(builtin);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(StatusCode::kLexiconError,
                  fmt::format("{}: cannot read the attribution lexicon", path));
  }
  std::ostringstream content;
  content << in.rdbuf();
  return AttributionLexicon::File{path, content.str()};
}

}  // namespace

Result<AttributionLexicon> AttributionLexicon::load(const std::string& verbs_path,
                                                    const std::string& places_path,
                                                    const Tokenizer& tokenizer) {
  Result<File> verbs = read_file(verbs_path, kBuiltinVerbs);
  if (!verbs.ok()) return verbs.status();
  Result<File> places = read_file(places_path, kBuiltinPlaces);
  if (!places.ok()) return places.status();
  return parse(std::vector<File>{std::move(*verbs), std::move(*places)}, tokenizer);
}

Result<AttributionLexicon> AttributionLexicon::builtin(const Tokenizer& tokenizer) {
  return load("", "", tokenizer);
}

}  // namespace themescan
