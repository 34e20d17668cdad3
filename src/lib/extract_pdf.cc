// PDF -> text, page by page (extract.h), with poppler.
//
// poppler gives the words of a page in reading order with their boxes. Words make lines (a line
// ends where the next word does not sit on the same baseline band, or starts left of the
// previous one); lines make paragraphs: a paragraph ends where the distance to the next line is
// clearly more than the document's usual line pitch, where the text size changes (headings),
// or where the next line goes back up the page (a new column). A line that starts clearly
// right of the page's usual left edge keeps an indentation, so indented paragraphs are found by
// the layout detection too. Lines inside a paragraph keep their line breaks (layout.h unwraps
// them and joins hyphenated words); paragraphs are separated by a blank line, pages by a form
// feed. Page furniture is found from geometry as well as text: a line in the top or bottom
// eighth of a page that comes back, digits aside, at the same height on at least two pages and
// half of them (running headers and footers, "3 / 12" page numbers, a printing date) is left out.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "themescan/extract.h"

namespace themescan {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

Result<ExtractedText> bad(std::string message) {
  return Result<ExtractedText>(StatusCode::kBadInput, std::move(message));
}

std::string utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// "2025-06-06" from a PDF date; nullopt when the PDF has none.
std::optional<std::string> iso_date(std::time_t when) {
  if (when <= 0) return std::nullopt;
  std::tm utc{};
  if (gmtime_r(&when, &utc) == nullptr) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

struct Line {
  std::string text;
  double left = 0, top = 0, bottom = 0;
  bool furniture = false;
};

struct Page {
  std::vector<Line> lines;
  double height = 0;
};

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2),
                   values.end());
  return values[values.size() / 2];
}

// The words of a page as lines.
Page read_page(const poppler::page& page) {
  Page out;
  out.height = page.page_rect().height();
  Line line;
  bool open = false;
  bool space_after = false;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    const std::string word = utf8(box.text());
    if (word.empty()) continue;
    const double height = std::max(r.height(), 1.0);
    const bool same_line = open && r.left() >= line.left &&
                           std::abs(r.top() - line.top) < 0.5 * height &&
                           std::abs(r.bottom() - line.bottom) < 0.5 * height;
    if (!same_line) {
      if (open) out.lines.push_back(std::move(line));
      line = Line{word, r.left(), r.top(), r.bottom(), false};
      open = true;
    } else {
      if (space_after) line.text += ' ';
      line.text += word;
      line.top = std::min(line.top, r.top());
      line.bottom = std::max(line.bottom, r.bottom());
    }
    space_after = box.has_space_after();
  }
  if (open) out.lines.push_back(std::move(line));
  return out;
}

// A line's text with its digits as '#', so "2 / 3" and "3 / 3" or two printing dates match.
std::string furniture_key(const std::string& text) {
  std::string key;
  for (const char c : text) key += c >= '0' && c <= '9' ? '#' : c;
  return key;
}

void mark_furniture(std::vector<Page>& pages) {
  if (pages.size() < 2) return;
  // (key, band, height in 2-point steps) -> pages it is on
  std::map<std::tuple<std::string, bool, long>, std::size_t> seen;
  const auto place = [](const Page& page, const Line& line) -> std::optional<std::pair<bool, long>> {
    if (page.height <= 0) return std::nullopt;
    if (line.bottom <= page.height / 8) return std::pair(true, std::lround(line.top / 2));
    if (line.top >= page.height * 7 / 8) {
      return std::pair(false, std::lround((page.height - line.bottom) / 2));
    }
    return std::nullopt;
  };
  for (const Page& page : pages) {
    std::map<std::tuple<std::string, bool, long>, bool> on_page;
    for (const Line& line : page.lines) {
      if (const auto at = place(page, line)) on_page[{furniture_key(line.text), at->first, at->second}] = true;
    }
    for (const auto& [key, _] : on_page) ++seen[key];
  }
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (Page& page : pages) {
    for (Line& line : page.lines) {
      if (const auto at = place(page, line)) {
        line.furniture = seen[{furniture_key(line.text), at->first, at->second}] >= needed;
      }
    }
  }
}

// The text of the pages: paragraphs by line pitch, size and columns.
std::string page_text(const Page& page, double pitch, double line_height) {
  std::vector<double> lefts;
  for (const Line& line : page.lines) {
    if (!line.furniture) lefts.push_back(line.left);
  }
  const double margin = lefts.empty() ? 0 : *std::min_element(lefts.begin(), lefts.end());
  std::vector<double> near_margin;
  for (const double left : lefts) {
    if (left < margin + 2 * line_height) near_margin.push_back(left);
  }
  const double body_left = median(near_margin);
  std::string out;
  const Line* previous = nullptr;
  for (const Line& line : page.lines) {
    if (line.furniture) continue;
    if (previous != nullptr) {
      const double step = line.top - previous->top;
      const double height = line.bottom - line.top;
      const double previous_height = previous->bottom - previous->top;
      // Lines of a larger size (a heading's) have a proportionally larger pitch.
      const double scale = std::max(1.0, std::min(height, previous_height) / line_height);
      const bool new_paragraph = step < 0 || step > pitch * scale * 1.35 ||
                                 std::abs(height - previous_height) > 0.25 * line_height;
      out += new_paragraph ? "\n\n" : "\n";
    }
    // An indented first line (more than an em right of the body's left edge) keeps an indent.
    if (line.left > body_left + line_height && line.left < body_left + 6 * line_height) out += "    ";
    out += line.text;
    previous = &line;
  }
  return out;
}

}  // namespace

Result<ExtractedText> extract_pdf(std::string_view bytes) {
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) return bad("not a PDF file");
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return bad("PDF file too large");
  }
  // poppler's global state (fonts, error callback) is not documented as thread-safe.
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return bad("damaged PDF: poppler cannot read it");
  if (doc->is_locked()) return bad("encrypted PDF: it needs a password to be read");

  const int count = doc->pages();
  if (count <= 0) return bad("damaged PDF: no pages");
  std::vector<Page> pages;
  pages.reserve(static_cast<std::size_t>(count));
  std::vector<double> steps, heights;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pages.push_back(page != nullptr ? read_page(*page) : Page{});
  }
  mark_furniture(pages);
  for (const Page& page : pages) {
    const Line* previous = nullptr;
    for (const Line& line : page.lines) {
      if (line.furniture) continue;
      heights.push_back(line.bottom - line.top);
      if (previous != nullptr && line.top > previous->top) steps.push_back(line.top - previous->top);
      previous = &line;
    }
  }
  if (heights.empty()) return bad("no text layer: scanned PDF?");
  const double line_height = std::max(median(heights), 1.0);
  const double pitch = std::max(median(steps), line_height);

  ExtractedText out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) out.text += '\f';
    out.pages.push_back(out.text.size());
    out.text += page_text(pages[i], pitch, line_height);
    out.text += '\n';
  }
  if (const std::string title = utf8(doc->get_title()); !title.empty()) out.title = title;
  out.date = iso_date(doc->info_date_t("CreationDate"));
  return out;
}

}  // namespace themescan
