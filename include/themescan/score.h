// score: hits + word count -> per-theme figures (formulas in README.md, "How themes are scored").
//
//   hits      number of non-overlapping hits of the theme and of the themes nested in it (a hit
//             of a/b/c counts for a/b and a too; one span counts once per theme)
//   distinct  number of different entries that produced them
//   score     sum of the hits' entry weights
//   per_1k    1000 * hits / words          (0 when the document has no words)
//   share     hits / all hits of all themes (0 when there are none)
//
// A hit inside a name (Hit::in_name) counts in none of these unless `count_names` is set; it is
// listed in `evidence` all the same.
//
// Themes are ranked by score, then hits, then id (ascending), so the order is total and stable.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "themescan/lexicon.h"
#include "themescan/match.h"

namespace themescan {

struct TermCount {
  std::uint32_t theme = 0;  // the theme whose entry it is (the theme itself or a nested one)
  std::uint32_t entry = 0;  // index into that theme's entries
  std::uint32_t count = 0;
};

struct ThemeScore {
  std::uint32_t theme = 0;  // index into Lexicon::themes()
  std::uint32_t rank = 0;   // 1-based
  std::uint32_t hits = 0;
  std::uint32_t distinct = 0;
  double score = 0;
  double per_1k = 0;
  double share = 0;
  std::vector<TermCount> terms;        // by count (descending), then theme and entry order
  std::vector<std::uint32_t> evidence; // indices into the hit list, in text order (counted or not)
};

// Whether a hit counts in the figures: always, except inside a name when names are not counted.
inline bool hit_counts(const Hit& hit, bool count_names) { return count_names || !hit.in_name; }

// The entry a term count or a hit is about (in its own theme, which may be nested in the scored one).
inline const Entry& entry_of(const Lexicon& lexicon, const TermCount& term) {
  return lexicon.themes()[term.theme].entries[term.entry];
}
inline const Entry& entry_of(const Lexicon& lexicon, const Hit& hit) {
  return lexicon.themes()[hit.theme].entries[hit.entry];
}

// One ThemeScore per theme of the lexicon (themes without hits included), sorted by rank.
std::vector<ThemeScore> score_themes(const Lexicon& lexicon, const std::vector<Hit>& hits,
                                     std::uint32_t words, bool count_names = false);

}  // namespace themescan
