#include "themescan/inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "themescan/glob.h"

namespace themescan {
namespace {

struct Pattern {
  std::string glob;
  bool has_slash = false;  // matched against the relative path, not the name
};

struct FolderId {
  dev_t device;
  ino_t inode;
  bool operator==(const FolderId&) const = default;
};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view without_dot_slash(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return path;
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string join(const std::string& folder, std::string_view name) {
  std::string out = folder;
  if (!out.empty() && out.back() != '/') out += '/';
  out += name;
  return out;
}

// The options, prepared once: patterns split by kind, extensions lower-cased with their dot.
class Filters {
 public:
  explicit Filters(const InputOptions& options)
      : include_(prepare(options.include)), exclude_(prepare(options.exclude)) {
    for (const std::string& extension : options.extensions) {
      if (extension.empty()) continue;
      extensions_.push_back(ascii_lower(extension.front() == '.' ? extension : "." + extension));
    }
  }

  bool excluded(std::string_view name, std::string_view relative) const {
    return matches(exclude_, name, relative);
  }

  // A file found inside a folder.
  bool takes_file(std::string_view name, std::string_view relative) const {
    if (excluded(name, relative)) return false;
    if (!include_.empty()) return matches(include_, name, relative);
    const std::string lower = ascii_lower(name);
    return std::any_of(extensions_.begin(), extensions_.end(),
                       [&](const std::string& extension) { return lower.ends_with(extension); });
  }

  std::string nothing_found(const std::string& folder) const {
    if (!include_.empty()) {
      return fmt::format("{}: no files matching the include patterns in this folder", folder);
    }
    std::string kinds;
    for (std::size_t i = 0; i < extensions_.size(); ++i) {
      if (i > 0) kinds += i + 1 == extensions_.size() ? " or " : ", ";
      kinds += extensions_[i];
    }
    return fmt::format("{}: no reports ({} files) in this folder", folder, kinds);
  }

 private:
  static std::vector<Pattern> prepare(const std::vector<std::string>& globs) {
    std::vector<Pattern> out;
    for (const std::string& glob : globs) {
      const bool has_slash = glob.find('/') != std::string::npos;
      std::string_view text = glob;
      if (has_slash) {
        text = without_dot_slash(text);
        while (text.starts_with('/')) text.remove_prefix(1);
      }
      out.push_back({std::string(text), has_slash});
    }
    return out;
  }

  static bool matches(const std::vector<Pattern>& patterns, std::string_view name,
                      std::string_view relative) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const Pattern& pattern) {
      return glob_match(pattern.glob, pattern.has_slash ? relative : name);
    });
  }

  std::vector<Pattern> include_;
  std::vector<Pattern> exclude_;
  std::vector<std::string> extensions_;
};

InputItem error_item(const std::string& path, StatusCode code, std::string_view what) {
  return {path, Status(code, fmt::format("{}: {}", path, what))};
}

// One folder being walked: its entries, read and classified when it is opened, in path order.
struct Entry {
  enum Kind { kFile, kFolder, kError } kind;
  std::string name;
  Status error;  // kError
  // Sorting by name, with '/' after a folder's name, gives the byte order of the full paths:
  // "a-b.txt" < "a/x.txt" because '-' < '/'.
  std::string key() const { return kind == kFolder ? name + "/" : name; }
};

struct Frame {
  std::string shown;     // the folder as shown ("corpus/2025")
  std::string relative;  // below the argument ("2025"; "" for the argument itself)
  FolderId id;
  std::vector<Entry> entries;
  std::size_t next = 0;
};

}  // namespace

struct InputWalker::State {
  explicit State(const InputOptions& options) : filters(options) {}

