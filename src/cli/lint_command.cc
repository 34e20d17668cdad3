// `themescan lint [--corpus INPUT...] [LEXICON...]`: what in the lexicons does not do what it
// seems to (lint.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "themescan/analyzer.h"
#include "themescan/inputs.h"
#include "themescan/lexicon_import.h"
#include "themescan/lint.h"

namespace themescan::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "Usage: themescan lint [--corpus INPUT]... [LEXICON...]\n"
    "\n"
    "Checks lexicons (files, folders or imported dictionaries; default: the built-in ones) and\n"
    "prints one line per finding, FILE:LINE: KIND: message:\n"
    "  error       a line the parser rejects (duplicate entry, bad weight, ...: each one is\n"
    "              reported, the file is checked without it), or a file that does not load\n"
    "  import      an entry an imported dictionary (.dic, .dicx, .yml) had to skip\n"
    "  short-stem  a stem of one or two letters, which matches every word starting with them\n"
    "  shadowed    an entry an exclusion of its theme always covers, so it never counts\n"
    "  contained   an entry that is part of a longer entry of its theme (a note: where\n"
    "              both match, the longer one counts, once; often what the author meant)\n"
    "  overlap     the same entry in two themes (neither nested in the other)\n"
    "With --corpus, the inputs are analysed and:\n"
    "  unused      an entry without a hit\n"
    "  dominant    an entry with more than half of its theme's hits (10 or more)\n"
    "Then the number of findings and of notes. Exit status: 0 when there are no findings\n"
    "(notes do not count unless --strict), 1 with findings, 2 usage error.\n";

}  // namespace

