// Tests for csv.h: RFC 4180 fields and rows.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/csv.h"

using themescan::append_csv_row;
using themescan::csv_field;

TEST_CASE("csv: plain fields are written as is") {
  CHECK(csv_field("") == "");
  CHECK(csv_field("climate") == "climate");
  CHECK(csv_field("0.250") == "0.250");
  CHECK(csv_field("a b") == "a b");
  CHECK(csv_field("semi;colon\ttab") == "semi;colon\ttab");
  CHECK(csv_field("\xD0\xBC\xD0\xB8\xD1\x80") == "\xD0\xBC\xD0\xB8\xD1\x80");  // "мир"
}

TEST_CASE("csv: fields that need quotes") {
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("line1\nline2") == "\"line1\nline2\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field("a\r\nb") == "\"a\r\nb\"");
  CHECK(csv_field(" leading") == "\" leading\"");
  CHECK(csv_field("trailing ") == "\"trailing \"");
  CHECK(csv_field(" ") == "\" \"");
}

TEST_CASE("csv: rows end with CRLF") {
  std::string out;
  append_csv_row(out, {"path", "theme", "score"});
  append_csv_row(out, {"a, b.txt", "climate", "0.250"});
  append_csv_row(out, {"", "x", ""});
  append_csv_row(out, {});
  append_csv_row(out, {"He said \"no\"\n", " pad "});
  CHECK(out ==
        "path,theme,score\r\n"
        "\"a, b.txt\",climate,0.250\r\n"
        ",x,\r\n"
        "\r\n"
        "\"He said \"\"no\"\"\n\",\" pad \"\r\n");
}
