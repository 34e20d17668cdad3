// What the CLI needs to know about the terminal.
#pragma once

#include <string>

namespace themescan::cli {

enum class ColorMode { kAuto, kAlways, kNever };

// Parses "auto", "always" or "never".
bool parse_color_mode(const std::string& text, ColorMode* mode);

// Whether to colour output going to standard output: always/never as asked; auto means only when
// standard output is a terminal and the NO_COLOR environment variable is unset or empty.
bool use_color(ColorMode mode, bool to_file);

// Width of the terminal on standard output, or `fallback` when it is not a terminal.
std::size_t terminal_width(std::size_t fallback);

}  // namespace themescan::cli
