#include <nlohmann/json.hpp>

#include "render_common.h"
#include "themescan/document.h"
#include "themescan/render.h"

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

ordered_json document_json(const DocumentResult& result, const Lexicon& lexicon,
                           const RenderOptions& options, bool with_schema) {
  ordered_json doc;
  if (with_schema) doc["schema"] = kDocumentSchema;
  ordered_json title = nullptr;
  if (result.title) title = std::string(result.title->slice(result.text));
  doc["document"] = {{"path", result.path},
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
  for (const Quote& quote : result.quotes) {
    quotes.push_back({{"text", std::string(quote.span.slice(result.text))},
                      {"span", span_json(quote.span)},
                      {"type", quote.type == QuoteType::kTerm ? "term" : "direct"},
                      {"unclosed", quote.unclosed},
                      {"depth", quote.depth},
                      {"paragraph", quote.paragraph}});
  }
  doc["quotes"] = std::move(quotes);
  doc["warnings"] = result.warnings;
  return doc;
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

std::string render_json_corpus(const std::vector<DocumentResult>& results,
                               const std::vector<FailedInput>& failures, const Lexicon& lexicon,
                               const RenderOptions& options) {
  ordered_json out;
  out["schema"] = kCorpusSchema;
  ordered_json documents = ordered_json::array();
  for (const DocumentResult& result : results) {
    documents.push_back(document_json(result, lexicon, options, false));
  }
  out["documents"] = std::move(documents);
  ordered_json errors = ordered_json::array();
  for (const FailedInput& failure : failures) {
    errors.push_back({{"path", failure.path}, {"message", failure.message}});
  }
  out["errors"] = std::move(errors);
  out["lexicons"] = lexicons_json(lexicon);
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace themescan
