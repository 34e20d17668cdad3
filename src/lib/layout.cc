// Paragraph layout detection and segmentation (layout.h). The rules and their thresholds are
// explained in docs/design.md ("Tokenize").
#include "themescan/layout.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

#include "layout_lines.h"
#include "text_util.h"

namespace themescan {

std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::kLines: return "lines";
    case Layout::kBlankLines: return "blank-lines";
    case Layout::kIndented: return "indented";
    case Layout::kPdf: return "pdf";
  }
  return "lines";
}

namespace {

using detail::Line;
using detail::read_line;

// Hard-wrapped text: at least 90% of its lines are at most this long (code points).
constexpr std::uint32_t kWrappedLineMax = 100;
// Page furniture is looked for among this many non-blank lines at each end of a page.
constexpr std::size_t kEdgeLines = 3;
constexpr std::uint32_t kFurnitureMaxLength = 120;  // code points
constexpr std::size_t kWidthBuckets = 256;
constexpr std::size_t kIndentBuckets = 64;
// How far next_paragraph_start() looks for a paragraph start it can find without reading from the
// block's start.
constexpr std::size_t kRestartScanBytes = 64 * 1024;

// ---- Page furniture ----------------------------------------------------------------------

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_roman(char c) { return std::strchr("ivxlcdm", c) != nullptr && c != '\0'; }

// Strips the decorations around a page number: spaces, dashes, brackets, bars, bullets.
std::string_view strip_decoration(std::string_view s) {
  static constexpr std::string_view kMarks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
                                                "\xC2\xB7"};  // – — • ·
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (std::strchr(" \t-[]()|", s.front()) != nullptr) {
      s.remove_prefix(1);
      changed = true;
    }
    if (!s.empty() && std::strchr(" \t-[]()|", s.back()) != nullptr) {
      s.remove_suffix(1);
      changed = true;
    }
    for (const std::string_view mark : kMarks) {
      if (s.starts_with(mark)) {
        s.remove_prefix(mark.size());
        changed = true;
      }
      if (s.ends_with(mark)) {
        s.remove_suffix(mark.size());
        changed = true;
      }
    }
  }
  return s;
}

bool skip_number(std::string_view& s, std::size_t max_digits) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  if (n == 0 || n > max_digits) return false;
  s.remove_prefix(n);
  return true;
}

void skip_spaces(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
}

// "3", "- 3 -", "[3]", "iii", "Page 3", "Page 3 of 12", "p. 3", "3 of 12", "3/12", "Стр. 3".
bool is_page_number_alone(std::string_view line) {
  const std::string_view bare = strip_decoration(line);
  if (bare.empty() || bare.size() > 40) return false;
  if (all_of(bare, is_digit)) return bare.size() <= 3;  // not a year alone on a cover
  if (all_of(bare, is_roman)) return bare.size() <= 6;  // front matter (iii); "IV" is a heading
  std::string lower(bare);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view s = lower;
  static constexpr std::string_view kPrefixes[] = {
      "page", "pg.", "pg", "p.", "seite", "s.", "p\xC3\xA1gina", "p\xC3\xA1g.", "pagina",
      "\xD1\x81\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0",  // страница
      "\xD1\x81\xD1\x82\xD1\x80.", "\xD0\xA1\xD1\x82\xD1\x80."};           // стр. Стр.
  for (const std::string_view prefix : kPrefixes) {
    if (s.starts_with(prefix)) {
      s.remove_prefix(prefix.size());
      skip_spaces(s);
      break;
    }
  }
  if (!skip_number(s, 4)) return false;
  skip_spaces(s);
  if (s.empty()) return true;
  static constexpr std::string_view kOf[] = {"of", "/", "\xD0\xB8\xD0\xB7", "de", "von", "sur"};
  for (const std::string_view of : kOf) {
    if (s.starts_with(of)) {
      s.remove_prefix(of.size());
      skip_spaces(s);
      return skip_number(s, 5) && s.empty();
    }
  }
  return false;
}

