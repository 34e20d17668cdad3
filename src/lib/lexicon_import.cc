// Importers for LIWC .dic, LIWC-22 .dicx (CSV) and quanteda YAML dictionaries (lexicon_import.h).
#include "themescan/lexicon_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <yaml-cpp/yaml.h>

#include "lexicon_syntax.h"
#include "text_util.h"

namespace themescan {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Lines split at LF, CRLF or a lone CR (some .dic files use CR only), numbered from 1.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(begin, i - begin));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      begin = i + 1;
    }
  }
  if (begin < text.size()) lines.push_back(text.substr(begin));
  return lines;
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// A category name as a theme id: lower-case ASCII letters and digits, runs of anything else as
// one '-'. Empty when the name has no ASCII letter or digit.
std::string id_part(std::string_view name) {
  std::string id;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80) {
      id += static_cast<char>(std::tolower(c));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

// Characters a themescan word, stem or phrase entry may hold: letters, digits, combining marks,
// apostrophes, hyphens, dots and spaces, and '*' at the end of a word.
bool plain_term(std::string_view term) {
  for (std::size_t i = 0; i < term.size();) {
    std::size_t length = 0;
    const UChar32 c = detail::code_point_at(term, i, &length);
    const bool word_end = i + length == term.size() || term[i + length] == ' ';
    const bool ok = u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK ||
                    u_charType(c) == U_COMBINING_SPACING_MARK || c == '\'' || c == 0x2019 ||
                    c == '-' || c == '.' || c == ' ' || (c == '*' && word_end && i > 0 && term[i - 1] != ' ');
    if (!ok) return false;
    i += length;
  }
  return true;
}

bool has_word_character(std::string_view term) {
  for (std::size_t i = 0; i < term.size();) {
    std::size_t length = 0;
    if (u_isalnum(detail::code_point_at(term, i, &length))) return true;
    i += length;
  }
  return false;
}

bool ascii_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && (std::isalnum(u) || c == '_');
}

// A glob or a term with other characters (":)", "and/or", "*land", "a?e") as an RE2 pattern:
// `*` any letters or digits, `?` one, spaces any white space, everything else literal; \b where
// the pattern starts or ends with an ASCII word character.
std::string glob_pattern(std::string_view term) {
  std::string out;
  if (ascii_word_char(term.front())) out += "\\b";
  for (std::size_t i = 0; i < term.size();) {
    std::size_t length = 0;
    detail::code_point_at(term, i, &length);
    const std::string_view c = term.substr(i, length);
    if (c == "*") {
      out += "[\\pL\\pN]*";
    } else if (c == "?") {
      out += "[\\pL\\pN]";
    } else if (c == " ") {
      while (i + 1 < term.size() && term[i + 1] == ' ') ++i;
      out += "\\s+";
    } else {
      out += RE2::QuoteMeta(re2::StringPiece(c.data(), c.size()));
    }
    i += length;
  }
  if (ascii_word_char(term.back())) out += "\\b";
  return out;
}

// `text` on one line: line breaks, tabs and other control characters become spaces (a CSV cell
// or a YAML scalar may hold them; a .lex line must not).
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

// One entry line of a .lex file for `term` (white space collapsed), or "" for an empty term.
std::string lex_entry(std::string_view raw, double weight) {
  const std::string flat = one_line(raw);
  std::string term;
  for (const std::string_view word : split_blanks(flat)) {
    if (!term.empty()) term += ' ';
    term += word;
  }
  // Doubled wildcards (セントヘレナ**) are one.
  for (std::size_t at; (at = term.find("**")) != std::string::npos;) term.erase(at, 1);
  if (term.empty() || term == "*") return {};
  std::string line;
  if (plain_term(term) && has_word_character(term)) {
    if (term.front() == '#' || term.front() == '@' || term.front() == '!' || term.front() == '\\') {
      line = "\\";
    }
    line += term;
  } else {
    line = "re:" + glob_pattern(term);
  }
  if (weight != 1.0) line += fmt::format(" | {}", weight);
  return line;
}

// One category being converted.
struct Category {
  std::string name;  // as in the original
  std::string id;
  std::uint32_t line = 0;
  std::vector<std::string> entries;
  std::vector<std::uint32_t> lines;
  std::unordered_map<std::string, std::uint32_t> seen;  // entry line -> original line
};

