// csv_input: a CSV or TSV file of documents -> documents, one record at a time.
//
// The file is RFC 4180: records end with CRLF or LF; a field may be quoted with double quotes,
// and then holds delimiters, line breaks and doubled quotes (""). The first record is the
// header, naming the columns. CsvColumns says which column holds the text (required) and,
// optionally, the id, date, title and source; a column is given by its header name (exact,
// then ASCII case-insensitive) or by its 1-based number. A missing id becomes "<name>:<line>".
// A UTF-8 byte-order mark before the header is allowed; blank lines between records are skipped.
//
// Errors are per record and recoverable: next() returns the error for that record and the next
// call goes on after it. Messages name the file and the record's first line:
//   docs.csv:7: 3 fields where the header has 4
//   docs.csv:9: a quote inside an unquoted field (quote the field and double the quote)
//   docs.csv:12: text after the closing quote of field 2
//   docs.csv:15: a quoted field is not closed before the end of the file
// A header without the text column ("docs.csv:1: no column 'body' (columns: id, text, date)")
// and a read error end the feed. Memory is bounded by the longest record. Not thread-safe.
//
//   std::ifstream in("docs.csv", std::ios::binary);
//   CsvDocumentReader reader(in, "docs.csv", {.text = "body", .id = "id"}, ',');
//   while (std::optional<Result<JsonlDocument>> doc = reader.next()) { ... }
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "themescan/jsonl_input.h"
#include "themescan/status.h"

namespace themescan {

struct CsvColumns {
  std::string text = "text";
  std::string id, date, title, source;  // "" = not read
  char delimiter = '\0';                // '\0': the caller decides (',' or '\t' for .tsv)
};

class CsvDocumentReader : public DocumentFeed {
 public:
  CsvDocumentReader(std::istream& in, std::string name, CsvColumns columns, char delimiter);

  std::optional<Result<JsonlDocument>> next() override;
  std::uint64_t line() const override { return record_line_; }

 private:
  // Reads one record into fields_; false at the end of the file. An error is set in error_.
  bool read_record();
  Status header();
  int column(const std::string& wanted) const;

  std::istream* in_;
  std::string name_;
  CsvColumns columns_;
  char delimiter_;
  std::string buffer_;
  std::vector<std::string> fields_;
  std::vector<std::string> header_;
  std::string error_;
  std::uint64_t line_ = 0;         // physical lines read
  std::uint64_t record_line_ = 0;  // first line of the current record
  int text_ = -1, id_ = -1, date_ = -1, title_ = -1, source_ = -1;
  bool started_ = false;
  bool done_ = false;
};

}  // namespace themescan
