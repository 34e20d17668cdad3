// Tests for dates.h: document dates from headers and front matter; ISO date validation.
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/dates.h"

using themescan::find_document_date;
using themescan::is_iso_date;
using themescan::normalize_date;

namespace {

// The date found, or "none".
std::string date_of(std::string_view text) {
  return find_document_date(text).value_or("none");
}

std::string normalized(std::string_view value) { return normalize_date(value).value_or("none"); }

}  // namespace

TEST_CASE("dates: numeric forms") {
  CHECK(date_of("Forum report 2025-06-06\nBody") == "2025-06-06");
  CHECK(date_of("Date: 2025/06/06") == "2025-06-06");
  CHECK(date_of("Date: 2025/6/7.") == "2025-06-07");
  CHECK(date_of("(2024-02-29)") == "2024-02-29");
  CHECK(date_of("2025-02-30 then 2025-03-01") == "2025-03-01");  // impossible date skipped
  CHECK(date_of("2025-6-6") == "none");                          // dashes need two digits
  CHECK(date_of("2025-13-01") == "none");
  CHECK(date_of("2025-06-06T10:00") == "2025-06-06");
}

TEST_CASE("dates: English forms") {
  CHECK(date_of("June 6, 2025") == "2025-06-06");
  CHECK(date_of("On June 6, 2025, the forum opened.") == "2025-06-06");
  CHECK(date_of("Jun. 6, 2025") == "2025-06-06");
  CHECK(date_of("Sept 16 2025") == "2025-09-16");
  CHECK(date_of("JUNE 6TH, 2025") == "2025-06-06");
  CHECK(date_of("6 June 2025") == "2025-06-06");
  CHECK(date_of("Berlin, 21st March 2025 - Report") == "2025-03-21");
  CHECK(date_of("Feb 29, 2024") == "2024-02-29");
  CHECK(date_of("Feb 29, 2025") == "none");
  CHECK(date_of("31 June 2025") == "none");  // not "2025-06" either
  CHECK(date_of("Published in March 2025") == "2025-03");
  CHECK(date_of("Dec. 2024 summary") == "2024-12");
}

TEST_CASE("dates: Russian, Spanish and French forms") {
  CHECK(date_of("Москва, 6 июня 2025 г.") == "2025-06-06");
  CHECK(date_of("6 июня 2025 года состоялся форум") == "2025-06-06");
  CHECK(date_of("12 ДЕКАБРЯ 2024") == "2024-12-12");
  CHECK(date_of("Июнь 2025") == "2025-06");
  CHECK(date_of("июня 2025") == "none");  // genitive needs a day
  CHECK(date_of("Madrid, 6 de junio de 2025") == "2025-06-06");
  CHECK(date_of("1 de septiembre del 2025") == "2025-09-01");
  CHECK(date_of("junio de 2025") == "2025-06");
  CHECK(date_of("Paris, le 6 juin 2025") == "2025-06-06");
  CHECK(date_of("1er février 2025") == "2025-02-01");
  CHECK(date_of("15 Août 2025") == "2025-08-15");
  CHECK(date_of("décembre 2025") == "2025-12");
}

TEST_CASE("dates: things that are not dates") {
  CHECK(date_of("Call +1 (555) 201-2025 or 2025-550-0199 today") == "none");
  CHECK(date_of("2025 participants attended the forum") == "none");
  CHECK(date_of("Version 1.2.3 released; build 2025.06.06") == "none");
  CHECK(date_of("June 6 was sunny") == "none");
  CHECK(date_of("6 June, and later") == "none");
  CHECK(date_of("ref 555-2025-06-06") == "none");
  CHECK(date_of("id 2025-06-06-01") == "none");
  CHECK(date_of("Room 12 of 2025") == "none");
  CHECK(date_of("") == "none");
}

TEST_CASE("dates: only the first 5 non-blank lines and 600 bytes are read") {
  CHECK(date_of("a\n\n\nb\nc\n\nd\nJune 6, 2025\n") == "2025-06-06");  // 5th non-blank
  CHECK(date_of("a\nb\nc\nd\ne\nJune 6, 2025\n") == "none");
  CHECK(date_of("first 2025-01-02\n6 June 2025") == "2025-01-02");  // reading order
  CHECK(date_of(std::string(590, 'x') + " 6 June 2025") == "none");
  CHECK(date_of(std::string(580, 'x') + " 6 June 2025") == "2025-06-06");
}

TEST_CASE("dates: YAML front matter") {
  CHECK(date_of("---\ntitle: Forum\ndate: 2025-06-06\n---\nBody 2024-01-01\n") == "2025-06-06");
  CHECK(date_of("---\ndate: \"2025-06-06T09:00:00+02:00\"\n---\n") == "2025-06-06");
  CHECK(date_of("---\r\ndate: 'June 6, 2025'\r\n---\r\n") == "2025-06-06");
  CHECK(date_of("---\ndate: 2025-06\n...\n") == "2025-06");
  CHECK(date_of("---\ndate: 2025\n---\nMay 2024\n") == "2024-05");  // a lone year is not taken
  CHECK(date_of("---\ntitle: X\n---\nl1\nl2\nl3\nl4\n6 June 2025\n") == "2025-06-06");
  CHECK(date_of("---\ntitle: X\n---\nl1\nl2\nl3\nl4\nl5\n6 June 2025\n") == "none");
  CHECK(date_of("---\n  date: 2025-06-06\n---\n") == "none");  // not a top-level key
  // Without a closing line it is not front matter, only the first lines of the text.
  CHECK(date_of("---\ndate: 2025-06-06\nno closing line\n") == "2025-06-06");
  CHECK(date_of("---\na: 1\nb: 2\nc: 3\nd: 4\ndate: 2025-06-06\n") == "none");
}

TEST_CASE("dates: normalize_date and is_iso_date") {
  CHECK(normalized("2025") == "2025");
  CHECK(normalized("2025-06") == "2025-06");
  CHECK(normalized("2025-06-06") == "2025-06-06");
  CHECK(normalized("2024-02-29") == "2024-02-29");
  CHECK(normalized("2000-02-29") == "2000-02-29");
  CHECK(normalized("2025-06-06T14:30:00Z") == "2025-06-06");
  CHECK(normalized("2025-06-06t14:30:00.123456z") == "2025-06-06");
  CHECK(normalized("2025-06-06 23:59:60-05:30") == "2025-06-06");
  CHECK(normalized("2025-06-06T14:30:00+02:00") == "2025-06-06");
  CHECK(normalized("2025-06-06T14:30:00") == "2025-06-06");
  CHECK(normalized("2025-02-29") == "none");
  CHECK(normalized("1900-02-29") == "none");
  CHECK(normalized("2025-00") == "none");
  CHECK(normalized("2025-13") == "none");
  CHECK(normalized("2025-06-31") == "none");
  CHECK(normalized("2025-6-6") == "none");
  CHECK(normalized("25-06-06") == "none");
  CHECK(normalized("2025/06/06") == "none");
  CHECK(normalized("2025-06-06T24:00:00Z") == "none");
  CHECK(normalized("2025-06-06T14:30Z") == "none");
  CHECK(normalized("2025-06-06T14:30:00.Z") == "none");
  CHECK(normalized("2025-06-06T14:30:00+0200") == "none");
  CHECK(normalized("2025-06-06x") == "none");
  CHECK(normalized(" 2025-06-06") == "none");
  CHECK(normalized("") == "none");
  CHECK(is_iso_date("2025-06-06"));
  CHECK(is_iso_date("2025"));
  CHECK_FALSE(is_iso_date("June 6, 2025"));
}
