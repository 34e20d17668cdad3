#include "themescan/analyzer.h"

#include "themescan/decode.h"
#include "themescan/document.h"
#include "themescan/normalize.h"

namespace themescan {

struct Analyzer::Impl {
  Lexicon lexicon;
  Tokenizer tokenizer;
  AnalyzerOptions options;
  std::optional<Matcher> matcher;  // compiled against `lexicon` above, which never moves

  Impl(Lexicon l, Tokenizer t, AnalyzerOptions o)
      : lexicon(std::move(l)), tokenizer(std::move(t)), options(o) {}
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const Lexicon& Analyzer::lexicon() const { return impl_->lexicon; }
const Tokenizer& Analyzer::tokenizer() const { return impl_->tokenizer; }
const AnalyzerOptions& Analyzer::options() const { return impl_->options; }

Result<Analyzer> Analyzer::create(Lexicon lexicon, Tokenizer tokenizer, AnalyzerOptions options) {
  auto impl = std::make_unique<Impl>(std::move(lexicon), std::move(tokenizer), options);
  Result<Matcher> matcher =
      Matcher::compile(impl->lexicon, Normalizer({.fold_accents = options.fold_accents}));
  if (!matcher.ok()) return matcher.status();
  impl->matcher.emplace(std::move(*matcher));
  return Analyzer(std::move(impl));
}

Result<DocumentResult> Analyzer::analyze(std::string path, std::string_view bytes) const {
  Result<DecodedText> decoded = decode_utf8(bytes);
  if (!decoded.ok()) return decoded.status();
  DocumentResult result;
  result.path = std::move(path);
  result.bytes = bytes.size();
  result.text = std::move(decoded->text);
  result.encoding = decoded->encoding;
  result.had_bom = decoded->had_bom;
  result.title = find_title(result.text);
  result.tokens = impl_->tokenizer.tokenize(result.text);
  if (result.tokens.words.empty()) {
    result.warnings.push_back(bytes.empty() ? "empty document" : "no words in document");
  }
  result.hits = impl_->matcher->match(result.text, result.tokens);
  if (impl_->options.quotes) result.quotes = find_quotes(result.text, result.tokens);
  result.themes = score_themes(impl_->lexicon, result.hits,
                               static_cast<std::uint32_t>(result.tokens.words.size()));
  return result;
}

}  // namespace themescan
