// csv: RFC 4180 output, one field and one row at a time.
//
// A field is quoted when it contains a comma, a double quote, CR or LF, or begins or ends with a
// space (so spreadsheets keep the space); inside quotes a double quote is doubled. Every other
// field is written as is, bytes unchanged (UTF-8 passes through). Rows end with CRLF, as RFC 4180
// says. Numbers are formatted by the caller, so the writer never guesses a precision.
// Stateless and thread-safe.
//
//   std::string out;
//   append_csv_row(out, {"path", "theme", "score"});
//   append_csv_row(out, {"a, b.txt", "climate", fmt::format("{:.3f}", score)});
//   // out == "path,theme,score\r\n\"a, b.txt\",climate,0.250\r\n"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace themescan {

// One field, quoted only when it has to be.
std::string csv_field(std::string_view field);

// Appends the fields, separated by commas, and a CRLF. An empty list appends an empty row.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace themescan