class Converter {
 public:
  Converter(const std::string& path, const char* format) : path_(path), format_(format) {}

  std::size_t category(std::string name, std::string id, std::uint32_t line) {
    name = one_line(name);
    if (id.empty()) id = fmt::format("category-{}", categories_.size() + 1);
    std::string unique = id;
    for (int n = 2; used_ids_.count(unique); ++n) unique = fmt::format("{}-{}", id, n);
    used_ids_.insert(unique);
    categories_.push_back({std::move(name), std::move(unique), line, {}, {}, {}});
    return categories_.size() - 1;
  }

  void add(std::size_t index, std::string_view term, double weight, std::uint32_t line) {
    Category& c = categories_[index];
    std::string entry = lex_entry(term, weight);
    if (entry.empty()) return warn(line, fmt::format("empty term in category '{}'; skipped", c.name));
    const std::string key = entry.substr(0, entry.find(" | "));
    if (const auto [it, added] = c.seen.try_emplace(key, line); !added) {
      return warn(line, fmt::format("duplicate term '{}' in category '{}' (same as line {}); skipped",
                                    one_line(trim(term)), c.name, it->second));
    }
    c.entries.push_back(std::move(entry));
    c.lines.push_back(line);
  }

  void warn(std::uint32_t line, std::string message) {
    out_.warnings.push_back(fmt::format("{}:{}: {}", path_, line, one_line(message)));
  }

  ImportedLexicon finish() {
    for (Category& c : categories_) {
      if (c.entries.empty()) {
        warn(c.line, fmt::format("category '{}' has no entries; skipped", c.name));
        continue;
      }
      ImportedTheme theme;
      theme.id = c.id;
      theme.content = fmt::format("# Imported from {} ({}), category {}\n@theme {}\n@label {}\n",
                                  path_, format_, c.name, c.id, c.name);
      theme.origin = {0, c.line, c.line};
      for (std::size_t i = 0; i < c.entries.size(); ++i) {
        theme.content += c.entries[i] + "\n";
        theme.origin.push_back(c.lines[i]);
      }
      out_.themes.push_back(std::move(theme));
    }
    return std::move(out_);
  }

  Status error(std::uint32_t line, std::string message) const {
    return Status(StatusCode::kLexiconError, fmt::format("{}:{}: {}", path_, line, message));
  }

 private:
  std::string path_;
  const char* format_;
  std::vector<Category> categories_;
  std::unordered_set<std::string> used_ids_;
  ImportedLexicon out_;
};

// "01" and "1" are the same LIWC category.
std::string category_key(std::string_view id) {
  if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::string(id);
  }
  const std::size_t nonzero = id.find_first_not_of('0');
  return nonzero == std::string_view::npos ? "0" : std::string(id.substr(nonzero));
}

