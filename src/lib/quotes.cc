// Quote-mark pairing. The hard part is deciding, for each mark, whether it opens, closes, or is
// not a quote mark at all (apostrophes, inch marks); the context rules are below.
#include "themescan/quotes.h"

#include <algorithm>

#include "text_util.h"

namespace themescan {
namespace {

// Deeper nesting than this is not prose; marks past it are ignored (keeps pairing linear).
constexpr std::size_t kMaxDepth = 8;
constexpr std::size_t kTermMaxWords = 4;
constexpr std::size_t kTitleMaxWords = 12;
constexpr std::size_t kPossessiveLookahead = 200;  // bytes

enum class Role { kNone, kOpen, kClose };

// Plain-text sources write quotation marks with ASCII pairs: ``TeX style'' and ''two
// apostrophes''. Both pairs are read as one mark each: `` opens (kTexOpen), '' closes it or
// opens and closes a ''…'' quote (kDoubleApostrophe); a single ` opens a quote that ' closes.
constexpr char32_t kTexOpen = U'`' | 0x100000;
constexpr char32_t kDoubleApostrophe = U'\'' | 0x100000;

struct OpenMark {
  char32_t mark;
  std::uint32_t begin;     // byte offset of the mark
  std::uint32_t length;    // bytes of the mark
  std::uint32_t paragraph;
  std::uint32_t paragraphs;
};

bool is_letter_or_digit(UChar32 c) { return c >= 0 && (u_isalnum(c) != 0); }

// Whether `closer` closes a quote opened by `opener`.
bool closes(char32_t opener, char32_t closer) {
  switch (opener) {
    // A typist's mix: “…" and "…” are closed by the other mark when nothing else is open.
    case U'\u201C': return closer == U'\u201D' || closer == U'"';
    case U'\u201E': return closer == U'\u201C' || closer == U'\u201D';  // „…“ and „…”
    case U'\u2018': return closer == U'\u2019';
    case U'\u201A': return closer == U'\u2018' || closer == U'\u2019';  // ‚…‘ and ‚…’
    case U'\u00AB': return closer == U'\u00BB';
    case U'\u00BB': return closer == U'\u00AB';                          // »…«
    case U'\u300C': return closer == U'\u300D';
    case U'\u300E': return closer == U'\u300F';
    case U'"': return closer == U'"' || closer == U'\u201D';
    case U'\'': return closer == U'\'';
    case U'`': return closer == U'\'';
    case kTexOpen: case kDoubleApostrophe: return closer == kDoubleApostrophe;
    default: return false;
  }
}

bool is_quote_mark(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x2018: case 0x2019: case 0x201A:
    case 0x00AB: case 0x00BB: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case '"': case '\'': case '`':
      return true;
    default:
      return false;
  }
}

class Pairer {
 public:
  Pairer(std::string_view text, const TokenizedText& tokens) : text_(text), tokens_(tokens) {}

  std::vector<Quote> run() {
    const std::vector<Span>& paragraphs = tokens_.paragraphs;
    for (std::uint32_t p = 0; p < paragraphs.size(); ++p) {
      scan(p);
      end_paragraph(p);
    }
    std::sort(quotes_.begin(), quotes_.end(), [](const Quote& a, const Quote& b) {
      if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
      return a.depth < b.depth;
    });
    return std::move(quotes_);
  }

 private:
  UChar32 char_before(std::size_t i) const {
    if (i == 0) return -1;
    std::size_t len;
    return detail::code_point_at(text_, detail::previous_boundary(text_, i), &len);
  }
  UChar32 char_after(std::size_t i) const {
    if (i >= text_.size()) return -1;
    std::size_t len;
    return detail::code_point_at(text_, i, &len);
  }
  // After a plural "s", a closing-looking mark may be a possessive (the students’ turn): it is
  // taken as an apostrophe when another mark of the same kind that can close follows soon.
  // The look-ahead is bounded, so pairing stays linear.
  bool possessive_before_later_closer(UChar32 mark, std::size_t end) const {
    const UChar32 after = char_after(end);
    if (!(after == ' ' && is_letter_or_digit(char_after(end + 1)))) return false;
    const std::size_t limit = std::min(text_.size(), end + kPossessiveLookahead);
    for (std::size_t i = end, len = 0; i < limit; i += len) {
      const UChar32 c = detail::code_point_at(text_, i, &len);
      if (c == '\n') return false;
      if (c == mark && !is_letter_or_digit(char_after(i + len))) return true;
    }
    return false;
  }

