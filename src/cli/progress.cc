#include "progress.h"

#include <cstdio>
#include <string>

#include "themescan/progress_format.h"

namespace themescan::cli {

namespace {
constexpr const char* kClearToEnd = "\x1b[K";
}  // namespace

ProgressBar::ProgressBar(std::uint64_t total_files, std::uint64_t total_bytes, bool enabled,
                         int width)
    : total_files_(total_files),
      total_bytes_(total_bytes),
      enabled_(enabled),
      width_(width),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::advance(std::uint64_t bytes) {
  if (!enabled_) return;
  ++done_files_;
  done_bytes_ += bytes;
  const auto now = std::chrono::steady_clock::now();
  // The first file draws at once so the user sees something; then at most every interval.
  if (!drawn_ || now - last_draw_ >= kRedrawInterval) draw(now);
}

void ProgressBar::draw(std::chrono::steady_clock::time_point now) {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string line =
      format_progress(done_files_, total_files_, done_bytes_, seconds, width_, total_bytes_);
  std::fprintf(stderr, "\r%s%s", line.c_str(), kClearToEnd);
  std::fflush(stderr);
  drawn_ = true;
  last_draw_ = now;
}

void ProgressBar::clear() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r%s", kClearToEnd);
  std::fflush(stderr);
  drawn_ = false;
}

void ProgressBar::finish() {
  if (!enabled_) return;
  if (drawn_) {
    std::fprintf(stderr, "\r%s", kClearToEnd);
    std::fflush(stderr);
  }
  enabled_ = false;
}

}  // namespace themescan::cli
