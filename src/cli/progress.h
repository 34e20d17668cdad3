// A progress line on standard error for long runs (corpus mode).
//
// ProgressBar draws "[=====>     ] 120/2000 files  35.2 MB/s  ETA 0:42" (format_progress) on one
// line of standard error, rewriting it in place with '\r' and clear-to-end-of-line, at most every
// 100 ms so a fast run does not spend its time on the terminal. finish() (or the destructor)
// clears the line. A disabled bar writes nothing at all, so callers need no checks of their own.
// Not thread-safe: call advance() from one thread (run_ordered's sink runs on the calling thread).
//
//   ProgressBar progress(paths.size(), total_bytes, stderr_is_terminal && !quiet);
//   run_ordered(n, threads, work, [&](std::size_t, Report&& r) { print(r); progress.advance(r.bytes); });
//   progress.finish();
#pragma once

#include <chrono>
#include <cstdint>

namespace themescan::cli {

class ProgressBar {
 public:
  static constexpr int kDefaultWidth = 24;
  static constexpr std::chrono::milliseconds kRedrawInterval{100};

  ProgressBar(std::uint64_t total_files, std::uint64_t total_bytes, bool enabled,
              int width = kDefaultWidth);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // One more file is done; `bytes` is its size.
  void advance(std::uint64_t bytes);

  // Clears the line so a message can be printed on standard error; the next advance() redraws.
  void clear();

  // Clears the line; later calls to advance() draw nothing.
  void finish();

 private:
  void draw(std::chrono::steady_clock::time_point now);

  std::uint64_t total_files_;
  std::uint64_t total_bytes_;
  bool enabled_;
  bool drawn_ = false;
  int width_;
  std::uint64_t done_files_ = 0;
  std::uint64_t done_bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace themescan::cli
