#include "themescan/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "builtin_files.h"
#include "themescan/inputs.h"
#include "themescan/lexicon_import.h"

namespace themescan {
namespace fs = std::filesystem;

std::size_t Theme::entry_count() const {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return !e.exclusion; }));
}

std::size_t Theme::exclusion_count() const { return entries.size() - entry_count(); }

int Lexicon::find(std::string_view id) const {
  for (std::size_t i = 0; i < themes_.size(); ++i) {
    if (themes_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

Status lexicon_error(const std::string& path, const std::string& message) {
  return Status(StatusCode::kLexiconError, fmt::format("{}: {}", path, message));
}

// The `.lex` files under `folder`, recursively, sorted; hidden entries skipped.
Result<std::vector<std::string>> lexicon_files_in(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".lex" && it->is_regular_file(ec)) {
      files.push_back(it->path().string());
    }
  }
  if (ec) return lexicon_error(folder, ec.message());
  if (files.empty()) return lexicon_error(folder, "no lexicon files (*.lex) in this folder");
  std::sort(files.begin(), files.end());
  return files;
}

// The line number N of a "FILE:N: message" error, or 0.
std::size_t error_line(const std::string& message, const std::string& file) {
  const std::string prefix = file + ":";
  const std::size_t colon = message.find(':', prefix.size());
  if (!message.starts_with(prefix) || colon == std::string::npos) return 0;
  const std::string number = message.substr(prefix.size(), colon - prefix.size());
  if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoul(number);
}

// "FILE:N: message" about line N of a converted theme -> the same about the original's line.
std::string original_line(const std::string& message, const std::string& file,
                          const std::vector<std::uint32_t>& origin) {
  const std::size_t line = error_line(message, file);
  if (line == 0 || line > origin.size() || origin[line - 1] == 0) return message;
  std::string out =
      fmt::format("{}:{}{}", file, origin[line - 1], message.substr(message.find(':', file.size() + 1)));
  // "... (same as line M)" names a converted line too.
  constexpr std::string_view kSame = "(same as line ";
  if (const std::size_t at = out.rfind(kSame); at != std::string::npos) {
    const std::size_t digits = at + kSame.size();
    const std::size_t close = out.find(')', digits);
    const std::string number = out.substr(digits, close - digits);
    if (close != std::string::npos && !number.empty() &&
        number.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t other = std::stoul(number);
      if (other >= 1 && other <= origin.size() && origin[other - 1] != 0) {
        out.replace(digits, close - digits, std::to_string(origin[other - 1]));
      }
    }
  }
  return out;
}

// The themes of a dictionary in another format (lexicon_import.h), checked by the .lex parser;
// entry and theme lines refer to the original file. An entry the parser rejects (a duplicate
// after normalisation, a term that can never match) is dropped with a warning, as the importer
// drops what it cannot read: one bad term does not make a whole dictionary unusable.
Status import_themes(const std::string& file, std::string_view content, const Tokenizer& tokenizer,
                     std::vector<Theme>& themes, std::vector<std::string>& warnings) {
  Result<ImportedLexicon> imported = import_lexicon(file, content);
  if (!imported.ok()) return imported.status();
  warnings.insert(warnings.end(), imported->warnings.begin(), imported->warnings.end());
  for (ImportedTheme& converted : imported->themes) {
    Result<Theme> theme = parse_lexicon(file, converted.content, tokenizer);
    while (!theme.ok()) {
      const std::string message = original_line(theme.status().message(), file, converted.origin);
      const std::size_t line = error_line(theme.status().message(), file);
      if (line == 0 || line > converted.origin.size() || converted.origin[line - 1] == 0) {
        return Status(StatusCode::kLexiconError, message);
      }
      warnings.push_back(message + "; skipped");
      // Drop generated line `line` and parse again.
      std::size_t begin = 0;
      for (std::size_t k = 1; k < line; ++k) begin = converted.content.find('\n', begin) + 1;
      const std::size_t end = converted.content.find('\n', begin);
      converted.content.erase(begin, end == std::string::npos ? std::string::npos : end - begin + 1);
      converted.origin.erase(converted.origin.begin() + static_cast<std::ptrdiff_t>(line - 1));
      theme = parse_lexicon(file, converted.content, tokenizer);
    }
    const auto origin = [&](std::uint32_t line) {
      return line >= 1 && line <= converted.origin.size() ? converted.origin[line - 1] : line;
    };
    theme->line = origin(theme->line);
    for (Entry& entry : theme->entries) entry.line = origin(entry.line);
    themes.push_back(std::move(*theme));
  }
  return Status::Ok();
}

// Adds, as themes without entries, the ancestors of nested ids that no file defines ("a/b" and
// "a" for "a/b/c"), labelled with the start of the child's label when it has as many levels.
void add_ancestors(std::vector<Theme>& themes) {
  std::set<std::string> ids;
  for (const Theme& theme : themes) ids.insert(theme.id);
  std::vector<Theme> added;
  for (const Theme& theme : themes) {
    const std::string& id = theme.id;
    const bool label_levels =
        std::count(theme.label.begin(), theme.label.end(), '/') == std::count(id.begin(), id.end(), '/');
    for (std::size_t slash = id.rfind('/'); slash != std::string::npos && slash > 0;
         slash = id.rfind('/', slash - 1)) {
      std::string parent = id.substr(0, slash);
      if (!ids.insert(parent).second) break;  // it exists, and so do its own ancestors
      Theme p;
      const std::size_t levels = static_cast<std::size_t>(std::count(parent.begin(), parent.end(), '/'));
      p.label = parent;
      if (label_levels) {
        std::size_t cut = 0;
        for (std::size_t k = 0; k <= levels; ++k) cut = theme.label.find('/', cut) + 1;
        p.label = theme.label.substr(0, cut - 1);
      }
      p.id = std::move(parent);
      p.source = theme.source;
      p.hash = theme.hash;
      p.line = theme.line;
      added.push_back(std::move(p));
    }
  }
  for (Theme& theme : added) themes.push_back(std::move(theme));
}

Result<Lexicon> assemble(std::vector<Theme> themes) {
  std::map<std::string, const Theme*> by_id;
  for (const Theme& theme : themes) {
    const auto [it, inserted] = by_id.emplace(theme.id, &theme);
    if (!inserted) {
      return Status(StatusCode::kLexiconError,
                    fmt::format("{}:{}: theme '{}' is already defined in {}", theme.source,
                                theme.line, theme.id, it->second->source));
    }
  }
  add_ancestors(themes);
  std::sort(themes.begin(), themes.end(),
            [](const Theme& a, const Theme& b) { return a.id < b.id; });
  return Lexicon::from_themes(std::move(themes));
}

}  // namespace

