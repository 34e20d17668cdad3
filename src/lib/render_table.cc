#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "render_common.h"
#include "text_util.h"
#include "themescan/attribution.h"
#include "themescan/document.h"
#include "themescan/inputs.h"
#include "themescan/render.h"

namespace themescan {
namespace {

using detail::pad_right;
using detail::truncate;

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

std::string top_themes(const std::vector<ThemeCount>& counts, const Lexicon& lexicon,
                       std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < counts.size() && i < limit; ++i) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", lexicon.themes()[counts[i].theme].id,
                       counts[i].hits);
  }
  return out;
}

std::string speaker_label(const DocumentResult& result, const Quote& quote) {
  if (quote.attribution.speaker < 0) return "(unattributed)";
  return result.speakers[static_cast<std::size_t>(quote.attribution.speaker)].name;
}

// Quotes (direct and indirect; terms are only counted) and the speakers with their themes.
std::string render_quotes(const DocumentResult& result, const Lexicon& lexicon,
                          const RenderOptions& options, const Style& style) {
  std::size_t direct = 0, indirect = 0, terms = 0;
  for (const Quote& q : result.quotes) {
    ++(q.type == QuoteType::kDirect ? direct : q.type == QuoteType::kIndirect ? indirect : terms);
  }
  std::string out;
  out += "\n" + style.bold(fmt::format("  quotes      {} direct, {} indirect, {} term{}", direct,
                                       indirect, terms, terms == 1 ? "" : "s")) + "\n";
  const std::size_t name_width = 24, indent = 4 + name_width + 10;
  const std::size_t text_width = options.width > indent + 20 ? options.width - indent : 20;
  const std::size_t cap = options.max_quotes == 0 ? SIZE_MAX : options.max_quotes;
  const auto more = [&](std::size_t left, const char* what) {
    out += style.dim(fmt::format("    ... and {} more {} (--max-quotes 0 lists all)", left, what)) + "\n";
  };
  std::size_t listed = 0, hidden = 0;
  for (const Quote& q : result.quotes) {
    if (q.type == QuoteType::kTerm || q.depth > 0) continue;
    if (listed == cap) {
      ++hidden;
      continue;
    }
    ++listed;
    const std::string text = collapse_spaces(q.span.slice(result.text));
    const std::string shown = q.type == QuoteType::kDirect ? "“" + text + "”" : text;
    out += fmt::format("    {}{:<10}{}\n", pad_right(truncate(speaker_label(result, q), name_width - 2), name_width),
                       q.type == QuoteType::kDirect ? "direct" : "indirect",
                       truncate(shown, text_width));
    std::string detail = fmt::format("{} {:.2f}", attribution_method_name(q.attribution.method),
                                     q.attribution.confidence);
    if (!q.themes.empty()) detail += "   " + top_themes(q.themes, lexicon, 4);
    out += std::string(indent, ' ') + style.dim(truncate(detail, text_width)) + "\n";
  }
  if (hidden > 0) more(hidden, hidden == 1 ? "quote" : "quotes");
  if (result.speakers.empty()) return out;
  out += "\n" + style.bold(fmt::format("  speakers    {}", result.speakers.size())) + "\n";
  for (std::size_t i = 0; i < result.speakers.size(); ++i) {
    if (i == cap) {
      const std::size_t left = result.speakers.size() - cap;
      more(left, left == 1 ? "speaker" : "speakers");
      break;
    }
    const Speaker& s = result.speakers[i];
    std::string about = s.role;
    if (!s.affiliation.empty()) about += (about.empty() ? "" : ", ") + s.affiliation;
    if (!s.country.empty()) about += (about.empty() ? "" : ", ") + s.country;
    if (!s.participation.empty()) about += (about.empty() ? "" : "; ") + s.participation;
    if (s.group) about += about.empty() ? "group" : "; group";
    out += fmt::format("    {}{:>2} {:<6} {:>2} indirect   {}\n",
                       pad_right(truncate(s.name, name_width - 2), name_width), s.quotes,
                       s.quotes == 1 ? "quote" : "quotes", s.statements, style.dim(truncate(about, text_width > 20 ? text_width - 6 : 20)));
    if (!s.themes.empty()) {
      out += std::string(indent, ' ') + truncate(top_themes(s.themes, lexicon, 5), text_width) + "\n";
    }
  }
  return out;
}

}  // namespace

