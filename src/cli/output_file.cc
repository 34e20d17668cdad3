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

OutputSink::~OutputSink() { discard(); }

void OutputSink::discard() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
  fd_ = -1;
  owns_fd_ = false;
  temp_.clear();
}

Status OutputSink::open(const std::string& path) {
  discard();
  if (path.empty() || path == "-") {
    shown_ = "standard output";
    fd_ = STDOUT_FILENO;
    return Status::Ok();
  }
  shown_ = path;
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) return write_error(path, EISDIR);
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) return write_error(path, errno);
    owns_fd_ = true;
    return Status::Ok();
  }
  // Replace the file a symbolic link points to, not the link.
  target_ = path;
  std::error_code ec;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) {
    const auto resolved = std::filesystem::canonical(path, ec);
    if (!ec) target_ = resolved.string();
  }
  std::string temp = target_ + ".tmp.XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) return write_error(path, errno);
  owns_fd_ = true;
  temp_.assign(name.data());
  const mode_t mask = ::umask(0);
  ::umask(mask);
  const mode_t mode =
      (::stat(target_.c_str(), &info) == 0) ? (info.st_mode & 07777) : (0666 & ~mask);
  if (::fchmod(fd_, mode) != 0) {
    const int error = errno;
    discard();
    return write_error(path, error);
  }
  return Status::Ok();
}

Status OutputSink::write(std::string_view data) {
  int error = 0;
  if (fd_ < 0) return write_error(shown_, EBADF);
  if (!write_all(fd_, data, &error)) return write_error(shown_, error);
  return Status::Ok();
}

Status OutputSink::commit() {
  if (temp_.empty()) {
    if (owns_fd_ && fd_ >= 0 && ::close(fd_) != 0) {
      fd_ = -1;
      owns_fd_ = false;
      return write_error(shown_, errno);
    }
    fd_ = -1;
    owns_fd_ = false;
    return Status::Ok();
  }
  int error = 0;
  bool ok = ::fsync(fd_) == 0 || (error = errno, false);
  const int fd = fd_;
  fd_ = -1;
  owns_fd_ = false;
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  ok = ok && (::rename(temp_.c_str(), target_.c_str()) == 0 || (error = errno, false));
  if (!ok) {
    discard();
    return write_error(shown_, error);
  }
  temp_.clear();
  return Status::Ok();
}

Status write_output(const std::string& path, std::string_view data) {
  OutputSink sink;
  if (Status status = sink.open(path); !status.ok()) return status;
  if (Status status = sink.write(data); !status.ok()) return status;
  return sink.commit();
}

}  // namespace themescan::cli