std::string to_lex(const Theme& theme, std::string_view origin) {
  std::string out = fmt::format("# {}\n@theme {}\n", origin, theme.id);
  if (theme.label != theme.id) out += fmt::format("@label {}\n", theme.label);
  if (!theme.description.empty()) out += fmt::format("@description {}\n", theme.description);
  if (!theme.languages.empty()) out += fmt::format("@lang {}\n", theme.languages);
  for (const Entry& entry : theme.entries) {
    if (entry.exclusion) out += '!';
    if (!entry.text.empty() && std::string_view("#@!\\").find(entry.text.front()) != std::string_view::npos) {
      out += '\\';
    }
    out += entry.text;
    if (entry.weight != 1.0) out += fmt::format(" | {}", entry.weight);
    out += '\n';
  }
  return out;
}

Lexicon Lexicon::from_themes(std::vector<Theme> themes) {
  Lexicon lexicon;
  lexicon.themes_ = std::move(themes);
  std::map<std::string_view, std::int32_t> index;
  for (std::size_t i = 0; i < lexicon.themes_.size(); ++i) {
    index.emplace(lexicon.themes_[i].id, static_cast<std::int32_t>(i));
  }
  for (Theme& theme : lexicon.themes_) {
    theme.level = 1 + static_cast<std::uint32_t>(std::count(theme.id.begin(), theme.id.end(), '/'));
    theme.parent = -1;
    if (const std::size_t slash = theme.id.rfind('/'); slash != std::string::npos) {
      const auto it = index.find(std::string_view(theme.id).substr(0, slash));
      if (it != index.end()) theme.parent = it->second;
    }
  }
  return lexicon;
}

Result<Lexicon> Lexicon::from_sources(const std::vector<LexiconSource>& sources,
                                      const Tokenizer& tokenizer) {
  std::vector<Theme> themes;
  for (const LexiconSource& source : sources) {
    Result<Theme> theme = parse_lexicon(source.name, source.content, tokenizer);
    if (!theme.ok()) return theme.status();
    themes.push_back(std::move(*theme));
  }
  return assemble(std::move(themes));
}

Result<Lexicon> Lexicon::load(const std::vector<std::string>& paths, const Tokenizer& tokenizer) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return lexicon_error(path, "no such lexicon file or folder");
    }
    if (fs::is_directory(status)) {
      Result<std::vector<std::string>> found = lexicon_files_in(path);
      if (!found.ok()) return found.status();
      files.insert(files.end(), found->begin(), found->end());
    } else {
      files.push_back(path);
    }
  }
  std::vector<Theme> themes;
  std::vector<std::string> warnings;
  for (const std::string& file : files) {
    Result<std::string> content = read_input(file);
    if (!content.ok()) {
      return Status(StatusCode::kLexiconError, content.status().message());
    }
    if (lexicon_format(file) != LexiconFormat::kThemescan) {
      if (Status status = import_themes(file, *content, tokenizer, themes, warnings); !status.ok()) {
        return status;
      }
      continue;
    }
    Result<Theme> theme = parse_lexicon(file, *content, tokenizer);
    if (!theme.ok()) return theme.status();
    themes.push_back(std::move(*theme));
  }
  Result<Lexicon> lexicon = assemble(std::move(themes));
  if (lexicon.ok()) lexicon->warnings_ = std::move(warnings);
  return lexicon;
}

Result<Lexicon> Lexicon::builtin(const Tokenizer& tokenizer) {
  std::vector<LexiconSource> sources;
  for (const detail::BuiltinFile& file : detail::builtin_files()) {
    if (!std::string_view(file.name).ends_with(".lex")) continue;
    sources.push_back({std::string("builtin:") + file.name, std::string_view(file.data, file.size)});
  }
  return from_sources(sources, tokenizer);
}

}  // namespace themescan