Result<ImportedLexicon> import_dic(const std::string& path, std::string_view content) {
  Converter out(path, "LIWC .dic");
  const std::vector<std::string_view> lines = split_lines(content);
  std::size_t i = 0;
  while (i < lines.size() && trim(lines[i]).empty()) ++i;
  if (i == lines.size() || trim(lines[i]) != "%") {
    return out.error(static_cast<std::uint32_t>(i < lines.size() ? i + 1 : 1),
                     "a LIWC .dic file starts with a '%' line, then its categories, then '%'");
  }
  std::map<std::string, std::size_t> categories;  // category_key -> Converter index
  const std::uint32_t header = static_cast<std::uint32_t>(i + 1);
  for (++i;; ++i) {
    if (i == lines.size()) return out.error(header, "the category header has no closing '%' line");
    const std::string_view line = trim(lines[i]);
    if (line == "%") break;
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split_blanks(line);
    const auto number = static_cast<std::uint32_t>(i + 1);
    if (fields.size() < 2) return out.error(number, fmt::format("category line '{}' has no name", line));
    std::string name;
    for (std::size_t k = 1; k < fields.size(); ++k) name += (k > 1 ? " " : "") + std::string(fields[k]);
    const std::string key = category_key(fields[0]);
    if (categories.count(key)) {
      return out.error(number, fmt::format("category id '{}' is declared twice", fields[0]));
    }
    categories[key] = out.category(name, id_part(name), number);
  }
  for (++i; i < lines.size(); ++i) {
    const auto number = static_cast<std::uint32_t>(i + 1);
    const std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (line.find_first_of("<(") != std::string_view::npos) {
      out.warn(number, fmt::format("conditional entry '{}' (LIWC 2007 '<...>' or '(...)' syntax) is "
                                   "not supported; skipped", line));
      continue;
    }
    // The term ends at the first TAB; without one, it is the words before the trailing ids.
    std::string_view term;
    std::vector<std::string_view> ids;
    if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos) {
      term = trim(line.substr(0, tab));
      ids = split_blanks(line.substr(tab + 1));
    } else {
      std::vector<std::string_view> fields = split_blanks(line);
      std::size_t first_id = fields.size();
      while (first_id > 1 && categories.count(category_key(fields[first_id - 1]))) --first_id;
      ids.assign(fields.begin() + static_cast<std::ptrdiff_t>(first_id), fields.end());
      term = line.substr(0, static_cast<std::size_t>(fields[first_id - 1].end() - line.begin()));
    }
    if (ids.empty()) {
      out.warn(number, fmt::format("term '{}' has no category; skipped", term));
      continue;
    }
    for (const std::string_view id : ids) {
      const auto it = categories.find(category_key(id));
      if (it == categories.end()) {
        out.warn(number, fmt::format("category '{}' of term '{}' is not declared in the header; "
                                     "ignored", id, term));
        continue;
      }
      out.add(it->second, term, 1.0, number);
    }
  }
  return out.finish();
}

// RFC 4180 records with the line each starts on.
struct CsvRecord {
  std::uint32_t line;
  std::vector<std::string> cells;
};

Result<std::vector<CsvRecord>> read_csv(const std::string& path, std::string_view text) {
  std::vector<CsvRecord> records;
  std::uint32_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord record{line, {}};
    std::string cell;
    bool quoted = false, in_quotes = false;
    for (;;) {
      if (i == text.size()) {
        if (in_quotes) {
          return Status(StatusCode::kLexiconError,
                        fmt::format("{}:{}: a quoted cell is not closed", path, record.line));
        }
        record.cells.push_back(std::move(cell));
        break;
      }
      const char c = text[i++];
      if (in_quotes) {
        if (c == '"' && i < text.size() && text[i] == '"') {
          cell += '"';
          ++i;
        } else if (c == '"') {
          in_quotes = false;
        } else {
          if (c == '\n') ++line;
          cell += c;
        }
      } else if (c == '"' && cell.empty() && !quoted) {
        in_quotes = quoted = true;
      } else if (c == ',') {
        record.cells.push_back(std::move(cell));
        cell.clear();
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
        ++line;
        record.cells.push_back(std::move(cell));
        break;
      } else {
        cell += c;
      }
    }
    const bool blank = record.cells.size() == 1 && trim(record.cells[0]).empty();
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

Result<ImportedLexicon> import_dicx(const std::string& path, std::string_view content) {
  Converter out(path, "LIWC-22 .dicx");
  Result<std::vector<CsvRecord>> records = read_csv(path, content);
  if (!records.ok()) return records.status();
  if (records->empty()) return out.error(1, "no header row (DicTerm, then one column per category)");
  const CsvRecord& header = records->front();
  if (header.cells.size() < 2) {
    return out.error(header.line, "the header needs a term column and at least one category column");
  }
  std::vector<std::size_t> columns;
  for (std::size_t k = 1; k < header.cells.size(); ++k) {
    const std::string name(trim(header.cells[k]));
    if (name.empty()) return out.error(header.line, fmt::format("column {} has no category name", k + 1));
    columns.push_back(out.category(name, id_part(name), header.line));
  }
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& row = (*records)[r];
    const std::string_view term = trim(row.cells[0]);
    if (term.empty()) {
      out.warn(row.line, "row without a term; skipped");
      continue;
    }
    if (row.cells.size() > header.cells.size()) {
      out.warn(row.line, fmt::format("{} cells, but the header has {}; the extra cells are ignored",
                                     row.cells.size(), header.cells.size()));
    }
    for (std::size_t k = 1; k < row.cells.size() && k < header.cells.size(); ++k) {
      const std::string_view cell = trim(row.cells[k]);
      if (cell.empty()) continue;
      double weight = 1.0;
      if (cell != "X" && cell != "x") {
        char* end = nullptr;
        const std::string text(cell);
        weight = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size() || !(weight == weight)) {
          out.warn(row.line, fmt::format("cell '{}' in column '{}' is neither X nor a weight; ignored",
                                         cell, trim(header.cells[k])));
          continue;
        }
        if (weight == 0) continue;
        if (weight < 0) {
          out.warn(row.line, fmt::format("negative weight {} for '{}' in '{}' is not supported; "
                                         "skipped", cell, term, trim(header.cells[k])));
          continue;
        }
      }
      // Vocabulate-style alternatives: "anger|angr*".
      for (std::size_t b = 0; b <= term.size();) {
        const std::size_t bar = std::min(term.find('|', b), term.size());
        if (bar > b) out.add(columns[k - 1], term.substr(b, bar - b), weight, row.line);
        b = bar + 1;
      }
    }
  }
  return out.finish();
}