  // Reads folder `shown` into a new frame; an error item when it cannot be read or loops.
  std::optional<InputItem> open(const std::string& shown, const std::string& relative) {
    const int fd = ::open(shown.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      return error_item(shown, StatusCode::kIoError,
                        fmt::format("cannot read folder ({})", std::strerror(errno)));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) info = {};
    const FolderId id{info.st_dev, info.st_ino};
    for (const Frame& frame : frames) {
      if (frame.id == id) {
        ::close(fd);
        return error_item(shown, StatusCode::kBadInput, "symbolic link loop, skipped");
      }
    }
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
      const int error = errno;
      ::close(fd);
      return error_item(shown, StatusCode::kIoError,
                        fmt::format("cannot read folder ({})", std::strerror(error)));
    }
    Frame frame{shown, relative, id, {}, 0};
    std::optional<InputItem> failure;
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(dir);
      if (entry == nullptr) {
        if (errno != 0) {
          failure = error_item(shown, StatusCode::kIoError,
                               fmt::format("cannot read folder ({})", std::strerror(errno)));
        }
        break;
      }
      const std::string_view name = entry->d_name;
      if (name.starts_with('.')) continue;  // ".", ".." and hidden names
      classify(dir, frame, name);
    }
    ::closedir(dir);
    std::sort(frame.entries.begin(), frame.entries.end(),
              [](const Entry& a, const Entry& b) { return a.key() < b.key(); });
    frames.push_back(std::move(frame));
    return failure;
  }

  // Adds the entry to the frame if it is a wanted file, a folder to descend into, or a problem.
  void classify(DIR* dir, Frame& frame, std::string_view name) {
    const std::string name_string(name);
    const std::string relative =
        frame.relative.empty() ? name_string : frame.relative + "/" + name_string;
    struct stat info {};
    if (::fstatat(::dirfd(dir), name_string.c_str(), &info, 0) != 0) {
      const int error = errno;
      if (!filters.takes_file(name, relative)) return;
      struct stat link {};
      const bool is_link =
          ::fstatat(::dirfd(dir), name_string.c_str(), &link, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(link.st_mode);
      const std::string shown = join(frame.shown, name);
      InputItem item = is_link && error == ELOOP
                           ? error_item(shown, StatusCode::kBadInput, "symbolic link loop, skipped")
                       : is_link && (error == ENOENT || error == ENOTDIR)
                           ? error_item(shown, StatusCode::kNotFound, "broken symbolic link")
                           : error_item(shown, StatusCode::kIoError, std::strerror(error));
      frame.entries.push_back({Entry::kError, name_string, std::move(item.error)});
      return;
    }
    if (S_ISDIR(info.st_mode)) {
      if (!filters.excluded(name, relative)) frame.entries.push_back({Entry::kFolder, name_string, {}});
    } else if (S_ISREG(info.st_mode) && filters.takes_file(name, relative)) {
      frame.entries.push_back({Entry::kFile, name_string, {}});
    }
  }

  // The next item of the folder walk in progress; nullopt when it is over.
  std::optional<InputItem> next_in_folder() {
    while (!frames.empty()) {
      Frame& frame = frames.back();
      if (frame.next == frame.entries.size()) {
        frames.pop_back();
        continue;
      }
      Entry& entry = frame.entries[frame.next++];
      const std::string shown = join(frame.shown, entry.name);
      switch (entry.kind) {
        case Entry::kFile: ++taken; return InputItem{shown, Status::Ok()};
        case Entry::kError: ++taken; return InputItem{shown, std::move(entry.error)};
        case Entry::kFolder: {
          const std::string relative =
              frame.relative.empty() ? entry.name : frame.relative + "/" + entry.name;
          if (std::optional<InputItem> failure = open(shown, relative)) {
            ++taken;
            return failure;
          }
          break;
        }
      }
    }
    return std::nullopt;
  }

  // The item(s) for one command-line argument: a file, an error, or the start of a folder walk.
  std::optional<InputItem> start(const std::string& arg) {
    if (arg == "-") return InputItem{arg, Status::Ok()};
    struct stat info {};
    if (::stat(arg.c_str(), &info) != 0) {
      const int error = errno;
      struct stat link {};
      const bool is_link = ::lstat(arg.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
      if (is_link && error == ELOOP) {
        return error_item(arg, StatusCode::kBadInput, "symbolic link loop, skipped");
      }
      if (is_link) return error_item(arg, StatusCode::kNotFound, "broken symbolic link");
      if (error == ENOENT || error == ENOTDIR) {
        return error_item(arg, StatusCode::kNotFound, "no such file or folder");
      }
      return error_item(arg, StatusCode::kIoError, std::strerror(error));
    }
    if (S_ISDIR(info.st_mode)) {
      folder = arg;
      taken = 0;
      return open(arg, "");
    }
    if (filters.excluded(base_name(arg), without_dot_slash(arg))) return std::nullopt;
    return InputItem{arg, Status::Ok()};
  }

  Filters filters;
  std::vector<Frame> frames;  // the folders from the argument down to the current one
  std::string folder;         // the folder argument being walked
  std::size_t taken = 0;      // items it gave so far
};

InputWalker::InputWalker(std::vector<std::string> args, const InputOptions& options)
    : args_(std::move(args)), state_(std::make_unique<State>(options)) {}
InputWalker::~InputWalker() = default;
InputWalker::InputWalker(InputWalker&&) noexcept = default;
InputWalker& InputWalker::operator=(InputWalker&&) noexcept = default;

std::optional<InputItem> InputWalker::next() {
  State& s = *state_;
  for (;;) {
    if (!s.folder.empty()) {
      if (std::optional<InputItem> item = s.next_in_folder()) return item;
      const std::string folder = std::move(s.folder);
      s.folder.clear();
      if (s.taken == 0) {
        return InputItem{folder, Status(StatusCode::kNotFound, s.filters.nothing_found(folder))};
      }
    }
    if (arg_ == args_.size()) return std::nullopt;
    if (std::optional<InputItem> item = s.start(args_[arg_++])) {
      if (!s.folder.empty()) ++s.taken;  // a folder that cannot be read
      return item;
    }
  }
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const InputOptions& options) {
  std::vector<InputItem> out;
  InputWalker walker(args, options);
  while (std::optional<InputItem> item = walker.next()) out.push_back(std::move(*item));
  return out;
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args) {
  return expand_inputs(args, InputOptions{});
}

std::string display_path(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string too_large_message(const std::string& path, std::uint64_t bytes, std::uint64_t max_bytes) {
  return fmt::format("{}: {} bytes{} is over the limit of {} bytes (--max-bytes); skipped",
                     display_path(path), bytes, path == "-" ? " or more" : "", max_bytes);
}

Result<std::string> read_input(const std::string& path, std::uint64_t max_bytes) {
  const bool stdin_input = path == "-";
  const int fd = stdin_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  auto fail = [&](int error) {
    return Status(error == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                  fmt::format("{}: {}", display_path(path),
                              error == EISDIR ? "is a folder" : std::strerror(error)));
  };
  if (fd < 0) return fail(errno);
  std::string data;
  struct stat info {};
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      if (!stdin_input) ::close(fd);
      return fail(EISDIR);
    }
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > max_bytes) {
      if (!stdin_input) ::close(fd);
      return Status(StatusCode::kBadInput,
                    too_large_message(path, static_cast<std::uint64_t>(info.st_size), max_bytes));
    }
    if (S_ISREG(info.st_mode) && info.st_size > 0) data.reserve(static_cast<std::size_t>(info.st_size));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      if (!stdin_input) ::close(fd);
      return fail(error);
    }
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {  // a pipe, or a file that grew while being read
      if (!stdin_input) ::close(fd);
      return Status(StatusCode::kBadInput, too_large_message(path, data.size(), max_bytes));
    }
  }
  if (!stdin_input) ::close(fd);
  return data;
}

}  // namespace themescan
