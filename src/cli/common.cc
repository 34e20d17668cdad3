// What the subcommands share (see commands.h).
#include <iostream>

#include "themescan/inputs.h"

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

bool for_each_document(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                       const std::function<void(const DocumentResult&)>& each) {
  bool ok = true;
  InputOptions options;
  options.extensions = folder_extensions(InputFormat::kAuto);
  InputWalker walker(inputs, options);
  while (std::optional<InputItem> item = walker.next()) {
    Result<std::string> bytes = item->error.ok() ? read_input(item->path) : Result<std::string>(item->error);
    Result<DocumentResult> result = bytes.ok() ? analyzer.analyze_document(item->path, std::move(*bytes),
                                                                           InputFormat::kAuto)
                                               : Result<DocumentResult>(bytes.status());
    if (!result.ok()) {
      const std::string message = result.status().message();
      const std::string path = display_path(item->path);
      print_error(message.starts_with(path) ? message : path + ": " + message);
      ok = false;
      continue;
    }
    each(*result);
  }
  return ok;
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
