// progress_format: the text of one progress line, as a pure function so it can be tested.
//
//   [=====>     ] 120/2000 files  35.2 MB/s  ETA 0:42
//
// The bar has `width` cells between the brackets: floor(width * done / total) '=' cells, then a
// '>' while work remains, then spaces. The rate is bytes_done / seconds_elapsed in MB/s (1 MB =
// 10^6 bytes, one decimal). The ETA (m:ss, or h:mm:ss from an hour on, rounded to the second) is
// estimated from the bytes when total_bytes > 0, else from the files; "--" and "-:--" stand for
// a rate or an ETA that cannot be estimated yet (nothing done, or less than 0.2 s elapsed).
// When total is 0 and total_bytes is not (a JSONL feed, whose document count is unknown until
// the end), the bar and the ETA follow the bytes and the count reads "120 documents".
// Pure and thread-safe.
//
//   std::string line = format_progress(120, 2000, 352'000'000, 10.0, 10);
//   // "[>         ] 120/2000 files  35.2 MB/s  ETA 2:37"
#pragma once

#include <cstdint>
#include <string>

namespace themescan {

std::string format_progress(std::uint64_t done, std::uint64_t total, std::uint64_t bytes_done,
                            double seconds_elapsed, int width, std::uint64_t total_bytes = 0);

}  // namespace themescan
