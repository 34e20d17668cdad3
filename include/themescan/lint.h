// lint: problems in lexicons that load but do not do what their author meant (`themescan lint`).
//
//   std::vector<LintFinding> findings = lint_lexicon(lexicon);
//   add_corpus_findings(lexicon, corpus_hits_per_entry, findings);
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "themescan/lexicon.h"

namespace themescan {

struct LintFinding {
  std::string file;
  std::uint32_t line = 0;
  std::string kind;     // short-stem, shadowed, contained, overlap, unused, dominant
  std::string message;  // one line
  // A note informs but is no problem: it does not fail `lint` (contained entries are how a
  // lexicon says "the longer phrase counts once"; `--strict` counts notes too).
  bool note = false;
};

// Findings from the lexicon alone, ordered by file and line:
//   short-stem  a stem of one or two letters, which matches every word starting with them
//   shadowed    an entry that can never count: an exclusion of its theme covers it
//   contained   an entry that is part of a longer entry of its theme (where both match, the
//               longer one counts, once); a note
//   overlap     the same entry in two themes, neither nested in the other
std::vector<LintFinding> lint_lexicon(const Lexicon& lexicon);

// Orders findings by file, then line (stable: findings of one line keep their order).
void sort_findings(std::vector<LintFinding>& findings);

// Findings from hits counted over a corpus: (theme, entry) -> hits.
//   unused      an entry without a hit
//   dominant    an entry with more than half of its theme's hits, when the theme has 10 or more
void add_corpus_findings(const Lexicon& lexicon,
                         const std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t>& hits,
                         std::vector<LintFinding>& findings);

}  // namespace themescan
