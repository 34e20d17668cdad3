// `themescan lexicons`: list the loaded themes, their entry counts and where they came from.
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "commands.h"

namespace themescan::cli {
namespace po = boost::program_options;

int run_lexicons(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("lexicons,l", po::value<std::vector<std::string>>()->composing(),
       "lexicon file or folder to list instead of the built-in lexicons (repeatable)")
      ("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error(std::string(e.what()) + " (see 'themescan lexicons --help')");
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << "Usage: themescan lexicons [--lexicons PATH]...\n\n"
                 "Lists the themes that would be used: id, entries, exclusions, label, source and\n"
                 "content hash. Without --lexicons, the lexicons built into the binary.\n\n"
              << options;
    return kExitOk;
  }
  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  std::vector<std::string> paths;
  if (vm.count("lexicons")) paths = vm["lexicons"].as<std::vector<std::string>>();
  Result<Lexicon> lexicon = load_lexicons(paths, *tokenizer);
  if (!lexicon.ok()) {
    print_error(lexicon.status().message());
    return kExitUsage;
  }
  std::size_t id_width = 5, label_width = 5;
  for (const Theme& theme : lexicon->themes()) {
    id_width = std::max(id_width, theme.id.size());
    label_width = std::max(label_width, theme.label.size());
  }
  std::cout << fmt::format("{:<{}}  {:>7}  {:>10}  {:<{}}  {}\n", "theme", id_width, "entries",
                           "exclusions", "label", label_width, "source (hash)");
  std::size_t total = 0;
  for (const Theme& theme : lexicon->themes()) {
    total += theme.entry_count();
    std::cout << fmt::format("{:<{}}  {:>7}  {:>10}  {:<{}}  {} ({})\n", theme.id, id_width,
                             theme.entry_count(), theme.exclusion_count(), theme.label,
                             label_width, theme.source, theme.hash);
  }
  std::cout << fmt::format("{} themes, {} entries\n", lexicon->themes().size(), total);
  return kExitOk;
}

}  // namespace themescan::cli
