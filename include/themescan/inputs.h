// inputs: command-line paths -> an ordered list of documents to read.
//
// expand_inputs(args, options) turns each argument, in the order given, into input items:
//   * "-" is standard input.
//   * A file named explicitly is always taken, whatever its extension, unless --exclude matches
//     it (a pattern without '/' against its file name, one with '/' against the argument as
//     written, without a leading "./").
//   * A folder is searched recursively. Inside it, names starting with '.' (files and folders)
//     are skipped; a file is taken when its name ends with one of options.extensions (compared
//     without regard to ASCII case) or, when options.include is not empty, when it matches one
//     of the include patterns instead. --exclude removes matching files, and a matching folder is
//     not descended into. Symbolic links are followed, to files and to folders; a link that
//     leads back into a folder on the current path (same device and inode) is reported as
//     "corpus/loop: symbolic link loop, skipped". Only regular files are taken from folders.
//     The items found in one folder argument are sorted by path (byte order); paths are shown as
//     "<folder>/<relative path>".
//   * Pattern matching (glob.h): a pattern without '/' is matched against the file or folder
//     name, one with '/' against the path relative to the folder argument ("2025/q2/a.txt");
//     a leading '/' anchors nothing more and is ignored.
// A path that cannot be used becomes an InputItem with an error, in its place, so the caller can
// report it and go on with the rest: a missing path ("x: no such file or folder"), a broken
// symbolic link ("x: broken symbolic link"; inside folders only when its name would have been
// taken), a folder that cannot be read, a link loop, or a folder with nothing to take
// ("corpus: no reports (.txt or .md files) in this folder", naming options.extensions).
// Thread safety: stateless; safe to call from several threads.
//
//   InputOptions options;
//   options.exclude = {"drafts", "*.tmp.md"};
//   for (const InputItem& item : expand_inputs({"corpus", "extra.txt"}, options)) {
//     if (!item.error.ok()) report(item.error.message()); else analyze(item.path);
//   }
#pragma once

#include <memory>
#include <optional>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "themescan/status.h"

namespace themescan {

struct InputItem {
  std::string path;   // as shown to the user
  Status error;       // not ok: this input could not be used
};

struct InputOptions {
  std::vector<std::string> include;  // glob patterns; when not empty they replace `extensions`
  std::vector<std::string> exclude;  // glob patterns for files and folders to leave out
  // A missing leading '.' is implied. The CLI passes folder_extensions() of its input format
  // (extract.h): every readable format in auto mode.
  std::vector<std::string> extensions = {".txt", ".md"};
};

// The same items, one at a time, so that a corpus of any size costs only the folder being read:
// folders are walked depth first with each folder's entries sorted (a folder's name counts as
// "name/"), which gives exactly the order of sorting all paths. Not thread-safe.
class InputWalker {
 public:
  InputWalker(std::vector<std::string> args, const InputOptions& options);
  ~InputWalker();
  InputWalker(InputWalker&&) noexcept;
  InputWalker& operator=(InputWalker&&) noexcept;

  // The next item; nullopt after the last.
  std::optional<InputItem> next();

 private:
  struct State;
  std::vector<std::string> args_;
  std::size_t arg_ = 0;
  std::unique_ptr<State> state_;
};

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const InputOptions& options);

// The same with the default InputOptions.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args);

// How an input path is shown to people: "-" (standard input) is "<stdin>".
std::string display_path(const std::string& path);

// Reads a whole file ("-" = standard input). Errors name the path. An input larger than
// `max_bytes` is not read (standard input: reading stops there) and is an error.
Result<std::string> read_input(const std::string& path,
                               std::uint64_t max_bytes = std::numeric_limits<std::uint64_t>::max());

// "12 MB is over the limit" style message for an input larger than `max_bytes`.
std::string too_large_message(const std::string& path, std::uint64_t bytes, std::uint64_t max_bytes);

}  // namespace themescan