void walk_yaml(Converter& out, const YAML::Node& node, const std::string& name,
               const std::string& id, std::uint32_t line) {
  if (node.IsMap()) {
    for (const auto& item : node) {
      const std::string key = item.first.as<std::string>();
      const auto key_line = static_cast<std::uint32_t>(item.first.Mark().line + 1);
      std::string part = id_part(key);
      if (part.empty()) part = "category";
      walk_yaml(out, item.second, name.empty() ? key : name + "/" + key,
                id.empty() ? part : id + "/" + part, key_line);
    }
    return;
  }
  const std::size_t category = out.category(name, id, line);
  if (node.IsScalar()) {
    out.add(category, node.as<std::string>(), 1.0, static_cast<std::uint32_t>(node.Mark().line + 1));
  } else if (node.IsSequence()) {
    for (const auto& value : node) {
      const auto value_line = static_cast<std::uint32_t>(value.Mark().line + 1);
      if (!value.IsScalar()) {
        out.warn(value_line, fmt::format("a list or map inside the list of '{}'; skipped", name));
        continue;
      }
      out.add(category, value.as<std::string>(), 1.0, value_line);
    }
  }
}

Result<ImportedLexicon> import_yaml(const std::string& path, std::string_view content) {
  Converter out(path, "quanteda YAML");
  YAML::Node root;
  try {
    root = YAML::Load(std::string(content));
  } catch (const YAML::Exception& e) {
    return out.error(static_cast<std::uint32_t>(e.mark.line + 1), e.msg);
  }
  if (!root.IsMap()) {
    return out.error(1, "a YAML dictionary is a map of categories (name: [terms])");
  }
  walk_yaml(out, root, "", "", 1);
  return out.finish();
}

}  // namespace

LexiconFormat lexicon_format(std::string_view path) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.ends_with(".dic")) return LexiconFormat::kLiwcDic;
  if (lower.ends_with(".dicx") || lower.ends_with(".csv")) return LexiconFormat::kLiwcDicx;
  if (lower.ends_with(".yml") || lower.ends_with(".yaml")) return LexiconFormat::kYaml;
  return LexiconFormat::kThemescan;
}

Result<ImportedLexicon> import_lexicon(const std::string& path, std::string_view content) {
  if (content.starts_with(kBom)) content.remove_prefix(kBom.size());
  // Everything below reads the text as UTF-8 (found by fuzzing: an invalid sequence at the end
  // of a CSV cell was read past).
  if (const std::uint32_t bad = detail::find_invalid_utf8_line(content); bad != 0) {
    return Status(StatusCode::kLexiconError, fmt::format("{}:{}: not valid UTF-8", path, bad));
  }
  switch (lexicon_format(path)) {
    case LexiconFormat::kLiwcDic: return import_dic(path, content);
    case LexiconFormat::kLiwcDicx: return import_dicx(path, content);
    case LexiconFormat::kYaml: return import_yaml(path, content);
    case LexiconFormat::kThemescan: break;
  }
  return Status(StatusCode::kLexiconError, fmt::format("{}: not a format to import", path));
}

}  // namespace themescan
