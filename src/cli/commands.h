// The subcommands of the themescan CLI and what they share. Each returns the process exit code:
// 0 all fine, 1 some documents failed, 2 usage, lexicon, output or set-up error.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "themescan/analyzer.h"
#include "themescan/lexicon.h"
#include "themescan/tokenize.h"

namespace themescan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDocumentsFailed = 1;
inline constexpr int kExitUsage = 2;

int run_analyze(const std::vector<std::string>& args);
int run_lexicons(const std::vector<std::string>& args);
int run_kwic(const std::vector<std::string>& args);
int run_suggest(const std::vector<std::string>& args);
int run_lint(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);

// Prints "themescan: MESSAGE" on standard error.
void print_error(const std::string& message);

// Parses `args` against the `visible` options plus a hidden positional option that takes every
// operand into *operands. On an error prints "MESSAGE (see 'COMMAND --help')" and returns false.
bool parse_command_line(const std::vector<std::string>& args,
                        const boost::program_options::options_description& visible,
                        std::vector<std::string>* operands, const std::string& command,
                        boost::program_options::variables_map* vm);

// Reads and analyses every document of `inputs` (files, folders walked in order, "-"), calling
// `each` with each result; an input that fails gets its one-line error on standard error.
// Returns false when one failed.
bool for_each_document(const Analyzer& analyzer, const std::vector<std::string>& inputs,
                       const std::function<void(const DocumentResult&)>& each);

// The lexicons from --lexicons paths, or the built-in ones when there are none.
Result<Lexicon> load_lexicons(const std::vector<std::string>& paths, const Tokenizer& tokenizer,
                              bool quiet = false);

}  // namespace themescan::cli