namespace detail {

std::string quote_text(const Quote& quote, std::string_view text) {
  std::string out = collapse_spaces(quote.span.slice(text));
  for (bool cut = true; cut;) {  // a comma (ASCII, full-width, Arabic) and spaces before it
    cut = false;
    for (const std::string_view comma : {",", "\xEF\xBC\x8C", "\xD8\x8C", " "}) {
      if (out.ends_with(comma)) {
        out.resize(out.size() - comma.size());
        cut = true;
      }
    }
  }
  return out;
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

}  // namespace detail

std::string render_table(const DocumentResult& result, const Lexicon& lexicon,
                         const RenderOptions& options) {
  const Style style{options.color};
  std::string out;
  out += style.bold(display_path(result.path)) + "\n";
  if (result.meta.title) {  // a feed's, or an HTML, DOCX or PDF file's
    out += fmt::format("  title       {}\n", collapse_spaces(*result.meta.title));
  } else if (result.title) {
    out += fmt::format("  title       {}\n", collapse_spaces(result.title->slice(result.text)));
  }
  if (result.encoding != "UTF-8" || result.encoding_confidence < 100) {
    out += fmt::format("  encoding    {}{}\n", result.encoding,
                       result.encoding_confidence < 100
                           ? fmt::format(" (guessed, confidence {}/100)", result.encoding_confidence)
                           : "");
  }
  out += fmt::format("  words       {}   sentences {}   paragraphs {}{}\n",
                     result.counts.words, result.counts.sentences,
                     result.counts.paragraphs,
                     result.pages.empty() ? "" : fmt::format("   pages {}", result.pages.size()));

  const std::vector<const ThemeScore*> themes = select_themes(result, lexicon, options);
  std::size_t matched = 0;
  for (const ThemeScore& score : result.themes) matched += score.hits > 0;
  std::size_t in_names = 0;
  for (const Hit& hit : result.hits) in_names += hit.in_name;
  const std::size_t counted = result.names_counted ? result.hits.size() : result.hits.size() - in_names;
  std::string names_note;
  if (in_names > 0) {
    names_note = result.names_counted ? fmt::format(", {} of them inside names", in_names)
                                      : fmt::format(", {} more inside names (not counted)", in_names);
  }
  out += fmt::format("  themes      {} of {} matched, {} hits{}\n\n", matched, result.themes.size(),
                     counted, names_note);
  if (themes.empty()) {
    out += "  No theme to show.\n";
    if (!result.quotes.empty() || !result.speakers.empty()) {
      out += render_quotes(result, lexicon, options, style);
    }
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
      std::string item = fmt::format("{} ({})", entry_of(lexicon, term).display(), term.count);
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
        // A hit inside a name is marked after it (counted or not: see the themes line).
        const std::string mark = hit.in_name ? style.dim("{name}") : std::string();
        // Sentence number, and the page in a PDF: "#14 p.2".
        const std::string where =
            result.pages.empty()
                ? fmt::format("#{:<4}", hit.sentence + 1)
                : fmt::format("{:<9}", fmt::format("#{} p.{}", hit.sentence + 1,
                                                   page_of(result.pages, hit.span.begin)));
        out += fmt::format("        {} {}{}{}{}\n", where, snippet.left,
                           style.match("[" + snippet.match + "]"), mark, snippet.right);
      }
    }
  }
  if (!result.quotes.empty() || !result.speakers.empty()) {
    out += render_quotes(result, lexicon, options, style);
  }
  return out;
}

}  // namespace themescan