  bool top_is(char32_t mark) const { return !stack_.empty() && stack_.back().mark == mark; }
  bool stack_has_opener_for(char32_t closer) const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [&](const OpenMark& m) { return closes(m.mark, closer); });
  }

  Role role_of(UChar32 c, std::size_t begin, std::size_t end) const {
    const UChar32 before = char_before(begin);
    const UChar32 after = char_after(end);
    const bool space_before = before < 0 || detail::is_space(before) || before == '(' ||
                              before == '[' || before == 0x2014 || before == 0x2013;
    const bool space_after = after < 0 || detail::is_space(after);
    switch (c) {
      case 0x201C:  // “ opens, except that it closes „…“, and a “ typed for ” (“the best“ and)
        if (top_is(U'\u201E')) return Role::kClose;
        if (top_is(U'\u201C') && !space_before &&
            (is_letter_or_digit(before) || before == '.' || before == ',' || before == '!' ||
             before == '?') &&
            (space_after || !is_letter_or_digit(after))) {
          return Role::kClose;
        }
        return Role::kOpen;
      case 0x201D: return Role::kClose;
      case 0x201E: case 0x201A: case 0x300C: case 0x300E: return Role::kOpen;
      case 0x300D: case 0x300F: return Role::kClose;
      case 0x2018:  // ‘ opens, closes ‚…‘, and is an apostrophe in ‘90s
        if (top_is(U'\u201A')) return Role::kClose;
        if (after >= '0' && after <= '9') return Role::kNone;
        return Role::kOpen;
      case 0x2019:  // ’ is an apostrophe between letters (don’t, Kuwait’s) and before digits (’90s)
        if (is_letter_or_digit(before) && is_letter_or_digit(after)) return Role::kNone;
        if (space_before && after >= '0' && after <= '9') return Role::kNone;
        if (stack_has_opener_for(U'\u2019') && !space_before) {
          if (before == 's' && possessive_before_later_closer(c, end)) return Role::kNone;
          return Role::kClose;
        }
        return Role::kNone;  // a plural possessive (countries’) or a stray mark
      case 0x00AB:
        return top_is(U'\u00BB') ? Role::kClose : Role::kOpen;
      case 0x00BB:
        if (stack_has_opener_for(U'\u00BB')) return Role::kClose;
        return space_after ? Role::kNone : Role::kOpen;  // »…« (German)
      case '"':
        if (top_is(U'"')) return Role::kClose;
        if (space_after && !space_before) return stack_has_opener_for(U'"') ? Role::kClose : Role::kNone;
        if (space_before || !is_letter_or_digit(before)) return space_after ? Role::kNone : Role::kOpen;
        return Role::kNone;  // 12" (inches) and the like
      case '`':  // `nested' (TeX): opens before a letter
        return is_letter_or_digit(after) || after == '`' ? Role::kOpen : Role::kNone;
      case '\'':
        if (is_letter_or_digit(before) && is_letter_or_digit(after)) return Role::kNone;  // don't
        if (top_is(U'`') && !space_before) return Role::kClose;
        if (top_is(U'\'') && !space_before) {
          if (before == 's' && possessive_before_later_closer(c, end)) return Role::kNone;
          return Role::kClose;
        }
        if (space_before && after >= '0' && after <= '9') return Role::kNone;  // '90s
        if (space_before && !space_after && is_letter_or_digit(after)) return Role::kOpen;
        return Role::kNone;
      default:
        return Role::kNone;
    }
  }

  void scan(std::uint32_t p) {
    const Span paragraph = tokens_.paragraphs[p];
    std::size_t i = paragraph.begin;
    // The multi-paragraph convention: a quote left open at the end of the previous paragraph
    // continues when this paragraph re-opens with the same mark.
    if (!stack_.empty()) {
      std::size_t len;
      const UChar32 first = detail::code_point_at(text_, i, &len);
      if (static_cast<char32_t>(first) == stack_.front().mark) {
        stack_.resize(1);
        ++stack_.front().paragraphs;
        i += len;
      } else {
        flush_unclosed(p - 1);
      }
    }
    // Page furniture inside the paragraph (a page break it goes on across) is not text.
    const std::vector<Span>& furniture = tokens_.furniture;
    std::size_t f = static_cast<std::size_t>(
        std::lower_bound(furniture.begin(), furniture.end(), static_cast<std::uint32_t>(i),
                         [](Span s, std::uint32_t at) { return s.end <= at; }) - furniture.begin());
    for (std::size_t len = 0; i < paragraph.end; i += len) {
      if (f < furniture.size() && i >= furniture[f].begin) {
        len = furniture[f].end - i;
        ++f;
        continue;
      }
      const UChar32 c = detail::code_point_at(text_, i, &len);
      if (!is_quote_mark(c)) continue;
      if ((c == '`' || c == '\'') && i + 1 < paragraph.end && text_[i + 1] == c) {
        len = 2;
        pair(c == '`' ? kTexOpen : kDoubleApostrophe, i, p);
        continue;
      }
      switch (role_of(c, i, i + len)) {
        case Role::kNone: break;
        case Role::kOpen: open(static_cast<char32_t>(c), i, len, p); break;
        // A closing “ (of „…“, or typed for ”) closes what ” closes.
        case Role::kClose: close(c == 0x201C ? U'\u201D' : static_cast<char32_t>(c), i, len); break;
      }
    }
  }

  // `` or '' at `at` (two bytes).
  void pair(char32_t mark, std::size_t at, std::uint32_t p) {
    const UChar32 before = char_before(at);
    const UChar32 after = char_after(at + 2);
    const bool space_before = before < 0 || detail::is_space(before) || before == '(';
    if (mark == kTexOpen) {
      open(mark, at, 2, p);
    } else if (!space_before && stack_has_opener_for(kDoubleApostrophe)) {
      close(mark, at, 2);
    } else if (space_before && after >= 0 && !detail::is_space(after)) {
      open(mark, at, 2, p);
    }
  }

  void open(char32_t mark, std::size_t at, std::size_t length, std::uint32_t p) {
    if (stack_.size() >= kMaxDepth) return;
    stack_.push_back({mark, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(length), p, 1});
  }

  void close(char32_t mark, std::size_t at, std::size_t length) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (!closes(stack_[k].mark, mark)) continue;
      const OpenMark& opener = stack_[k];
      Quote quote;
      quote.span = {opener.begin + opener.length, static_cast<std::uint32_t>(at)};
      quote.outer = {opener.begin, static_cast<std::uint32_t>(at + length)};
      quote.depth = static_cast<std::uint32_t>(k);
      quote.paragraph = opener.paragraph;
      quote.paragraphs = opener.paragraphs;
      quote.open_mark = opener.mark & 0xFFFFF;  // `` and '' as their first character
      add(quote);
      stack_.resize(k);  // marks opened inside and never closed are dropped
      return;
    }
  }

  void end_paragraph(std::uint32_t p) {
    if (stack_.empty()) return;
    // Keep only the outermost open quote: it may continue in the next paragraph.
    stack_.resize(1);
    const bool last = p + 1 == tokens_.paragraphs.size();
    if (last) flush_unclosed(p);
  }

  void flush_unclosed(std::uint32_t p) {
    if (stack_.empty()) return;
    const OpenMark& opener = stack_.front();
    const std::uint32_t end = tokens_.paragraphs[p].end;
    Quote quote;
    quote.span = {opener.begin + opener.length, end};
    quote.outer = {opener.begin, end};
    quote.unclosed = true;
    quote.paragraph = opener.paragraph;
    quote.paragraphs = opener.paragraphs;
    quote.open_mark = opener.mark & 0xFFFFF;  // `` and '' as their first character
    add(quote);
    stack_.clear();
  }

  void add(Quote quote) {
    std::size_t b = quote.span.begin, e = quote.span.end;
    detail::trim(text_, b, e);  // French « … » spacing
    if (b >= e) return;
    quote.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    // A quote inside a quote is a quoted word or phrase of the speaker, not a statement of its
    // own (“…when I said, ‘No boots on the ground,’ I think…”).
    quote.type = quote.depth > 0 || is_term(quote) ? QuoteType::kTerm : QuoteType::kDirect;
    quotes_.push_back(quote);
  }

  // A short quoted passage without sentence punctuation at its end is a term.
  bool is_term(const Quote& quote) const {
    if (quote.unclosed || quote.paragraphs > 1) return false;
    const std::string_view inner = quote.span.slice(text_);
    const UChar32 last = char_before(quote.span.end);
    if (last == '.' || last == ',' || last == '!' || last == '?' || last == ';' || last == ':' ||
        last == 0x2026) {
      return false;
    }
    const auto first = std::lower_bound(tokens_.words.begin(), tokens_.words.end(), quote.span.begin,
                                        [](const Token& t, std::uint32_t pos) { return t.span.begin < pos; });
    // Short, or a title: up to kTitleMaxWords words, every word of four letters or more
    // capitalised (Trusted Digital Partners: Russia and the World).
    std::size_t words = 0;
    bool title_case = true;
    for (auto it = first; it != tokens_.words.end() && it->span.end <= quote.span.end; ++it) {
      ++words;
      const std::string_view word = it->span.slice(text_);
      std::size_t length;
      if (detail::count_code_points(word) >= 4 && it->kind == WordKind::kLetter &&
          !u_isupper(detail::code_point_at(word, 0, &length))) {
        title_case = false;
      }
    }
    if (words > kTitleMaxWords || (words > kTermMaxWords && !title_case)) return false;
    return !inner.empty();
  }

  std::string_view text_;
  const TokenizedText& tokens_;
  std::vector<OpenMark> stack_;
  std::vector<Quote> quotes_;
};

}  // namespace

std::vector<Quote> find_quotes(std::string_view text, const TokenizedText& tokens) {
  return Pairer(text, tokens).run();
}

}  // namespace themescan
