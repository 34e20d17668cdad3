// What a line looks like and where paragraphs start (layout_lines.h). Every rule looks at the
// line, the content line before it and the line after it only: see layout.h for why.
#include "layout_lines.h"

#include <cctype>

namespace themescan::detail {
namespace {

bool is_closing(UChar32 c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
    case 0x300D: case 0x300F:
      return true;
    default:
      return false;
  }
}

bool is_opening(UChar32 c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case 0x201C: case 0x2018: case 0x201E: case 0x00AB:
    case 0x2039: case 0x300C: case 0x300E:
      return true;
    default:
      return false;
  }
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x00AD; }

bool is_bullet(UChar32 c) {
  switch (c) {
    case 0x2022: case 0x25E6: case 0x25AA: case 0x25AB: case 0x2023: case 0x25CF: case 0x25CB:
    case 0x25A0: case 0x25A1: case 0x25BA: case 0x25B8: case 0x2043: case 0x2219: case 0x00B7:
    case 0x27A2: case 0x2794: case 0xF0B7: case 0xF0A7: case 0xF0D8:  // Symbol-font bullets
      return true;
    default:
      return false;
  }
}

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

// The list marker at the start of `s` (a line's content): a bullet, or a dash, star, plus,
// number or letter with its punctuation, then a space and more text.
Marker marker_of(std::string_view s, char* marker_class) {
  std::size_t length = 0;
  std::size_t n = 0;  // bytes of the marker
  const UChar32 first = code_point_at(s, 0, &length);
  Marker kind = Marker::kMaybe;
  *marker_class = first == 0x2013 ? '~' : first < 0x80 ? static_cast<char>(first) : '.';
  if (is_bullet(first)) {
    n = length;
    kind = Marker::kBullet;
  } else if (first == '-' || first == '*' || first == '+' || first == 0x2013) {
    n = length;
  } else if (first >= '0' && first <= '9') {
    *marker_class = '1';
    while (n < s.size() && n < 3 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n >= s.size() || (s[n] != '.' && s[n] != ')')) return Marker::kNone;
    ++n;
  } else if (first == '(') {  // (1) (a) (iv)
    n = 1;
    while (n < s.size() && n < 5 && (std::isdigit(static_cast<unsigned char>(s[n])) ||
                                     (s[n] >= 'a' && s[n] <= 'z'))) {
      ++n;
    }
    if (n == 1 || n >= s.size() || s[n] != ')') return Marker::kNone;
    ++n;
  } else if (s.size() > 1 && ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) &&
             s[1] == ')') {
    *marker_class = 'a';
    n = 2;
  } else {
    return Marker::kNone;
  }
  if (n >= s.size() || !is_blank_char(s[n])) return Marker::kNone;
  while (n < s.size() && is_blank_char(s[n])) ++n;
  return n < s.size() ? kind : Marker::kNone;
}

bool is_markdown_heading(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == '#') ++n;
  if (n == 0 || n > 6 || n >= s.size() || !is_blank_char(s[n])) return false;
  while (n < s.size() && is_blank_char(s[n])) ++n;
  return n < s.size();
}

bool is_rule(std::string_view s) {
  std::size_t marks = 0;
  for (const char c : s) {
    if (c == '-' || c == '=' || c == '*' || c == '_' || c == '~') {
      ++marks;
    } else if (!is_blank_char(c)) {
      return false;
    }
  }
  return marks >= 3;
}

}  // namespace

LineFeatures features(std::string_view text, const Line& line) {
  LineFeatures out;
  out.line = line;
  if (line.blank()) return out;
  const std::string_view s = text.substr(line.content, line.end - line.content);
  std::size_t length;
  const UChar32 first = code_point_at(s, 0, &length);
  out.starts_lower = u_islower(first) != 0;
  out.starts_upper = u_isupper(first) != 0 || u_istitle(first) != 0 || u_isdigit(first) != 0;
  out.starts_quote = is_opening(first);
  // The end: the last code point, and the last one before any closing marks.
  const std::size_t last_at = previous_boundary(s, s.size());
  const UChar32 last = code_point_at(s, last_at, &length);
  std::size_t at = last_at;
  UChar32 end = last;
  while (is_closing(end) && at > 0) {
    at = previous_boundary(s, at);
    end = code_point_at(s, at, &length);
  }
  out.ends_clause = end == '.' || end == '!' || end == '?' || end == 0x2026 || end == ':' ||
                    end == ';' || end == 0x3002 || end == 0xFF01 || end == 0xFF1F;
  out.ends_punct = out.ends_clause || end == ',' || end == 0xFF0C || end == 0x3001;
  if (is_hyphen(last) && last_at > 0) {
    out.ends_hyphen = u_isalpha(code_point_at(s, previous_boundary(s, last_at), &length)) != 0;
  }
  out.ends_word = u_isalnum(last) != 0 || last == ')';
  out.heading = first == '#' && is_markdown_heading(s);
  out.rule = is_rule(s);
  if (!out.rule) out.marker = marker_of(s, &out.marker_class);
  return out;
}

