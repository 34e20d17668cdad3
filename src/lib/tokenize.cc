#include "themescan/tokenize.h"

#include <algorithm>
#include <mutex>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>

#include "icu_util.h"
#include "text_util.h"

namespace themescan {

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  // BreakIterator objects are not thread-safe; each tokenize() call works on clones. Cloning a
  // shared prototype is serialised because ICU does not promise clone() of one object is safe
  // from several threads at once.
  mutable std::mutex clone_mutex;

  std::pair<std::unique_ptr<icu::BreakIterator>, std::unique_ptr<icu::BreakIterator>> clones()
      const {
    std::lock_guard<std::mutex> lock(clone_mutex);
    return {std::unique_ptr<icu::BreakIterator>(words->clone()),
            std::unique_ptr<icu::BreakIterator>(sentences->clone())};
  }
};

namespace {

constexpr std::size_t kWrappedLineMax = 100;  // code points

struct Line {
  std::size_t begin;
  std::size_t end;  // excludes the line break
  bool blank;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::size_t b = begin, e = end;
    detail::trim(text, b, e);
    lines.push_back({begin, end, b == e});
    if (last) break;
    begin = end + 1;
  }
  return lines;
}

// Hard-wrapped text (e-texts, e-mail) breaks lines inside paragraphs and separates paragraphs
// with blank lines. It is recognised when blank lines exist, some paragraph spans several lines,
// and nearly all lines are short. Otherwise every line is a paragraph, as in web and word
// processor exports where one line holds one paragraph.
bool looks_hard_wrapped(std::string_view text, const std::vector<Line>& lines) {
  std::size_t nonblank = 0, short_lines = 0;
  bool has_blank = false, has_consecutive = false, blank_pending = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) {
      blank_pending = nonblank > 0;  // a blank line counts only between two non-blank lines
      continue;
    }
    has_blank = has_blank || blank_pending;
    blank_pending = false;
    ++nonblank;
    if (i > 0 && !lines[i - 1].blank) has_consecutive = true;
    const auto length =
        detail::count_code_points(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (length <= kWrappedLineMax) ++short_lines;
  }
  return has_blank && has_consecutive && nonblank >= 3 && short_lines * 10 >= nonblank * 9;
}

std::vector<Span> find_paragraphs(std::string_view text, const std::vector<Line>& lines,
                                  bool wrapped) {
  std::vector<Span> paragraphs;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank) {
      ++i;
      continue;
    }
    std::size_t j = i;
    if (wrapped) {
      while (j + 1 < lines.size() && !lines[j + 1].blank) ++j;
    }
    std::size_t b = lines[i].begin, e = lines[j].end;
    detail::trim(text, b, e);
    paragraphs.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    i = j + 1;
  }
  return paragraphs;
}

// Abbreviations after which a sentence does not end, beyond those ICU's own suppressions
// (ss=standard) handle: ICU's English list lacks "Dr." and still breaks after "U.S." before a
// capitalised word. A single capital letter with a full stop (an initial) is also kept.
constexpr std::string_view kAbbreviations[] = {
    "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "Sra.", "Dra.", "Gen.", "Sen.",
    "Rep.", "Gov.", "Hon.", "Amb.", "Inc.", "Ltd.", "Corp.", "Co.", "No.", "vs.", "e.g.", "i.e.",
    "U.S.", "U.K.", "U.N.", "E.U.", "EE.UU.", "Mme.", "M.", "г.", "гг.", "им.", "проф.", "акад.",
    "т.е."};

bool ends_with_abbreviation(std::string_view sentence) {
  std::size_t b = 0, e = sentence.size();
  detail::trim(sentence, b, e);
  const std::string_view body = sentence.substr(0, e);
  const std::size_t space = body.find_last_of(" \t\n(\"“«");
  const std::string_view last = space == std::string_view::npos ? body : body.substr(space + 1);
  if (last.size() == 2 && last[0] >= 'A' && last[0] <= 'Z' && last[1] == '.') return true;
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), last) !=
         std::end(kAbbreviations);
}

WordKind kind_of(int32_t status) {
  if (status < UBRK_WORD_NUMBER_LIMIT) return WordKind::kNumber;
  if (status < UBRK_WORD_LETTER_LIMIT) return WordKind::kLetter;
  if (status < UBRK_WORD_KANA_LIMIT) return WordKind::kKana;
  return WordKind::kIdeographic;
}

