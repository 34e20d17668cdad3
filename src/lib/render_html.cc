// --format html: a self-contained report page (render.h). No network, no external scripts,
// fonts or styles; all document text is escaped.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "render_common.h"
#include "text_util.h"
#include "themescan/document.h"
#include "themescan/inputs.h"
#include "themescan/layout.h"
#include "themescan/render.h"
#include "themescan/summary.h"

namespace themescan {
namespace {

// Colours (Okabe-Ito and friends) and underline styles: a theme is told apart by both, and by
// its label in the legend and tooltip, never by colour alone.
constexpr const char* kColors[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
                                   "#D55E00", "#CC79A7", "#999999", "#117733", "#882255"};
constexpr const char* kLines[] = {"solid", "dashed", "dotted", "double", "wavy"};

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string style_sheet(const Lexicon& lexicon) {
  std::string css =
      "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#222}"
      "main{display:flex;flex-direction:column}#overview{order:-2}#documents{order:-1}"
      ".text{border:1px solid #ccc;padding:1rem;border-radius:4px}"
      ".text p{white-space:pre-wrap;margin:0 0 .8em}.text p:last-child{margin-bottom:0}"
      "mark{background:none;text-decoration-thickness:3px;text-underline-offset:3px}"
      "mark:focus{outline:2px solid #000}mark.in-name{background:none}"
      ".quote{background:#f2f2f2;border-bottom:1px solid #888}"
      "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .4rem;"
      "text-align:left;vertical-align:top}th[data-sort]{cursor:pointer}"
      "table.documents,table.heat,table.months,table.grid{display:block;overflow-x:auto}"
      ".swatch{display:inline-block;width:2.5rem;height:.9rem;vertical-align:middle}"
      ".meta{color:#555}section.doc{border-top:2px solid #888;margin-top:2rem}"
      "@media print{nav{display:none}section.doc{break-before:page}"
      "mark,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";
  for (std::size_t i = 0; i < lexicon.themes().size(); ++i) {
    const char* color = kColors[i % std::size(kColors)];
    const char* line = kLines[(i / std::size(kColors)) % std::size(kLines)];
    css += fmt::format(".t{0}{{text-decoration:underline {1} {2};background:{2}33}}"
                       ".s{0}{{border-bottom:4px {1} {2};background:{2}55}}",
                       i, line, color);
  }
  return css;
}

std::string page_start(const std::string& title, const Lexicon& lexicon) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width\">"
                     "<meta name=\"generator\" content=\"themescan\"><title>{}</title><style>{}"
                     "</style></head><body>\n",
                     esc(title), style_sheet(lexicon));
}

std::string legend(const Lexicon& lexicon, const std::vector<std::uint32_t>& themes) {
  std::string out = "<p class=\"legend\">";
  for (const std::uint32_t t : themes) {
    out += fmt::format("<span class=\"swatch s{}\" aria-hidden=\"true\"></span> {} &nbsp; ", t,
                       esc(lexicon.themes()[t].id));
  }
  return out + "</p>\n";
}

// One bar: its theme, the value its length is proportional to, and the text beside it.
struct Bar {
  std::uint32_t theme = 0;
  double value = 0;
  std::string caption;  // "8 hits, score 10.0"
};

// "1 hit", "8 hits".
std::string count_of(std::uint64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Horizontal bars in the given order, each as long as its value (the captions carry the figures).
std::string bar_chart(const std::string& label, const std::vector<Bar>& bars, const Lexicon& lexicon) {
  if (bars.empty()) return "<p>No theme matched.</p>\n";
  double max = 0;
  for (const Bar& bar : bars) max = std::max(max, bar.value);
  const int row = 22, width = 640, text = 200;
  std::string out = fmt::format("<svg role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" "
                                "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
                                esc(label), width, row * static_cast<int>(bars.size()) + 4, esc(label));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& [theme, value, caption] = bars[i];
    const int y = static_cast<int>(i) * row + 2;
    const double length = max > 0 ? (width - text - 120) * value / max : 0;
    out += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>"
                       "<rect class=\"s{}\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{}\" font-size=\"13\">{}</text>",
                       y + 15, esc(lexicon.themes()[theme].id), theme, text, y + 3, length, row - 6,
                       kColors[theme % std::size(kColors)], text + length + 6, y + 15,
                       esc(caption));
  }
  return out + "</svg>\n";
}

