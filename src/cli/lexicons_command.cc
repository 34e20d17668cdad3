// `themescan lexicons`: list the loaded themes, their entry counts and where they came from.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "commands.h"

namespace themescan::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// Writes `content` to `path` through a temporary file renamed over it: never half-written.
Status write_whole(const fs::path& path, const std::string& content) {
  const fs::path temporary = path.string() + fmt::format(".tmp.{}", ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary);
    out << content;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return Status(StatusCode::kIoError, fmt::format("cannot write {}", path.string()));
    }
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return Status(StatusCode::kIoError, fmt::format("cannot write {}: {}", path.string(), ec.message()));
  }
  return Status::Ok();
}

// `themescan lexicons convert IN... OUT`
int run_convert(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  std::vector<std::string> operands;
  if (!parse_command_line(args, options, &operands, "themescan lexicons convert", &vm)) {
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << "Usage: themescan lexicons convert INPUT... OUTPUT_FOLDER\n\n"
                 "Writes the themes of each INPUT (a .lex file or folder, a LIWC .dic, a LIWC-22\n"
                 ".dicx or .csv, a quanteda .yml/.yaml dictionary) as themescan lexicon files in\n"
                 "OUTPUT_FOLDER, one ID.lex per theme (a theme a/b goes to a/b.lex). Entries an\n"
                 "import had to skip are listed as warnings. Each file is written whole or not at\n"
                 "all; existing files of the same name are replaced.\n\n"
              << options;
    return kExitOk;
  }
  if (operands.size() < 2) {
    print_error("convert needs at least one input and an output folder (see 'themescan lexicons "
                "convert --help')");
    return kExitUsage;
  }
  const fs::path out_dir = operands.back();
  operands.pop_back();
  Result<Tokenizer> tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) {
    print_error(tokenizer.status().message());
    return kExitUsage;
  }
  Result<Lexicon> lexicon = load_lexicons(operands, *tokenizer);
  if (!lexicon.ok()) {
    print_error(lexicon.status().message());
    return kExitUsage;
  }
  std::size_t entries = 0, written = 0;
  for (const Theme& theme : lexicon->themes()) {
    if (theme.entries.empty()) continue;  // a parent only: loading the children adds it again
    ++written;
    const fs::path path = out_dir / (theme.id + ".lex");
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      print_error(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
      return kExitUsage;
    }
    const std::string origin = fmt::format("Converted by themescan from {}", theme.source);
    if (Status status = write_whole(path, to_lex(theme, origin)); !status.ok()) {
      print_error(status.message());
      return kExitUsage;
    }
    entries += theme.entries.size();
  }
  std::cout << fmt::format("wrote {} themes ({} entries) to {}\n", written, entries,
                           out_dir.string());
  return kExitOk;
}

}  // namespace

int run_lexicons(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() == "convert") {
    return run_convert(std::vector<std::string>(args.begin() + 1, args.end()));
  }
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
    std::cout << "Usage: themescan lexicons [--lexicons PATH]...\n"
                 "       themescan lexicons convert INPUT... OUTPUT_FOLDER\n\n"
                 "Lists the themes that would be used: id, entries, exclusions, label, source and\n"
                 "content hash. Without --lexicons, the lexicons built into the binary. PATH may\n"
                 "also be a LIWC .dic, a LIWC-22 .dicx or .csv, or a quanteda .yml dictionary\n"
                 "(each category a theme); 'convert' writes such dictionaries as .lex files.\n\n"
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
