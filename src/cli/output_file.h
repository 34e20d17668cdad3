// Writing the output: stdout, or a file replaced atomically.
#pragma once

#include <string>
#include <string_view>

#include "themescan/status.h"

namespace themescan::cli {

// An output written a piece at a time. open("") or open("-") writes to standard output as it
// goes. A regular file (or a path that does not exist yet) is written to a temporary file in the
// same folder (same mode as the file it replaces) and renamed over the target by commit(), so
// readers never see a partial file; destroying an OutputSink without commit() (an error, Ctrl-C)
// removes the temporary file and leaves the old one as it was. A symbolic link is followed: its
// target is replaced. Anything else (/dev/null, /dev/stdout, a pipe) is written directly.
// Errors name the path: "cannot write out.json: No space left on device".
class OutputSink {
 public:
  OutputSink() = default;
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  Status open(const std::string& path);
  Status write(std::string_view data);
  Status commit();

 private:
  void discard();

  std::string shown_;   // the path as given, for messages
  std::string target_;  // the file to replace ("" when writing directly)
  std::string temp_;
  int fd_ = -1;
  bool owns_fd_ = false;
};

// open + write + commit: the whole output at once.
Status write_output(const std::string& path, std::string_view data);

}  // namespace themescan::cli
