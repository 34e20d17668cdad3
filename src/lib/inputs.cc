#include "themescan/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace themescan {
namespace fs = std::filesystem;
namespace {

bool is_report_name(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

void expand_folder(const std::string& folder, std::vector<InputItem>& out) {
  std::vector<InputItem> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
  if (ec) {
    out.push_back({folder, Status(StatusCode::kIoError, fmt::format("{}: {}", folder, ec.message()))});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& path = it->path();
    std::error_code entry_ec;
    if (is_hidden(path)) {
      if (it->is_directory(entry_ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_report_name(path)) continue;
    const std::string shown = path.string();
    if (it->is_symlink(entry_ec) && !fs::exists(path, entry_ec)) {
      found.push_back({shown, Status(StatusCode::kNotFound,
                                     fmt::format("{}: broken symbolic link", shown))});
    } else if (it->is_regular_file(entry_ec)) {
      found.push_back({shown, Status::Ok()});
    }
  }
  if (ec) {
    found.push_back({folder, Status(StatusCode::kIoError, fmt::format("{}: {}", folder, ec.message()))});
  }
  if (found.empty()) {
    out.push_back({folder, Status(StatusCode::kNotFound,
                                  fmt::format("{}: no reports (.txt or .md files) in this folder", folder))});
    return;
  }
  std::sort(found.begin(), found.end(),
            [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args) {
  std::vector<InputItem> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({arg, Status::Ok()});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (!fs::exists(status)) {
      const bool dangling = fs::is_symlink(fs::symlink_status(arg, ec));
      out.push_back({arg, Status(StatusCode::kNotFound,
                                 fmt::format("{}: {}", arg, dangling ? "broken symbolic link"
                                                                     : "no such file or folder"))});
    } else if (fs::is_directory(status)) {
      expand_folder(arg, out);
    } else {
      out.push_back({arg, Status::Ok()});
    }
  }
  return out;
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
