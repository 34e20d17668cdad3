// Corpus renderers: the overview table of a CorpusSummary and the CSV tables.
#include <algorithm>

#include <fmt/format.h>

#include "render_common.h"
#include "text_util.h"
#include "themescan/attribution.h"
#include "themescan/csv.h"
#include "themescan/document.h"
#include "themescan/inputs.h"
#include "themescan/render.h"

namespace themescan {
namespace {

using detail::pad_right;
using detail::truncate;

constexpr std::size_t kMaxMatrixThemes = 12;  // columns of the co-occurrence and month tables
constexpr std::size_t kTopSpeakers = 10;
constexpr std::size_t kTopTerms = 5;

std::string top_counts(const std::map<std::string, std::uint64_t>& counts, std::size_t limit) {
  std::vector<std::pair<std::string, std::uint64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (std::size_t i = 0; i < sorted.size() && i < limit; ++i) {
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", sorted[i].first, sorted[i].second);
  }
  return out;
}

std::string themes_field(const std::vector<ThemeCount>& counts, const Lexicon& lexicon) {
  std::string out;
  for (const ThemeCount& c : counts) {
    out += fmt::format("{}{}:{}", out.empty() ? "" : ";", lexicon.themes()[c.theme].id, c.hits);
  }
  return out;
}

std::string number(double value) { return fmt::format("{}", detail::round4(value)); }

// The columns every CSV table starts with.
std::vector<std::string> document_fields(const std::string& path, const std::string& id,
                                         const std::string& date) {
  return {path, id, date};
}

}  // namespace

std::string render_summary_table(const CorpusSummary& summary, const RenderOptions& options) {
  std::string out;
  std::string dates;
  if (!summary.months.empty()) {
    const std::string& first = summary.months.begin()->first;
    const std::string& last = summary.months.rbegin()->first;
    dates = first == last ? fmt::format(", {} dated ({})", summary.dated, first)
                          : fmt::format(", {} dated ({} to {})", summary.dated, first, last);
  } else if (summary.dated > 0) {
    dates = fmt::format(", {} dated", summary.dated);
  }
  out += fmt::format("corpus      {} document{}, {} failed, {} words{}\n", summary.documents,
                     summary.documents == 1 ? "" : "s", summary.errors.size(), summary.words,
                     dates);
  out += fmt::format("quotes      {} direct, {} indirect\n", summary.quotes, summary.statements);

  std::vector<std::size_t> shown;
  for (const std::size_t i : summary.theme_order()) {
    const SummaryTheme& t = summary.themes[i];
    if (options.top != 0 && shown.size() >= options.top) break;
    if (t.hits < options.min_hits) continue;
    if (!options.themes.empty() &&
        std::find(options.themes.begin(), options.themes.end(), t.id) == options.themes.end()) {
      continue;
    }
    shown.push_back(i);
  }
  std::size_t id_width = 5;
  for (const std::size_t i : shown) id_width = std::max(id_width, summary.themes[i].id.size());
  out += "\n";
  if (shown.empty()) {
    out += "  No theme to show.\n";
  } else {
    out += fmt::format("  {:>3}  {}  {:>5}  {:>6}  {:>7}  {:>9}  {:>7}  top terms\n", "#",
                       pad_right("theme", id_width), "docs", "hits", "mean/1k", "median/1k", "all/1k");
    const std::size_t indent = 2 + 3 + 2 + id_width + 2 + 5 + 2 + 6 + 2 + 7 + 2 + 9 + 2 + 7 + 2;
    const std::size_t terms_width = options.width > indent + 10 ? options.width - indent : 10;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const SummaryTheme& t = summary.themes[shown[k]];
      const double pooled = summary.words == 0 ? 0 : 1000.0 * double(t.hits) / double(summary.words);
      out += fmt::format("  {:>3}  {}  {:>5}  {:>6}  {:>7.2f}  {:>9.2f}  {:>7.2f}  {}\n", k + 1,
                         pad_right(t.id, id_width), t.documents, t.hits, t.mean_per_1k(),
                         t.median_per_1k(), pooled, truncate(top_counts(t.terms, kTopTerms), terms_width));
    }
  }