std::string anchor_of(const std::string& path, std::uint64_t line) {
  return fmt::format("d{:016x}{}", detail::fnv1a64(path), line ? fmt::format("-{}", line) : "");
}

// The JSONL title, else the title found in the text, else the path.
std::string document_title(const DocumentResult& r) {
  if (r.meta.title) return *r.meta.title;
  if (r.title) return collapse_spaces(r.title->slice(r.text));
  return display_path(r.path);
}

// The text with every hit marked in its theme's colour and every quote marked with its speaker.
// The text is cut at every hit and quote boundary, and each piece opens and closes its own
// elements, so overlapping hits of different themes still give well-formed HTML; a hit's pieces
// share its data-hit number. Each paragraph (layout.h, as the analyzer found them) is a <p>; what
// lies between them (line breaks, page furniture) is kept as text between the paragraphs, so the
// text content of the whole is the document's text, byte for byte.
std::string marked_text(const DocumentResult& r, const Lexicon& lexicon) {
  const std::vector<Span> paragraphs =
      DocumentLayout::detect(r.text).segment(r.text, Span{0, static_cast<std::uint32_t>(r.text.size())}).paragraphs;
  std::vector<std::uint32_t> cuts = {0, static_cast<std::uint32_t>(r.text.size())};
  for (const Span& p : paragraphs) {
    cuts.push_back(p.begin);
    cuts.push_back(p.end);
  }
  std::vector<const Quote*> quotes;
  for (const Quote& q : r.quotes) {
    if (q.type == QuoteType::kTerm) continue;
    quotes.push_back(&q);
    cuts.push_back(q.span.begin);
    cuts.push_back(q.span.end);
  }
  for (const Hit& h : r.hits) {
    cuts.push_back(h.span.begin);
    cuts.push_back(h.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::string out;
  std::size_t first_hit = 0, first_quote = 0, paragraph = 0;
  std::vector<bool> started(r.hits.size(), false);
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    const Span piece{cuts[c], cuts[c + 1]};
    while (first_hit < r.hits.size() && r.hits[first_hit].span.end <= piece.begin) ++first_hit;
    while (first_quote < quotes.size() && quotes[first_quote]->span.end <= piece.begin) ++first_quote;
    while (paragraph < paragraphs.size() && paragraphs[paragraph].end <= piece.begin) ++paragraph;
    const bool in_paragraph = paragraph < paragraphs.size() && paragraphs[paragraph].contains(piece);
    if (in_paragraph && piece.begin == paragraphs[paragraph].begin) out += "<p>";
    std::string open, close;
    for (std::size_t q = first_quote; q < quotes.size() && quotes[q]->span.begin <= piece.begin; ++q) {
      if (!quotes[q]->span.contains(piece)) continue;
      const std::int32_t s = quotes[q]->attribution.speaker;
      const std::string speaker = s >= 0 ? r.speakers[static_cast<std::size_t>(s)].name : "unknown speaker";
      open += fmt::format("<span class=\"quote\" data-quote=\"{}\" data-speaker=\"{}\" title=\"quote: {}\">",
                          quotes[q] - r.quotes.data(), esc(speaker), esc(speaker));
      close += "</span>";
    }
    for (std::size_t h = first_hit; h < r.hits.size() && r.hits[h].span.begin <= piece.begin; ++h) {
      const Hit& hit = r.hits[h];
      if (!hit.span.contains(piece)) continue;
      const Theme& theme = lexicon.themes()[hit.theme];
      // A hit inside a name is marked without the theme's fill, and says whether it counted.
      const std::string label =
          fmt::format("{}: {}{}", theme.id, entry_of(lexicon, hit).display(),
                      !hit.in_name ? "" : r.names_counted ? " (inside a name)" : " (inside a name, not counted)");
      open += fmt::format("<mark class=\"t{}{}\" data-theme=\"{}\" data-hit=\"{}\"{}{} title=\"{}\" "
                          "aria-label=\"{}\">",
                          hit.theme, hit.in_name ? " in-name" : "", esc(theme.id), h,
                          hit.in_name ? " data-in-name=\"\"" : "", started[h] ? "" : " tabindex=\"0\"",
                          esc(label), esc(label));
      started[h] = true;
      close += "</mark>";
    }
    out += open + esc(piece.slice(r.text)) + close;
    if (in_paragraph && piece.end == paragraphs[paragraph].end) out += "</p>";
  }
  return out;
}

std::string document_section(const DocumentResult& r, const Lexicon& lexicon, const RenderOptions& options) {
  const std::string anchor = anchor_of(r.path, r.meta.line);
  const std::string title = document_title(r);
  std::string out = fmt::format("<section class=\"doc\" id=\"{0}\" aria-labelledby=\"{0}-h\">"
                                "<h2 id=\"{0}-h\">{1}</h2>\n<p class=\"meta\">{2} · {3} words · {4} "
                                "sentences{5}{6}</p>\n",
                                anchor, esc(title), esc(display_path(r.path)), r.counts.words,
                                r.counts.sentences, r.meta.date ? " · " + esc(*r.meta.date) : "",
                                r.encoding != "UTF-8" ? " · " + esc(r.encoding) : "");
  // In rank order, as long as the score that ranks them (the table's order and its score column).
  std::vector<Bar> bars;
  std::vector<std::uint32_t> shown;
  for (const ThemeScore* s : select_themes(r, lexicon, options)) {
    if (s->hits == 0) continue;
    bars.push_back({s->theme, s->score, fmt::format("score {:.1f}, {}", s->score, count_of(s->hits, "hit", "hits"))});
    shown.push_back(s->theme);
  }
  out += "<h3>Themes</h3>\n" + bar_chart("Theme scores in " + title + ", in rank order", bars, lexicon);
  out += legend(lexicon, shown);
  out += "<h3>Text</h3>\n<div class=\"text\">" + marked_text(r, lexicon) + "</div>\n";
  out += "<h3>Quotes</h3>\n";
  std::string rows;
  for (const Quote& q : r.quotes) {
    if (q.type == QuoteType::kTerm) continue;
    const std::int32_t s = q.attribution.speaker;
    const Speaker* speaker = s >= 0 ? &r.speakers[static_cast<std::size_t>(s)] : nullptr;
    std::string themes;
    for (const ThemeCount& t : q.themes) {
      themes += fmt::format("{}{} ({})", themes.empty() ? "" : ", ", esc(lexicon.themes()[t.theme].id), t.hits);
    }
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        speaker ? esc(speaker->name) : "<i>unknown</i>", speaker ? esc(speaker->role) : "",
                        q.type == QuoteType::kDirect ? "direct" : "indirect",
                        esc(detail::truncate(collapse_spaces(q.span.slice(r.text)), 300)), themes);
  }
  out += rows.empty() ? "<p>No quotes.</p>\n"
                      : "<table class=\"quotes\"><thead><tr><th>Speaker</th><th>Role</th><th>Type</th>"
                        "<th>Quote</th><th>Themes</th></tr></thead><tbody>\n" + rows + "</tbody></table>\n";
  // Speaker x theme grid: hits in what each speaker said.
  std::vector<std::uint32_t> columns;
  for (const Speaker& s : r.speakers) {
    for (const ThemeCount& t : s.themes) {
      if (std::find(columns.begin(), columns.end(), t.theme) == columns.end()) columns.push_back(t.theme);
    }
  }
  std::sort(columns.begin(), columns.end());
  out += "<h3>Speakers and themes</h3>\n";
  std::string grid;
  for (const Speaker& s : r.speakers) {
    if (s.quotes + s.statements == 0) continue;
    grid += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", esc(s.name), s.quotes + s.statements);
    for (const std::uint32_t t : columns) {
      std::uint32_t hits = 0;
      for (const ThemeCount& c : s.themes) hits += c.theme == t ? c.hits : 0;
      grid += hits ? fmt::format("<td class=\"s{}\">{}</td>", t, hits) : "<td></td>";
    }
    grid += "</tr>\n";
  }
  if (grid.empty()) {
    out += "<p>No speaker was quoted.</p>\n";
  } else {
    out += "<table class=\"grid\"><thead><tr><th>Speaker</th><th>Quotes</th>";
    for (const std::uint32_t t : columns) out += "<th>" + esc(lexicon.themes()[t].id) + "</th>";
    out += "</tr></thead><tbody>\n" + grid + "</tbody></table>\n";
  }
  return out + "</section>\n";
}

