// Tests for progress_format.h: the progress line.
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/progress_format.h"

using themescan::format_progress;

TEST_CASE("progress: the bar, the counts, the rate and the ETA from files") {
  CHECK(format_progress(120, 2000, 352'000'000, 10.0, 10) ==
        "[>         ] 120/2000 files  35.2 MB/s  ETA 2:37");
  CHECK(format_progress(1000, 2000, 5'000'000, 4.0, 11) ==
        "[=====>     ] 1000/2000 files  1.2 MB/s  ETA 0:04");
  CHECK(format_progress(2000, 2000, 1'000'000, 8.0, 4) == "[====] 2000/2000 files  0.1 MB/s  ETA 0:00");
  CHECK(format_progress(1, 3, 0, 1.0, 3) == "[=> ] 1/3 files  0.0 MB/s  ETA 0:02");
}

TEST_CASE("progress: nothing known yet") {
  CHECK(format_progress(0, 10, 0, 0.0, 5) == "[>    ] 0/10 files  -- MB/s  ETA -:--");
  CHECK(format_progress(0, 10, 0, 2.0, 5) == "[>    ] 0/10 files  0.0 MB/s  ETA -:--");
  CHECK(format_progress(1, 10, 100, 0.1, 5) == "[>    ] 1/10 files  -- MB/s  ETA -:--");
  CHECK(format_progress(0, 0, 0, 0.0, 3) == "[===] 0/0 files  -- MB/s  ETA 0:00");
  CHECK(format_progress(0, 10, 0, 1.0, 0) == "[] 0/10 files  0.0 MB/s  ETA -:--");
}

TEST_CASE("progress: the ETA from bytes, and hours") {
  // 25 MB of 100 MB in 5 s: 75 MB left at 5 MB/s.
  CHECK(format_progress(1, 4, 25'000'000, 5.0, 4, 100'000'000) ==
        "[=>  ] 1/4 files  5.0 MB/s  ETA 0:15");
  // 1 file of 1000 in 4 s: 999 * 4 = 3996 s.
  CHECK(format_progress(40, 0, 25'000'000, 5.0, 4, 100'000'000) ==
        "[=>  ] 40 documents  5.0 MB/s  ETA 0:15");
  CHECK(format_progress(90, 0, 100'000'000, 5.0, 4, 100'000'000) ==
        "[====] 90 documents  20.0 MB/s  ETA 0:00");
  CHECK(format_progress(1, 1000, 0, 4.0, 2) == "[> ] 1/1000 files  0.0 MB/s  ETA 1:06:36");
}
