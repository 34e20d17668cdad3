#include "themescan/tokenize.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/ures.h>

#include "icu_util.h"
#include "themescan/layout.h"
#include "text_util.h"

namespace themescan {

// ICU's sentence-break exceptions for English ("Mr.", "U.S.", ...), arranged as ICU's
// SimpleFilteredBreakIteratorBuilder arranges them: entries without an inner '.' are matched
// backwards from a break; an entry with one ("Ph.D.") puts its prefix up to the first '.' in the
// backward set as a partial match, and it and every entry sharing that prefix go to the forward
// set, which must then match from the prefix's start.
struct SentenceExceptions {
  bool usable = false;                // loaded, and all ASCII
  std::vector<std::string> backward;  // reversed full entries
  std::vector<std::string> partial;   // reversed prefixes
  std::vector<std::string> forward;   // whole entries, sorted
};

struct Tokenizer::Impl {
  TokenizerOptions options;
  SentenceExceptions exceptions;
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
  // The number of a list item ("1. The Council will ..."), when it is all the sentence holds.
  const std::string_view whole = sentence.substr(b, e - b);
  if (whole.size() >= 2 && whole.size() <= 4 && whole.back() == '.' &&
      std::all_of(whole.begin(), whole.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
    return true;
  }
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

// ---- Fast path for words (see tokenize.h) ----------------------------------------------------
// UAX #29 word-break classes of the characters the fast path handles.
enum class WB : std::uint8_t {
  kOther, kALetter, kNumeric, kExtendNumLet, kMidLetter, kMidNum, kMidNumLet, kSingleQuote,
  kWSegSpace, kNewline,  // CR, LF, VT, FF: a break before and after (CR LF stays one segment)
  kUnknown,              // not handled: ICU segments it
};

constexpr std::array<WB, 128> make_ascii_classes() {
  std::array<WB, 128> classes{};
  for (auto& c : classes) c = WB::kOther;
  for (std::size_t c = 'a'; c <= 'z'; ++c) classes[c] = WB::kALetter;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) classes[c] = WB::kALetter;
  for (std::size_t c = '0'; c <= '9'; ++c) classes[c] = WB::kNumeric;
  classes['@'] = WB::kALetter;  // ICU's word rules add '@' to ALetter (e-mail addresses)
  classes['_'] = WB::kExtendNumLet;  // ':' is not MidLetter in ICU's root rules
  classes[','] = WB::kMidNum;
  classes[';'] = WB::kMidNum;
  classes['.'] = WB::kMidNumLet;
  classes['\''] = WB::kSingleQuote;
  classes[' '] = WB::kWSegSpace;
  classes['\r'] = WB::kNewline;
  classes['\n'] = WB::kNewline;
  classes['\v'] = WB::kNewline;
  classes['\f'] = WB::kNewline;
  classes[0] = WB::kUnknown;
  return classes;
}
constexpr std::array<WB, 128> kAsciiClasses = make_ascii_classes();

// The class of the character at text[i] and its length in bytes.
// The non-ASCII characters the fast paths handle.
enum class Mark : std::uint8_t {
  kNone, kNoBreakSpace, kSingleQuote, kDash, kDoubleQuote, kEllipsis,
};

// The mark at text[i] (and its length in bytes), or kNone: U+00A0, U+2018/U+2019, U+2013/U+2014,
// U+201C/U+201D, U+2026.
Mark mark_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (byte(i) == 0xC2 && i + 1 < text.size() && byte(i + 1) == 0xA0) {
    *length = 2;
    return Mark::kNoBreakSpace;
  }
  if (byte(i) == 0xE2 && i + 2 < text.size() && byte(i + 1) == 0x80) {
    *length = 3;
    switch (byte(i + 2)) {
      case 0x98: case 0x99: return Mark::kSingleQuote;  // ‘ ’
      case 0x93: case 0x94: return Mark::kDash;         // – —
      case 0x9C: case 0x9D: return Mark::kDoubleQuote;  // “ ”
      case 0xA6: return Mark::kEllipsis;                // …
      default: break;
    }
  }
  *length = 1;
  return Mark::kNone;
}

WB classify(std::string_view text, std::size_t i, std::size_t* length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    *length = 1;
    return kAsciiClasses[lead];
  }
  switch (mark_at(text, i, length)) {
    case Mark::kNone: return WB::kUnknown;
    case Mark::kSingleQuote: return WB::kMidNumLet;
    default: return WB::kOther;  // the no-break space is not WSegSpace
  }
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// From `at` (a boundary): [at, fast_end) is made of handled characters and ends at white space
// or at the end; [fast_end, icu_end) is left to ICU: it starts at the white space before the
// first character the fast path does not handle and ends at the white space after the last one
// (runs of unhandled text less than kJoinGap bytes apart share one ICU region).
struct FastRun {
  std::size_t fast_end;
  std::size_t icu_end;
};
constexpr std::size_t kJoinGap = 64;

FastRun next_fast_run(std::string_view text, std::size_t at) {
  std::size_t i = at;
  std::size_t length = 0;
  while (i < text.size() && classify(text, i, &length) != WB::kUnknown) i += length;
  if (i == text.size()) return {i, i};
  // Back to the start of the white-space run before the unknown character (or to `at`).
  std::size_t fast_end = i;
  while (fast_end > at && !is_space_byte(text[fast_end - 1])) --fast_end;
  while (fast_end > at && is_space_byte(text[fast_end - 1])) --fast_end;
  // Forward to white space after the unknown text, joining unknown runs that are close.
  std::size_t icu_end = i;
  for (;;) {
    while (icu_end < text.size() && !is_space_byte(text[icu_end])) ++icu_end;
    std::size_t look = icu_end;
    bool unknown_near = false;
    while (look < text.size() && look - icu_end < kJoinGap) {
      if (classify(text, look, &length) == WB::kUnknown) {
        unknown_near = true;
        break;
      }
      look += length;
    }
    if (!unknown_near) break;
    icu_end = look;
  }
  return {fast_end, icu_end};
}

bool is_mid_letter_or_quote(WB c) {
  return c == WB::kMidLetter || c == WB::kMidNumLet || c == WB::kSingleQuote;
}
bool is_mid_num_or_quote(WB c) {
  return c == WB::kMidNum || c == WB::kMidNumLet || c == WB::kSingleQuote;
}

// Whether there is no break between classes[k - 1] and classes[k] (rules WB3-WB13b; the fast
// path has no Extend, Format, ZWJ, Hebrew, Katakana or regional indicators).
bool joins(const WB* classes, std::size_t k, std::size_t count, std::string_view text,
           const std::uint32_t* offsets) {
  const WB before = classes[k - 1];
  const WB after = classes[k];
  if (before == WB::kNewline || after == WB::kNewline) {  // WB3, WB3a, WB3b
    return text[offsets[k - 1]] == '\r' && text[offsets[k]] == '\n';
  }
  if (before == WB::kWSegSpace && after == WB::kWSegSpace) return true;  // WB3d
  const WB before2 = k >= 2 ? classes[k - 2] : WB::kOther;
  const WB after2 = k + 1 < count ? classes[k + 1] : WB::kOther;
  switch (before) {
    case WB::kALetter:
      if (after == WB::kALetter || after == WB::kNumeric || after == WB::kExtendNumLet) return true;
      return is_mid_letter_or_quote(after) && after2 == WB::kALetter;  // WB6
    case WB::kNumeric:
      if (after == WB::kNumeric || after == WB::kALetter || after == WB::kExtendNumLet) return true;
      return is_mid_num_or_quote(after) && after2 == WB::kNumeric;  // WB12
    case WB::kExtendNumLet:
      return after == WB::kALetter || after == WB::kNumeric || after == WB::kExtendNumLet;
    default:
      break;
  }
  if (after == WB::kALetter && is_mid_letter_or_quote(before) && before2 == WB::kALetter) {
    return true;  // WB7
  }
  if (after == WB::kNumeric && is_mid_num_or_quote(before) && before2 == WB::kNumeric) {
    return true;  // WB11
  }
  return false;
}

// The word tokens of [begin, end), which holds only handled characters and starts and ends at
// boundaries. A segment's status follows ICU's rule tags, which is the tag of the last rule
// applied: a letter makes it a letter word and a digit a number ("a1" is a number, "1a" a
// word); '_' keeps the status of what it follows, except that "__" is a letter word; a lone '_'
// and punctuation are not words.
void class_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) {
  thread_local std::vector<WB> classes;
  thread_local std::vector<std::uint32_t> offsets;
  classes.clear();
  offsets.clear();
  for (std::size_t i = begin, length = 0; i < end; i += length) {
    classes.push_back(classify(text, i, &length));
    offsets.push_back(static_cast<std::uint32_t>(i));
  }
  const std::size_t count = classes.size();
  offsets.push_back(static_cast<std::uint32_t>(end));
  enum class Status { kNone, kNumber, kLetter };
  std::size_t start = 0;
  Status status = Status::kNone;
  const auto emit = [&](std::size_t stop) {
    if (status == Status::kNone) return;
    out.push_back(Token{Span{offsets[start], offsets[stop]}, 0, 0,
                        status == Status::kNumber ? WordKind::kNumber : WordKind::kLetter, false});
  };
  for (std::size_t k = 0; k < count; ++k) {
    if (k > start && !joins(classes.data(), k, count, text, offsets.data())) {
      emit(k);
      start = k;
      status = Status::kNone;
    }
    switch (classes[k]) {
      case WB::kALetter: status = Status::kLetter; break;
      case WB::kNumeric: status = Status::kNumber; break;
      case WB::kExtendNumLet:
        if (k > start && classes[k - 1] == WB::kExtendNumLet) status = Status::kLetter;
        break;
      default: break;
    }
  }
  if (count > start) emit(count);
}