int run_lint(const std::vector<std::string>& args) {
  std::vector<std::string> corpus;
  bool strict = false;
  po::options_description options("Options");
  options.add_options()
      ("corpus,c", po::value(&corpus)->value_name("INPUT")->composing(),
       "also report entries without hits and entries that dominate a theme in the documents of "
       "INPUT (a file or folder; repeatable)")
      ("strict", po::bool_switch(&strict), "notes (contained entries) fail the check too")
      ("help,h", "show this help");
  po::variables_map vm;
  std::vector<std::string> paths;
  if (!parse_command_line(args, options, &paths, "themescan lint", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << options;
    return kExitOk;
  }
  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  // Each file on its own: an error on an entry line is a finding, and the file is read again
  // without that line (blanked, so line numbers stay), so every bad line is reported; the
  // repaired files are then checked together.
  std::vector<std::pair<std::string, std::string>> sources;  // .lex files: path, content
  std::vector<std::string> imported;                         // other formats, loaded as they are
  std::vector<LintFinding> load_findings;
  const auto finding_from = [&](const std::string& message) {
    LintFinding f;
    const std::size_t colon = message.find(": ");
    const std::string where = message.substr(0, colon);
    const std::size_t line_colon = where.rfind(':');
    f.file = where;
    if (line_colon != std::string::npos && where.find_first_not_of("0123456789", line_colon + 1) == std::string::npos) {
      f.file = where.substr(0, line_colon);
      f.line = static_cast<std::uint32_t>(std::stoul(where.substr(line_colon + 1)));
    }
    f.kind = "error";
    f.message = message.substr(colon + 2);
    return f;
  };
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".lex" && it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) load_findings.push_back({path, 0, "error", "no lexicon files (*.lex) in this folder"});
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  for (const std::string& file : files) {
    if (lexicon_format(file) != LexiconFormat::kThemescan) {
      Result<Lexicon> one = Lexicon::load({file}, *tokenizer);
      if (!one.ok()) {
        load_findings.push_back(finding_from(one.status().message()));
        continue;
      }
      for (const std::string& warning : one->warnings()) {
        LintFinding f = finding_from(warning);
        f.kind = "import";
        load_findings.push_back(std::move(f));
      }
      imported.push_back(file);
      continue;
    }
    Result<std::string> content = read_input(file);
    if (!content.ok()) {
      load_findings.push_back({file, 0, "error", content.status().message().substr(file.size() + 2)});
      continue;
    }
    bool repaired = false;
    for (;;) {
      Result<Lexicon> one = Lexicon::from_sources({{file, *content}}, *tokenizer);
      if (one.ok()) {
        sources.emplace_back(file, std::move(*content));
        break;
      }
      LintFinding f = finding_from(one.status().message());
      const std::uint32_t line = f.line;
      // Blank the line and try again, unless the problem is not one entry's.
      std::size_t begin = 0;
      for (std::uint32_t k = 1; k < line && begin != std::string::npos; ++k) {
        begin = content->find('\n', begin);
        if (begin != std::string::npos) ++begin;
      }
      const bool entry_line = line > 0 && begin != std::string::npos && begin < content->size();
      const std::size_t end = entry_line ? std::min(content->find('\n', begin), content->size()) : 0;
      const std::string_view text = entry_line ? std::string_view(*content).substr(begin, end - begin)
                                               : std::string_view();
      const std::size_t first = text.find_first_not_of(" \t");
      if (!entry_line || first == std::string_view::npos || text.substr(first).starts_with("@theme")) {
        // A file-level problem (no line, or the @theme line: without it every entry would be
        // an error); after blanking bad lines it can only be that no entry is left, which the
        // findings above already explain. A bad other directive is blanked like an entry.
        if (!repaired) load_findings.push_back(std::move(f));
        break;
      }
      load_findings.push_back(std::move(f));
      content->erase(begin, end - begin);
      repaired = true;
    }
  }
  std::vector<LexiconSource> views;
  for (const auto& [file, content] : sources) views.push_back({file, content});
  Result<Lexicon> from_files = Lexicon::from_sources(views, *tokenizer);
  Result<Lexicon> lexicon = Status::Ok();
  if (paths.empty()) {
    lexicon = Lexicon::builtin(*tokenizer);
  } else if (from_files.ok() && imported.empty()) {
    lexicon = std::move(from_files);
  } else if (from_files.ok()) {
    Result<Lexicon> others = Lexicon::load(imported, *tokenizer);
    if (!others.ok()) {
      lexicon = others.status();
    } else {
      std::vector<Theme> themes = from_files->themes();
      for (const Theme& theme : others->themes()) themes.push_back(theme);
      lexicon = Lexicon::from_themes(std::move(themes));
    }
  } else {
    lexicon = from_files.status();
  }
  if (!lexicon.ok()) {  // two files that define the same theme
    load_findings.push_back(finding_from(lexicon.status().message()));
    for (const LintFinding& f : load_findings) {
      std::cout << fmt::format("{}:{}: {}: {}\n", f.file, f.line, f.kind, f.message);
    }
    std::cout << fmt::format("{} findings\n", load_findings.size());
    return kExitDocumentsFailed;
  }
  std::vector<LintFinding> findings = lint_lexicon(*lexicon);
  findings.insert(findings.begin(), load_findings.begin(), load_findings.end());
  if (!corpus.empty()) {
    Result<Analyzer> analyzer = Analyzer::create(Lexicon::from_themes(lexicon->themes()),
                                                 std::move(*tokenizer), {.quotes = false, .decode = {}});
    if (!analyzer.ok()) {
      print_error(analyzer.status().message());
      return kExitUsage;
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> hits;
    for_each_document(*analyzer, corpus, [&](const DocumentResult& result) {
      for (const Hit& hit : result.hits) ++hits[{hit.theme, hit.entry}];
    });
    add_corpus_findings(*lexicon, hits, findings);
  }
  sort_findings(findings);
  for (const LintFinding& f : findings) {
    std::cout << fmt::format("{}:{}: {}: {}\n", f.file, f.line, f.kind, f.message);
  }
  const auto notes = static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.note; }));
  const std::size_t problems = findings.size() - notes;
  std::cout << fmt::format("{} finding{}", problems, problems == 1 ? "" : "s");
  if (notes > 0) std::cout << fmt::format(", {} note{}", notes, notes == 1 ? "" : "s");
  std::cout << "\n";
  return problems == 0 && (!strict || notes == 0) ? kExitOk : kExitDocumentsFailed;
}

}  // namespace themescan::cli
