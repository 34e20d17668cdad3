// `themescan lint [--corpus INPUT...] [LEXICON...]`: what in the lexicons does not do what it
// seems to (lint.h).
#include <iostream>
#include <map>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "themescan/analyzer.h"
#include "themescan/inputs.h"
#include "themescan/lint.h"

namespace themescan::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "Usage: themescan lint [--corpus INPUT]... [LEXICON...]\n"
    "\n"
    "Checks lexicons (files, folders or imported dictionaries; default: the built-in ones) and\n"
    "prints one line per finding, FILE:LINE: KIND: message:\n"
    "  error       the file does not load (its first error)\n"
    "  short-stem  a stem of one or two letters, which matches every word starting with them\n"
    "  shadowed    an entry an exclusion of its theme always covers, so it never counts\n"
    "  contained   an entry that is part of a longer entry of its theme\n"
    "  overlap     the same entry in two themes (neither nested in the other)\n"
    "With --corpus, the inputs are analysed and:\n"
    "  unused      an entry without a hit\n"
    "  dominant    an entry with more than half of its theme's hits (10 or more)\n"
    "Exit status: 0 no finding, 1 findings, 2 usage error.\n";

}  // namespace

int run_lint(const std::vector<std::string>& args) {
  std::vector<std::string> corpus;
  po::options_description options("Options");
  options.add_options()
      ("corpus,c", po::value(&corpus)->value_name("INPUT")->composing(),
       "also report entries without hits and entries that dominate a theme in the documents of "
       "INPUT (a file or folder; repeatable)")
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
  // Each path on its own first, so that one bad file is a finding and the others are checked.
  std::vector<std::string> good;
  std::size_t errors = 0;
  for (const std::string& path : paths) {
    Result<Lexicon> one = Lexicon::load({path}, *tokenizer);
    if (one.ok()) {
      good.push_back(path);
      continue;
    }
    const std::string message = one.status().message();
    const std::size_t colon = message.find(": ");
    std::cout << message.substr(0, colon) << ": error: " << message.substr(colon + 2) << "\n";
    ++errors;
  }
  if (!paths.empty() && good.empty()) {
    std::cout << fmt::format("{} findings\n", errors);
    return kExitDocumentsFailed;
  }
  Result<Lexicon> lexicon = load_lexicons(good, *tokenizer, true);
  if (!lexicon.ok()) {  // two good files that define the same theme
    const std::string message = lexicon.status().message();
    const std::size_t colon = message.find(": ");
    std::cout << message.substr(0, colon) << ": error: " << message.substr(colon + 2) << "\n";
    std::cout << fmt::format("{} findings\n", errors + 1);
    return kExitDocumentsFailed;
  }
  std::vector<LintFinding> findings = lint_lexicon(*lexicon);
  if (!corpus.empty()) {
    Result<Analyzer> analyzer = Analyzer::create(Lexicon::from_themes(lexicon->themes()),
                                                 std::move(*tokenizer), {.quotes = false, .decode = {}});
    if (!analyzer.ok()) {
      print_error(analyzer.status().message());
      return kExitUsage;
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> hits;
    InputWalker walker(corpus, InputOptions{});
    while (std::optional<InputItem> item = walker.next()) {
      Result<std::string> bytes = item->error.ok() ? read_input(item->path) : Result<std::string>(item->error);
      Result<DocumentResult> result = bytes.ok() ? analyzer->analyze_owned(item->path, std::move(*bytes))
                                                 : Result<DocumentResult>(bytes.status());
      if (!result.ok()) {
        const std::string message = result.status().message();
        const std::string path = display_path(item->path);
        print_error(message.starts_with(path) ? message : path + ": " + message);
        continue;
      }
      for (const Hit& hit : result->hits) ++hits[{hit.theme, hit.entry}];
    }
    add_corpus_findings(*lexicon, hits, findings);
  }
  for (const LintFinding& f : findings) {
    std::cout << fmt::format("{}:{}: {}: {}\n", f.file, f.line, f.kind, f.message);
  }
  const std::size_t total = errors + findings.size();
  std::cout << fmt::format("{} findings\n", total);
  return total == 0 ? kExitOk : kExitDocumentsFailed;
}

}  // namespace themescan::cli
