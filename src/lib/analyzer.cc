#include "themescan/analyzer.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "themescan/dates.h"
#include "themescan/decode.h"
#include "themescan/document.h"
#include "themescan/entity_names.h"
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

// Themes inside each quote (the counted hits lying within its span) and each speaker's profile,
// unsorted.
void count_quote_themes(const Lexicon& lexicon, const std::vector<Hit>& hits, bool count_names,
                        std::vector<Quote>& quotes, std::vector<Speaker>& speakers) {
  for (Quote& quote : quotes) {
    if (quote.type == QuoteType::kTerm) continue;
    auto it = std::lower_bound(hits.begin(), hits.end(), quote.span.begin,
                               [](const Hit& h, std::uint32_t b) { return h.span.begin < b; });
    for (; it != hits.end() && it->span.begin < quote.span.end; ++it) {
      if (!quote.span.contains(it->span) || !hit_counts(*it, count_names)) continue;
      add_count(quote.themes, it->theme, 1, lexicon.themes()[it->theme].entries[it->entry].weight);
    }
    sort_counts(quote.themes);
    if (quote.attribution.speaker < 0) continue;
    Speaker& speaker = speakers[static_cast<std::size_t>(quote.attribution.speaker)];
    ++(quote.type == QuoteType::kDirect ? speaker.quotes : speaker.statements);
    for (const ThemeCount& count : quote.themes) {
      add_count(speaker.themes, count.theme, count.hits, count.score);
    }
  }
}

// Where a block ends, and whether the text breaks there as a paragraph or a sentence would, or
// the next block goes on with the last paragraph and sentence of this one.
struct BlockEnd {
  std::size_t end;
  bool paragraph;  // the block ends at a paragraph break
  bool sentence;   // ... or at least after ". ", "? " or "! "
};

// Where the block starting at `at` (a paragraph start) ends: about `block` bytes on, at the start
// of a paragraph of the document's layout; failing that within another `block` bytes, after
// ". ", "? " or "! ", after a line break, after a space, then at any character boundary.
BlockEnd block_end(std::string_view text, std::size_t at, std::size_t block,
                   const DocumentLayout& layout) {
  if (text.size() - at <= block) return {text.size(), true, true};
  const std::size_t target = at + block;
  const std::size_t limit = std::min(text.size(), target + block);
  if (const std::size_t start = layout.next_paragraph_start(text, at, target, limit);
      start != std::string_view::npos) {
    return {start, true, true};
  }
  for (std::size_t pos = target; pos + 1 < limit; ++pos) {
    if ((text[pos] == '.' || text[pos] == '?' || text[pos] == '!') && text[pos + 1] == ' ') {
      return {pos + 2, false, true};
    }
  }
  for (const char c : {'\n', ' '}) {
    if (const std::size_t found = text.find(c, target); found < limit) return {found + 1, false, false};
  }
  std::size_t end = target;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return {end, false, false};
}

// Quotes that do not close before their paragraph ends are rare in well-read text (a stray mark,
// a quote continued in a paragraph that does not re-open it); many of them usually mean the
// paragraphs were misread, such as hard-wrapped lines taken for paragraphs. The thresholds
// (README, "Quotes") never fire on corpus/, LitBank or news-quotes-dev.
constexpr std::size_t kUnclosedMin = 3;
constexpr std::size_t kUnclosedShare = 3;  // at least 1 in kUnclosedShare direct quotes

std::string unclosed_warning(const std::vector<Quote>& quotes, Layout layout) {
  std::size_t direct = 0, unclosed = 0;
  for (const Quote& quote : quotes) {
    if (quote.type != QuoteType::kDirect) continue;
    ++direct;
    unclosed += quote.unclosed ? 1 : 0;
  }
  if (unclosed < kUnclosedMin || unclosed * kUnclosedShare < direct) return "";
  return fmt::format("{} of {} quotes do not close before their paragraph ends: the paragraph "
                     "layout ({}) may be misread",
                     unclosed, direct, layout_name(layout));
}

void shift(Span& span, std::uint32_t by) {
  span.begin += by;
  span.end += by;
}

// Adds the speakers of one block to the document's, joining those with the same name, and
// points the block's quotes at the document's speakers.
class SpeakerMerger {
 public:
  explicit SpeakerMerger(std::vector<Speaker>& speakers) : speakers_(speakers) {}

