#include "themescan/progress_format.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace themescan {
namespace {

// Below this, a rate is noise (the first file done in microseconds would claim GB/s).
constexpr double kMinSeconds = 0.2;

std::string format_duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(std::llround(seconds));
  const std::uint64_t hours = total / 3600;
  const std::uint64_t minutes = total / 60 % 60;
  const std::uint64_t secs = total % 60;
  if (hours > 0) return fmt::format("{}:{:02}:{:02}", hours, minutes, secs);
  return fmt::format("{}:{:02}", minutes, secs);
}

}  // namespace

std::string format_progress(std::uint64_t done, std::uint64_t total, std::uint64_t bytes_done,
                            double seconds_elapsed, int width, std::uint64_t total_bytes) {
  const std::uint64_t cells = static_cast<std::uint64_t>(std::max(width, 0));
  const bool timed = seconds_elapsed >= kMinSeconds;
  const std::string rate =
      timed ? fmt::format("{:.1f}", static_cast<double>(bytes_done) / seconds_elapsed / 1e6) : "--";
  if (total == 0 && total_bytes > 0) {  // a feed: the number of documents is not known
    const std::uint64_t done_bytes = std::min(bytes_done, total_bytes);
    std::string bar(static_cast<std::size_t>(cells * done_bytes / total_bytes), '=');
    if (bar.size() < cells && done_bytes < total_bytes) bar += '>';
    bar.resize(static_cast<std::size_t>(cells), ' ');
    std::string eta = done_bytes >= total_bytes ? "0:00" : "-:--";
    if (done_bytes < total_bytes && timed && done_bytes > 0) {
      eta = format_duration(static_cast<double>(total_bytes - done_bytes) * seconds_elapsed /
                            static_cast<double>(done_bytes));
    }
    return fmt::format("[{}] {} documents  {} MB/s  ETA {}", bar, done, rate, eta);
  }
  const std::uint64_t filled = total == 0 ? cells : std::min(cells, cells * done / total);
  std::string bar(static_cast<std::size_t>(filled), '=');
  if (filled < cells && done < total) bar += '>';
  bar.resize(static_cast<std::size_t>(cells), ' ');

  // Time left = work left / speed so far, in bytes when the total is known, else in files.
  std::string eta = "-:--";
  if (done >= total) {
    eta = "0:00";
  } else if (timed && total_bytes > 0 && bytes_done > 0) {
    const double left = static_cast<double>(total_bytes - std::min(bytes_done, total_bytes));
    eta = format_duration(left * seconds_elapsed / static_cast<double>(bytes_done));
  } else if (timed && total_bytes == 0 && done > 0) {
    eta = format_duration(static_cast<double>(total - done) * seconds_elapsed /
                          static_cast<double>(done));
  }
  return fmt::format("[{}] {}/{} files  {} MB/s  ETA {}", bar, done, total, rate, eta);
}

}  // namespace themescan
