#include "themescan/lint.h"

#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text_util.h"

#include "themescan/normalize.h"

namespace themescan {

namespace {

// An entry's words as match keys, a stem marked by a trailing '*'.
std::vector<std::string> entry_keys(const Normalizer& normalizer, const Entry& entry) {
  std::vector<std::string> keys;
  for (const EntryWord& word : entry.words) keys.push_back(normalizer.key(word.text) + (word.stem ? "*" : ""));
  return keys;
}

// Whether entry word `a` (maybe a stem) matches what entry word `b` matches wherever b does.
bool word_covers(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (!a.ends_with('*')) return false;
  const std::string_view stem(a.data(), a.size() - 1);
  return std::string_view(b).starts_with(stem);
}

// Whether `part` occurs as consecutive words of `whole` (each word of part covering its word).
bool contains(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  if (part.empty() || part.size() > whole.size()) return false;
  for (std::size_t i = 0; i + part.size() <= whole.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < part.size() && all; ++k) all = word_covers(part[k], whole[i + k]);
    if (all) return true;
  }
  return false;
}

// Whether exclusion `x` matches wherever entry `e` does: as many words, each covering e's.
bool covers_entry(const std::vector<std::string>& x, const std::vector<std::string>& e) {
  if (x.size() != e.size()) return false;
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (!word_covers(x[k], e[k])) return false;
  }
  return true;
}

bool nested(const Lexicon& lexicon, std::uint32_t a, std::uint32_t b) {
  for (std::int32_t t = static_cast<std::int32_t>(a); t >= 0; t = lexicon.themes()[static_cast<std::size_t>(t)].parent) {
    if (static_cast<std::uint32_t>(t) == b) return true;
  }
  return false;
}

// Ideographs and kana carry a word's meaning in one or two characters: a short stem of them is
// not suspicious.
bool has_ideographs(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    const UChar32 c = detail::code_point_at(s, i, &length);
    const UScriptCode script = uscript_getScript(c, nullptr);
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || script == USCRIPT_HIRAGANA ||
        script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL) {
      return true;
    }
    i += length;
  }
  return false;
}


}  // namespace

void sort_findings(std::vector<LintFinding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const LintFinding& a, const LintFinding& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  });
}

std::vector<LintFinding> lint_lexicon(const Lexicon& lexicon) {
  const Normalizer normalizer;
  std::vector<LintFinding> out;
  const std::vector<Theme>& themes = lexicon.themes();
  std::vector<std::vector<std::vector<std::string>>> keys(themes.size());
  for (std::size_t t = 0; t < themes.size(); ++t) {
    for (const Entry& entry : themes[t].entries) keys[t].push_back(entry_keys(normalizer, entry));
  }
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    const Theme& theme = themes[t];
    for (std::size_t e = 0; e < theme.entries.size(); ++e) {
      const Entry& entry = theme.entries[e];
      if (entry.kind == EntryKind::kPattern) continue;
      const std::vector<std::string>& mine = keys[t][e];
      const auto add = [&](std::string kind, std::string message) {
        const bool note = kind == "contained";
        out.push_back({theme.source, entry.line, std::move(kind), std::move(message), note});
      };
      if (entry.kind == EntryKind::kStem && !entry.exclusion && detail::count_code_points(mine[0]) <= 3 &&
          !has_ideographs(mine[0])) {
        add("short-stem", fmt::format("stem '{}' matches every word that starts with '{}'",
                                      entry.text, mine[0].substr(0, mine[0].size() - 1)));
      }
      if (entry.exclusion) continue;
      for (std::size_t o = 0; o < theme.entries.size(); ++o) {
        const Entry& other = theme.entries[o];
        if (o == e || other.kind == EntryKind::kPattern) continue;
        if (other.exclusion && covers_entry(keys[t][o], mine)) {
          add("shadowed", fmt::format("entry '{}' never counts: the exclusion '!{}' (line {}) covers "
                                      "every occurrence", entry.text, other.text, other.line));
          break;
        }
        if (!other.exclusion && keys[t][o].size() > mine.size() && contains(keys[t][o], mine)) {
          add("contained", fmt::format("entry '{}' is part of the longer entry '{}' (line {}); where "
                                       "both match, the longer counts, once", entry.text, other.text,
                                       other.line));
          break;
        }
      }
      for (std::uint32_t u = 0; u < themes.size(); ++u) {
        if (u == t || nested(lexicon, t, u) || nested(lexicon, u, t)) continue;
        const auto same = std::find_if(themes[u].entries.begin(), themes[u].entries.end(), [&](const Entry& x) {
          return !x.exclusion && x.kind != EntryKind::kPattern &&
                 keys[u][static_cast<std::size_t>(&x - themes[u].entries.data())] == mine;
        });
        if (same == themes[u].entries.end()) continue;
        add("overlap", fmt::format("entry '{}' is also in theme '{}' ({}:{}); its hits count for "
                                   "both", entry.text, themes[u].id, themes[u].source, same->line));
      }
    }
  }
  sort_findings(out);
  return out;
}

void add_corpus_findings(const Lexicon& lexicon,
                         const std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t>& hits,
                         std::vector<LintFinding>& findings) {
  const std::vector<Theme>& themes = lexicon.themes();
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    const Theme& theme = themes[t];
    std::uint64_t total = 0;
    for (std::uint32_t e = 0; e < theme.entries.size(); ++e) {
      const auto it = hits.find({t, e});
      total += it == hits.end() ? 0 : it->second;
    }
    for (std::uint32_t e = 0; e < theme.entries.size(); ++e) {
      const Entry& entry = theme.entries[e];
      if (entry.exclusion) continue;
      const auto it = hits.find({t, e});
      const std::uint64_t n = it == hits.end() ? 0 : it->second;
      if (n == 0) {
        findings.push_back({theme.source, entry.line, "unused",
                            fmt::format("entry '{}' has no hit in the corpus", entry.text)});
      } else if (total >= 10 && n * 2 > total) {
        findings.push_back({theme.source, entry.line, "dominant",
                            fmt::format("entry '{}' has {} of the {} hits of theme '{}' ({:.0f}%)",
                                        entry.text, n, total, theme.id, 100.0 * double(n) / double(total))});
      }
    }
  }
  sort_findings(findings);
}

}  // namespace themescan
