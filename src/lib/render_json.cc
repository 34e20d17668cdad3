#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_writer.h"
#include "render_common.h"
#include "themescan/document.h"
#include "themescan/layout.h"
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
using detail::JsonWriter;

void write_span(JsonWriter& w, Span span) {
  w.begin_array();
  w.number(span.begin);
  w.number(span.end);
  w.end_array();
}

// "page": the PDF page a span starts on (1-based); null for inputs without pages.
void write_page(JsonWriter& w, const DocumentResult& result, Span span) {
  w.key("page");
  if (result.pages.empty()) {
    w.null();
  } else {
    w.number(static_cast<std::uint64_t>(page_of(result.pages, span.begin)));
  }
}

void write_theme(JsonWriter& w, const DocumentResult& result, const Lexicon& lexicon,
                 const ThemeScore& score, const RenderOptions& options) {
  const Theme& theme = lexicon.themes()[score.theme];
  w.begin_object();
  w.key("id").string(theme.id);
  w.key("label").string(theme.label);
  w.key("level").number(theme.level);
  w.key("parent");
  if (theme.parent >= 0) {
    w.string(lexicon.themes()[static_cast<std::size_t>(theme.parent)].id);
  } else {
    w.null();
  }
  w.key("rank").number(score.rank);
  w.key("hits").number(score.hits);
  w.key("distinct").number(score.distinct);
  w.key("score").real(detail::round4(score.score));
  w.key("per_1k").real(detail::round4(score.per_1k));
  w.key("share").real(detail::round4(score.share));
  w.key("terms").begin_array();
  for (const TermCount& term : score.terms) {
    const Entry& entry = entry_of(lexicon, term);
    w.begin_object();
    w.key("entry").string(entry.text);
    w.key("label").string(entry.display());
    w.key("kind").string(detail::entry_kind_name(entry.kind));
    w.key("count").number(term.count);
    w.key("weight").real(entry.weight);
    w.end_object();
  }
  w.end_array();
  w.key("evidence").begin_array();
  for (const std::uint32_t index : score.evidence) {
    const Hit& hit = result.hits[index];
    const Snippet snippet = make_snippet(result.text, hit.span, options.snippet_chars);
    w.begin_object();
    w.key("entry").string(entry_of(lexicon, hit).text);
    w.key("text").string(hit.span.slice(result.text));
    w.key("span");
    write_span(w, hit.span);
    w.key("sentence").number(hit.sentence);
    write_page(w, result, hit.span);
    w.key("in_name").boolean(hit.in_name);
    w.key("left").string(snippet.left);
    w.key("right").string(snippet.right);
    if (const Entry& entry = entry_of(lexicon, hit); !entry.rules.empty()) {
      w.key("rules").begin_array();  // the context rules this hit satisfied
      for (const ContextRule& rule : entry.rules) w.string(rule.text);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// "role", "affiliation" and "country" of a speaker (null when not given).
void write_place(JsonWriter& w, const Speaker& s) {
  w.key("role").string_or_null(s.role);
  w.key("affiliation").string_or_null(s.affiliation);
  w.key("country").string_or_null(s.country);
}

void write_theme_counts(JsonWriter& w, const std::vector<ThemeCount>& counts,
                        const Lexicon& lexicon) {
  w.begin_array();
  for (const ThemeCount& count : counts) {
    w.begin_object();
    w.key("id").string(lexicon.themes()[count.theme].id);
    w.key("hits").number(count.hits);
    w.key("score").real(detail::round4(count.score));
    w.end_object();
  }
  w.end_array();
}

void write_quote(JsonWriter& w, const DocumentResult& result, const Quote& quote,
                 const Lexicon& lexicon) {
  const Attribution& a = quote.attribution;
  w.begin_object();
  w.key("text").string(quote.span.slice(result.text));
  w.key("span");
  write_span(w, quote.span);
  w.key("type").string(detail::quote_type_name(quote.type));
  w.key("unclosed").boolean(quote.unclosed);
  w.key("partial").boolean(quote.partial);
  w.key("depth").number(quote.depth);
  w.key("paragraph").number(quote.paragraph);
  write_page(w, result, quote.span);
  w.key("speaker").begin_object();
  if (a.speaker >= 0) {
    const Speaker& s = result.speakers[static_cast<std::size_t>(a.speaker)];
    w.key("id").number(a.speaker);
    w.key("name").string(s.name);
    w.key("named").boolean(s.named);
    write_place(w, s);
  } else {
    for (const char* field : {"id", "name"}) w.key(field).null();
    w.key("named").boolean(false);
    for (const char* field : {"role", "affiliation", "country"}) w.key(field).null();
  }
  w.end_object();
  w.key("verb").string_or_null(a.verb.slice(result.text));
  w.key("method").string(attribution_method_name(a.method));
  w.key("reference").string(speaker_reference_name(a.reference));
  w.key("confidence").real(detail::round4(a.confidence));
  w.key("themes");
  write_theme_counts(w, quote.themes, lexicon);
  w.end_object();
}

void write_speaker(JsonWriter& w, const Speaker& s, std::size_t id, const Lexicon& lexicon) {
  w.begin_object();
  w.key("id").number(static_cast<std::uint64_t>(id));
  w.key("name").string(s.name);
  w.key("named").boolean(s.named);
  w.key("group").boolean(s.group);
  w.key("kind").string(speaker_kind_name(s.kind));
  write_place(w, s);
  w.key("participation").string_or_null(s.participation);
  w.key("gender").string_or_null(s.gender == 'm' ? "m" : s.gender == 'f' ? "f" : "");
  w.key("aliases").begin_array();
  for (const std::string& alias : s.aliases) w.string(alias);
  w.end_array();
  w.key("mentions").begin_array();
  for (const Span span : s.mentions) write_span(w, span);
  w.end_array();
  w.key("quotes").number(s.quotes);
  w.key("statements").number(s.statements);
  w.key("themes");
  write_theme_counts(w, s.themes, lexicon);
  w.end_object();
}

// The members of a document object (docs/schema/document.schema.json), inside an open object.
void write_document_members(JsonWriter& w, const DocumentResult& result, const Lexicon& lexicon,
                            const RenderOptions& options, bool with_schema) {
  if (with_schema) w.key("schema").string(kDocumentSchema);
  const DocumentMeta& meta = result.meta;
  w.key("document").begin_object();
  w.key("path").string(result.path);
  w.key("id").string_or_null(meta.id);
  w.key("line");
  if (meta.line == 0) {
    w.null();
  } else {
    w.number(meta.line);
  }
  w.key("source").string_or_null(meta.source);
  w.key("date").string_or_null(meta.date ? std::string_view(*meta.date) : std::string_view());
  w.key("date_from").string_or_null(meta.date_from);
  w.key("bytes").number(result.bytes);
  w.key("encoding").string(result.encoding);
  w.key("encoding_confidence").number(static_cast<std::int64_t>(result.encoding_confidence));
  w.key("bom").boolean(result.had_bom);
  w.key("words").number(result.counts.words);
  w.key("sentences").number(result.counts.sentences);
  w.key("paragraphs").number(result.counts.paragraphs);
  w.key("layout").string(layout_name(result.layout));
  w.key("format").string(input_format_name(result.format));
  w.key("pages");
  if (result.pages.empty()) {
    w.null();
  } else {
    w.number(static_cast<std::uint64_t>(result.pages.size()));
  }
  w.key("title");
  if (result.meta.title) {
    w.string(*result.meta.title);
  } else if (result.title) {
    w.string(result.title->slice(result.text));
  } else {
    w.null();
  }
  if (options.include_text) w.key("text").string(result.text);
  w.end_object();
  w.key("themes").begin_array();
  for (const ThemeScore* score : select_themes(result, lexicon, options)) {
    write_theme(w, result, lexicon, *score, options);
  }
  w.end_array();
  w.key("quotes").begin_array();
  for (const Quote& quote : result.quotes) write_quote(w, result, quote, lexicon);
  w.end_array();
  w.key("speakers").begin_array();
  for (std::size_t i = 0; i < result.speakers.size(); ++i) {
    write_speaker(w, result.speakers[i], i, lexicon);
  }
  w.end_array();
  w.key("warnings").begin_array();
  for (const std::string& warning : result.warnings) w.string(warning);
  w.end_array();
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
    if (options.max_level != 0 && lexicon.themes()[score.theme].level > options.max_level) continue;
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
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object();
  write_document_members(w, result, lexicon, options, true);
  w.key("lexicons").raw(detail::indent_lines(
      lexicons_json(lexicon).dump(2, ' ', false, ordered_json::error_handler_t::replace), 2));
  w.end_object();
  out += '\n';
  return out;
}

std::string render_jsonl_document(const DocumentResult& result, const Lexicon& lexicon,
                                  const RenderOptions& options) {
  std::string out;
  JsonWriter w(out, -1);
  w.begin_object();
  w.key("record").string("document");
  write_document_members(w, result, lexicon, options, true);
  w.end_object();
  out += '\n';
  return out;
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
  std::string out;
  JsonWriter w(out, 2, 4);
  w.begin_object();
  write_document_members(w, result, lexicon, options, false);
  w.end_object();
  return out;
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
