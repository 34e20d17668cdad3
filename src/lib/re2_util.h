// Small helpers over RE2. Only src/lib files include RE2 headers, through this one.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

namespace themescan::detail {

// How every lexicon pattern is compiled: UTF-8, case-insensitive, no logging to stderr.
inline RE2::Options pattern_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

}  // namespace themescan::detail