  std::vector<std::size_t> matrix(shown.begin(),
                                  shown.begin() + static_cast<std::ptrdiff_t>(
                                                      std::min(shown.size(), kMaxMatrixThemes)));
  if (matrix.size() > 1) {
    out += "\nco-occurrence   documents in which both themes have hits (columns as numbered above)\n";
    out += "  " + pad_right("", 3 + 2 + id_width);
    for (std::size_t c = 0; c < matrix.size(); ++c) out += fmt::format("{:>5}", c + 1);
    out += "\n";
    for (std::size_t r = 0; r < matrix.size(); ++r) {
      out += fmt::format("  {:>3}  {}", r + 1, pad_right(summary.themes[matrix[r]].id, id_width));
      for (std::size_t c = 0; c < matrix.size(); ++c) {
        out += fmt::format("{:>5}", summary.both(matrix[r], matrix[c]));
      }
      out += "\n";
    }
  }

  const std::vector<const SummarySpeaker*> speakers = summary.speaker_order();
  if (!speakers.empty()) {
    out += fmt::format("\ntop speakers    {} named across documents{}\n", speakers.size(),
                       speakers.size() > kTopSpeakers ? fmt::format(", first {}", kTopSpeakers) : "");
    out += fmt::format("  {}  {:>4}  {:>6}  {:>8}  {}\n", pad_right("name", 24), "docs", "quotes",
                       "indirect", "role, affiliation");
    const std::size_t indent = 2 + 24 + 2 + 4 + 2 + 6 + 2 + 8 + 2;
    const std::size_t about_width = options.width > indent + 10 ? options.width - indent : 10;
    for (std::size_t i = 0; i < speakers.size() && i < kTopSpeakers; ++i) {
      const SummarySpeaker& s = *speakers[i];
      std::string about = SummarySpeaker::most_frequent(s.roles);
      const std::string affiliation = SummarySpeaker::most_frequent(s.affiliations);
      const std::string country = SummarySpeaker::most_frequent(s.countries);
      if (!affiliation.empty()) about += (about.empty() ? "" : ", ") + affiliation;
      if (!country.empty()) about += (about.empty() ? "" : ", ") + country;
      out += fmt::format("  {}  {:>4}  {:>6}  {:>8}  {}\n", pad_right(truncate(s.name, 24), 24), s.documents,
                         s.quotes, s.statements, truncate(about, about_width));
      if (!s.themes.empty()) {
        out += std::string(indent, ' ') + truncate(top_counts(s.themes, kTopTerms), about_width) + "\n";
      }
    }
  }

  if (!summary.months.empty() && !matrix.empty()) {
    out += "\nper month       documents, then hits per theme (columns as numbered above)\n";
    out += fmt::format("  {:<7}  {:>4}", "month", "docs");
    for (std::size_t c = 0; c < matrix.size(); ++c) out += fmt::format("{:>5}", c + 1);
    out += "\n";
    for (const auto& [month, m] : summary.months) {
      out += fmt::format("  {:<7}  {:>4}", month, m.documents);
      for (const std::size_t t : matrix) out += fmt::format("{:>5}", m.theme_hits[t]);
      out += "\n";
    }
  }

  if (!summary.errors.empty()) {
    out += fmt::format("\nfailed          {}\n", summary.errors.size());
    for (const SummaryError& e : summary.errors) out += "  " + e.message + "\n";
  }
  return out;
}

bool parse_csv_table(const std::string& name, CsvTable* table) {
  if (name == "themes") *table = CsvTable::kThemes;
  else if (name == "quotes") *table = CsvTable::kQuotes;
  else if (name == "speakers") *table = CsvTable::kSpeakers;
  else return false;
  return true;
}

