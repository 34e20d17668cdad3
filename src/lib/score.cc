#include "themescan/score.h"

#include <algorithm>
#include <map>

namespace themescan {

std::vector<ThemeScore> score_themes(const Lexicon& lexicon, const std::vector<Hit>& hits,
                                     std::uint32_t words, bool count_names) {
  const std::vector<Theme>& themes = lexicon.themes();
  std::vector<ThemeScore> scores(themes.size());
  std::vector<std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t>> counts(themes.size());
  // Per theme, the spans credited at the latest begin: a nested theme's hit and the parent's own
  // hit on the same words count once for the parent. Hits come ordered by begin.
  std::vector<std::vector<Span>> at_begin(themes.size());
  for (std::uint32_t t = 0; t < themes.size(); ++t) scores[t].theme = t;
  std::size_t counted = 0;
  for (std::uint32_t i = 0; i < hits.size(); ++i) {
    const Hit& hit = hits[i];
    const bool counting = hit_counts(hit, count_names);
    counted += counting;
    for (std::int32_t t = static_cast<std::int32_t>(hit.theme); t >= 0; t = themes[static_cast<std::size_t>(t)].parent) {
      const auto theme = static_cast<std::size_t>(t);
      std::vector<Span>& seen = at_begin[theme];
      if (!seen.empty() && seen.front().begin != hit.span.begin) seen.clear();
      if (std::find(seen.begin(), seen.end(), hit.span) != seen.end()) continue;
      seen.push_back(hit.span);
      ThemeScore& score = scores[theme];
      score.evidence.push_back(i);
      if (!counting) continue;
      ++score.hits;
      score.score += themes[hit.theme].entries[hit.entry].weight;
      ++counts[theme][{hit.theme, hit.entry}];
    }
  }
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    ThemeScore& score = scores[t];
    score.distinct = static_cast<std::uint32_t>(counts[t].size());
    score.per_1k = words == 0 ? 0.0 : 1000.0 * score.hits / words;
    score.share = counted == 0 ? 0.0 : static_cast<double>(score.hits) / static_cast<double>(counted);
    for (const auto& [key, count] : counts[t]) score.terms.push_back({key.first, key.second, count});
    std::stable_sort(score.terms.begin(), score.terms.end(),
                     [](const TermCount& a, const TermCount& b) { return a.count > b.count; });
  }
  std::sort(scores.begin(), scores.end(), [&](const ThemeScore& a, const ThemeScore& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.hits != b.hits) return a.hits > b.hits;
    return themes[a.theme].id < themes[b.theme].id;
  });
  for (std::uint32_t i = 0; i < scores.size(); ++i) scores[i].rank = i + 1;
  return scores;
}

}  // namespace themescan
