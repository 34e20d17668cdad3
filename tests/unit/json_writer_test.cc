// JsonWriter (src/lib/json_writer.h, internal): the bytes must be nlohmann::json's dump(), which
// the JSON output used before it and which the golden files hold.
#include <limits>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "json_writer.h"

using nlohmann::ordered_json;
using themescan::detail::JsonWriter;

namespace {

// The same value through JsonWriter: {"s": ..., "n": [...], "r": [...], "e": {}, "a": [], ...}.
std::string written(int indent, std::size_t base) {
  std::string out;
  JsonWriter w(out, indent, base);
  w.begin_object();
  w.key("s").begin_array();
  for (const char* s : {"plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r\b\f",
                        "\x01\x1f\x7f", "Привет “mark” ‘x’ 日本"}) {
    w.string(s);
  }
  w.end_array();
  w.key("n").begin_array();
  w.number(std::uint64_t{0});
  w.number(std::uint64_t{18446744073709551615ULL});
  w.number(std::int64_t{-42});
  w.end_array();
  w.key("r").begin_array();
  for (const double d : {0.0, -0.0, 1.0, 12.5, 0.1, 0.0001, 0.00009, 0.1234, 123456.789,
                         999999999999999.0, 1e15, 1.5e16, 3e-7, -2.25}) {
    w.real(d);
  }
  w.end_array();
  w.key("e").begin_object();
  w.end_object();
  w.key("a").begin_array();
  w.end_array();
  w.key("nested").begin_array();
  w.begin_object();
  w.key("t").boolean(true);
  w.key("f").boolean(false);
  w.key("z").null();
  w.key("o").string_or_null("");
  w.end_object();
  w.end_array();
  w.key("pre").raw("[1,2]");
  w.end_object();
  return out;
}

ordered_json expected() {
  ordered_json doc;
  doc["s"] = {"plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r\b\f", "\x01\x1f\x7f",
              "Привет “mark” ‘x’ 日本"};
  doc["n"] = {std::uint64_t{0}, std::uint64_t{18446744073709551615ULL}, std::int64_t{-42}};
  doc["r"] = ordered_json::array();
  for (const double d : {0.0, -0.0, 1.0, 12.5, 0.1, 0.0001, 0.00009, 0.1234, 123456.789,
                         999999999999999.0, 1e15, 1.5e16, 3e-7, -2.25}) {
    doc["r"].push_back(d);
  }
  doc["e"] = ordered_json::object();
  doc["a"] = ordered_json::array();
  doc["nested"] = {{{"t", true}, {"f", false}, {"z", nullptr}, {"o", nullptr}}};
  doc["pre"] = {1, 2};
  return doc;
}

}  // namespace

TEST_CASE("JsonWriter: compact output is nlohmann's dump(-1)") {
  CHECK(written(-1, 0) == expected().dump(-1));
}

TEST_CASE("JsonWriter: pretty output is nlohmann's dump(2), and nests under a base indent") {
  // raw() writes its text as given, so compare the pretty form with a one-line "pre".
  std::string pretty = expected().dump(2);
  const std::string pre = "\"pre\": [\n    1,\n    2\n  ]";
  REQUIRE(pretty.find(pre) != std::string::npos);
  pretty.replace(pretty.find(pre), pre.size(), "\"pre\": [1,2]");
  CHECK(written(2, 0) == pretty);
  std::string nested;
  for (char c : pretty) {
    nested += c;
    if (c == '\n') nested += "    ";
  }
  CHECK(written(2, 4) == nested);
}

TEST_CASE("JsonWriter: numbers print as nlohmann prints them") {
  std::string out;
  JsonWriter w(out, -1);
  w.begin_array();
  w.real(0.00009);
  w.real(1e15);
  w.real(0.0001);
  w.real(std::numeric_limits<double>::quiet_NaN());
  w.end_array();
  CHECK(out == "[9e-05,1e+15,0.0001,null]");
}

TEST_CASE("JsonWriter: invalid UTF-8 becomes U+FFFD, valid text is kept") {
  std::string out;
  themescan::detail::append_json_string(out, "a\xC3(b\xE2\x82\xAC\xED\xA0\x80");
  CHECK(out == "\"a\xEF\xBF\xBD(b\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}
