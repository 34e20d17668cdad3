// What the subcommands share (see commands.h).
#include <iostream>

#include "commands.h"

namespace themescan::cli {

void print_error(const std::string& message) { std::cerr << "themescan: " << message << '\n'; }

Result<Lexicon> load_lexicons(const std::vector<std::string>& paths, const Tokenizer& tokenizer) {
  return paths.empty() ? Lexicon::builtin(tokenizer) : Lexicon::load(paths, tokenizer);
}

}  // namespace themescan::cli