// True when the bytes between two words allow them to be one phrase: spaces, line breaks,
// no-break spaces and hyphens only (paragraph and sentence checks are done by the caller).
bool is_phrase_gap(std::string_view gap) {
  std::size_t i = 0;
  while (i < gap.size()) {
    std::size_t len;
    const UChar32 c = detail::code_point_at(gap, i, &len);
    const bool ok = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == 0xA0 ||
                    c == 0xAD || c == 0x2010 || c == 0x2011 || c == 0x202F;
    if (!ok) return false;
    i += len;
  }
  return true;
}

}  // namespace

Result<Tokenizer> Tokenizer::create() {
  auto impl = std::make_shared<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  impl->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status) || !impl->words || !impl->sentences) {
    return Status(StatusCode::kInternal,
                  std::string("cannot create ICU break iterators: ") + u_errorName(status));
  }
  return Tokenizer(std::move(impl));
}

TokenizedText Tokenizer::tokenize(std::string_view text) const {
  TokenizedText out;
  if (text.empty()) return out;
  auto [words, sentences] = impl_->clones();

  const std::vector<Line> lines = split_lines(text);
  out.hard_wrapped = looks_hard_wrapped(text, lines);
  out.paragraphs = find_paragraphs(text, lines, out.hard_wrapped);

  UErrorCode status = U_ZERO_ERROR;
  detail::UTextPtr utext = detail::open_utf8(text, status);
  words->setText(utext.get(), status);
  if (U_FAILURE(status)) return out;
  for (int32_t begin = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words->next()) {
    const int32_t rule = words->getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;
    out.words.push_back(Token{
        Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, 0, 0,
        kind_of(rule), false});
  }

  // Sentence breaks: in hard-wrapped text a line break inside a paragraph is not a sentence
  // break, so ICU sees a copy where those line breaks are spaces (same length: spans agree).
  std::string unwrapped;
  std::string_view sentence_text = text;
  if (out.hard_wrapped) {
    unwrapped.assign(text);
    for (const Span& paragraph : out.paragraphs) {
      for (std::uint32_t i = paragraph.begin; i < paragraph.end; ++i) {
        if (unwrapped[i] == '\n' || unwrapped[i] == '\r') unwrapped[i] = ' ';
      }
    }
    sentence_text = unwrapped;
  }
  detail::UTextPtr sentence_utext = detail::open_utf8(sentence_text, status);
  sentences->setText(sentence_utext.get(), status);
  if (U_FAILURE(status)) return out;
  for (int32_t begin = sentences->first(), end = sentences->next();
       end != icu::BreakIterator::DONE; begin = end, end = sentences->next()) {
    // Extend over breaks after an abbreviation, unless the break is at a line end.
    while (static_cast<std::size_t>(end) < sentence_text.size() &&
           ends_with_abbreviation(sentence_text.substr(begin, end - begin)) &&
           sentence_text.substr(begin, end - begin).find('\n') == std::string_view::npos) {
      const int32_t next = sentences->next();
      if (next == icu::BreakIterator::DONE) break;
      end = next;
    }
    std::size_t b = static_cast<std::size_t>(begin), e = static_cast<std::size_t>(end);
    detail::trim(text, b, e);
    if (b < e) {
      out.sentences.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    }
  }

  std::size_t s = 0, p = 0;
  for (std::size_t i = 0; i < out.words.size(); ++i) {
    Token& token = out.words[i];
    while (s + 1 < out.sentences.size() && out.sentences[s].end <= token.span.begin) ++s;
    while (p + 1 < out.paragraphs.size() && out.paragraphs[p].end <= token.span.begin) ++p;
    token.sentence = static_cast<std::uint32_t>(s);
    token.paragraph = static_cast<std::uint32_t>(p);
    if (i > 0) {
      const Token& prev = out.words[i - 1];
      token.joins_prev = prev.sentence == token.sentence && prev.paragraph == token.paragraph &&
                         is_phrase_gap(text.substr(prev.span.end, token.span.begin - prev.span.end));
    }
  }
  return out;
}

}  // namespace themescan