bool is_table_row(std::string_view text, const LineFeatures& line, std::uint32_t wrap_width) {
  if (line.ends_punct || line.line.digits < 2) return false;
  const std::string_view s = text.substr(line.line.content, line.line.end - line.line.content);
  std::size_t digits = 0, letters = 0, numbers = 0, spaces = 0;
  bool gap = false, in_number = false;
  for (std::size_t i = 0, length = 0; i < s.size(); i += length) {
    const UChar32 c = code_point_at(s, i, &length);
    if (c == ' ' || c == '\t') {
      spaces += c == '\t' ? 3 : 1;
      gap = gap || spaces >= 3;
      in_number = false;
      continue;
    }
    spaces = 0;
    if (c >= '0' && c <= '9') {
      ++digits;
      if (!in_number) ++numbers;
      in_number = true;
    } else if ((c == ',' || c == '.') && in_number) {
      // 1,234.5 stays one number
    } else {
      in_number = false;
      if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c) != 0) ++letters;
    }
  }
  if (numbers < 2) return false;
  if (gap) return true;
  return digits * 10 >= (digits + letters) * 3 && line.line.width() * 4 < wrap_width * 3;
}

bool is_title_shape(const LineFeatures& line, std::uint32_t wrap_width) {
  return line.starts_upper && line.ends_word && line.marker == Marker::kNone && !line.heading &&
         line.line.length <= 80 && line.line.width() * 10 <= wrap_width * 6;
}

namespace {

// The line after `line`, when it is in the same page, not blank and not furniture.
bool next_content_line(std::string_view text, const WalkContext& layout, const Line& line,
                       LineFeatures* next) {
  if (line.page_break || line.next >= text.size()) return false;
  const Line after = read_line(text, line.next, text.size(), layout.params.form_feeds);
  if (after.blank()) return false;
  const std::vector<Span>& furniture = layout.furniture;
  if (std::binary_search(furniture.begin(), furniture.end(), Span{after.content, after.end},
                         [](Span a, Span b) { return a.begin < b.begin; })) {
    return false;
  }
  *next = features(text, after);
  return true;
}

// A heading: a title-like line followed by the full first line of a paragraph.
bool is_heading_line(std::string_view text, const WalkContext& layout, const LineFeatures& line) {
  const std::uint32_t wrap = layout.params.wrap_width;
  if (!is_title_shape(line, wrap)) return false;
  LineFeatures next;
  if (!next_content_line(text, layout, line.line, &next)) return false;
  return (next.starts_upper || next.starts_quote) && next.line.width() * 10 >= wrap * 7;
}

ParagraphKind kind_of(std::string_view text, const WalkContext& layout, const LineFeatures& line) {
  if (line.heading) return ParagraphKind::kHeading;
  if (line.rule) return ParagraphKind::kRule;
  if (line.marker != Marker::kNone) return ParagraphKind::kItem;
  if (is_table_row(text, line, layout.params.wrap_width)) return ParagraphKind::kTable;
  if (is_heading_line(text, layout, line)) return ParagraphKind::kHeading;
  return ParagraphKind::kProse;
}

}  // namespace

bool starts_paragraph(std::string_view text, const WalkContext& layout, const ParagraphState& state,
                      const LineFeatures* previous, const LineFeatures& line, bool blank_gap,
                      bool page_gap, ParagraphState* started) {
  const DocumentLayout::Params& params = layout.params;
  // The kind depends on the line alone, whichever rule starts it, so a block that starts at this
  // line is in the same state as the whole text there.
  const auto start = [&]() {
    started->kind = kind_of(text, layout, line);
    started->item_indent = line.line.indent;
    started->item_class = line.marker_class;
    return true;
  };
  if (previous == nullptr || (blank_gap && !page_gap) || state.kind == ParagraphKind::kHeading ||
      state.kind == ParagraphKind::kTable || state.kind == ParagraphKind::kRule) {
    return start();
  }
  // Lines that always open a paragraph of their own kind.
  if (line.heading) return start();
  if (line.rule) return start();
  // A dash or a number at a line start may only wrap a sentence ("$6 million\n- was far less"):
  // it opens an item after a clause's end, or in a list of items marked the same way.
  if (line.marker == Marker::kBullet ||
      (line.marker == Marker::kMaybe &&
       ((state.kind == ParagraphKind::kItem && state.item_class == line.marker_class) ||
        previous->ends_clause || page_gap))) {
    return start();
  }
  if (is_table_row(text, line, params.wrap_width)) return start();
  const bool clause_ended = previous->ends_clause;
  // An indented line, unless it is a list item's hanging line or goes on with a sentence.
  if (params.indents && line.line.indent > params.base_indent &&
      !(state.kind == ParagraphKind::kItem && line.line.indent > state.item_indent) &&
      !(line.starts_lower && !clause_ended)) {
    return start();
  }
  if (clause_ended && is_heading_line(text, layout, line)) return start();
  // Across a page break the paragraph goes on when the next page starts in lower case, or when
  // the page ended inside a sentence with a full line (a short one is a title or a heading);
  // otherwise the break is taken for a paragraph break.
  if (page_gap && !line.starts_lower &&
      (clause_ended || previous->line.width() * 10 < params.wrap_width * 7)) {
    return start();
  }
  return false;
}

}  // namespace themescan::detail