bool is_chunk_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// The word tokens of [begin, end) (handled characters only, starting and ending at boundaries).
// White space always breaks on both sides (nothing in the fast path attaches to it), so each
// run between white space is segmented alone. The common run, punctuation around one word of
// ASCII letters or of digits ("(word),", "“Yes", "42."), is one word: punctuation joins a letter
// or a digit only between two of them (WB6/7, WB11/12). Any other run goes through the
// class-by-class rules (class_words).
void fast_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out) {
  const auto punctuation = [&](std::size_t i, std::size_t* length) {
    const WB c = classify(text, i, length);
    return c == WB::kOther || c == WB::kMidNum || c == WB::kMidNumLet || c == WB::kSingleQuote ||
           c == WB::kMidLetter;
  };
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = begin;
  while (i < end) {
    while (i < end && is_chunk_space(text[i])) ++i;
    if (i == end) break;
    std::size_t chunk_end = i;
    while (chunk_end < end && !is_chunk_space(text[chunk_end])) ++chunk_end;
    std::size_t k = i, length = 1;
    while (k < chunk_end && punctuation(k, &length)) k += length;
    const std::size_t word = k;
    const bool letters = k < chunk_end && letter(text[k]);
    const bool digits = k < chunk_end && digit(text[k]);
    while (k < chunk_end && (letters ? letter(text[k]) : digit(text[k]))) ++k;
    const std::size_t word_end = k;
    while (k < chunk_end && punctuation(k, &length)) k += length;
    if (k != chunk_end) {
      class_words(text, i, chunk_end, out);
    } else if (letters || digits) {
      out.push_back(Token{Span{static_cast<std::uint32_t>(word), static_cast<std::uint32_t>(word_end)},
                          0, 0, letters ? WordKind::kLetter : WordKind::kNumber, false});
    }
    i = chunk_end;
  }
}

