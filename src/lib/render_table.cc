#include <algorithm>

#include <fmt/format.h>

#include "render_common.h"
#include "text_util.h"
#include "themescan/document.h"
#include "themescan/inputs.h"
#include "themescan/render.h"

namespace themescan {
namespace {

constexpr std::size_t kBarWidth = 16;

struct Style {
  bool on;
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string bar(std::string_view s) const { return wrap("36", s); }
  std::string match(std::string_view s) const { return wrap("1;33", s); }
  std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
};

// A bar of `width` cells for value/max, with eighth-cell precision.
std::string make_bar(double value, double max, std::size_t width) {
  static constexpr std::string_view kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (max <= 0 || value <= 0) return {};
  const auto eighths = static_cast<std::size_t>(std::lround(value / max * double(width) * 8.0));
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) bar += "█";
  bar += kEighths[eighths % 8];
  if (bar.empty()) bar = "▏";
  return bar;
}

std::string pad_right(std::string text, std::size_t width) {
  const std::size_t n = detail::count_code_points(text);
  if (n < width) text.append(width - n, ' ');
  return text;
}

// Cuts `text` to at most `width` code points, ending in "…" when cut.
std::string truncate(std::string_view text, std::size_t width) {
  if (detail::count_code_points(text) <= width) return std::string(text);
  std::size_t i = 0;
  for (std::size_t n = 0, len = 0; n + 1 < width && i < text.size(); ++n, i += len) {
    detail::code_point_at(text, i, &len);
  }
  return std::string(text.substr(0, i)) + "…";
}

}  // namespace

std::string render_table(const DocumentResult& result, const Lexicon& lexicon,
                         const RenderOptions& options) {
  const Style style{options.color};
  std::string out;
  out += style.bold(display_path(result.path)) + "\n";
  if (result.title) {
    out += fmt::format("  title       {}\n", collapse_spaces(result.title->slice(result.text)));
  }
  out += fmt::format("  words       {}   sentences {}   paragraphs {}\n",
                     result.tokens.words.size(), result.tokens.sentences.size(),
                     result.tokens.paragraphs.size());

  const std::vector<const ThemeScore*> themes = select_themes(result, lexicon, options);
  std::size_t matched = 0;
  for (const ThemeScore& score : result.themes) matched += score.hits > 0;
  out += fmt::format("  themes      {} of {} matched, {} hits\n\n", matched, result.themes.size(),
                     result.hits.size());
  if (themes.empty()) {
    out += "  No theme to show.\n";
    return out;
  }

  std::size_t id_width = 5;
  for (const ThemeScore* score : themes) {
    id_width = std::max(id_width, lexicon.themes()[score->theme].id.size());
  }
  const double max_score = themes.front()->score;
  out += style.bold(fmt::format("  {:>4}  {}  {:>5}  {:>5}  {:>6}  {:>7}  {:>6}", "rank",
                                pad_right("theme", id_width), "hits", "dist", "score", "per 1k",
                                "share")) + "\n";
  const std::size_t indent = 8;
  const std::size_t terms_width = options.width > indent + 20 ? options.width - indent : 20;
  for (const ThemeScore* score : themes) {
    const Theme& theme = lexicon.themes()[score->theme];
    std::string terms;
    for (const TermCount& term : score->terms) {
      std::string item = fmt::format("{} ({})", theme.entries[term.entry].text, term.count);
      terms += terms.empty() ? item : ", " + item;
    }
    out += fmt::format("  {:>4}  {}  {:>5}  {:>5}  {:>6}  {:>7.2f}  {:>5.1f}%  {}\n", score->rank,
                       pad_right(theme.id, id_width), score->hits, score->distinct,
                       fmt::format("{:.1f}", score->score), score->per_1k, score->share * 100.0,
                       style.bar(make_bar(score->score, max_score, kBarWidth)));
    if (!terms.empty()) {
      out += std::string(indent, ' ') + style.dim(truncate(terms, terms_width)) + "\n";
    }
    if (options.evidence) {
      for (const std::uint32_t index : score->evidence) {
        const Hit& hit = result.hits[index];
        const Snippet snippet = make_snippet(result.text, hit.span, options.snippet_chars);
        out += fmt::format("        #{:<4} {}{}{}\n", hit.sentence + 1, snippet.left,
                           style.match("[" + snippet.match + "]"), snippet.right);
      }
    }
  }
  return out;
}

}  // namespace themescan
