// dates: the date of a document, from its header, and validation of ISO dates.
//
// find_document_date(text) looks only where reports state their date:
//   1. a YAML front matter block at the very start (a "---" line, ..., a "---" or "..." line):
//      its top-level `date:` value (quoted or not) in ISO form (see normalize_date) or any of
//      the forms below;
//   2. otherwise (or when the front matter has no usable date) the first 5 non-blank lines of
//      the text after it, and at most its first 600 bytes.
// The first date found in reading order wins. Recognised forms (month names in any letter case):
//   2025-06-06  2025/06/06  2025/6/6
//   June 6, 2025  June 6th 2025  Jun. 6, 2025  Sept 6, 2025  "On June 6, 2025, ..."
//   6 June 2025  6th June 2025
//   6 июня 2025 г.  6 июня 2025 года                        (Russian, genitive month)
//   6 de junio de 2025  6 de junio del 2025                 (Spanish)
//   6 juin 2025  1er juin 2025                              (French)
//   June 2025  juin 2025  junio de 2025  июнь 2025          (month and year -> "2025-06")
// A date without a year is never taken, days are checked against the month (2025-02-30 and
// "Feb 29, 2025" are rejected), years run from 1000 to 2999, and numbers that run on ("1.2.3",
// "2025-06-06-01", "555-2025/01/02") are not dates.
// Returns "YYYY-MM-DD", or "YYYY-MM" when the text gives only the month and the year.
//
// normalize_date(value) validates a machine-written date (a JSONL "date" field): "YYYY",
// "YYYY-MM", "YYYY-MM-DD", or an RFC 3339 timestamp "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)"
// ('t', 'z' and a space for 'T' allowed; the offset may be left out). A timestamp gives its date
// as written (not converted to UTC); the shorter forms come back unchanged. is_iso_date(value)
// is normalize_date(value).has_value().
// All functions are pure and thread-safe.
//
//   find_document_date("Berlin, 6 June 2025\n\nThe forum ...");   // "2025-06-06"
//   find_document_date("---\ntitle: X\ndate: 2025-06-06\n---\n");  // "2025-06-06"
//   normalize_date("2025-06-06T14:30:00+02:00");                   // "2025-06-06"
//   is_iso_date("2025-13-01");                                     // false
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace themescan {

std::optional<std::string> find_document_date(std::string_view text);

std::optional<std::string> normalize_date(std::string_view value);

bool is_iso_date(std::string_view value);

}  // namespace themescan
