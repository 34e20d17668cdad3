// version: themescan's version and the versions of the libraries it was built with.
#pragma once

#include <string>

namespace themescan {

std::string version();
// "themescan X.Y.Z\nICU ...\nRE2 ...\nfmt ...\nnlohmann_json ..." (one line each).
std::string version_report();

}  // namespace themescan
