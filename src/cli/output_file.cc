#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace themescan::cli {
namespace {

Status write_error(const std::string& path, int error) {
  return Status(StatusCode::kIoError, fmt::format("cannot write {}: {}", path, std::strerror(error)));
}

bool write_all(int fd, std::string_view data, int* error) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = errno;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

Status write_output(const std::string& path, std::string_view data) {
  int error = 0;
  if (path.empty() || path == "-") {
    if (!write_all(STDOUT_FILENO, data, &error)) return write_error("standard output", error);
    return Status::Ok();
  }
  std::string target = path;
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) return write_error(path, EISDIR);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return write_error(path, errno);
    const bool ok = write_all(fd, data, &error);
    ::close(fd);
    return ok ? Status::Ok() : write_error(path, error);
  }
  // Replace the file a symbolic link points to, not the link.
  std::error_code ec;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) {
    const auto resolved = std::filesystem::canonical(path, ec);
    if (!ec) target = resolved.string();
  }
  std::string temp = target + ".tmp.XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return write_error(path, errno);
  temp.assign(name.data());
  const mode_t mask = ::umask(0);
  ::umask(mask);
  const mode_t mode = (::stat(target.c_str(), &info) == 0) ? (info.st_mode & 07777) : (0666 & ~mask);
  bool ok = ::fchmod(fd, mode) == 0 || (error = errno, false);
  ok = ok && write_all(fd, data, &error);
  ok = ok && (::fsync(fd) == 0 || (error = errno, false));
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  ok = ok && (::rename(temp.c_str(), target.c_str()) == 0 || (error = errno, false));
  if (!ok) {
    ::unlink(temp.c_str());
    return write_error(path, error);
  }
  return Status::Ok();
}

}  // namespace themescan::cli