  void merge(std::vector<Speaker>& block, std::vector<Quote>& quotes) {
    std::vector<std::int32_t> to_document(block.size());
    for (std::size_t i = 0; i < block.size(); ++i) {
      Speaker& s = block[i];
      const std::string key = fmt::format("{}{}\x1f{}", s.named ? 'n' : 'u', s.group ? 'g' : 'p', s.name);
      const auto [it, added] = index_.try_emplace(key, static_cast<std::int32_t>(speakers_.size()));
      to_document[i] = it->second;
      if (added) {
        speakers_.push_back(std::move(s));
        continue;
      }
      Speaker& d = speakers_[static_cast<std::size_t>(it->second)];
      const std::pair<std::string*, std::string*> fields[] = {
          {&d.role, &s.role}, {&d.affiliation, &s.affiliation}, {&d.country, &s.country},
          {&d.participation, &s.participation}};
      for (const auto& [to, from] : fields) {
        if (to->empty()) *to = std::move(*from);
      }
      if (d.gender == 0) d.gender = s.gender;
      d.mentions.insert(d.mentions.end(), s.mentions.begin(), s.mentions.end());
      for (std::string& alias : s.aliases) {
        if (alias != d.name && std::find(d.aliases.begin(), d.aliases.end(), alias) == d.aliases.end()) {
          d.aliases.push_back(std::move(alias));
        }
      }
      d.quotes += s.quotes;
      d.statements += s.statements;
      for (const ThemeCount& count : s.themes) add_count(d.themes, count.theme, count.hits, count.score);
    }
    for (Quote& quote : quotes) {
      std::int32_t& speaker = quote.attribution.speaker;
      if (speaker >= 0) speaker = to_document[static_cast<std::size_t>(speaker)];
    }
  }

 private:
  std::vector<Speaker>& speakers_;
  std::unordered_map<std::string, std::int32_t> index_;
};

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
  return analyze_decoded(std::move(path), decode(std::string(bytes), impl_->options.decode), bytes.size());
}

Result<DocumentResult> Analyzer::analyze_owned(std::string path, std::string bytes) const {
  const std::uint64_t size = bytes.size();
  return analyze_decoded(std::move(path), decode(std::move(bytes), impl_->options.decode), size);
}

namespace {

// The metadata of an HTML page, PDF or DOCX file. An HTML page's published date is the
// article's; a PDF's or DOCX's creation date is only used when the text gives no date. The
// HTML and DOCX title replaces the text's first line; a PDF's only when the text has no title
// or only the first line of a wrapped one.
void set_extracted_meta(ExtractedText extracted, InputFormat format, DocumentResult& r) {
  r.format = format;
  r.pages = std::move(extracted.pages);
  if (format == InputFormat::kHtml) r.encoding = extracted.encoding;
  if (extracted.title) {
    const std::string title = collapse_spaces(*extracted.title);
    const bool wrapped =
        r.title && title.size() > r.title->size() && title.starts_with(r.title->slice(r.text));
    // An HTML page's <h1> and a DOCX heading style say what the title is; a PDF's Title entry
    // is often a file name ("Microsoft Word - draft3.docx"), so the text's first line goes first.
    const bool marked_up = format == InputFormat::kHtml || format == InputFormat::kDocx;
    if (!title.empty() && (marked_up || !r.title || wrapped)) r.meta.title = title;
  }
  if (extracted.date && (format == InputFormat::kHtml || !r.meta.date)) {
    if (std::optional<std::string> date = normalize_date(*extracted.date)) {
      r.meta.date = std::move(date);
      r.meta.date_from = std::string(input_format_name(format));
    }
  }
}

}  // namespace

Result<DocumentResult> Analyzer::analyze_document(std::string path, std::string bytes,
                                                  InputFormat format) const {
  if (format == InputFormat::kAuto) {
    format = detect_input_format(path, std::string_view(bytes).substr(0, 1024));
    if (format == InputFormat::kJsonl || format == InputFormat::kCsv) format = InputFormat::kText;
  }
  if (format == InputFormat::kJsonl || format == InputFormat::kCsv) {
    return Result<DocumentResult>(StatusCode::kInvalidArgument,
                                  "a JSONL or CSV feed holds documents: read it with a feed reader");
  }
  if (format == InputFormat::kText) return analyze_owned(std::move(path), std::move(bytes));
  const std::uint64_t size = bytes.size();
  Result<ExtractedText> extracted = extract_document(format, bytes, impl_->options.decode);
  if (!extracted.ok()) return extracted.status();
  std::string text = std::move(extracted->text);
  Result<DocumentResult> result =
      analyze_decoded(std::move(path), decode_utf8_owned(std::move(text)), size);
  if (result.ok()) set_extracted_meta(std::move(*extracted), format, *result);
  return result;
}

