// JsonWriter: JSON written straight into a string, without building a tree first, in the same
// bytes as nlohmann::json::dump() (compact, or pretty with an indent): a document with many
// quotes and hits is rendered in one pass and without a copy of itself in memory.
//
//   std::string out;
//   JsonWriter w(out, 2);
//   w.begin_object();
//   w.key("id").string("talent");
//   w.key("hits").number(3);
//   w.end_object();  // {\n  "id": "talent",\n  "hits": 3\n}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace themescan::detail {

class JsonWriter {
 public:
  // indent < 0: compact. `base` spaces are added after every line break (pretty JSON nested in
  // other pretty JSON).
  JsonWriter(std::string& out, int indent, std::size_t base = 0)
      : out_(out), indent_(indent), base_(base) {}

  JsonWriter& key(std::string_view name);
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void string(std::string_view text);
  void string_or_null(std::string_view text);  // null for ""
  void number(std::uint64_t value);
  void number(std::int64_t value);
  void number(std::uint32_t value) { number(static_cast<std::uint64_t>(value)); }
  void number(std::int32_t value) { number(static_cast<std::int64_t>(value)); }
  void real(double value);
  void boolean(bool value);
  void null();
  // A value already rendered as JSON, written as it is (pretty JSON must already carry this
  // position's indentation after its line breaks).
  void raw(std::string_view json);

 private:
  void element();  // separator and line break before an array element or a key
  void open(char bracket);
  void close(char bracket);
  void newline(std::size_t depth);

  std::string& out_;
  int indent_;
  std::size_t base_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// `text` as a JSON string literal (quotes included), escaped as nlohmann::json does; each byte
// of invalid UTF-8 becomes U+FFFD (the analysed text is valid UTF-8, so this is a safeguard).
void append_json_string(std::string& out, std::string_view text);

}  // namespace themescan::detail
