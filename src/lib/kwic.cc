#include "themescan/kwic.h"

#include <algorithm>

#include <fmt/format.h>

#include "render_common.h"
#include "text_util.h"
#include "themescan/document.h"

namespace themescan {

std::vector<KwicLine> kwic_lines(std::string_view text, const TokenizedText& tokens,
                                 const std::vector<Hit>& hits,
                                 const std::vector<std::uint32_t>& themes, std::size_t window) {
  std::vector<KwicLine> out;
  const std::vector<Token>& words = tokens.words;
  std::uint32_t line = 1;
  std::size_t counted = 0;  // bytes of the text whose line breaks are in `line`
  for (const Hit& hit : hits) {
    if (std::find(themes.begin(), themes.end(), hit.theme) == themes.end()) continue;
    KwicLine k;
    k.match = hit.span;
    k.theme = hit.theme;
    k.entry = hit.entry;
    k.sentence = hit.sentence;
    line += static_cast<std::uint32_t>(
        std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                   text.begin() + static_cast<std::ptrdiff_t>(hit.span.begin), '\n'));
    counted = hit.span.begin;
    k.line = line;
    // First word at or after the hit, and first word after it.
    const auto first = std::lower_bound(words.begin(), words.end(), hit.span.begin,
                                        [](const Token& t, std::uint32_t b) { return t.span.end <= b; });
    const auto after = std::lower_bound(first, words.end(), hit.span.end,
                                        [](const Token& t, std::uint32_t e) { return t.span.begin < e; });
    const std::uint32_t paragraph = first != words.end() ? first->paragraph : 0;
    auto from = first;
    for (std::size_t n = 0; n < window && from != words.begin() && (from - 1)->paragraph == paragraph; ++n) {
      --from;
    }
    auto to = after;
    for (std::size_t n = 0; n < window && to != words.end() && to->paragraph == paragraph; ++n) ++to;
    if (from != first) {
      k.left = collapse_spaces(text.substr(from->span.begin, hit.span.begin - from->span.begin));
    }
    if (to != after) {
      const std::uint32_t end = (to - 1)->span.end;
      k.right = collapse_spaces(text.substr(hit.span.end, end - hit.span.end));
    }
    out.push_back(std::move(k));
  }
  return out;
}

std::string kwic_table_line(std::string_view path, const KwicLine& line, std::string_view match,
                            std::size_t width) {
  // The left context keeps its end: its last width - 1 code points after "…" when too long.
  std::string left = line.left;
  if (const std::size_t n = detail::count_code_points(left); n > width) {
    std::size_t cut = 0;
    for (std::size_t skip = n - width + 1, len = 0; skip > 0; --skip, cut += len) {
      detail::code_point_at(left, cut, &len);
    }
    left = "…" + left.substr(cut);
  }
  const std::size_t shown = detail::count_code_points(left);
  return fmt::format("{}:{}  {}{}  [{}]  {}\n", path, line.line,
                     std::string(width > shown ? width - shown : 0, ' '), left, match,
                     detail::truncate(line.right, width));
}

}  // namespace themescan
