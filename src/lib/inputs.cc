#include "themescan/inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
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

// Walks one folder argument. Folders are read one at a time (names first, then the subfolders),
// so a deep tree never holds more than one descriptor open; the device and inode of every folder
// on the current path detect links that lead back up.
class FolderWalker {
 public:
  FolderWalker(const Filters& filters, std::vector<InputItem>& found)
      : filters_(filters), found_(found) {}

  void walk(const std::string& shown, const std::string& relative) {
    const int fd = ::open(shown.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      found_.push_back(error_item(shown, StatusCode::kIoError,
                                  fmt::format("cannot read folder ({})", std::strerror(errno))));
      return;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) info = {};
    const FolderId id{info.st_dev, info.st_ino};
    if (std::find(path_.begin(), path_.end(), id) != path_.end()) {
      ::close(fd);
      found_.push_back(error_item(shown, StatusCode::kBadInput, "symbolic link loop, skipped"));
      return;
    }
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
      const int error = errno;
      ::close(fd);
      found_.push_back(error_item(shown, StatusCode::kIoError,
                                  fmt::format("cannot read folder ({})", std::strerror(error))));
      return;
    }
    std::vector<std::string> subfolders;
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(dir);
      if (entry == nullptr) {
        if (errno != 0) {
          const int error = errno;
          found_.push_back(error_item(shown, StatusCode::kIoError,
                                      fmt::format("cannot read folder ({})", std::strerror(error))));
        }
        break;
      }
      const std::string_view name = entry->d_name;
      if (name.starts_with('.')) continue;  // ".", ".." and hidden names
      if (visit(dir, shown, relative, name)) subfolders.emplace_back(name);
    }
    ::closedir(dir);
    path_.push_back(id);
    for (const std::string& name : subfolders) {
      walk(join(shown, name), relative.empty() ? name : relative + "/" + name);
    }
    path_.pop_back();
  }

 private:
  // Takes the entry if it is a wanted file; returns true if it is a folder to descend into.
  bool visit(DIR* dir, const std::string& folder, const std::string& relative_folder,
             std::string_view name) {
    const std::string name_string(name);
    const std::string relative =
        relative_folder.empty() ? name_string : relative_folder + "/" + name_string;
    struct stat info {};
    if (::fstatat(::dirfd(dir), name_string.c_str(), &info, 0) != 0) {
      const int error = errno;
      if (!filters_.takes_file(name, relative)) return false;
      struct stat link {};
      const bool is_link =
          ::fstatat(::dirfd(dir), name_string.c_str(), &link, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(link.st_mode);
      const std::string shown = join(folder, name);
      if (is_link && error == ELOOP) {
        found_.push_back(error_item(shown, StatusCode::kBadInput, "symbolic link loop, skipped"));
      } else if (is_link && (error == ENOENT || error == ENOTDIR)) {
        found_.push_back(error_item(shown, StatusCode::kNotFound, "broken symbolic link"));
      } else {
        found_.push_back(error_item(shown, StatusCode::kIoError, std::strerror(error)));
      }
      return false;
    }
    if (S_ISDIR(info.st_mode)) return !filters_.excluded(name, relative);
    if (S_ISREG(info.st_mode) && filters_.takes_file(name, relative)) {
      found_.push_back({join(folder, name), Status::Ok()});
    }
    return false;
  }

  const Filters& filters_;
  std::vector<InputItem>& found_;
  std::vector<FolderId> path_;  // the folders from the argument down to the current one
};

void expand_folder(const std::string& folder, const Filters& filters,
                   std::vector<InputItem>& out) {
  std::vector<InputItem> found;
  FolderWalker(filters, found).walk(folder, "");
  if (found.empty()) {
    out.push_back({folder, Status(StatusCode::kNotFound, filters.nothing_found(folder))});
    return;
  }
  std::sort(found.begin(), found.end(),
            [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const InputOptions& options) {
  const Filters filters(options);
  std::vector<InputItem> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({arg, Status::Ok()});
      continue;
    }
    struct stat info {};
    if (::stat(arg.c_str(), &info) != 0) {
      const int error = errno;
      struct stat link {};
      const bool is_link = ::lstat(arg.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
      if (is_link && error == ELOOP) {
        out.push_back(error_item(arg, StatusCode::kBadInput, "symbolic link loop, skipped"));
      } else if (is_link) {
        out.push_back(error_item(arg, StatusCode::kNotFound, "broken symbolic link"));
      } else if (error == ENOENT || error == ENOTDIR) {
        out.push_back(error_item(arg, StatusCode::kNotFound, "no such file or folder"));
      } else {
        out.push_back(error_item(arg, StatusCode::kIoError, std::strerror(error)));
      }
    } else if (S_ISDIR(info.st_mode)) {
      expand_folder(arg, filters, out);
    } else if (!filters.excluded(base_name(arg), without_dot_slash(arg))) {
      out.push_back({arg, Status::Ok()});
    }
  }
  return out;
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args) {
  return expand_inputs(args, InputOptions{});
}

std::string display_path(const std::string& path) { return path == "-" ? "<stdin>" : path; }

Result<std::string> read_input(const std::string& path) {
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
  }
  if (!stdin_input) ::close(fd);
  return data;
}

}  // namespace themescan
