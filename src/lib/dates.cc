#include "themescan/dates.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include <fmt/format.h>

namespace themescan {
namespace {

constexpr std::size_t kHeaderLines = 5;
constexpr std::size_t kHeaderBytes = 600;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool valid_day(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int leap_day = month == 2 && is_leap(year) ? 1 : 0;
  return day <= kDays[static_cast<std::size_t>(month - 1)] + leap_day;
}

// The value of s[pos, pos + n) when it is all digits, else -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// Lower-cases ASCII, Latin-1 letters and Cyrillic without changing any byte length, so offsets
// stay valid. Enough for month names; no ICU needed.
std::string fold_case(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {  // À-Þ except ×
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {       // А-П
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {       // Р-Я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      } else if (c == 0xD0 && d == 0x81) {                     // Ё
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      }
    }
  }
  return out;
}

// How a month name may be used: English names go in every pattern; Russian genitive names
// ("июня") only after a day, Russian nominative names ("июнь") only before a lone year.
enum class MonthKind { kEnglish, kOther, kRussianGenitive, kRussianNominative };

struct MonthName {
  std::string_view name;
  int month;
  MonthKind kind;
};

constexpr MonthKind kEn = MonthKind::kEnglish;
constexpr MonthKind kOt = MonthKind::kOther;
constexpr MonthKind kRuGen = MonthKind::kRussianGenitive;
constexpr MonthKind kRuNom = MonthKind::kRussianNominative;

constexpr MonthName kMonths[] = {
    {"january", 1, kEn}, {"jan", 1, kEn}, {"february", 2, kEn}, {"feb", 2, kEn},
    {"march", 3, kEn}, {"mar", 3, kEn}, {"april", 4, kEn}, {"apr", 4, kEn}, {"may", 5, kEn},
    {"june", 6, kEn}, {"jun", 6, kEn}, {"july", 7, kEn}, {"jul", 7, kEn}, {"august", 8, kEn},
    {"aug", 8, kEn}, {"september", 9, kEn}, {"sep", 9, kEn}, {"sept", 9, kEn},
    {"october", 10, kEn}, {"oct", 10, kEn}, {"november", 11, kEn}, {"nov", 11, kEn},
    {"december", 12, kEn}, {"dec", 12, kEn},
    // French
    {"janvier", 1, kOt}, {"février", 2, kOt}, {"fevrier", 2, kOt}, {"mars", 3, kOt},
    {"avril", 4, kOt}, {"mai", 5, kOt}, {"juin", 6, kOt}, {"juillet", 7, kOt}, {"août", 8, kOt},
    {"aout", 8, kOt}, {"septembre", 9, kOt}, {"octobre", 10, kOt}, {"novembre", 11, kOt},
    {"décembre", 12, kOt}, {"decembre", 12, kOt},
    // Spanish
    {"enero", 1, kOt}, {"febrero", 2, kOt}, {"marzo", 3, kOt}, {"abril", 4, kOt},
    {"mayo", 5, kOt}, {"junio", 6, kOt}, {"julio", 7, kOt}, {"agosto", 8, kOt},
    {"septiembre", 9, kOt}, {"setiembre", 9, kOt}, {"octubre", 10, kOt},
    {"noviembre", 11, kOt}, {"diciembre", 12, kOt},
    // Russian
    {"января", 1, kRuGen}, {"февраля", 2, kRuGen}, {"марта", 3, kRuGen}, {"апреля", 4, kRuGen},
    {"мая", 5, kRuGen}, {"июня", 6, kRuGen}, {"июля", 7, kRuGen}, {"августа", 8, kRuGen},
    {"сентября", 9, kRuGen}, {"октября", 10, kRuGen}, {"ноября", 11, kRuGen},
    {"декабря", 12, kRuGen},
    {"январь", 1, kRuNom}, {"февраль", 2, kRuNom}, {"март", 3, kRuNom}, {"апрель", 4, kRuNom},
    {"май", 5, kRuNom}, {"июнь", 6, kRuNom}, {"июль", 7, kRuNom}, {"август", 8, kRuNom},
    {"сентябрь", 9, kRuNom}, {"октябрь", 10, kRuNom}, {"ноябрь", 11, kRuNom},
    {"декабрь", 12, kRuNom},
};

struct Token {
  std::size_t begin;
  std::size_t end;
  bool number;
};

// Runs of digits and runs of letters (ASCII letters and any non-ASCII byte); the rest is gaps.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  auto letter = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80;
  };
  for (std::size_t i = 0; i < text.size();) {
    const bool number = is_digit(text[i]);
    if (!number && !letter(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && (number ? is_digit(text[i]) : letter(text[i]))) ++i;
    out.push_back({begin, i, number});
  }
  return out;
}

struct Found {
  bool matched = false;             // the shape of a date was there
  std::size_t next = 0;             // the token after it
  std::optional<std::string> date;  // unset when the shape held an impossible date
};

// Matches date shapes over the tokens of one folded text.
class DateScanner {
 public:
  explicit DateScanner(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

  std::optional<std::string> first_date() const {
    for (std::size_t i = 0; i < tokens_.size();) {
      Found found = numeric(i);
      if (!found.matched) found = month_day_year(i);
      if (!found.matched) found = day_month_year(i);
      if (!found.matched) found = month_year(i);
      if (found.date) return found.date;
      i = found.matched ? found.next : i + 1;
    }
    return std::nullopt;
  }

 private:
  std::string_view word(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  std::string_view gap(std::size_t i) const {  // between token i and token i + 1
    return text_.substr(tokens_[i].end, tokens_[i + 1].begin - tokens_[i].end);
  }
  bool has(std::size_t i) const { return i < tokens_.size(); }

  int number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const {
    if (!has(i) || !tokens_[i].number) return -1;
    const std::size_t n = tokens_[i].end - tokens_[i].begin;
    if (n < min_digits || n > max_digits) return -1;
    return digits(text_, tokens_[i].begin, n);
  }
  int year(std::size_t i) const {
    const int value = number(i, 4, 4);
    return value >= 1000 && value <= 2999 ? value : -1;
  }
  int month(std::size_t i, bool (*allowed)(MonthKind)) const {
    if (!has(i) || tokens_[i].number) return -1;
    for (const MonthName& m : kMonths) {
      if (m.name == word(i) && allowed(m.kind)) return m.month;
    }
    return -1;
  }

  // A short run of blanks with at most one ',' and one '.' in it, as in "Jun. 6, 2025".
  bool separator(std::size_t i, bool comma, bool period) const {
    if (!has(i + 1)) return false;
    std::string_view g = gap(i);
    if (g.empty() || g.size() > 5) return false;
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (g[k] == ',' && comma) {
        comma = false;
      } else if (g[k] == '.' && period && k == 0) {
        period = false;
      } else if (g.substr(k, 2) == "\xC2\xA0") {
        ++k;
      } else if (g[k] != ' ' && g[k] != '\t') {
        return false;
      }
    }
    return true;
  }
  // Skips "6th", "1er", "1o" suffixes written right after a day number.
  std::size_t after_ordinal(std::size_t day) const {
    if (!has(day + 1) || !gap(day).empty()) return day;
    const std::string_view w = word(day + 1);
    const bool ordinal =
        w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "o" || w == "º";
    return ordinal ? day + 1 : day;
  }
  // Skips a Spanish "de" / "del" between parts.
  std::size_t after_de(std::size_t i) const {
    if (has(i + 1) && separator(i, false, false) && (word(i + 1) == "de" || word(i + 1) == "del") &&
        separator(i + 1, false, false)) {
      return i + 1;
    }
    return i;
  }

  static Found make(std::size_t next, int y, int m, int d) {
    Found found{true, next, std::nullopt};
    if (d == 0 ? (m >= 1 && m <= 12) : valid_day(y, m, d)) {
      found.date = d == 0 ? fmt::format("{:04}-{:02}", y, m)
                          : fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    return found;
  }

  // 2025-06-06, 2025/6/6; not when the numbers run on ("555-2025-06-06", "2025-06-06-01").
  Found numeric(std::size_t i) const {
    const int y = year(i);
    if (y < 0 || !has(i + 2)) return {};
    const std::string_view sep = gap(i);
    if ((sep != "-" && sep != "/") || gap(i + 1) != sep) return {};
    const std::size_t min_digits = sep == "-" ? 2 : 1;
    const int m = number(i + 1, min_digits, 2);
    const int d = number(i + 2, min_digits, 2);
    if (m < 0 || d < 0) return {};
    auto joins = [](char c) { return c == '-' || c == '/' || c == '.'; };
    const std::size_t begin = tokens_[i].begin;
    if (begin > 0 && joins(text_[begin - 1])) return {};
    const std::size_t end = tokens_[i + 2].end;
    if (end + 1 < text_.size() && joins(text_[end]) && is_digit(text_[end + 1])) {
      return {};
    }
    return make(i + 3, y, m, d);
  }

  // June 6, 2025 / Jun. 6th 2025
  Found month_day_year(std::size_t i) const {
    const int m = month(i, [](MonthKind k) { return k == MonthKind::kEnglish; });
    if (m < 0 || !separator(i, false, true)) return {};
    const int d = number(i + 1, 1, 2);
    if (d < 0) return {};
    const std::size_t last = after_ordinal(i + 1);
    if (!separator(last, true, false)) return {};
    const int y = year(last + 1);
    if (y < 0) return {};
    return make(last + 2, y, m, d);
  }

  // 6 June 2025 / 6 июня 2025 / 6 de junio de 2025 / 1er juin 2025
  Found day_month_year(std::size_t i) const {
    const int d = number(i, 1, 2);
    if (d < 0) return {};
    std::size_t at = after_ordinal(i);
    if (!separator(at, false, false)) return {};
    at = after_de(at);
    const int m = month(at + 1, [](MonthKind k) { return k != MonthKind::kRussianNominative; });
    if (m < 0) return {};
    at = after_de(at + 1);
    if (!separator(at, true, true)) return {};
    const int y = year(at + 1);
    if (y < 0) return {};
    return make(at + 2, y, m, d);
  }

  // June 2025 / junio de 2025 / июнь 2025
  Found month_year(std::size_t i) const {
    const int m = month(i, [](MonthKind k) { return k != MonthKind::kRussianGenitive; });
    if (m < 0) return {};
    const std::size_t at = after_de(i);
    if (!separator(at, false, at == i)) return {};
    const int y = year(at + 1);
    if (y < 0) return {};
    return make(at + 2, y, m, 0);
  }

  std::string_view text_;
  std::vector<Token> tokens_;
};

std::optional<std::string> scan(std::string_view text) {
  const std::string folded = fold_case(text);
  return DateScanner(folded).first_date();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits off the next line (without its '\n').
std::string_view next_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  return line;
}

// The date in a YAML front matter block, if the text starts with one; `body` is set to the text
// after the block.
std::optional<std::string> front_matter_date(std::string_view text, std::string_view& body) {
  body = text;
  std::string_view rest = text;
  if (trim(next_line(rest)) != "---") return std::nullopt;
  std::optional<std::string> date;
  while (!rest.empty()) {
    const std::string_view line = next_line(rest);
    const std::string_view trimmed = trim(line);
    if (trimmed == "---" || trimmed == "...") {
      body = rest;
      return date;
    }
    if (date || !(line.starts_with("date:") || line.starts_with("Date:"))) continue;
    std::string_view value = trim(line.substr(5));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    date = normalize_date(value);
    if (!date || date->size() < 7) date = scan(value);  // a lone year is not a document date
  }
  return std::nullopt;  // no closing line: not front matter
}

// The first kHeaderLines non-blank lines of `text`, cut at kHeaderBytes.
std::string_view header(std::string_view text) {
  std::string_view rest = text;
  std::size_t lines = 0;
  while (!rest.empty() && lines < kHeaderLines) {
    if (!trim(next_line(rest)).empty()) ++lines;
  }
  const std::size_t end = text.size() - rest.size();
  return text.substr(0, std::min(end, kHeaderBytes));
}

}  // namespace

std::optional<std::string> find_document_date(std::string_view text) {
  std::string_view body;
  if (std::optional<std::string> date = front_matter_date(text, body)) return date;
  return scan(header(body));
}

std::optional<std::string> normalize_date(std::string_view value) {
  const int y = digits(value, 0, 4);
  if (y < 0) return std::nullopt;
  if (value.size() == 4) return std::string(value);
  if (value[4] != '-') return std::nullopt;
  const int m = digits(value, 5, 2);
  if (m < 1 || m > 12) return std::nullopt;
  if (value.size() == 7) return std::string(value);
  if (value.size() < 10 || value[7] != '-') return std::nullopt;
  const int d = digits(value, 8, 2);
  if (!valid_day(y, m, d)) return std::nullopt;
  std::string date(value.substr(0, 10));
  if (value.size() == 10) return date;

  // RFC 3339 time: THH:MM:SS[.frac][Z|±HH:MM]
  std::string_view time = value.substr(10);
  if (time[0] != 'T' && time[0] != 't' && time[0] != ' ') return std::nullopt;
  if (time.size() < 9 || time[3] != ':' || time[6] != ':') return std::nullopt;
  const int hour = digits(time, 1, 2);
  const int minute = digits(time, 4, 2);
  const int second = digits(time, 7, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  time.remove_prefix(9);
  if (!time.empty() && time[0] == '.') {
    std::size_t n = 1;
    while (n < time.size() && is_digit(time[n])) ++n;
    if (n == 1) return std::nullopt;
    time.remove_prefix(n);
  }
  if (time.empty() || time == "Z" || time == "z") return date;
  if (time.size() != 6 || (time[0] != '+' && time[0] != '-') || time[3] != ':') return std::nullopt;
  const int offset_hours = digits(time, 1, 2);
  const int offset_minutes = digits(time, 4, 2);
  if (offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59) {
    return std::nullopt;
  }
  return date;
}

bool is_iso_date(std::string_view value) { return normalize_date(value).has_value(); }

}  // namespace themescan
