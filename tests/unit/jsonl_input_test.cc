// Tests for jsonl_input.h: JSON Lines feeds, per-line errors and recovery.
#include <chrono>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/jsonl_input.h"

using testutil::Strings;
using themescan::JsonlDocument;
using themescan::JsonlReader;

namespace {

// Every result of a feed: "line id|text|date|title|source" ('-' for absent) or "! message".
Strings read_all(const std::string& feed, const std::string& name = "feed.jsonl") {
  std::istringstream in(feed);
  JsonlReader reader(in, name);
  Strings out;
  while (std::optional<themescan::Result<JsonlDocument>> doc = reader.next()) {
    if (!doc->ok()) {
      out.push_back("! " + doc->status().message());
      continue;
    }
    const JsonlDocument& d = **doc;
    auto opt = [](const std::optional<std::string>& s) { return s ? *s : std::string("-"); };
    out.push_back(std::to_string(d.line) + " " + d.id + "|" + d.text + "|" + opt(d.date) + "|" +
                  opt(d.title) + "|" + opt(d.source));
  }
  return out;
}

}  // namespace

TEST_CASE("jsonl: documents with and without optional fields; blank lines skipped") {
  const std::string feed =
      "{\"id\": \"a1\", \"text\": \"Hello\", \"date\": \"2025-06-06\", \"title\": \"T\", "
      "\"source\": \"wire\", \"extra\": [1, 2]}\n"
      "\n"
      "   \t\n"
      "{\"text\": \"no id\"}\n"
      "{\"text\": \"nulls\", \"id\": null, \"date\": null, \"title\": null}\n"
      "{\"text\": \"caf\\u00e9 \\\"q\\\"\\n2\", \"id\": \"\"}";  // no newline at the end
  CHECK(read_all(feed) == Strings{"1 a1|Hello|2025-06-06|T|wire",
                                  "4 feed.jsonl:4|no id|-|-|-",
                                  "5 feed.jsonl:5|nulls|-|-|-",
                                  "6 |caf\xC3\xA9 \"q\"\n2|-|-|-"});
}

TEST_CASE("jsonl: errors name the line and the reader goes on") {
  const std::string feed =
      "{\"text\": \"one\"}\n"
      "{\"text\": \"a\",}\n"
      "[1, 2]\n"
      "{\"title\": \"no text\"}\n"
      "{\"text\": 42}\n"
      "{\"text\": \"x\", \"id\": 7}\n"
      "{\"text\": \"x\", \"source\": {\"a\": 1}, \"title\": false}\n"
      "{\"text\": \"two\"}\n"
      "{\"text\": \"abc\n"
      "{\"text\": \"bad \xFF byte\"}\n"
      "\"just a string\"\n";
  CHECK(read_all(feed, "<stdin>") ==
        Strings{"1 <stdin>:1|one|-|-|-",
                "! <stdin>:2: not valid JSON (column 14: syntax error while parsing object key - "
                "unexpected '}'; expected string literal)",
                "! <stdin>:3: not a JSON object",
                "! <stdin>:4: missing string field 'text'",
                "! <stdin>:5: missing string field 'text'",
                "! <stdin>:6: 'id' must be a string",
                "! <stdin>:7: 'title' must be a string",
                "8 <stdin>:8|two|-|-|-",
                "! <stdin>:9: not valid JSON (column 14: syntax error while parsing value - "
                "invalid string: missing closing quote; last read: '\"abc')",
                "! <stdin>:10: not valid JSON (column 15: syntax error while parsing value - "
                "invalid string: ill-formed UTF-8 byte; last read: '\"bad \xFF')",
                "! <stdin>:11: not a JSON object"});
}

TEST_CASE("jsonl: CRLF line ends and a byte-order mark") {
  CHECK(read_all("\xEF\xBB\xBF{\"id\": \"x\", \"text\": \"a\"}\r\n\r\n{\"text\": \"b\"}\r\n") ==
        Strings{"1 x|a|-|-|-", "3 feed.jsonl:3|b|-|-|-"});
}

TEST_CASE("jsonl: an empty feed and a feed of blank lines") {
  CHECK(read_all("").empty());
  CHECK(read_all("\n\n  \n").empty());
  std::istringstream in("{\"text\": \"a\"}\n");
  JsonlReader reader(in, "f");
  CHECK(reader.line() == 0);
  CHECK(reader.next().has_value());
  CHECK(reader.line() == 1);
  CHECK_FALSE(reader.next().has_value());
  CHECK_FALSE(reader.next().has_value());  // stays at the end
}

TEST_CASE("jsonl: a long error message is cut") {
  const std::string feed = "{\"text\": \"" + std::string(5000, 'x') + "\n";
  const Strings out = read_all(feed);
  REQUIRE(out.size() == 1);
  CHECK(out[0].starts_with("! feed.jsonl:1: not valid JSON (column 5011: syntax error"));
  CHECK(out[0].ends_with("...)"));
  CHECK(out[0].size() < 250);
}

TEST_CASE("jsonl: 12 MB lines are read in linear time") {
  const std::string big(12 * 1024 * 1024, 'w');
  std::string feed;
  for (int i = 0; i < 3; ++i) {
    feed += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"" + big + "\"}\n";
  }
  std::istringstream in(feed);
  JsonlReader reader(in, "big.jsonl");
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::size_t> sizes;
  while (auto doc = reader.next()) {
    REQUIRE(doc->ok());
    sizes.push_back((*doc)->text.size());
  }
  CHECK(sizes == std::vector<std::size_t>{big.size(), big.size(), big.size()});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
