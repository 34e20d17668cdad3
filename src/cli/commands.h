// The subcommands of the themescan CLI and what they share. Each returns the process exit code:
// 0 all fine, 1 some documents failed, 2 usage, lexicon, output or set-up error.
#pragma once

#include <string>
#include <vector>

#include "themescan/lexicon.h"
#include "themescan/tokenize.h"

namespace themescan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDocumentsFailed = 1;
inline constexpr int kExitUsage = 2;

int run_analyze(const std::vector<std::string>& args);
int run_lexicons(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);

// Prints "themescan: MESSAGE" on standard error.
void print_error(const std::string& message);

// The lexicons from --lexicons paths, or the built-in ones when there are none.
Result<Lexicon> load_lexicons(const std::vector<std::string>& paths, const Tokenizer& tokenizer);

}  // namespace themescan::cli
