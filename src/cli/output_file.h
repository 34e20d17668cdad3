// Writing the output: stdout, or a file replaced atomically.
#pragma once

#include <string>
#include <string_view>

#include "themescan/status.h"

namespace themescan::cli {

// Writes `data` to `path` ("" or "-" = standard output). A regular file (or a path that does not
// exist yet) is written to a temporary file in the same folder and renamed over the target, so
// readers never see a partial file and a failure leaves the old file as it was. Anything else
// (/dev/null, /dev/stdout, a pipe) is written directly, never replaced.
Status write_output(const std::string& path, std::string_view data);

}  // namespace themescan::cli
