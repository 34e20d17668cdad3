#include "themescan/document.h"

#include <unicode/uchar.h>

#include "text_util.h"

namespace themescan {
namespace {

constexpr std::size_t kTitleMaxChars = 200;

// Byte scans for word boundaries look at ASCII white space only: a continuation byte such as
// 0x85 or 0xA0 must never be taken for NEL or NO-BREAK SPACE.
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::optional<Span> find_title(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) return std::nullopt;  // a single line is not a title
    std::size_t b = begin, e = end;
    detail::trim(text, b, e);
    if (b == e) {
      begin = end + 1;
      continue;
    }
    // Markdown heading marker.
    std::size_t hashes = b;
    while (hashes < e && text[hashes] == '#') ++hashes;
    if (hashes > b && hashes < e && (text[hashes] == ' ' || text[hashes] == '\t')) {
      b = hashes;
      detail::trim(text, b, e);
    }
    const std::string_view line = text.substr(b, e - b);
    if (line.empty() || detail::count_code_points(line) > kTitleMaxChars) return std::nullopt;
    const char last = line.back();
    if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') return std::nullopt;
    std::size_t rest_b = end, rest_e = text.size();
    detail::trim(text, rest_b, rest_e);
    if (rest_b == rest_e) return std::nullopt;
    bool letter = false;
    for (std::size_t i = 0, len = 0; i < line.size() && !letter; i += len) {
      letter = u_isalpha(detail::code_point_at(line, i, &len));
    }
    if (!letter) return std::nullopt;
    return Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
  }
  return std::nullopt;
}

namespace {

// White space runs become one space; a run at either end is dropped unless asked to keep it.
std::string collapse(std::string_view text, bool keep_leading, bool keep_trailing) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
    const UChar32 c = detail::code_point_at(text, i, &len);
    if (detail::is_space(c)) {
      space = !out.empty() || keep_leading;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(text.substr(i, len));
  }
  if (space && keep_trailing) out.push_back(' ');
  return out;
}

}  // namespace

std::string collapse_spaces(std::string_view text) { return collapse(text, false, false); }

Snippet make_snippet(std::string_view text, Span span, std::size_t width) {
  // Walk `width` code points outwards, then back to the nearest space so words stay whole
  // (unless the context has no space at all, as in Chinese or Thai).
  std::size_t left = span.begin;
  for (std::size_t n = 0; n < width && left > 0; ++n) left = detail::previous_boundary(text, left);
  if (left > 0 && !is_ascii_space(text[left - 1])) {
    std::size_t cut = left;
    while (cut < span.begin && !is_ascii_space(text[cut])) ++cut;
    if (cut < span.begin) left = cut;
  }
  std::size_t right = span.end;
  for (std::size_t n = 0, len = 0; n < width && right < text.size(); ++n) {
    detail::code_point_at(text, right, &len);
    right += len;
  }
  if (right < text.size() && !is_ascii_space(text[right])) {
    std::size_t cut = right;
    while (cut > span.end && !is_ascii_space(text[cut - 1])) --cut;
    if (cut > span.end) right = cut;
  }
  Snippet snippet;
  snippet.left = collapse(text.substr(left, span.begin - left), false, true);
  snippet.match = collapse(span.slice(text), false, false);
  snippet.right = collapse(text.substr(span.end, right - span.end), true, false);
  return snippet;
}

}  // namespace themescan
