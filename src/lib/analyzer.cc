#include "themescan/analyzer.h"

#include <algorithm>

#include "themescan/dates.h"
#include "themescan/decode.h"
#include "themescan/document.h"
#include "themescan/normalize.h"

namespace themescan {

namespace {

void sort_counts(std::vector<ThemeCount>& counts) {
  std::sort(counts.begin(), counts.end(), [](const ThemeCount& a, const ThemeCount& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.hits != b.hits) return a.hits > b.hits;
    return a.theme < b.theme;
  });
}

void add_count(std::vector<ThemeCount>& counts, std::uint32_t theme, std::uint32_t hits,
               double score) {
  for (ThemeCount& count : counts) {
    if (count.theme == theme) {
      count.hits += hits;
      count.score += score;
      return;
    }
  }
  counts.push_back({theme, hits, score});
}

// Themes inside each quote (hits lying within its span) and each speaker's profile.
void count_quote_themes(const Lexicon& lexicon, DocumentResult& result) {
  for (Quote& quote : result.quotes) {
    if (quote.type == QuoteType::kTerm) continue;
    auto it = std::lower_bound(result.hits.begin(), result.hits.end(), quote.span.begin,
                               [](const Hit& h, std::uint32_t b) { return h.span.begin < b; });
    for (; it != result.hits.end() && it->span.begin < quote.span.end; ++it) {
      if (!quote.span.contains(it->span)) continue;
      add_count(quote.themes, it->theme, 1, lexicon.themes()[it->theme].entries[it->entry].weight);
    }
    sort_counts(quote.themes);
    if (quote.attribution.speaker < 0) continue;
    Speaker& speaker = result.speakers[static_cast<std::size_t>(quote.attribution.speaker)];
    ++(quote.type == QuoteType::kDirect ? speaker.quotes : speaker.statements);
    for (const ThemeCount& count : quote.themes) {
      add_count(speaker.themes, count.theme, count.hits, count.score);
    }
  }
  for (Speaker& speaker : result.speakers) sort_counts(speaker.themes);
}

}  // namespace

struct Analyzer::Impl {
  Lexicon lexicon;
  Tokenizer tokenizer;
  AnalyzerOptions options;
  AttributionLexicon words;
  std::optional<Matcher> matcher;  // compiled against `lexicon` above, which never moves

  Impl(Lexicon l, Tokenizer t, AnalyzerOptions o, AttributionLexicon w)
      : lexicon(std::move(l)), tokenizer(std::move(t)), options(o), words(std::move(w)) {}
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const Lexicon& Analyzer::lexicon() const { return impl_->lexicon; }
const Tokenizer& Analyzer::tokenizer() const { return impl_->tokenizer; }
const AnalyzerOptions& Analyzer::options() const { return impl_->options; }

Result<Analyzer> Analyzer::create(Lexicon lexicon, Tokenizer tokenizer, AnalyzerOptions options) {
  Result<AttributionLexicon> words = AttributionLexicon::builtin(tokenizer);
  if (!words.ok()) return words.status();
  return create(std::move(lexicon), std::move(tokenizer), options, std::move(*words));
}

Result<Analyzer> Analyzer::create(Lexicon lexicon, Tokenizer tokenizer, AnalyzerOptions options,
                                  AttributionLexicon words) {
  auto impl = std::make_unique<Impl>(std::move(lexicon), std::move(tokenizer), options,
                                     std::move(words));
  Result<Matcher> matcher =
      Matcher::compile(impl->lexicon, Normalizer({.fold_accents = options.fold_accents}));
  if (!matcher.ok()) return matcher.status();
  impl->matcher.emplace(std::move(*matcher));
  return Analyzer(std::move(impl));
}

Result<DocumentResult> Analyzer::analyze(std::string path, std::string_view bytes) const {
  return analyze_decoded(std::move(path), decode_utf8(bytes), bytes.size());
}

Result<DocumentResult> Analyzer::analyze_owned(std::string path, std::string bytes) const {
  const std::uint64_t size = bytes.size();
  return analyze_decoded(std::move(path), decode_utf8_owned(std::move(bytes)), size);
}

Result<DocumentResult> Analyzer::analyze_decoded(std::string path, Result<DecodedText> decoded,
                                                 std::uint64_t size) const {
  if (!decoded.ok()) return decoded.status();
  DocumentResult result;
  result.path = std::move(path);
  result.bytes = size;
  result.text = std::move(decoded->text);
  result.encoding = decoded->encoding;
  result.had_bom = decoded->had_bom;
  result.title = find_title(result.text);
  if (std::optional<std::string> date = find_document_date(result.text)) {
    result.meta.date = std::move(date);
    result.meta.date_from = "text";
  }
  result.tokens = impl_->tokenizer.tokenize(result.text);
  if (result.tokens.words.empty()) {
    result.warnings.push_back(size == 0 ? "empty document" : "no words in document");
  }
  result.hits = impl_->matcher->match(result.text, result.tokens);
  if (impl_->options.quotes) {
    result.quotes = find_quotes(result.text, result.tokens);
    result.speakers = attribute_quotes(result.text, result.tokens, impl_->words, result.quotes);
    count_quote_themes(impl_->lexicon, result);
  }
  result.themes = score_themes(impl_->lexicon, result.hits,
                               static_cast<std::uint32_t>(result.tokens.words.size()));
  return result;
}

}  // namespace themescan
