#include "themescan/score.h"

#include <algorithm>
#include <map>

namespace themescan {

std::vector<ThemeScore> score_themes(const Lexicon& lexicon, const std::vector<Hit>& hits,
                                     std::uint32_t words) {
  const std::vector<Theme>& themes = lexicon.themes();
  std::vector<ThemeScore> scores(themes.size());
  std::vector<std::map<std::uint32_t, std::uint32_t>> counts(themes.size());
  for (std::uint32_t t = 0; t < themes.size(); ++t) scores[t].theme = t;
  for (std::uint32_t i = 0; i < hits.size(); ++i) {
    const Hit& hit = hits[i];
    ThemeScore& score = scores[hit.theme];
    ++score.hits;
    score.score += themes[hit.theme].entries[hit.entry].weight;
    score.evidence.push_back(i);
    ++counts[hit.theme][hit.entry];
  }
  for (std::uint32_t t = 0; t < themes.size(); ++t) {
    ThemeScore& score = scores[t];
    score.distinct = static_cast<std::uint32_t>(counts[t].size());
    score.per_1k = words == 0 ? 0.0 : 1000.0 * score.hits / words;
    score.share = hits.empty() ? 0.0 : static_cast<double>(score.hits) / static_cast<double>(hits.size());
    for (const auto& [entry, count] : counts[t]) score.terms.push_back({entry, count});
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