// A page number alone, or beside a title: "3 | Annual Report", "Annual Report · 3",
// "Annual Report        3" (pdftotext -layout).
bool is_page_number(std::string_view line) {
  if (is_page_number_alone(line)) return true;
  static constexpr std::string_view kSeparators[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", "   "};
  for (const std::string_view separator : kSeparators) {
    const std::size_t first = line.find(separator);
    if (first == std::string_view::npos) continue;
    const std::size_t last = line.rfind(separator);
    if (is_page_number_alone(line.substr(0, first)) ||
        is_page_number_alone(line.substr(last + separator.size()))) {
      return true;
    }
  }
  return false;
}

// Lines that differ only in their numbers (page numbers, dates) and spacing share a key.
std::string furniture_key(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  for (const char c : line) {
    if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else if (is_digit(c)) {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

struct EdgeLine {
  Span span;          // the line's content
  std::uint32_t page;
  bool top;           // looked at from the top of its page (else from the bottom)
  bool among_first;   // one of the first lines of its page (also on a short page from the bottom)
};

// The form feeds and furniture lines of a text with pages, sorted. A running header or footer is
// a line (up to its numbers) found among the first or last lines of at least 2 pages, and of
// at least 5 pages or a third of them; a page number may be alone on its page. Lines are taken
// from the page edge inwards until one is neither. The first page's first lines are never a
// running header: they are usually the title the later headers repeat.
std::vector<Span> find_furniture(std::string_view text) {
  std::vector<Span> out;
  std::vector<EdgeLine> edges;
  std::vector<Span> page_lines;  // non-blank lines of the current page (first and last kept)
  std::uint32_t page = 0, pages = 0;
  const auto close_page = [&]() {
    if (page_lines.empty()) return;
    ++pages;
    // On a short page a line may be among both the first and the last lines.
    const std::size_t n = page_lines.size();
    for (std::size_t i = 0; i < n && i < kEdgeLines; ++i) {
      edges.push_back({page_lines[i], page, true, true});
    }
    for (std::size_t i = 0; i < n && i < kEdgeLines; ++i) {
      edges.push_back({page_lines[n - 1 - i], page, false, n - 1 - i < kEdgeLines});
    }
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const Line line = read_line(text, pos, text.size());
    pos = line.next;
    if (!line.blank()) {
      const Span span{line.content, line.end};
      if (page_lines.size() < kEdgeLines) {
        page_lines.push_back(span);
      } else {
        // Keep the first kEdgeLines and the last kEdgeLines lines.
        if (page_lines.size() == 2 * kEdgeLines) page_lines.erase(page_lines.begin() + kEdgeLines);
        page_lines.push_back(span);
      }
    }
    if (line.page_break) {
      out.push_back({line.end_of_line, line.end_of_line + 1});
      close_page();
      page_lines.clear();
      ++page;
    }
  }
  close_page();

  std::unordered_map<std::string, std::vector<std::uint32_t>> pages_of;
  std::vector<std::string> keys(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::string_view line = edges[i].span.slice(text);
    if (detail::count_code_points(line) > kFurnitureMaxLength) continue;
    keys[i] = furniture_key(line);
    std::vector<std::uint32_t>& list = pages_of[keys[i]];
    if (list.empty() || list.back() != edges[i].page) list.push_back(edges[i].page);
  }
  const auto running = [&](std::size_t i) {
    if (keys[i].empty() || (edges[i].page == 0 && edges[i].among_first)) return false;
    const std::size_t count = pages_of[keys[i]].size();
    return count >= 2 && (count >= 5 || 3 * count >= pages);
  };
  // Edges come page by page, top lines (from the edge inwards) then bottom lines (likewise).
  for (std::size_t i = 0; i < edges.size();) {
    std::size_t j = i;
    while (j < edges.size() && edges[j].page == edges[i].page && edges[j].top == edges[i].top) ++j;
    for (std::size_t k = i; k < j; ++k) {
      const std::string_view line = edges[k].span.slice(text);
      const bool furniture = !keys[k].empty() && (is_page_number(line) || running(k));
      if (!furniture) break;
      out.push_back(edges[k].span);
    }
    i = j;
  }
  std::sort(out.begin(), out.end(), [](Span a, Span b) { return a.begin < b.begin; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// ---- Detection -----------------------------------------------------------------------------

// Whether a line indented `indent` columns is indented against one indented `than`: by 2 to 12
// columns. A single column is not taken as evidence of indented paragraphs: e-texts have lines
// that start with the space or no-break space of a sentence gap.
bool is_indent(std::uint32_t indent, std::uint32_t than) {
  return indent >= than + 2 && indent <= than + 12;
}

}  // namespace

DocumentLayout DocumentLayout::detect(std::string_view text) {
  DocumentLayout layout;
  // One line (a lexicon entry, a JSONL title) is one paragraph in every layout.
  if (text.find('\n') == std::string_view::npos && text.find('\f') == std::string_view::npos) {
    return layout;
  }
  // Pages: a form feed with text on both sides.
  bool pages = false;
  if (const std::size_t ff = text.find('\f'); ff != std::string_view::npos) {
    std::size_t before = 0, after = ff;
    detail::trim(text, before, after);
    std::size_t b = ff, e = text.size();
    detail::trim(text, b, e);
    pages = before < after && b < e;
  }
  Params& p = layout.params_;
  p.form_feeds = text.find('\f') != std::string_view::npos;
  p.pages = pages;
  if (pages) layout.furniture_ = find_furniture(text);

  // One pass over the lines that are not furniture.
  std::array<std::uint32_t, kWidthBuckets> widths{};
  std::array<std::uint32_t, kIndentBuckets> indents{};
  std::uint64_t nonblank = 0, short_lines = 0, blank_breaks = 0, indent_starts = 0,
                indent_wraps = 0;
  bool consecutive = false;
  Line previous;  // the last content line, when no blank line followed it
  bool has_previous = false, seen_content = false, blank_pending = false;
  bool previous_counted = false;  // `previous` is counted in indent_starts
  bool previous_starts = false;   // `previous` may start a paragraph (see below)
  // What the lines look like matters only where the indentation changes: features are read then.
  const auto features = [&](const Line& line) { return detail::features(text, line); };
  std::size_t f = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Line line = read_line(text, pos, text.size(), p.form_feeds);
    pos = line.next;
    while (f < layout.furniture_.size() && layout.furniture_[f].end <= line.content) ++f;
    const bool furniture = !line.blank() && f < layout.furniture_.size() &&
                           layout.furniture_[f].begin == line.content &&
                           layout.furniture_[f].end == line.end;
    if (furniture) continue;
    if (line.blank()) {
      blank_pending = seen_content;
      has_previous = false;
      continue;
    }
    seen_content = true;
    if (blank_pending) ++blank_breaks;
    blank_pending = false;
    ++nonblank;
    if (line.width() <= kWrappedLineMax) ++short_lines;
    ++widths[std::min<std::size_t>(line.width(), kWidthBuckets - 1)];
    ++indents[std::min<std::size_t>(line.indent, kIndentBuckets - 1)];
    bool counted = false;  // this line is counted as an indented paragraph start
    if (has_previous) {
      consecutive = true;
      // An indented line after a less indented one: a paragraph start when the line before ends
      // a clause; a sentence that goes on in lower case into an indented line (a hanging indent,
      // a quotation inside a sentence) speaks against indented paragraphs.
      if (is_indent(line.indent, previous.indent)) {
        const detail::LineFeatures current = features(line);
        if (current.marker == detail::Marker::kNone) {
          if (features(previous).ends_clause) {
            ++indent_starts;
            counted = true;
          } else if (current.starts_lower) {
            ++indent_wraps;
          }
        }
      }
      // So is an indented line that goes on unindented, when it opens a block, or follows a
      // clause's end, a line as indented as itself or a short line such as a headline (not when
      // it is the hanging part of a sentence that ran over a full line).
      if (is_indent(previous.indent, line.indent) && previous_starts && !previous_counted &&
          features(previous).marker == detail::Marker::kNone) {
        ++indent_starts;
      }
    }
    previous_counted = counted;
    previous_starts = !has_previous || previous.indent >= line.indent ||
                      previous.width() * 4 <= line.width() * 3 || features(previous).ends_clause;
    previous = line;
    has_previous = true;
  }
  const auto percentile = [](const auto& histogram, std::uint64_t total, std::uint64_t share) {
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < histogram.size(); ++i) {
      seen += histogram[i];
      if (seen * 100 >= total * share) return static_cast<std::uint32_t>(i);
    }
    return static_cast<std::uint32_t>(histogram.size() - 1);
  };
  if (nonblank > 0) p.wrap_width = std::max<std::uint32_t>(percentile(widths, nonblank, 90), 8);
  for (std::size_t i = 0; i < indents.size(); ++i) {  // the least indent of 5% of the lines
    if (indents[i] * 20 >= nonblank) {
      p.base_indent = static_cast<std::uint32_t>(i);
      break;
    }
  }
  const bool wrapped = nonblank >= 3 && consecutive && short_lines * 10 >= nonblank * 9;
  p.indents = wrapped && indent_starts >= 2 && indent_starts >= 2 * indent_wraps &&
              indent_starts * 2 >= blank_breaks;
  p.blocks = wrapped && (blank_breaks > 0 || p.indents);
  layout.kind_ = pages ? Layout::kPdf
                 : p.indents ? Layout::kIndented
                 : p.blocks  ? Layout::kBlankLines
                             : Layout::kLines;
  return layout;
}

// ---- Segmentation --------------------------------------------------------------------------

Segments DocumentLayout::segment(std::string_view text, Span block) const {
  Segments out;
  const auto relative = [&](std::uint32_t offset) { return offset - block.begin; };
  bool open = false;
  Span current{};
  detail::walk_lines(text, block.begin, block.end, {params_, furniture_},
                     [&](const Line& line, bool starts, bool word_break) {
                       if (starts || !open) {
                         if (open) out.paragraphs.push_back(current);
                         current = {relative(line.content), relative(line.end)};
                         open = true;
                       } else {
                         current.end = relative(line.end);
                       }
                       if (word_break) out.word_breaks.push_back(relative(line.content));
                       return true;
                     });
  if (open) out.paragraphs.push_back(current);
  const auto first = std::lower_bound(furniture_.begin(), furniture_.end(), block.begin,
                                      [](Span s, std::uint32_t b) { return s.begin < b; });
  for (auto it = first; it != furniture_.end() && it->end <= block.end; ++it) {
    out.furniture.push_back({relative(it->begin), relative(it->end)});
  }
  return out;
}

std::size_t DocumentLayout::next_paragraph_start(std::string_view text, std::size_t start,
                                                 std::size_t from, std::size_t limit) const {
  // Most of the time the answer is found near `from`: in `lines` every content line starts a
  // paragraph, and in every layout so does a content line right after a blank line (with no page
  // break between), whatever came before. Only failing that are the lines read from `start`.
  limit = std::min(limit, text.size());
  if (from >= limit) return std::string_view::npos;
  const bool form_feeds = params_.form_feeds;
  std::size_t pos = from;
  if (pos > start && text[pos - 1] != '\n' && !(form_feeds && text[pos - 1] == '\f')) {
    while (pos < limit && text[pos] != '\n' && !(form_feeds && text[pos] == '\f')) ++pos;
    ++pos;
  }
  const std::size_t scan_limit = std::min(limit, from + kRestartScanBytes);
  // A content line, then blank lines, then this one: no page break or furniture between them
  // (in `pdf` a blank line after a page break does not end the paragraph).
  bool seen_content = false, after_blank = false;
  std::size_t f = static_cast<std::size_t>(
      std::lower_bound(furniture_.begin(), furniture_.end(), static_cast<std::uint32_t>(pos),
                       [](Span s, std::uint32_t b) { return s.end <= b; }) - furniture_.begin());
  while (pos < scan_limit) {
    const Line line = read_line(text, pos, limit, form_feeds, false);
    while (f < furniture_.size() && furniture_[f].end <= line.content) ++f;
    const bool furniture = !line.blank() && f < furniture_.size() &&
                           furniture_[f].begin == line.content && furniture_[f].end == line.end;
    if (!line.blank() && !furniture && (!params_.blocks || after_blank)) return line.begin;
    if (furniture || (params_.pages && line.page_break)) {
      seen_content = after_blank = false;
    } else if (!line.blank()) {
      seen_content = true;
      after_blank = line.page_break;  // a form feed outside `pdf` is a paragraph break
    } else {
      after_blank = seen_content;
    }
    pos = line.next;
  }
  if (!params_.blocks) return std::string_view::npos;
  std::size_t found = std::string_view::npos;
  detail::walk_lines(text, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(limit),
                     {params_, furniture_}, [&](const Line& line, bool starts, bool) {
                       if (starts && line.begin >= from && line.begin > start) {
                         found = line.begin;
                         return false;
                       }
                       return true;
                     });
  return found;
}

}  // namespace themescan