constexpr const char* kSortScript =
    "<script>document.querySelectorAll('th[data-sort]').forEach(function(th){"
    "th.addEventListener('click',function(){var table=th.closest('table');"
    "var body=table.tBodies[0];var i=Array.prototype.indexOf.call(th.parentNode.children,th);"
    "var down=th.getAttribute('aria-sort')!=='descending';"
    "var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){"
    "var x=a.cells[i].getAttribute('data-value')||a.cells[i].textContent;"
    "var y=b.cells[i].getAttribute('data-value')||b.cells[i].textContent;"
    "var n=parseFloat(x)-parseFloat(y);if(isNaN(n))n=x.localeCompare(y);return down?-n:n;});"
    "rows.forEach(function(r){body.appendChild(r);});"
    "table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',down?'descending':'ascending');});});</script>\n";

}  // namespace

std::string render_html(const DocumentResult& result, const Lexicon& lexicon, const RenderOptions& options) {
  return page_start("themescan: " + display_path(result.path), lexicon) + "<main>\n" +
         document_section(result, lexicon, options) + "</main></body></html>\n";
}

std::string CorpusHtmlWriter::element(const DocumentResult& result, const Lexicon& lexicon,
                                      const RenderOptions& options) {
  return document_section(result, lexicon, options);
}

