// The line-level pieces of layout.h: reading a line, what a line looks like (indentation, list
// marker, heading, figures, how it ends), and the walk that decides where paragraphs start.
// Internal to layout.cc and layout_lines.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "text_util.h"
#include "themescan/layout.h"

namespace themescan::detail {

// One physical line. Lines end at a line feed or a form feed (then `page_break`).
struct Line {
  std::uint32_t begin = 0;        // first byte of the line
  std::uint32_t content = 0;      // first byte after the indentation (== end when blank)
  std::uint32_t end = 0;          // after the last byte that is not white space
  std::uint32_t end_of_line = 0;  // the line feed or form feed (or the limit)
  std::uint32_t next = 0;         // first byte of the next line
  std::uint32_t indent = 0;       // columns of indentation (a tab counts 4)
  std::uint32_t length = 0;       // code points of [content, end)
  std::uint32_t digits = 0;       // ASCII digits in [content, end)
  bool page_break = false;        // the line ends at a form feed

  bool blank() const { return content == end; }
  std::uint32_t width() const { return indent + length; }
};

// The line starting at `pos`, read up to `limit` at most. `form_feeds`: the text has some (else
// they are not looked for). Without `measure`, `length` and `digits` stay 0 (one pass less over
// the line's bytes, for walks that need only where lines begin and end).
inline Line read_line(std::string_view text, std::size_t pos, std::size_t limit,
                      bool form_feeds = true, bool measure = true) {
  Line line;
  line.begin = static_cast<std::uint32_t>(pos);
  const char* data = text.data();
  std::size_t i = pos;
  std::uint32_t columns = 0;
  while (i < limit) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (c == ' ') {
      ++columns, ++i;
    } else if (c == '\t') {
      columns += 4, ++i;
    } else if (c == '\r' || c == '\v') {
      ++i;
    } else if (c < 0x80) {
      break;
    } else {
      std::size_t length;
      const UChar32 cp = code_point_at(text, i, &length);
      if (!is_space(cp)) break;
      columns += cp == 0x3000 ? 2 : 1;  // the ideographic space is two columns wide
      i += length;
    }
  }
  line.content = static_cast<std::uint32_t>(i);
  const void* feed = std::memchr(data + i, '\n', limit - i);
  std::size_t eol = feed ? static_cast<std::size_t>(static_cast<const char*>(feed) - data) : limit;
  if (form_feeds) {
    if (const void* ff = std::memchr(data + i, '\f', eol - i)) {
      eol = static_cast<std::size_t>(static_cast<const char*>(ff) - data);
      line.page_break = true;
    }
  }
  line.end_of_line = static_cast<std::uint32_t>(eol);
  line.next = static_cast<std::uint32_t>(eol < limit ? eol + 1 : limit);
  std::size_t e = eol;
  while (e > i) {
    const std::size_t start = previous_boundary(text, e);
    std::size_t length;
    if (!is_space(code_point_at(text, start, &length))) break;
    e = start;
  }
  line.end = static_cast<std::uint32_t>(e);
  line.indent = columns;
  if (!measure) return line;
  std::uint32_t length = 0, digits = 0;
  for (std::size_t k = i; k < e; ++k) {
    const auto c = static_cast<unsigned char>(data[k]);
    length += (c & 0xC0) != 0x80 ? 1 : 0;
    digits += c >= '0' && c <= '9' ? 1 : 0;
  }
  line.length = length;
  line.digits = digits;
  return line;
}

enum class Marker : std::uint8_t {
  kNone,
  kBullet,  // •, ◦, ▪, ‣, ●, ■, ►, ... : always a list item
  kMaybe,   // - * + – 1. 1) a) (a): a list item after a clause's end or another item
};

