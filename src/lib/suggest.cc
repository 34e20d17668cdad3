#include "themescan/suggest.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "builtin_files.h"
#include "text_util.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/document.h"
#include "themescan/normalize.h"

namespace themescan {

namespace {

std::unordered_set<std::string> load_stopwords(const Normalizer& normalizer) {
  std::unordered_set<std::string> out;
  for (const detail::BuiltinFile& file : detail::builtin_files()) {
    if (std::string_view(file.name) != "stopwords.txt") continue;
    const std::string_view text(file.data, file.size);
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t eol = std::min(text.find('\n', i), text.size());
      std::string_view line = text.substr(i, eol - i);
      if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      for (std::size_t k = 0; k < line.size();) {
        while (k < line.size() && line[k] == ' ') ++k;
        const std::size_t b = k;
        while (k < line.size() && line[k] != ' ') ++k;
        if (k > b) out.insert(normalizer.key(line.substr(b, k - b)));
      }
      i = eol + 1;
    }
  }
  return out;
}


}  // namespace

struct KeynessCounter::Impl {
  struct Gram {
    std::uint64_t theme = 0;
    std::uint64_t reference = 0;
    std::uint32_t words = 1;
    std::string text;
    std::string example;
    std::vector<std::string> keys;
  };
  const Analyzer& analyzer;
  std::uint32_t theme;
  Normalizer normalizer;
  std::unordered_set<std::string> stopwords;
  // The words of reporting (said, agreed, according to, he ...) tell how a report is
  // written, not what it is about: they are never a candidate's first or last word.
  Result<AttributionLexicon> reporting;
  std::unordered_map<std::string, Gram> grams;
  std::unordered_map<std::string, std::uint64_t> rake_frequency, rake_degree;
  std::uint64_t theme_tokens = 0, reference_tokens = 0, theme_sentences = 0, reference_sentences = 0;
  std::size_t max_words = 3;

  Impl(const Analyzer& a, std::uint32_t t)
      : analyzer(a), theme(t), normalizer({.fold_accents = a.options().fold_accents}),
        stopwords(load_stopwords(normalizer)), reporting(AttributionLexicon::builtin(a.tokenizer())) {}

  bool reporting_word(const std::string& key) const {
    if (!reporting.ok()) return false;
    for (const WordClass c : {WordClass::kVerbs, WordClass::kPronouns, WordClass::kSources,
                              WordClass::kComplementizers}) {
      if (reporting->list(c).contains(key)) return true;
    }
    return false;
  }

  void sentence(std::string_view text, const std::vector<Token>& words, std::size_t begin,
                std::size_t end, bool in_theme) {
    std::vector<std::string> keys;
    std::vector<bool> usable;  // a letter word, not a function word, at least 2 characters
    for (std::size_t i = begin; i < end; ++i) {
      keys.push_back(normalizer.key(words[i].span.slice(text)));
      usable.push_back(words[i].kind == WordKind::kLetter && !stopwords.count(keys.back()) &&
                       detail::count_code_points(keys.back()) >= 2 && !reporting_word(keys.back()));
    }
    (in_theme ? theme_tokens : reference_tokens) += end - begin;
    ++(in_theme ? theme_sentences : reference_sentences);
    const std::size_t n = end - begin;
    for (std::size_t i = 0; i < n; ++i) {
      if (!usable[i]) continue;
      std::string key;
      for (std::size_t len = 1; len <= max_words && i + len <= n; ++len) {
        const std::size_t last = i + len - 1;
        if (len > 1) {
          if (!words[begin + last].joins_prev || words[begin + last].kind != WordKind::kLetter) break;
          key += ' ';
        }
        key += keys[last];
        if (!usable[last]) continue;  // a phrase may hold a function word inside, not at its ends
        Gram& gram = grams[key];
        ++(in_theme ? gram.theme : gram.reference);
        if (in_theme && gram.text.empty()) {
          const Span span{words[begin + i].span.begin, words[begin + last].span.end};
          gram.text = collapse_spaces(span.slice(text));
          const Snippet snippet = make_snippet(text, span, 40);
          gram.example = snippet.left + "[" + gram.text + "]" + snippet.right;
          gram.words = static_cast<std::uint32_t>(len);
          gram.keys.assign(keys.begin() + static_cast<std::ptrdiff_t>(i),
                           keys.begin() + static_cast<std::ptrdiff_t>(last + 1));
        }
      }
    }
    if (!in_theme) return;
    // RAKE: phrases are the runs of usable words; each word's degree counts its phrases' lengths.
    for (std::size_t i = 0; i < n;) {
      if (!usable[i]) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && usable[j] && words[begin + j].joins_prev) ++j;
      for (std::size_t k = i; k < j; ++k) {
        ++rake_frequency[keys[k]];
        rake_degree[keys[k]] += j - i;
      }
      i = j;
    }
  }
};

