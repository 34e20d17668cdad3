// jsonl_input: a JSON Lines feed -> documents, one line at a time.
//
// Each non-blank line is one JSON object describing a document:
//   {"id": "a1", "text": "...", "date": "2025-06-06", "title": "...", "source": "..."}
// "text" is required and must be a string; "id", "date", "title" and "source" are optional
// strings (null counts as absent). Other members are ignored. A missing id becomes
// "<name>:<line>", so every document can be named. The date is kept as written (see dates.h to
// validate or normalise it). A UTF-8 byte-order mark before the first line is allowed.
//
// Errors are per line and recoverable: next() returns the error for that line and the following
// call goes on with the next line. Messages name the feed and the line:
//   feed.jsonl:7: not valid JSON (column 12: syntax error ...)
//   feed.jsonl:7: not a JSON object
//   feed.jsonl:7: missing string field 'text'
//   feed.jsonl:7: 'id' must be a string
// A failure of the stream itself ("feed.jsonl: read error") ends the feed.
//
// Lines are read into one reused buffer, so the cost is linear in the input however long a line
// is (10 MB lines are fine) and memory is bounded by the longest line. Not thread-safe: one
// reader per stream, used from one thread; the istream must outlive the reader.
//
//   std::ifstream in("feed.jsonl", std::ios::binary);
//   JsonlReader reader(in, "feed.jsonl");
//   while (std::optional<Result<JsonlDocument>> doc = reader.next()) {
//     if (!doc->ok()) report(doc->status().message()); else analyze((*doc)->text);
//   }
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "themescan/status.h"

namespace themescan {

// One document of a feed (JSON Lines or CSV).
struct JsonlDocument {
  std::string id;
  std::string text;
  std::optional<std::string> date;
  std::optional<std::string> title;
  std::optional<std::string> source;
  std::uint64_t line = 0;  // 1-based line number in the feed (a CSV record's first line)
};

// A source of documents read one record at a time: a JSON Lines feed or a CSV file (csv_input.h).
class DocumentFeed {
 public:
  virtual ~DocumentFeed() = default;
  // The next document or the error for the next record; nullopt at the end of the feed.
  virtual std::optional<Result<JsonlDocument>> next() = 0;
  // The line of the last record read (its first line; 0 before the first).
  virtual std::uint64_t line() const = 0;
};

class JsonlReader : public DocumentFeed {
 public:
  // `name` is how the feed is named in messages and default ids (e.g. "feed.jsonl", "<stdin>").
  JsonlReader(std::istream& in, std::string name);

  // The next document or the error for the next non-blank line; nullopt at the end of the feed.
  std::optional<Result<JsonlDocument>> next() override;

  // The number of the last line read (0 before the first).
  std::uint64_t line() const override { return line_; }

 private:
  Result<JsonlDocument> parse_line() const;

  std::istream* in_;
  std::string name_;
  std::string buffer_;  // the current line, reused to keep reading linear
  std::uint64_t line_ = 0;
  bool done_ = false;
};

}  // namespace themescan