// Whether at most 1 byte in 8 of the text's first 64 KiB is outside ASCII (English with
// typographic quotes and accented names stays well under; Cyrillic, Greek or CJK text is far
// above). Only speed depends on it: both paths give the same result.
bool mostly_ascii(std::string_view text) {
  const std::string_view sample = text.substr(0, std::size_t{1} << 16);
  std::size_t high = 0;
  for (const char c : sample) high += static_cast<unsigned char>(c) >> 7;
  return high * 8 <= sample.size();
}

// ---- Fast path for sentences (see tokenize.h) ------------------------------------------------
// UAX #29 sentence-break classes of the characters the fast path handles.
enum class SB : std::uint8_t {
  kOther, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kSp, kCR, kLF, kUnknown,
};

constexpr std::array<SB, 128> make_ascii_sentence_classes() {
  std::array<SB, 128> classes{};
  for (auto& c : classes) c = SB::kOther;
  for (std::size_t c = 'a'; c <= 'z'; ++c) classes[c] = SB::kLower;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) classes[c] = SB::kUpper;
  for (std::size_t c = '0'; c <= '9'; ++c) classes[c] = SB::kNumeric;
  classes['.'] = SB::kATerm;
  classes['!'] = SB::kSTerm;
  classes['?'] = SB::kSTerm;
  for (const char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) classes[static_cast<std::size_t>(c)] = SB::kClose;
  for (const char c : {',', '-', ':'}) classes[static_cast<std::size_t>(c)] = SB::kSContinue;  // not ';'
  for (const char c : {' ', '\t', '\v', '\f'}) classes[static_cast<std::size_t>(c)] = SB::kSp;
  classes['\r'] = SB::kCR;
  classes['\n'] = SB::kLF;
  classes[0] = SB::kUnknown;
  return classes;
}
constexpr std::array<SB, 128> kAsciiSentenceClasses = make_ascii_sentence_classes();