KeynessCounter::KeynessCounter(const Analyzer& analyzer, std::uint32_t theme)
    : impl_(std::make_unique<Impl>(analyzer, theme)) {}
KeynessCounter::~KeynessCounter() = default;
KeynessCounter::KeynessCounter(KeynessCounter&&) noexcept = default;

void KeynessCounter::add(const DocumentResult& result, bool reference, bool reference_documents) {
  const TokenizedText tokens = impl_->analyzer.tokenizer().tokenize(result.text);
  std::unordered_set<std::uint32_t> hit_sentences;
  for (const Hit& hit : result.hits) {
    if (hit.theme == impl_->theme) hit_sentences.insert(hit.sentence);
  }
  const std::vector<Token>& words = tokens.words;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    while (j < words.size() && words[j].sentence == words[i].sentence) ++j;
    const bool in_theme = !reference && hit_sentences.count(words[i].sentence) > 0;
    if (in_theme || reference || !reference_documents) {
      impl_->sentence(result.text, words, i, j, in_theme);
    }
    i = j;
  }
}

std::uint64_t KeynessCounter::theme_sentences() const { return impl_->theme_sentences; }
std::uint64_t KeynessCounter::reference_sentences() const { return impl_->reference_sentences; }

std::vector<Suggestion> KeynessCounter::suggestions(const SuggestOptions& options) const {
  const Impl& m = *impl_;
  const double c = static_cast<double>(m.theme_tokens);
  const double d = static_cast<double>(m.reference_tokens);
  std::vector<std::pair<const Impl::Gram*, Suggestion>> ranked;
  if (c == 0) return {};
  for (const auto& [key, gram] : m.grams) {
    if (gram.theme < options.min_count || gram.words > options.max_words) continue;
    const double a = static_cast<double>(gram.theme);
    const double b = static_cast<double>(gram.reference);
    if (d > 0 && a / c <= b / d) continue;  // not over-represented
    Suggestion s;
    s.text = gram.text;
    s.words = gram.words;
    s.theme_count = gram.theme;
    s.reference_count = gram.reference;
    const double e1 = c * (a + b) / (c + d);
    const double e2 = d * (a + b) / (c + d);
    s.g2 = 2 * (a * std::log(a / e1) + (b > 0 ? b * std::log(b / e2) : 0.0));
    s.log_ratio = std::log2(((a + 0.5) / c) / ((b + 0.5) / std::max(d, 1.0)));
    for (const std::string& word : gram.keys) {
      const auto f = m.rake_frequency.find(word);
      if (f != m.rake_frequency.end()) {
        s.rake += static_cast<double>(m.rake_degree.at(word)) / static_cast<double>(f->second);
      }
    }
    s.example = gram.example;
    ranked.emplace_back(&gram, std::move(s));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    if (x.second.g2 != y.second.g2) return x.second.g2 > y.second.g2;
    return x.second.text < y.second.text;
  });
  std::vector<Suggestion> out;
  for (auto& [gram, s] : ranked) {
    if (out.size() >= options.top) break;
    // Covered: one of the theme's entries matches the whole candidate.
    const Result<DocumentResult> alone = m.analyzer.analyze("candidate", s.text);
    if (alone.ok()) {
      const Lexicon& lexicon = m.analyzer.lexicon();
      for (const Hit& hit : alone->hits) {
        if (hit.theme == m.theme && hit.span.begin == 0 && hit.span.end == s.text.size()) {
          s.covered_by = lexicon.themes()[m.theme].entries[hit.entry].text;
          break;
        }
      }
    }
    if (!s.covered_by.empty() && !options.include_covered) continue;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace themescan
