#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render_common.h"
#include "themescan/document.h"
#include "themescan/render.h"
#include "themescan/summary.h"

namespace themescan {
namespace detail {

const char* entry_kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::kWord: return "word";
    case EntryKind::kStem: return "stem";
    case EntryKind::kPhrase: return "phrase";
    case EntryKind::kPattern: return "pattern";
  }
  return "word";
}

const char* quote_type_name(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect: return "direct";
    case QuoteType::kTerm: return "term";
    case QuoteType::kIndirect: return "indirect";
  }
  return "direct";
}

std::string indent_lines(const std::string& text, std::size_t spaces) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const std::string pad(spaces, ' ');
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += pad;
  }
  return out;
}

}  // namespace detail

namespace {

using nlohmann::ordered_json;

ordered_json span_json(Span span) { return ordered_json::array({span.begin, span.end}); }

ordered_json theme_json(const DocumentResult& result, const Lexicon& lexicon,
                        const ThemeScore& score, const RenderOptions& options) {
  const Theme& theme = lexicon.themes()[score.theme];
  ordered_json terms = ordered_json::array();
  for (const TermCount& term : score.terms) {
    const Entry& entry = theme.entries[term.entry];
    terms.push_back({{"entry", entry.text}, {"kind", detail::entry_kind_name(entry.kind)},
                     {"count", term.count}, {"weight", entry.weight}});
  }
  ordered_json evidence = ordered_json::array();
  for (const std::uint32_t index : score.evidence) {
    const Hit& hit = result.hits[index];
    const Snippet snippet = make_snippet(result.text, hit.span, options.snippet_chars);
    evidence.push_back({{"entry", theme.entries[hit.entry].text},
                        {"text", std::string(hit.span.slice(result.text))},
                        {"span", span_json(hit.span)},
                        {"sentence", hit.sentence},
                        {"left", snippet.left},
                        {"right", snippet.right}});
  }
  return {{"id", theme.id},
          {"label", theme.label},
          {"rank", score.rank},
          {"hits", score.hits},
          {"distinct", score.distinct},
          {"score", detail::round4(score.score)},
          {"per_1k", detail::round4(score.per_1k)},
          {"share", detail::round4(score.share)},
          {"terms", std::move(terms)},
          {"evidence", std::move(evidence)}};
}

ordered_json theme_counts_json(const std::vector<ThemeCount>& counts, const Lexicon& lexicon) {
  ordered_json out = ordered_json::array();
  for (const ThemeCount& count : counts) {
    out.push_back({{"id", lexicon.themes()[count.theme].id},
                   {"hits", count.hits},
                   {"score", detail::round4(count.score)}});
  }
  return out;
}

ordered_json quote_json(const DocumentResult& result, const Quote& quote, const Lexicon& lexicon) {
  const Attribution& a = quote.attribution;
  ordered_json speaker = {{"id", nullptr}, {"name", nullptr}, {"named", false},
                          {"role", nullptr}, {"affiliation", nullptr}, {"country", nullptr}};
  if (a.speaker >= 0) {
    const Speaker& s = result.speakers[static_cast<std::size_t>(a.speaker)];
    speaker = {{"id", a.speaker},
               {"name", s.name},
               {"named", s.named},
               {"role", detail::text_or_null(s.role)},
               {"affiliation", detail::text_or_null(s.affiliation)},
               {"country", detail::text_or_null(s.country)}};
  }
  ordered_json verb = nullptr;
  if (!a.verb.empty()) verb = std::string(a.verb.slice(result.text));
  return {{"text", std::string(quote.span.slice(result.text))},
          {"span", span_json(quote.span)},
          {"type", detail::quote_type_name(quote.type)},
          {"unclosed", quote.unclosed},
          {"depth", quote.depth},
          {"paragraph", quote.paragraph},
          {"speaker", std::move(speaker)},
          {"verb", std::move(verb)},
          {"method", attribution_method_name(a.method)},
          {"reference", speaker_reference_name(a.reference)},
          {"confidence", detail::round4(a.confidence)},
          {"themes", theme_counts_json(quote.themes, lexicon)}};
}

ordered_json speaker_json(const Speaker& s, std::size_t id, const Lexicon& lexicon) {
  ordered_json mentions = ordered_json::array();
  for (const Span span : s.mentions) mentions.push_back(span_json(span));
  const char* gender = s.gender == 'm' ? "m" : s.gender == 'f' ? "f" : nullptr;
  return {{"id", id},
          {"name", s.name},
          {"named", s.named},
          {"group", s.group},
          {"role", detail::text_or_null(s.role)},
          {"affiliation", detail::text_or_null(s.affiliation)},
          {"country", detail::text_or_null(s.country)},
          {"participation", detail::text_or_null(s.participation)},
          {"gender", gender ? ordered_json(gender) : ordered_json(nullptr)},
          {"aliases", s.aliases},
          {"mentions", std::move(mentions)},
          {"quotes", s.quotes},
          {"statements", s.statements},
          {"themes", theme_counts_json(s.themes, lexicon)}};
}

ordered_json document_json(const DocumentResult& result, const Lexicon& lexicon,
                           const RenderOptions& options, bool with_schema) {
  ordered_json doc;
  if (with_schema) doc["schema"] = kDocumentSchema;
  ordered_json title = nullptr;
  if (result.meta.title) {
    title = *result.meta.title;
  } else if (result.title) {
    title = std::string(result.title->slice(result.text));
  }
  const DocumentMeta& meta = result.meta;
  doc["document"] = {{"path", result.path},
                     {"id", detail::text_or_null(meta.id)},
                     {"line", meta.line == 0 ? ordered_json(nullptr) : ordered_json(meta.line)},
                     {"source", detail::text_or_null(meta.source)},
                     {"date", meta.date ? ordered_json(*meta.date) : ordered_json(nullptr)},
                     {"date_from", detail::text_or_null(meta.date_from)},
                     {"bytes", result.bytes},
                     {"encoding", result.encoding},
                     {"bom", result.had_bom},
                     {"words", result.tokens.words.size()},
                     {"sentences", result.tokens.sentences.size()},
                     {"paragraphs", result.tokens.paragraphs.size()},
                     {"title", std::move(title)}};
  ordered_json themes = ordered_json::array();
  for (const ThemeScore* score : select_themes(result, lexicon, options)) {
    themes.push_back(theme_json(result, lexicon, *score, options));
  }
  doc["themes"] = std::move(themes);
  ordered_json quotes = ordered_json::array();
  for (const Quote& quote : result.quotes) quotes.push_back(quote_json(result, quote, lexicon));
  doc["quotes"] = std::move(quotes);
  ordered_json speakers = ordered_json::array();
  for (std::size_t i = 0; i < result.speakers.size(); ++i) {
    speakers.push_back(speaker_json(result.speakers[i], i, lexicon));
  }
  doc["speakers"] = std::move(speakers);
  doc["warnings"] = result.warnings;
  return doc;
}

// An error record: {"schema", "path", "line", "id", "message"}; "record" is added for JSONL.
ordered_json error_json(const FailedInput& failure) {
  return {{"schema", kErrorSchema},
          {"path", failure.path},
          {"line", failure.line == 0 ? ordered_json(nullptr) : ordered_json(failure.line)},
          {"id", detail::text_or_null(failure.id)},
          {"message", failure.message}};
}

ordered_json lexicons_json(const Lexicon& lexicon) {
  ordered_json out = ordered_json::array();
  for (const Theme& theme : lexicon.themes()) {
    out.push_back({{"id", theme.id},
                   {"label", theme.label},
                   {"source", theme.source},
                   {"hash", theme.hash},
                   {"entries", theme.entry_count()},
                   {"exclusions", theme.exclusion_count()}});
  }
  return out;
}

}  // namespace

