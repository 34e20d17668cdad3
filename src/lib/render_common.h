// Helpers shared by the renderers.
#pragma once

#include <cmath>
#include <string>

#include "themescan/lexicon.h"

namespace themescan::detail {

// Figures are rounded to 4 decimal places so outputs are short and stable across platforms.
inline double round4(double value) { return std::round(value * 10000.0) / 10000.0; }

const char* entry_kind_name(EntryKind kind);

}  // namespace themescan::detail
