// themescan: theme breakdown and attributed quotes of event reports.
// main() only dispatches to a subcommand; each lives in its own file.
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(const std::vector<std::string>&);
};

constexpr Subcommand kSubcommands[] = {
    {"kwic", themescan::cli::run_kwic},
    {"lexicons", themescan::cli::run_lexicons},
    {"lint", themescan::cli::run_lint},
    {"merge", themescan::cli::run_merge},
    {"suggest", themescan::cli::run_suggest},
};

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty()) {
      for (const Subcommand& sub : kSubcommands) {
        if (args.front() == sub.name) {
          args.erase(args.begin());
          return sub.run(args);
        }
      }
    }
    return themescan::cli::run_analyze(args);
  } catch (const std::exception& e) {
    themescan::cli::print_error(std::string("internal error: ") + e.what());
    return themescan::cli::kExitUsage;
  }
}