std::string render_csv_header(CsvTable table) {
  std::vector<std::string> fields = document_fields("path", "id", "date");
  switch (table) {
    case CsvTable::kThemes:
      fields.insert(fields.end(), {"words", "theme", "rank", "hits", "distinct", "score", "per_1k",
                                   "share", "top_terms"});
      break;
    case CsvTable::kQuotes:
      fields.insert(fields.end(), {"quote", "type", "partial", "page", "speaker_id", "speaker", "kind",
                                   "named", "role", "affiliation", "country", "method",
                                   "confidence", "verb", "text", "themes"});
      break;
    case CsvTable::kSpeakers:
      fields.insert(fields.end(), {"speaker", "name", "named", "group", "kind", "role",
                                   "affiliation", "country", "quotes", "statements", "themes"});
      break;
  }
  fields.push_back("error");
  std::string out;
  append_csv_row(out, fields);
  return out;
}

std::string render_csv(const DocumentResult& result, const Lexicon& lexicon,
                       const RenderOptions& options, CsvTable table) {
  std::string out;
  const std::string date = result.meta.date.value_or("");
  auto row = [&](std::vector<std::string> rest) {
    std::vector<std::string> fields = document_fields(result.path, result.meta.id, date);
    fields.insert(fields.end(), std::make_move_iterator(rest.begin()),
                  std::make_move_iterator(rest.end()));
    fields.emplace_back();  // error
    append_csv_row(out, fields);
  };
  switch (table) {
    case CsvTable::kThemes: {
      // A document none of whose themes is shown still has its row (empty theme, 0 hits), so
      // every document is in the table and counts add up.
      const std::vector<const ThemeScore*> scores = select_themes(result, lexicon, options);
      if (scores.empty()) row({std::to_string(result.counts.words), "", "", "0", "0", "", "", "", ""});
      for (const ThemeScore* score : scores) {
        const Theme& theme = lexicon.themes()[score->theme];
        std::string terms;
        for (std::size_t i = 0; i < score->terms.size() && i < kTopTerms; ++i) {
          terms += fmt::format("{}{}:{}", terms.empty() ? "" : ";",
                               entry_of(lexicon, score->terms[i]).display(), score->terms[i].count);
        }
        row({std::to_string(result.counts.words), theme.id, std::to_string(score->rank),
             std::to_string(score->hits), std::to_string(score->distinct), number(score->score),
             number(score->per_1k), number(score->share), terms});
      }
      break;
    }
    case CsvTable::kQuotes:
      for (std::size_t i = 0; i < result.quotes.size(); ++i) {
        const Quote& q = result.quotes[i];
        if (q.type == QuoteType::kTerm) continue;
        const Attribution& a = q.attribution;
        const Speaker* s = a.speaker >= 0 ? &result.speakers[static_cast<std::size_t>(a.speaker)]
                                          : nullptr;
        row({std::to_string(i), detail::quote_type_name(q.type), q.partial ? "true" : "false",
             result.pages.empty() ? "" : std::to_string(page_of(result.pages, q.span.begin)),
             s ? std::to_string(a.speaker) : "", s ? s->name : "",
             s ? speaker_kind_name(s->kind) : "",
             s ? (s->named ? "true" : "false") : "", s ? s->role : "", s ? s->affiliation : "",
             s ? s->country : "", attribution_method_name(a.method), number(a.confidence),
             a.verb.empty() ? "" : std::string(a.verb.slice(result.text)),
             detail::quote_text(q, result.text), themes_field(q.themes, lexicon)});
      }
      break;
    case CsvTable::kSpeakers:
      for (std::size_t i = 0; i < result.speakers.size(); ++i) {
        const Speaker& s = result.speakers[i];
        row({std::to_string(i), s.name, s.named ? "true" : "false", s.group ? "true" : "false",
             speaker_kind_name(s.kind), s.role, s.affiliation, s.country, std::to_string(s.quotes),
             std::to_string(s.statements), themes_field(s.themes, lexicon)});
      }
      break;
  }
  return out;
}

std::string render_csv_error(const FailedInput& failure, CsvTable table) {
  const std::size_t middle = table == CsvTable::kThemes ? 9 : table == CsvTable::kQuotes ? 16 : 11;
  std::vector<std::string> fields = document_fields(failure.path, failure.id, "");
  fields.resize(fields.size() + middle);
  fields.push_back(failure.message);
  std::string out;
  append_csv_row(out, fields);
  return out;
}

}  // namespace themescan