Result<DocumentResult> Analyzer::analyze_decoded(std::string path, Result<DecodedText> decoded,
                                                 std::uint64_t size) const {
  if (!decoded.ok()) return decoded.status();
  DocumentResult result;
  result.path = std::move(path);
  result.bytes = size;
  result.text = std::move(decoded->text);
  result.encoding = decoded->encoding;
  result.encoding_confidence = decoded->confidence;
  result.had_bom = decoded->had_bom;
  if (!decoded->warning.empty()) result.warnings.push_back(std::move(decoded->warning));
  result.title = find_title(result.text);
  if (std::optional<std::string> date = find_document_date(result.text)) {
    result.meta.date = std::move(date);
    result.meta.date_from = "text";
  }
  // One block for most documents; a large one in blocks ending at paragraph breaks, so only one
  // block's tokens and attribution state are held at a time.
  const std::string_view text = result.text;
  const DocumentLayout layout = DocumentLayout::detect(text);
  result.layout = layout.kind();
  const std::size_t block = std::max<std::size_t>(impl_->options.block_bytes, 1);
  SpeakerMerger speakers(result.speakers);
  // A block that goes on with the previous block's last paragraph (or sentence) does not count
  // it again, and numbers it as the previous block did.
  bool paragraph_open = false;
  bool sentence_open = false;
  for (std::size_t at = 0; at < text.size();) {
    const BlockEnd cut = block_end(text, at, block, layout);
    const std::string_view part = text.substr(at, cut.end - at);
    const auto offset = static_cast<std::uint32_t>(at);
    const TokenizedText tokens =
        impl_->tokenizer.tokenize(text, layout, Span{offset, static_cast<std::uint32_t>(cut.end)});
    const std::uint64_t joined_paragraphs = paragraph_open && !tokens.paragraphs.empty() ? 1 : 0;
    const std::uint64_t joined_sentences = sentence_open && !tokens.sentences.empty() ? 1 : 0;
    const auto paragraph_base = static_cast<std::uint32_t>(result.counts.paragraphs - joined_paragraphs);
    const auto sentence_base = static_cast<std::uint32_t>(result.counts.sentences - joined_sentences);
    std::vector<Hit> hits = impl_->matcher->match(part, tokens);
    mark_hits_in_names(find_names(part, tokens, impl_->words), hits);
    if (impl_->options.quotes) {
      std::vector<Quote> quotes = find_quotes(part, tokens);
      std::vector<Speaker> block_speakers = attribute_quotes(part, tokens, impl_->words, quotes);
      count_quote_themes(impl_->lexicon, hits, impl_->options.count_names, quotes, block_speakers);
      for (Quote& quote : quotes) {
        shift(quote.span, offset);
        shift(quote.outer, offset);
        if (!quote.attribution.verb.empty()) shift(quote.attribution.verb, offset);
        quote.paragraph += paragraph_base;
      }
      for (Speaker& speaker : block_speakers) {
        for (Span& mention : speaker.mentions) shift(mention, offset);
      }
      speakers.merge(block_speakers, quotes);
      result.quotes.insert(result.quotes.end(), std::make_move_iterator(quotes.begin()),
                           std::make_move_iterator(quotes.end()));
    }
    for (Hit& hit : hits) {
      shift(hit.span, offset);
      hit.sentence += sentence_base;
    }
    result.hits.insert(result.hits.end(), hits.begin(), hits.end());
    result.counts.words += tokens.word_count();
    result.counts.sentences += tokens.sentences.size() - joined_sentences;
    result.counts.paragraphs += tokens.paragraphs.size() - joined_paragraphs;
    paragraph_open = !cut.paragraph;
    sentence_open = !cut.sentence;
    at = cut.end;
  }
  for (Speaker& speaker : result.speakers) sort_counts(speaker.themes);
  if (std::string warning = unclosed_warning(result.quotes, result.layout); !warning.empty()) {
    result.warnings.push_back(std::move(warning));
  }
  if (result.counts.words == 0) {
    result.warnings.push_back(size == 0 ? "empty document" : "no words in document");
  }
  result.names_counted = impl_->options.count_names;
  result.themes = score_themes(impl_->lexicon, result.hits,
                               static_cast<std::uint32_t>(result.counts.words),
                               impl_->options.count_names);
  return result;
}

}  // namespace themescan
