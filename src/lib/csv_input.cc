#include "themescan/csv_input.h"

#include <istream>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace themescan {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

CsvDocumentReader::CsvDocumentReader(std::istream& in, std::string name, CsvColumns columns,
                                     char delimiter)
    : in_(&in), name_(std::move(name)), columns_(std::move(columns)), delimiter_(delimiter) {}

bool CsvDocumentReader::read_record() {
  fields_.clear();
  error_.clear();
  // The first line of the record, blank lines before it skipped.
  do {
    if (!std::getline(*in_, buffer_)) return false;
    ++line_;
    if (line_ == 1 && std::string_view(buffer_).starts_with("\xEF\xBB\xBF")) buffer_.erase(0, 3);
  } while (is_blank(buffer_));
  record_line_ = line_;
  std::string field;
  std::size_t i = 0;
  bool quoted = false;        // inside a quoted field
  bool was_quoted = false;    // the current field was quoted (and closed)
  for (;;) {
    std::string_view line(buffer_);
    if (line.ends_with('\r')) line.remove_suffix(1);
    while (i < line.size()) {
      const char c = line[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          was_quoted = true;
          ++i;
          continue;
        }
        field += c;
        ++i;
        continue;
      }
      if (c == delimiter_) {
        fields_.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        ++i;
        continue;
      }
      if (was_quoted) {
        error_ = fmt::format("text after the closing quote of field {}", fields_.size() + 1);
        return true;
      }
      if (c == '"') {
        if (field.empty()) {
          quoted = true;
          ++i;
          continue;
        }
        error_ = "a quote inside an unquoted field (quote the field and double the quote)";
        return true;
      }
      field += c;
      ++i;
    }
    if (!quoted) break;
    // A line break inside a quoted field belongs to the field.
    if (!std::getline(*in_, buffer_)) {
      error_ = "a quoted field is not closed before the end of the file";
      return true;
    }
    ++line_;
    field += '\n';
    i = 0;
  }
  fields_.push_back(std::move(field));
  return true;
}

int CsvDocumentReader::column(const std::string& wanted) const {
  if (wanted.empty()) return -1;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == wanted) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (equal_ignoring_case(header_[i], wanted)) return static_cast<int>(i);
  }
  if (wanted.find_first_not_of("0123456789") == std::string::npos && wanted.size() < 6) {
    const int number = std::stoi(wanted);
    if (number >= 1 && static_cast<std::size_t>(number) <= header_.size()) return number - 1;
  }
  return -2;
}

Status CsvDocumentReader::header() {
  if (!read_record()) {
    if (in_->bad()) return Status(StatusCode::kIoError, fmt::format("{}: read error", name_));
    return Status(StatusCode::kBadInput, fmt::format("{}: empty CSV file (no header)", name_));
  }
  if (!error_.empty()) {
    return Status(StatusCode::kBadInput, fmt::format("{}:{}: header: {}", name_, record_line_, error_));
  }
  header_ = std::move(fields_);
  std::string missing;
  const auto find = [&](const std::string& wanted, int* index) {
    *index = column(wanted);
    if (*index == -2 && missing.empty()) missing = wanted;
  };
  find(columns_.text, &text_);
  find(columns_.id, &id_);
  find(columns_.date, &date_);
  find(columns_.title, &title_);
  find(columns_.source, &source_);
  if (missing.empty()) return Status::Ok();
  std::string names;
  for (const std::string& name : header_) names += (names.empty() ? "" : ", ") + name;
  return Status(StatusCode::kBadInput, fmt::format("{}:{}: no column '{}' (columns: {})", name_,
                                                   record_line_, missing, names));
}

std::optional<Result<JsonlDocument>> CsvDocumentReader::next() {
  if (done_) return std::nullopt;
  if (!started_) {
    started_ = true;
    if (Status status = header(); !status.ok()) {
      done_ = true;
      return Result<JsonlDocument>(std::move(status));
    }
  }
  if (!read_record()) {
    done_ = true;
    if (in_->bad()) {
      return Result<JsonlDocument>(StatusCode::kIoError, fmt::format("{}: read error", name_));
    }
    return std::nullopt;
  }
  auto fail = [&](std::string_view what) {
    return Result<JsonlDocument>(StatusCode::kBadInput,
                                 fmt::format("{}:{}: {}", name_, record_line_, what));
  };
  if (!error_.empty()) return fail(error_);
  if (fields_.size() != header_.size()) {
    return fail(fmt::format("{} field{} where the header has {}", fields_.size(),
                            fields_.size() == 1 ? "" : "s", header_.size()));
  }
  JsonlDocument doc;
  doc.line = record_line_;
  doc.text = std::move(fields_[static_cast<std::size_t>(text_)]);
  const auto optional = [&](int index) -> std::optional<std::string> {
    if (index < 0 || fields_[static_cast<std::size_t>(index)].empty()) return std::nullopt;
    return std::move(fields_[static_cast<std::size_t>(index)]);
  };
  std::optional<std::string> id = id_ == text_ ? std::nullopt : optional(id_);
  doc.date = optional(date_);
  doc.title = optional(title_);
  doc.source = optional(source_);
  doc.id = id ? std::move(*id) : fmt::format("{}:{}", name_, record_line_);
  return doc;
}

}  // namespace themescan
