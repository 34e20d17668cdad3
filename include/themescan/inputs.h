// inputs: command-line paths -> an ordered list of documents to read.
//
// A file is taken as given; a folder is searched recursively for `.txt` and `.md` files (hidden
// files and folders skipped, symbolic links to folders not followed), sorted by path; "-" is
// standard input. A path that cannot be used becomes an InputItem with an error, in its place,
// so the caller can report it and go on with the rest.
#pragma once

#include <string>
#include <vector>

#include "themescan/status.h"

namespace themescan {

struct InputItem {
  std::string path;   // as shown to the user
  Status error;       // not ok: this input could not be used
};

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args);

// How an input path is shown to people: "-" (standard input) is "<stdin>".
std::string display_path(const std::string& path);

// Reads a whole file ("-" = standard input). Errors name the path.
Result<std::string> read_input(const std::string& path);

}  // namespace themescan
