#include "themescan/jsonl_input.h"

#include <istream>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace themescan {
namespace {

using nlohmann::json;

// Enough of a parser message to locate the problem; the "last read" part can quote a whole
// 10 MB string otherwise.
constexpr std::size_t kMaxDetailBytes = 160;

std::string parse_error_detail(const json::parse_error& error) {
  std::string_view detail = error.what();
  if (detail.starts_with("[json.exception.")) {
    const std::size_t end = detail.find("] ");
    if (end != std::string_view::npos) detail.remove_prefix(end + 2);
  }
  // Every line is parsed on its own, so nlohmann's "line 1, " says nothing.
  if (detail.starts_with("parse error at line 1, ")) detail.remove_prefix(23);
  if (detail.size() <= kMaxDetailBytes) return std::string(detail);
  std::size_t cut = kMaxDetailBytes;
  while (cut > 0 && (static_cast<unsigned char>(detail[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(detail.substr(0, cut)) + "...";
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

JsonlReader::JsonlReader(std::istream& in, std::string name) : in_(&in), name_(std::move(name)) {}

std::optional<Result<JsonlDocument>> JsonlReader::next() {
  while (!done_) {
    if (!std::getline(*in_, buffer_)) {
      done_ = true;
      if (in_->bad()) {
        return Result<JsonlDocument>(StatusCode::kIoError, fmt::format("{}: read error", name_));
      }
      return std::nullopt;
    }
    ++line_;
    if (line_ == 1 && std::string_view(buffer_).starts_with("\xEF\xBB\xBF")) buffer_.erase(0, 3);
    if (!is_blank(buffer_)) return parse_line();
  }
  return std::nullopt;
}

Result<JsonlDocument> JsonlReader::parse_line() const {
  auto fail = [&](std::string_view what) {
    return Result<JsonlDocument>(StatusCode::kBadInput,
                                 fmt::format("{}:{}: {}", name_, line_, what));
  };
  json value;
  try {
    value = json::parse(buffer_);
  } catch (const json::parse_error& error) {
    return fail(fmt::format("not valid JSON ({})", parse_error_detail(error)));
  }
  if (!value.is_object()) return fail("not a JSON object");

  JsonlDocument doc;
  doc.line = line_;
  const auto text = value.find("text");
  if (text == value.end() || !text->is_string()) return fail("missing string field 'text'");
  doc.text = std::move(text->get_ref<std::string&>());

  // Optional string members: absent or null -> nullopt; any other non-string is an error.
  std::string wrong;
  auto optional_string = [&](const char* key) -> std::optional<std::string> {
    const auto member = value.find(key);
    if (member == value.end() || member->is_null()) return std::nullopt;
    if (!member->is_string()) {
      if (wrong.empty()) wrong = key;
      return std::nullopt;
    }
    return std::move(member->get_ref<std::string&>());
  };
  std::optional<std::string> id = optional_string("id");
  doc.date = optional_string("date");
  doc.title = optional_string("title");
  doc.source = optional_string("source");
  if (!wrong.empty()) return fail(fmt::format("'{}' must be a string", wrong));
  doc.id = id ? std::move(*id) : fmt::format("{}:{}", name_, line_);
  return doc;
}

}  // namespace themescan