SB sentence_class(std::string_view text, std::size_t i, std::size_t* length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    *length = 1;
    return kAsciiSentenceClasses[lead];
  }
  switch (mark_at(text, i, length)) {
    case Mark::kNone: return SB::kUnknown;
    case Mark::kNoBreakSpace: return SB::kSp;
    case Mark::kSingleQuote:
    case Mark::kDoubleQuote: return SB::kClose;
    case Mark::kDash: return SB::kSContinue;
    case Mark::kEllipsis: return SB::kOther;
  }
  return SB::kUnknown;
}

// Loads ICU's English sentence-break exceptions (the data behind "en@ss=standard").
SentenceExceptions load_sentence_exceptions() {
  SentenceExceptions out;
  UErrorCode status = U_ZERO_ERROR;
  const std::string tree = std::string(U_ICUDATA_NAME) + "-brkitr";
  UResourceBundle* bundle = ures_open(tree.c_str(), "en", &status);
  UResourceBundle* all = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* list = ures_getByKey(all, "SentenceBreak", nullptr, &status);
  std::vector<std::string> entries;
  while (U_SUCCESS(status) && ures_hasNext(list)) {
    int32_t length = 0;
    const UChar* chars = ures_getNextString(list, &length, nullptr, &status);
    std::string entry;
    for (int32_t i = 0; U_SUCCESS(status) && i < length; ++i) {
      if (chars[i] >= 0x80) status = U_UNSUPPORTED_ERROR;  // the fast path compares bytes
      entry += static_cast<char>(chars[i]);
    }
    entries.push_back(std::move(entry));
  }
  ures_close(list);
  ures_close(all);
  ures_close(bundle);
  if (U_FAILURE(status) || entries.empty()) return out;
  // As ICU's builder does (filteredbrk.cpp): first the entries with a '.' before their end.
  std::vector<bool> marked(entries.size(), false);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::size_t dot = entries[i].find('.');
    if (dot == std::string::npos || dot + 1 == entries[i].size()) continue;
    const std::string prefix = entries[i].substr(0, dot + 1);
    bool same_as = false;
    for (std::size_t j = 0; j < entries.size(); ++j) {
      if (j == i || entries[j].compare(0, dot + 1, prefix) != 0) continue;
      if (!marked[j]) {
        marked[j] = true;
      } else {
        same_as = true;
      }
    }
    if (!same_as && !marked[i]) {
      out.partial.emplace_back(prefix.rbegin(), prefix.rend());
      marked[i] = true;
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (marked[i]) {
      out.forward.push_back(entries[i]);
    } else {
      out.backward.emplace_back(entries[i].rbegin(), entries[i].rend());
    }
  }
  for (auto* v : {&out.backward, &out.partial, &out.forward}) std::sort(v->begin(), v->end());
  out.usable = true;
  return out;
}

// In a sorted list: whether `prefix` is an entry, and whether a longer entry starts with it.
void look_up(const std::vector<std::string>& sorted, std::string_view prefix, bool* is_entry,
             bool* has_longer) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), prefix);
  *is_entry = it != sorted.end() && *it == prefix;
  if (*is_entry) ++it;
  *has_longer = it != sorted.end() && std::string_view(*it).starts_with(prefix);
}

