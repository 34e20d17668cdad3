// Shared by the libFuzzer targets (see tests/fuzz/README.md): objects built once per process, and
// a check that aborts with a message, so libFuzzer records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "themescan/tokenize.h"

namespace fuzz {

inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

inline const themescan::Tokenizer& tokenizer(bool fast_path = true) {
  static const themescan::Tokenizer fast =
      *themescan::Tokenizer::create({.fast_path = true, .skip_non_ascii_text = false});
  static const themescan::Tokenizer icu = *themescan::Tokenizer::create({.fast_path = false});
  return fast_path ? fast : icu;
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fuzz
