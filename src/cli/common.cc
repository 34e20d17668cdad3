// What the subcommands share (see commands.h).
#include <iostream>

#include "commands.h"

namespace themescan::cli {

void print_error(const std::string& message) { std::cerr << "themescan: " << message << '\n'; }

bool parse_command_line(const std::vector<std::string>& args,
                        const boost::program_options::options_description& visible,
                        std::vector<std::string>* operands, const std::string& command,
                        boost::program_options::variables_map* vm) {
  namespace po = boost::program_options;
  po::options_description options;
  options.add(visible).add_options()("operand", po::value(operands)->composing(), "operand");
  po::positional_options_description positional;
  positional.add("operand", -1);
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    print_error(std::string(e.what()) + " (see '" + command + " --help')");
    return false;
  }
  return true;
}

Result<Lexicon> load_lexicons(const std::vector<std::string>& paths, const Tokenizer& tokenizer,
                              bool quiet) {
  Result<Lexicon> lexicon = paths.empty() ? Lexicon::builtin(tokenizer) : Lexicon::load(paths, tokenizer);
  if (lexicon.ok() && !quiet) {
    for (const std::string& warning : lexicon->warnings()) print_error("warning: " + warning);
  }
  return lexicon;
}

}  // namespace themescan::cli
