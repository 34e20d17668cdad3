#include "themescan/glob.h"

#include <cstddef>

namespace themescan {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

struct Char {
  char32_t code;
  std::size_t length;
};

// The UTF-8 character at s[pos]. A byte that does not start a well-formed sequence counts as one
// character on its own, so any byte string can be matched (file names need not be UTF-8).
Char char_at(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 1;
  char32_t code = lead;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07U;
  }
  if (length == 1 || pos + length > s.size()) return {lead, 1};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0U) != 0x80U) return {lead, 1};
    code = (code << 6U) | (byte(pos + i) & 0x3FU);
  }
  return {code, length};
}

// Matches the class that starts at pattern[open] == '[' against c. Returns the position after its
// closing ']', or kNone when the class is not closed (then '[' is an ordinary character).
std::size_t match_class(std::string_view pattern, std::size_t open, char32_t c, bool& matched) {
  std::size_t i = open + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool found = false;
  for (bool first = true;; first = false) {
    if (i >= pattern.size()) return kNone;
    if (pattern[i] == ']' && !first) {
      matched = c != U'/' && found != negate;
      return i + 1;
    }
    const Char low = char_at(pattern, i);
    i += low.length;
    char32_t high = low.code;
    if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
      const Char last = char_at(pattern, i + 1);
      high = last.code;
      i += 1 + last.length;
    }
    if (c >= low.code && c <= high) found = true;
  }
}

// Where matching resumes after a mismatch: the pattern just after a star, and the text position
// that star's run currently extends to.
struct Backtrack {
  std::size_t pattern = 0;
  std::size_t text = 0;
  bool valid = false;
  bool folders = false;  // "**/": the run must consist of whole folders ("" or "a/" or "a/b/")
};

}  // namespace

// Classic wildcard matching with one backtrack point per star kind. A later '*' subsumes the
// extension of an earlier one, as in the single-star algorithm: once it has tried every end of
// the text, nothing earlier can do better. But a '*' cannot grow across '/'; then only the last
// '**' can absorb more text, so we fall back to it (and replay the pattern after it, which
// re-creates the '*' point). An earlier '*' never needs to grow instead: what lies between it
// and the later star would have to cover the '/', which a shift right cannot do because the '*'
// run it would swallow holds no '/'.
bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  Backtrack single;
  Backtrack any;
  for (;;) {
    if (p < pattern.size()) {
      const char pc = pattern[p];
      if (pc == '*') {
        std::size_t run = p;
        while (run < pattern.size() && pattern[run] == '*') ++run;
        if (run - p == 1) {
          single = {run, t, true, false};
          p = run;
          continue;
        }
        const bool at_segment_start = p == 0 || pattern[p - 1] == '/';
        const bool folders = at_segment_start && run < pattern.size() && pattern[run] == '/';
        p = folders ? run + 1 : run;
        any = {p, t, true, folders};
        single.valid = false;
        continue;
      }
      if (t < text.size()) {
        const Char c = char_at(text, t);
        if (pc == '?') {
          if (c.code != U'/') {
            ++p;
            t += c.length;
            continue;
          }
        } else if (bool matched = false; pc == '[') {
          const std::size_t end = match_class(pattern, p, c.code, matched);
          if (end == kNone ? text[t] == '[' : matched) {
            p = end == kNone ? p + 1 : end;
            t += end == kNone ? 1 : c.length;
            continue;
          }
        } else if (pc == text[t]) {
          ++p;
          ++t;
          continue;
        }
      }
    } else if (t == text.size()) {
      return true;
    }
    // Mismatch: let the last star take one more character and try again.
    if (single.valid) {
      const std::size_t blocked = single.text;
      if (blocked >= text.size()) return false;  // it already tried every end: nothing can help
      if (text[blocked] != '/') {
        single.text += char_at(text, blocked).length;
        p = single.pattern;
        t = single.text;
        continue;
      }
      // The '*' met a '/': only the last '**' can take it. If the pattern between that '**' and
      // the '*' has no '/', the '**' must take everything up to and including this one (starting
      // it anywhere before would lead the '*' to the same '/'), which keeps the cost linear.
      if (!any.valid) return false;
      const std::size_t star = single.pattern - 1;
      if (pattern.substr(any.pattern, star - any.pattern).find('/') == kNone) {
        any.text = blocked + 1;
        single.valid = false;
        p = any.pattern;
        t = any.text;
        continue;
      }
    }
    if (!any.valid || any.text >= text.size()) return false;
    if (any.folders) {
      const std::size_t slash = text.find('/', any.text);
      if (slash == kNone) return false;
      any.text = slash + 1;
    } else {
      any.text += char_at(text, any.text).length;
    }
    single.valid = false;
    p = any.pattern;
    t = any.text;
  }
}

}  // namespace themescan
