// The shipped lexicon files, compiled in by cmake/embed_files.cmake.
#pragma once

#include <cstddef>
#include <vector>

namespace themescan::detail {

struct BuiltinFile {
  const char* name;
  const char* data;
  std::size_t size;
};

const std::vector<BuiltinFile>& builtin_files();

}  // namespace themescan::detail