std::vector<const ThemeScore*> select_themes(const DocumentResult& result, const Lexicon& lexicon,
                                             const RenderOptions& options) {
  std::vector<const ThemeScore*> selected;
  for (const ThemeScore& score : result.themes) {
    if (options.top != 0 && selected.size() >= options.top) break;
    if (score.hits < options.min_hits) continue;
    if (!options.themes.empty() &&
        std::find(options.themes.begin(), options.themes.end(),
                  lexicon.themes()[score.theme].id) == options.themes.end()) {
      continue;
    }
    selected.push_back(&score);
  }
  return selected;
}

std::string render_json(const DocumentResult& result, const Lexicon& lexicon,
                        const RenderOptions& options) {
  ordered_json doc = document_json(result, lexicon, options, true);
  doc["lexicons"] = lexicons_json(lexicon);
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_jsonl_document(const DocumentResult& result, const Lexicon& lexicon,
                                  const RenderOptions& options) {
  ordered_json line;
  line["record"] = "document";
  line.update(document_json(result, lexicon, options, true));
  return line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_jsonl_error(const FailedInput& failure) {
  ordered_json line = error_json(failure);
  line.erase("record");
  ordered_json out = {{"record", "error"}};
  out.update(line);
  return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string CorpusJsonWriter::begin() const {
  return fmt::format("{{\n  \"schema\": \"{}\",\n  \"documents\": [", kCorpusSchema);
}

std::string CorpusJsonWriter::element(const DocumentResult& result, const Lexicon& lexicon,
                                      const RenderOptions& options) {
  return detail::indent_lines(document_json(result, lexicon, options, false)
                                  .dump(2, ' ', false, ordered_json::error_handler_t::replace),
                              4);
}

std::string CorpusJsonWriter::document(std::string_view element) {
  std::string out = documents_++ == 0 ? "\n    " : ",\n    ";
  out += element;
  return out;
}

std::string CorpusJsonWriter::end(const std::vector<FailedInput>& failures,
                                  const CorpusSummary& summary, const Lexicon& lexicon) const {
  std::string out = documents_ == 0 ? "],\n" : "\n  ],\n";
  ordered_json errors = ordered_json::array();
  for (const FailedInput& failure : failures) errors.push_back(error_json(failure));
  auto member = [&](const char* name, const std::string& dumped, bool last) {
    out += fmt::format("  \"{}\": {}{}\n", name, detail::indent_lines(dumped, 2), last ? "" : ",");
  };
  member("errors", errors.dump(2, ' ', false, ordered_json::error_handler_t::replace), false);
  std::string summary_text = summary.to_json(2, false);
  summary_text.pop_back();  // the newline
  member("summary", summary_text, false);
  member("lexicons", lexicons_json(lexicon).dump(2, ' ', false, ordered_json::error_handler_t::replace),
         true);
  out += "}\n";
  return out;
}

}  // namespace themescan
