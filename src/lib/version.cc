#include "themescan/version.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/uvernum.h>

#ifndef THEMESCAN_RE2_VERSION
#define THEMESCAN_RE2_VERSION "unknown"
#endif

namespace themescan {

std::string version() { return THEMESCAN_VERSION; }

std::string version_report() {
  return fmt::format(
      "themescan {}\nICU {} (Unicode {})\nRE2 {}\nfmt {}.{}.{}\nnlohmann_json {}.{}.{}\n",
      THEMESCAN_VERSION, U_ICU_VERSION, U_UNICODE_VERSION, THEMESCAN_RE2_VERSION,
      FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100,
      NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH);
}

}  // namespace themescan