// ICU's SimpleFilteredSentenceBreakIterator::breakExceptionAt: whether the break at `n` is
// suppressed. Walks back from n (after one space) through the reversed entries, keeping the
// longest one found; a full entry suppresses, a partial one suppresses when the forward entries
// match from its start.
bool exception_at(std::string_view text, std::size_t n, const SentenceExceptions& e) {
  std::size_t pos = n;
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  std::string reversed;
  long best_start = -1;
  bool best_full = false;
  while (pos > 0) {
    reversed += text[--pos];
    bool full = false, full_longer = false, part = false, part_longer = false;
    look_up(e.backward, reversed, &full, &full_longer);
    look_up(e.partial, reversed, &part, &part_longer);
    if (full || part) {
      best_start = static_cast<long>(pos);
      best_full = full;
    }
    if (!full_longer && !part_longer) break;
  }
  if (best_start < 0) return false;
  if (best_full) return true;
  // Forward, as UCharsTrie::next does: stop when no entry goes on; a match only if the last step
  // ended an entry that nothing extends, or the text ended on an entry.
  std::string prefix;
  bool is_entry = true, has_longer = true;  // ICU starts from USTRINGTRIE_INTERMEDIATE_VALUE
  for (std::size_t i = static_cast<std::size_t>(best_start); i < text.size(); ++i) {
    prefix += text[i];
    look_up(e.forward, prefix, &is_entry, &has_longer);
    if (!has_longer) break;
  }
  return is_entry;
}

// UAX #29 sentence boundaries (SB3-SB11) of one line of handled characters, given as their
// classes and offsets (offsets has one more entry: the line's end); the line ends with its line
// break or at the end of the text. Appends the boundaries after the line's start, its end
// included.
void fast_sentence_line(const std::vector<SB>& classes, const std::vector<std::uint32_t>& offsets,
                        std::vector<std::int32_t>& out) {
  const std::size_t n = classes.size();
  const auto emit = [&](std::size_t k) { out.push_back(static_cast<std::int32_t>(offsets[k])); };
  const auto para_sep = [&](std::size_t k) {  // the index after the CR, LF or CR LF at k
    return classes[k] == SB::kCR && k + 1 < n && classes[k + 1] == SB::kLF ? k + 2 : k + 1;
  };
  std::size_t k = 0;
  while (k < n) {
    const SB c = classes[k];
    if (c == SB::kCR || c == SB::kLF) {  // SB4
      k = para_sep(k);
      emit(k);
      continue;
    }
    if (c != SB::kATerm && c != SB::kSTerm) {
      ++k;
      continue;
    }
    const std::size_t term = k++;
    if (c == SB::kATerm && k < n) {
      if (classes[k] == SB::kNumeric) continue;  // SB6
      if (classes[k] == SB::kUpper && term > 0 &&
          (classes[term - 1] == SB::kUpper || classes[term - 1] == SB::kLower)) {
        continue;  // SB7
      }
    }
    while (k < n && classes[k] == SB::kClose) ++k;  // SB9
    while (k < n && classes[k] == SB::kSp) ++k;     // SB10
    if (k == n) {
      emit(n);
      break;
    }
    if (classes[k] == SB::kCR || classes[k] == SB::kLF) {  // SB11: after the paragraph separator
      k = para_sep(k);
      emit(k);
      continue;
    }
    if (c == SB::kATerm) {  // SB8: a lower-case letter comes before any other letter or break
      std::size_t j = k;
      while (j < n && classes[j] != SB::kLower && classes[j] != SB::kUpper &&
             classes[j] != SB::kCR && classes[j] != SB::kLF && classes[j] != SB::kATerm &&
             classes[j] != SB::kSTerm) {
        ++j;
      }
      if (j < n && classes[j] == SB::kLower) continue;
    }
    if (classes[k] == SB::kSContinue || classes[k] == SB::kATerm || classes[k] == SB::kSTerm) {
      continue;  // SB8a
    }
    emit(k);  // SB11
  }
}