std::string CorpusHtmlWriter::begin(const Lexicon& lexicon) const {
  return page_start("themescan corpus report", lexicon) +
         "<header><h1>themescan corpus report</h1><nav><a href=\"#overview\">Overview</a> · "
         "<a href=\"#documents\">Documents</a></nav></header>\n<main>\n";
}

std::string CorpusHtmlWriter::document(std::string_view element, const DocumentResult& result,
                                       const Lexicon& lexicon) {
  Row row;
  row.anchor = anchor_of(result.path, result.meta.line);
  row.title = document_title(result);
  row.path = display_path(result.path);
  row.date = result.meta.date.value_or("");
  row.words = result.counts.words;
  row.hits.assign(lexicon.themes().size(), 0);
  for (const ThemeScore& s : result.themes) row.hits[s.theme] = s.hits;
  rows_.push_back(std::move(row));
  return std::string(element);
}

std::string CorpusHtmlWriter::end(const CorpusSummary& summary, const Lexicon& lexicon) const {
  std::string out = fmt::format("<section id=\"overview\" aria-labelledby=\"overview-h\"><h2 "
                                "id=\"overview-h\">Overview</h2>\n<p>{} documents, {} failed, {} "
                                "words, {} direct quotes, {} reported statements.</p>\n",
                                summary.documents, summary.errors.size(), summary.words,
                                summary.quotes, summary.statements);
  std::vector<Bar> bars;
  std::vector<std::uint32_t> touched;
  for (std::uint32_t t = 0; t < summary.themes.size(); ++t) {
    const std::uint64_t documents = summary.themes[t].documents;
    if (documents == 0) continue;
    bars.push_back({t, static_cast<double>(documents), count_of(documents, "document", "documents")});
    touched.push_back(t);
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
  out += "<h3>Theme prevalence</h3>\n" + bar_chart("Documents per theme", bars, lexicon) +
         legend(lexicon, touched);
  // Co-occurrence: documents where both themes have hits; the shade follows the count and the
  // number is always written.
  out += "<h3>Co-occurrence (documents with both themes)</h3>\n<table class=\"heat\"><thead><tr><th></th>";
  for (const std::uint32_t t : touched) out += "<th>" + esc(summary.themes[t].id) + "</th>";
  out += "</tr></thead><tbody>\n";
  std::uint64_t most = 1;
  for (const std::uint32_t a : touched) {
    for (const std::uint32_t b : touched) most = std::max(most, summary.cooccurrence[a * summary.themes.size() + b]);
  }
  for (const std::uint32_t a : touched) {
    out += "<tr><th scope=\"row\">" + esc(summary.themes[a].id) + "</th>";
    for (const std::uint32_t b : touched) {
      const std::uint64_t n = summary.cooccurrence[a * summary.themes.size() + b];
      out += fmt::format("<td style=\"background:rgba(0,114,178,{:.2f})\">{}</td>", 0.6 * double(n) / double(most), n);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  if (!summary.months.empty()) {
    out += "<h3>Themes over time (documents per month)</h3>\n<table class=\"months\"><thead><tr><th>Month</th>"
           "<th>Documents</th>";
    for (const std::uint32_t t : touched) out += "<th>" + esc(summary.themes[t].id) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& [month, m] : summary.months) {
      out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", esc(month), m.documents);
      for (const std::uint32_t t : touched) {
        out += fmt::format("<td>{}</td>", t < m.theme_documents.size() ? m.theme_documents[t] : 0);
      }
      out += "</tr>\n";
    }
    out += "</tbody></table>\n";
  }
  std::vector<const SummarySpeaker*> speakers;
  for (const auto& [name, s] : summary.speakers) speakers.push_back(&s);
  std::stable_sort(speakers.begin(), speakers.end(), [](const SummarySpeaker* a, const SummarySpeaker* b) {
    return a->quotes + a->statements > b->quotes + b->statements;
  });
  if (speakers.size() > 20) speakers.resize(20);
  out += "<h3>Top speakers</h3>\n";
  if (speakers.empty()) {
    out += "<p>No named speaker.</p>\n";
  } else {
    out += "<table class=\"speakers\"><thead><tr><th>Speaker</th><th>Role</th><th>Documents</th>"
           "<th>Quotes</th><th>Statements</th><th>Themes</th></tr></thead><tbody>\n";
    for (const SummarySpeaker* s : speakers) {
      std::string themes;
      for (const auto& [id, hits] : s->themes) themes += fmt::format("{}{} ({})", themes.empty() ? "" : ", ", esc(id), hits);
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         esc(s->name), esc(SummarySpeaker::most_frequent(s->roles)), s->documents,
                         s->quotes, s->statements, themes);
    }
    out += "</tbody></table>\n";
  }
  if (!summary.errors.empty()) {
    out += "<h3>Inputs that failed</h3>\n<ul>";
    for (const SummaryError& e : summary.errors) out += "<li>" + esc(e.message) + "</li>";
    out += "</ul>\n";
  }
  out += "</section>\n<section id=\"documents\" aria-labelledby=\"documents-h\"><h2 id=\"documents-h\">"
         "Documents</h2>\n<p>Select a column heading to sort by it.</p>\n<table class=\"documents\"><thead><tr>"
         "<th data-sort>Document</th><th data-sort>Date</th><th data-sort>Words</th>";
  for (const std::uint32_t t : touched) out += "<th data-sort>" + esc(summary.themes[t].id) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const Row& row : rows_) {
    out += fmt::format("<tr><td data-value=\"{}\"><a href=\"#{}\">{}</a><br><small>{}</small></td><td>{}</td>"
                       "<td>{}</td>",
                       esc(row.title), row.anchor, esc(row.title), esc(row.path), esc(row.date), row.words);
    for (const std::uint32_t t : touched) out += fmt::format("<td>{}</td>", row.hits[t]);
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n</section>\n</main>\n" + kSortScript + "</body></html>\n";
}

}  // namespace themescan
