// Parser for themescan's lexicon format (lexicons/README.md). One theme per file.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include <fmt/format.h>

#include "re2_util.h"
#include "themescan/decode.h"
#include "lexicon_syntax.h"
#include "text_util.h"
#include "themescan/lexicon.h"
#include "themescan/normalize.h"

namespace themescan {
namespace {

const std::set<std::string_view> kDirectives = {"theme", "label", "description", "lang", "format"};

std::string fnv1a64(std::string_view bytes) {
  return fmt::format("fnv1a64:{:016x}", detail::fnv1a64(bytes));
}

// Lower-case ASCII letters, digits and '-', in segments separated by '/' (security/privacy),
// each starting with a letter or digit.
bool valid_theme_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool segment_start = i == 0 || id[i - 1] == '/';
    if (c == '/' && !segment_start && i + 1 < id.size()) continue;
    if (segment_start && (c == '-' || c == '/')) return false;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

using detail::find_separator;
using detail::find_invalid_utf8_line;
using detail::trimmed;

class Parser {
 public:
  Parser(std::string_view name, std::string_view content, const Tokenizer& tokenizer)
      : name_(name), content_(content), tokenizer_(tokenizer) {}

  Result<Theme> run() {
    theme_.source = std::string(name_);
    theme_.hash = fnv1a64(content_);
    std::string_view rest = content_;
    if (rest.substr(0, kUtf8Bom.size()) == kUtf8Bom) rest.remove_prefix(kUtf8Bom.size());
    if (const std::uint32_t bad = find_invalid_utf8_line(rest); bad != 0) {
      return error(bad, "not valid UTF-8");
    }
    std::uint32_t number = 0;
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      std::string_view line = rest.substr(0, newline);
      rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
      ++number;
      if (Status status = parse_line(number, trimmed(line)); !status.ok()) return status;
    }
    if (theme_line_ == 0) {
      return error(1, "missing '@theme ID' (every lexicon file declares its theme)");
    }
    if (theme_.entry_count() == 0) {
      return error(theme_line_, fmt::format("theme '{}' has no entries", theme_.id));
    }
    if (theme_.label.empty()) theme_.label = theme_.id;
    return std::move(theme_);
  }

 private:
  Status error(std::uint32_t line, std::string_view message) const {
    return Status(StatusCode::kLexiconError, fmt::format("{}:{}: {}", name_, line, message));
  }

  Status parse_line(std::uint32_t number, std::string_view line) {
    if (line.empty() || line.front() == '#') return Status::Ok();
    if (line.front() == '@') return parse_directive(number, line);
    if (theme_line_ == 0) return error(number, "entry before '@theme ID'");
    return parse_entry(number, line);
  }

  Status parse_directive(std::uint32_t number, std::string_view line) {
    std::size_t space = line.find_first_of(" \t");
    const std::string_view name = line.substr(1, space == std::string_view::npos ? space : space - 1);
    const std::string_view value =
        space == std::string_view::npos ? std::string_view{} : trimmed(line.substr(space));
    if (!kDirectives.count(name)) {
      return error(number, fmt::format("unknown directive '@{}' (known: @theme, @label, "
                                       "@description, @lang, @format)", name));
    }
    if (name == "theme") {
      if (theme_line_ != 0) {
        return error(number, fmt::format("a second '@theme' (a file holds one theme; '@theme' "
                                         "was given on line {})", theme_line_));
      }
      if (!valid_theme_id(value)) {
        return error(number, fmt::format("invalid theme id '{}' (use lower-case letters, digits "
                                         "and '-', and '/' between levels)", value));
      }
      theme_.id = std::string(value);
      theme_line_ = number;
      theme_.line = number;
    } else if (value.empty()) {
      return error(number, fmt::format("'@{}' needs a value", name));
    } else if (name == "label") {
      theme_.label = std::string(value);
    } else if (name == "description") {
      theme_.description = std::string(value);
    } else if (name == "lang") {
      theme_.languages = std::string(value);
    } else if (name == "format" && value != "1") {
      return error(number, fmt::format("unsupported format version '{}' (this themescan reads "
                                       "version 1)", value));
    }
    return Status::Ok();
  }