// The filtered sentence boundaries of `text` after 0, as ICU's en@ss=standard iterator gives them:
// lines made only of handled characters by the fast path, other lines by `icu` (set to `text`).
void sentence_breaks(std::string_view text, icu::BreakIterator& icu, const SentenceExceptions& e,
                     std::vector<std::int32_t>& out) {
  std::vector<std::int32_t> base;
  std::vector<SB> classes;
  std::vector<std::uint32_t> offsets;
  for (std::size_t begin = 0; begin < text.size();) {
    // One pass classifies the line and finds its end.
    classes.clear();
    offsets.clear();
    std::size_t end = begin;
    bool handled = e.usable;
    for (std::size_t length = 0; end < text.size();) {
      const SB c = sentence_class(text, end, &length);
      if (c == SB::kUnknown) {  // ICU takes this line: only its end is needed now
        handled = false;
        while (end < text.size() && text[end] != '\n' &&
               !(text[end] == '\r' && (end + 1 == text.size() || text[end + 1] != '\n'))) {
          ++end;
        }
        if (end < text.size()) ++end;
        break;
      }
      classes.push_back(c);
      offsets.push_back(static_cast<std::uint32_t>(end));
      end += length;
      if (c == SB::kLF || (c == SB::kCR && (end == text.size() || text[end] != '\n'))) break;
    }
    offsets.push_back(static_cast<std::uint32_t>(end));
    if (handled) {
      base.clear();
      fast_sentence_line(classes, offsets, base);
      for (const std::int32_t b : base) {
        if (static_cast<std::size_t>(b) < text.size() && exception_at(text, static_cast<std::size_t>(b), e)) {
          continue;
        }
        out.push_back(b);
      }
    } else {
      for (int32_t b = icu.following(static_cast<int32_t>(begin));
           b != icu::BreakIterator::DONE && static_cast<std::size_t>(b) <= end; b = icu.next()) {
        out.push_back(b);
        if (static_cast<std::size_t>(b) == end) break;
      }
    }
    begin = end;
  }
  if (out.empty() || static_cast<std::size_t>(out.back()) != text.size()) {
    out.push_back(static_cast<std::int32_t>(text.size()));
  }
}

}  // namespace

Result<Tokenizer> Tokenizer::create(TokenizerOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->exceptions = load_sentence_exceptions();
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
  return tokenize(text, DocumentLayout::detect(text),
                  Span{0, static_cast<std::uint32_t>(text.size())});
}

