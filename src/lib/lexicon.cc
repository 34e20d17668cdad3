#include "themescan/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "builtin_files.h"
#include "themescan/inputs.h"

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
  std::sort(themes.begin(), themes.end(),
            [](const Theme& a, const Theme& b) { return a.id < b.id; });
  return Lexicon::from_themes(std::move(themes));
}

}  // namespace

Lexicon Lexicon::from_themes(std::vector<Theme> themes) {
  Lexicon lexicon;
  lexicon.themes_ = std::move(themes);
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
  for (const std::string& file : files) {
    Result<std::string> content = read_input(file);
    if (!content.ok()) {
      return Status(StatusCode::kLexiconError, content.status().message());
    }
    Result<Theme> theme = parse_lexicon(file, *content, tokenizer);
    if (!theme.ok()) return theme.status();
    themes.push_back(std::move(*theme));
  }
  return assemble(std::move(themes));
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