  Status parse_entry(std::uint32_t number, std::string_view line) {
    Entry entry;
    entry.line = number;
    if (line.front() == '!') {
      entry.exclusion = true;
      line = trimmed(line.substr(1));
    }
    std::string_view weight;
    if (const std::size_t bar = find_separator(line); bar != std::string_view::npos) {
      weight = trimmed(line.substr(bar + 1));
      line = trimmed(line.substr(0, bar));
      if (Status status = parse_weight(number, weight, entry); !status.ok()) return status;
    }
    if (!line.empty() && line.front() == '\\') line.remove_prefix(1);
    if (line.empty()) return error(number, "empty entry");
    entry.text = std::string(line);
    Status status = line.substr(0, 3) == "re:" ? parse_pattern(number, line.substr(3), entry)
                                               : parse_words(number, line, entry);
    if (!status.ok()) return status;
    return add(number, std::move(entry));
  }

  // What follows " | ": a weight, context rules and a label, separated by spaces.
  Status parse_weight(std::uint32_t number, std::string_view text, Entry& entry) {
    if (entry.exclusion) return error(number, "an exclusion cannot have a weight, rules or label");
    bool weighted = false;
    for (std::size_t i = 0; i < text.size();) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      std::size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
      const std::string_view field = text.substr(i, end - i);
      if (field.starts_with("label=")) {
        // label=WORD or label="words with spaces"
        std::string_view value = text.substr(i + 6);
        if (value.starts_with('"')) {
          const std::size_t close = value.find('"', 1);
          if (close == std::string_view::npos) {
            return error(number, "label=\" has no closing '\"' (label=\"IT talent\")");
          }
          i += 6 + close + 1;
          value = value.substr(1, close - 1);
        } else {
          i = end;
          value = field.substr(6);
        }
        if (trimmed(value).empty()) return error(number, "empty label (label=\"IT talent\")");
        if (!entry.label.empty()) return error(number, "two labels for one entry");
        entry.label = std::string(trimmed(value));
        continue;
      }
      i = end;
      if (field.empty()) continue;
      if (field.find('=') != std::string_view::npos) {
        if (Status status = parse_rule(number, field, entry); !status.ok()) return status;
        continue;
      }
      double value = 0;
      const auto [stop, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
      if (weighted || ec != std::errc() || stop != field.data() + field.size() ||
          !std::isfinite(value) || value <= 0) {
        return error(number, fmt::format("bad weight '{}' (a number greater than 0, such as 2 or "
                                         "0.5)", field));
      }
      entry.weight = value;
      weighted = true;
    }
    if (!weighted && entry.rules.empty() && entry.label.empty()) {
      return error(number, fmt::format("bad weight '{}' (a number greater than 0, such as 2 or "
                                       "0.5)", text));
    }
    return Status::Ok();
  }

  // near=TERMS/N, not-near=TERMS/N, not-before=TERMS/N, sentence=TERMS, not-sentence=TERMS;
  // TERMS are words or stems separated by commas.
  Status parse_rule(std::uint32_t number, std::string_view field, Entry& entry) {
    const std::size_t equals = field.find('=');
    const std::string_view name = field.substr(0, equals);
    std::string_view value = field.substr(equals + 1);
    ContextRule rule;
    rule.text = std::string(field);
    bool windowed = true;
    if (name == "near") {
      rule.kind = RuleKind::kNear;
    } else if (name == "not-near") {
      rule.kind = RuleKind::kNotNear;
    } else if (name == "not-before") {
      rule.kind = RuleKind::kNotBefore;
    } else if (name == "sentence") {
      rule.kind = RuleKind::kSentence;
      windowed = false;
    } else if (name == "not-sentence") {
      rule.kind = RuleKind::kNotSentence;
      windowed = false;
    } else {
      return error(number, fmt::format("unknown rule '{}' (known: near, not-near, not-before, "
                                       "sentence, not-sentence)", field));
    }
    if (windowed) {
      const std::size_t slash = value.rfind('/');
      std::uint32_t window = 0;
      const auto [stop, ec] = slash == std::string_view::npos
                                  ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                  : std::from_chars(value.data() + slash + 1, value.data() + value.size(), window);
      if (slash == std::string_view::npos || ec != std::errc() || stop != value.data() + value.size() ||
          window < 1 || window > 50) {
        return error(number, fmt::format("rule '{}' needs a window of 1 to 50 words after '/', such "
                                         "as {}=not/3", field, name));
      }
      rule.window = window;
      value = value.substr(0, slash);
    }
    for (std::size_t i = 0; i <= value.size();) {
      const std::size_t comma = std::min(value.find(',', i), value.size());
      std::string_view term = value.substr(i, comma - i);
      i = comma + 1;
      const bool stem = term.ends_with('*');
      if (stem) term.remove_suffix(1);
      const TokenizedText tokens = tokenizer_.tokenize(term);
      if (term.empty() || tokens.words.size() != 1 || tokens.words[0].span.size() != term.size()) {
        return error(number, fmt::format("rule '{}': each term is one word or stem, separated by "
                                         "commas", field));
      }
      rule.terms.push_back({std::string(term), stem});
    }
    entry.rules.push_back(std::move(rule));
    return Status::Ok();
  }