TokenizedText Tokenizer::tokenize(std::string_view document, const DocumentLayout& layout,
                                  Span block) const {
  TokenizedText out;
  out.layout = layout.kind();
  const std::string_view text = block.slice(document);
  if (text.empty()) return out;
  // Not a structured binding: lambdas below capture `words` (clang 14 cannot capture those).
  auto iterators = impl_->clones();
  std::unique_ptr<icu::BreakIterator>& words = iterators.first;
  std::unique_ptr<icu::BreakIterator>& sentences = iterators.second;

  Segments segments = layout.segment(document, block);
  out.paragraphs = std::move(segments.paragraphs);
  out.furniture = std::move(segments.furniture);

  UErrorCode status = U_ZERO_ERROR;
  detail::UTextPtr utext = detail::open_utf8(text, status);
  words->setText(utext.get(), status);
  if (U_FAILURE(status)) return out;
  out.words.reserve(text.size() / 6);
  // ICU's words of [begin, end); both are boundaries.
  const auto icu_words = [&](std::size_t begin, std::size_t end) {
    int32_t b = static_cast<int32_t>(begin);
    for (int32_t e = words->following(b); e != icu::BreakIterator::DONE &&
                                          static_cast<std::size_t>(e) <= end;
         b = e, e = words->next()) {
      const int32_t rule = words->getRuleStatus();
      if (rule >= UBRK_WORD_NONE_LIMIT) {
        out.words.push_back(Token{Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)},
                                  0, 0, kind_of(rule), false});
      }
      if (static_cast<std::size_t>(e) == end) break;
    }
  };
  // Text that is mostly outside ASCII (Russian, Chinese, ...) would leave nearly everything to ICU
  // anyway; it goes straight there, so the fast path costs it nothing.
  const bool fast =
      impl_->options.fast_path && (!impl_->options.skip_non_ascii_text || mostly_ascii(text));
  if (!fast) {
    icu_words(0, text.size());
  } else {
    for (std::size_t at = 0; at < text.size();) {
      const FastRun run = next_fast_run(text, at);
      fast_words(text, at, run.fast_end, out.words);
      if (run.fast_end < run.icu_end) icu_words(run.fast_end, run.icu_end);
      at = run.icu_end;
    }
  }

  // Page furniture holds no words.
  if (!out.furniture.empty()) {
    std::size_t kept = 0, f = 0;
    for (const Token& token : out.words) {
      while (f < out.furniture.size() && out.furniture[f].end <= token.span.begin) ++f;
      if (f < out.furniture.size() && out.furniture[f].begin <= token.span.begin) continue;
      out.words[kept++] = token;
    }
    out.words.resize(kept);
  }

  // Sentence breaks: a line break inside a paragraph is not a sentence break, and page furniture
  // is not text, so ICU reads a copy of the same length (spans agree) where line breaks inside
  // paragraphs and furniture are spaces, and a form feed between paragraphs is a line break
  // (ICU's sentence rules take a form feed for a space).
  std::string unwrapped;
  std::string_view sentence_text = text;
  if (layout.kind() != Layout::kLines || layout.params().form_feeds) {
    unwrapped.assign(text);
    for (const Span& piece : out.furniture) {
      for (std::uint32_t i = piece.begin; i < piece.end; ++i) {
        unwrapped[i] = unwrapped[i] == '\f' ? '\n' : ' ';
      }
    }
    if (layout.params().form_feeds) std::replace(unwrapped.begin(), unwrapped.end(), '\f', '\n');
    for (const Span& paragraph : out.paragraphs) {
      for (std::uint32_t i = paragraph.begin; i < paragraph.end; ++i) {
        char& c = unwrapped[i];
        if (c == '\n' || c == '\r') c = ' ';
      }
    }
    sentence_text = unwrapped;
  }
  detail::UTextPtr sentence_utext = detail::open_utf8(sentence_text, status);
  sentences->setText(sentence_utext.get(), status);
  if (U_FAILURE(status)) return out;
  std::vector<std::int32_t> breaks;  // ICU's (filtered) sentence boundaries after 0
  if (!fast) {
    for (int32_t end = sentences->first(); (end = sentences->next()) != icu::BreakIterator::DONE;) {
      breaks.push_back(end);
    }
  } else {
    sentence_breaks(sentence_text, *sentences, impl_->exceptions, breaks);
  }
  for (std::size_t i = 0, begin = 0; i < breaks.size(); begin = static_cast<std::size_t>(breaks[i++])) {
    std::size_t end = static_cast<std::size_t>(breaks[i]);
    // Extend over breaks after an abbreviation, unless the break is at a line end.
    while (end < sentence_text.size() && i + 1 < breaks.size() &&
           ends_with_abbreviation(sentence_text.substr(begin, end - begin)) &&
           sentence_text.substr(begin, end - begin).find('\n') == std::string_view::npos) {
      end = static_cast<std::size_t>(breaks[++i]);
    }
    std::size_t b = begin, e = end;
    detail::trim(sentence_text, b, e);
    if (b < e) {
      out.sentences.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    }
  }

  // The gap between two words is read in the copy, where furniture is spaces.
  const std::vector<std::uint32_t>& breaks_in_words = segments.word_breaks;
  std::size_t s = 0, p = 0, w = 0;
  for (std::size_t i = 0; i < out.words.size(); ++i) {
    Token& token = out.words[i];
    while (s + 1 < out.sentences.size() && out.sentences[s].end <= token.span.begin) ++s;
    while (p + 1 < out.paragraphs.size() && out.paragraphs[p].end <= token.span.begin) ++p;
    token.sentence = static_cast<std::uint32_t>(s);
    token.paragraph = static_cast<std::uint32_t>(p);
    if (i == 0) continue;
    const Token& prev = out.words[i - 1];
    token.joins_prev =
        prev.sentence == token.sentence && prev.paragraph == token.paragraph &&
        is_phrase_gap(sentence_text.substr(prev.span.end, token.span.begin - prev.span.end));
    while (w < breaks_in_words.size() && breaks_in_words[w] < token.span.begin) ++w;
    if (token.joins_prev && w < breaks_in_words.size() && breaks_in_words[w] == token.span.begin) {
      // The previous word must end at the hyphen: "infra-" + line break, not "infra -".
      const std::string_view after = text.substr(prev.span.end);
      token.continues_word = after.starts_with('-') || after.starts_with("\u2010") ||
                             after.starts_with("\u00AD");
    }
  }
  return out;
}

}  // namespace themescan