// What a non-blank line looks like, at its two ends.
struct LineFeatures {
  Line line;
  bool starts_lower = false;  // a lower-case letter
  bool starts_upper = false;  // an upper- or title-case letter or a digit
  bool starts_quote = false;  // an opening quotation mark or bracket
  bool ends_clause = false;   // . ! ? … : ; (closing quotes and brackets aside)
  bool ends_punct = false;    // ... or ,
  bool ends_hyphen = false;   // a letter and a hyphen: a word may go on in the next line
  bool ends_word = false;     // a letter, a digit or ')'
  bool heading = false;       // a Markdown heading: 1 to 6 '#', a space, a title
  bool rule = false;          // only - = * _ ~ and spaces, at least three marks
  Marker marker = Marker::kNone;
  char marker_class = 0;      // '-', '*', '+', '~' (en dash), '1' (a number), 'a' (a letter), '('
};

LineFeatures features(std::string_view text, const Line& line);

// A row of a table: at least two numbers and either a gap of columns or mostly figures, not
// ending like prose. `wrap_width` as in DocumentLayout::Params.
bool is_table_row(std::string_view text, const LineFeatures& line, std::uint32_t wrap_width);

// A short title-like line: starts with a capital or a digit, ends with a letter, a digit or ')',
// at most 80 code points and 60% of the wrap width.
bool is_title_shape(const LineFeatures& line, std::uint32_t wrap_width);

// What kind of paragraph a line starts.
enum class ParagraphKind : std::uint8_t { kProse, kItem, kHeading, kTable, kRule };

struct ParagraphState {
  ParagraphKind kind = ParagraphKind::kProse;
  std::uint32_t item_indent = 0;  // the list marker's indentation (kItem)
  char item_class = 0;            // its LineFeatures::marker_class
};

// What the walk needs from a DocumentLayout.
struct WalkContext {
  const DocumentLayout::Params& params;
  const std::vector<Span>& furniture;  // absolute offsets, sorted
};

// Whether `line` (not blank, not furniture) starts a paragraph after `previous` (the last
// content line, in the paragraph `state`), with blank lines and/or a page break between them;
// `*kind` is set to the kind of paragraph it starts. `next` is the line after `line` when it is
// needed (the title rule). `first`: there is no previous line (a block's first line).
bool starts_paragraph(std::string_view text, const WalkContext& layout, const ParagraphState& state,
                      const LineFeatures* previous, const LineFeatures& line, bool blank_gap,
                      bool page_gap, ParagraphState* started);

// Reads the lines of [start, stop) (lines after `stop` may be read as context) and calls
// visit(line, starts, word_break) for each content line (not blank, not page furniture):
// `starts` when it begins a paragraph, `word_break` when a word broken by a line-end hyphen goes
// on at its start. visit returns false to stop. `start` must be 0 or a paragraph start.
template <typename Visit>
void walk_lines(std::string_view text, std::uint32_t start, std::uint32_t stop,
                const WalkContext& layout, Visit&& visit) {
  const std::vector<Span>& furniture = layout.furniture;
  std::size_t f = static_cast<std::size_t>(
      std::lower_bound(furniture.begin(), furniture.end(), start,
                       [](Span s, std::uint32_t b) { return s.end <= b; }) - furniture.begin());
  ParagraphState state;
  LineFeatures previous;
  bool open = false, blank_gap = false, page_gap = false;
  for (std::size_t pos = start; pos < stop;) {
    const Line line = read_line(text, pos, stop, layout.params.form_feeds, layout.params.blocks);
    pos = line.next;
    while (f < furniture.size() && furniture[f].end <= line.content) ++f;
    const bool is_furniture = !line.blank() && f < furniture.size() &&
                              furniture[f].begin == line.content && furniture[f].end == line.end;
    if (is_furniture) {
      page_gap = true;
    } else if (line.blank()) {
      blank_gap = true;
    } else if (!layout.params.blocks) {  // every line a paragraph
      if (!visit(line, true, false)) return;
    } else {
      const LineFeatures current = features(text, line);
      ParagraphState started;
      const bool starts = starts_paragraph(text, layout, state, open ? &previous : nullptr,
                                           current, blank_gap, page_gap, &started);
      const bool word_break = !starts && previous.ends_hyphen && current.starts_lower;
      if (!visit(line, starts, word_break)) return;
      if (starts) state = started;
      previous = current;
      open = true;
      blank_gap = page_gap = false;
    }
    if (line.page_break) (layout.params.pages ? page_gap : blank_gap) = true;
  }
}

}  // namespace themescan::detail