  Status parse_pattern(std::uint32_t number, std::string_view pattern, Entry& entry) {
    if (pattern.empty()) return error(number, "empty pattern after 're:'");
    RE2 re(re2::StringPiece(pattern.data(), pattern.size()), detail::pattern_options());
    if (!re.ok()) {
      return error(number, fmt::format("bad RE2 pattern '{}': {}", pattern, re.error()));
    }
    if (RE2::FullMatch("", re)) {
      return error(number, fmt::format("pattern '{}' matches the empty string", pattern));
    }
    entry.kind = EntryKind::kPattern;
    entry.pattern = std::string(pattern);
    return Status::Ok();
  }

  Status parse_words(std::uint32_t number, std::string_view term, Entry& entry) {
    // Tokenise with the text's tokenizer; '*' becomes a space so offsets stay put and a stem
    // mark is found as the byte right after a word.
    std::string plain(term);
    for (char& c : plain) {
      if (c == '*') c = ' ';
    }
    const TokenizedText tokens = tokenizer_.tokenize(plain);
    if (tokens.words.empty()) {
      return error(number, fmt::format("entry '{}' has no words (only punctuation or symbols)", term));
    }
    std::set<std::size_t> stem_marks;
    for (std::size_t i = 0; i < term.size(); ++i) {
      if (term[i] == '*') stem_marks.insert(i);
    }
    for (std::size_t i = 0; i < tokens.words.size(); ++i) {
      const Token& token = tokens.words[i];
      if (i > 0 && !token.joins_prev) {
        return error(number, fmt::format(
            "entry '{}' can never match: its words are separated by '{}' (words in a phrase may be "
            "separated only by spaces or hyphens; use a re: pattern)",
            term, trimmed(term.substr(tokens.words[i - 1].span.end,
                                      token.span.begin - tokens.words[i - 1].span.end))));
      }
      EntryWord word{std::string(token.span.slice(term)), stem_marks.erase(token.span.end) > 0};
      if (word.stem && i + 1 < tokens.words.size() &&
          tokens.words[i + 1].span.begin == token.span.end + 1) {
        return error(number, fmt::format("entry '{}': '*' is only allowed at the end of a word", term));
      }
      entry.words.push_back(std::move(word));
    }
    if (!stem_marks.empty()) {
      return error(number, fmt::format("entry '{}': '*' is only allowed at the end of a word", term));
    }
    if (entry.words.size() > 1) {
      entry.kind = EntryKind::kPhrase;
    } else {
      entry.kind = entry.words.front().stem ? EntryKind::kStem : EntryKind::kWord;
    }
    return Status::Ok();
  }

  Status add(std::uint32_t number, Entry entry) {
    std::string key = entry.exclusion ? "!" : "";
    if (entry.kind == EntryKind::kPattern) {
      key += "re:" + entry.pattern;
    } else {
      for (const EntryWord& word : entry.words) {
        key += normalizer_.key(word.text);
        key += word.stem ? "* " : " ";
      }
    }
    for (const ContextRule& rule : entry.rules) key += " | " + rule.text;
    const auto [it, inserted] = seen_.emplace(key, number);
    if (!inserted) {
      return error(number, fmt::format("duplicate entry '{}' (same as line {})", entry.text,
                                       it->second));
    }
    theme_.entries.push_back(std::move(entry));
    return Status::Ok();
  }

  std::string_view name_;
  std::string_view content_;
  const Tokenizer& tokenizer_;
  Normalizer normalizer_;
  Theme theme_;
  std::uint32_t theme_line_ = 0;
  std::map<std::string, std::uint32_t> seen_;
};

}  // namespace

Result<Theme> parse_lexicon(std::string_view name, std::string_view content,
                            const Tokenizer& tokenizer) {
  return Parser(name, content, tokenizer).run();
}

}  // namespace themescan
