// Status and Result<T>: how every expected failure leaves the library.
//
// No exception crosses the library API. A function that can fail for reasons outside the
// program's control (a missing file, bad bytes, a malformed lexicon) returns Status or Result<T>;
// both are [[nodiscard]]. The message is complete and user-facing: it names the file (and line,
// for lexicons), so the CLI prints it as is.
//
//   Result<std::string> text = decode_utf8(bytes);
//   if (!text.ok()) return text.status();
//   use(*text);
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace themescan {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a bad option value or argument
  kNotFound,         // a path that does not exist
  kIoError,          // reading or writing failed
  kBadInput,         // a document that cannot be analysed (binary, invalid UTF-8, ...)
  kLexiconError,     // a lexicon file that does not parse
  kInternal,         // a bug or an ICU/RE2 set-up failure
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status. Accessing the value of a failed Result is a bug.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}       // NOLINT: implicit by design
  Result(StatusCode code, std::string message) : data_(Status(code, std::move(message))) {}

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace themescan
