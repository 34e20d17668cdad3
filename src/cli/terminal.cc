#include "terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace themescan::cli {

bool parse_color_mode(const std::string& text, ColorMode* mode) {
  if (text == "auto") *mode = ColorMode::kAuto;
  else if (text == "always") *mode = ColorMode::kAlways;
  else if (text == "never") *mode = ColorMode::kNever;
  else return false;
  return true;
}

bool use_color(ColorMode mode, bool to_file) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t terminal_width(std::size_t fallback) {
  struct winsize size {};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col >= 60) {
    return size.ws_col;
  }
  return fallback;
}

}  // namespace themescan::cli
