// entity_names: the names of organisations, places and people in a text, so that a theme word
// inside a name ("Center for Global IT Cooperation", "Ministerio de Transformación Digital",
// "Центра международного ИТ-сотрудничества") can be told apart from the theme itself.
//
// find_names() reads the tokens once, left to right, with the word lists of an
// AttributionLexicon (`organisations`, `places`, `roles`, `given-names`, `honorifics`):
//   * English, Spanish, French, Portuguese: a run of capitalised words, joined by at most two
//     lower-case connectors (of, for, and, the, de, del, la, du, des, da, do, y, et, und, ...) or
//     " & ", is cut into segments of capitalised words. A segment with an organisation word is an
//     organisation's name (Gulf Cooperation Council, Security Pacific Corp, the Russian Trade
//     Mission of "Digital Attaché of the Russian Trade Mission"), cut before a person's title or
//     name after it (Ohio State University | Professor Paul Beck); followed by of, for, de, du,
//     da, para, pour or für it takes the capitalised words after it (Center for Global IT
//     Cooperation, Ministerio de Transformación Digital, Instituto Paraguayo de Gobierno
//     Abierto), until "and the", "y la", ... or a person. A leading article is left out. After
//     a title and of/for without an article comes the title's portfolio, not a name (Minister
//     for Digital Economy and Public Services). Gazetteer places of two words or more are
//     places; a given name or an honorific with one to three capitalised words after it is a
//     person.
//   * Russian: a capitalised organisation head (Центр*, Министерств*, Ассоциаци*, ...) and its
//     genitive chain: the words after it that end like a genitive (-а, -я, -ы, -и, -ов, -ей,
//     -ого, -ых, ...) or are acronyms (ИТ, ПО), up to punctuation, a quote, a number, a
//     preposition, a word that does not end like a genitive (a verb, a nominative) or a given
//     name: "Центра международного ИТ-сотрудничества".
//   * Headlines: in a paragraph of four or more words written in title case (every word
//     capitalised but connectors and short function words), capitalisation says nothing about
//     names, so only gazetteer places are taken there (docs/design.md, "Names").
// Names are at least two words, never cross a sentence or punctuation (but a hyphen without
// spaces: ИТ-сотрудничества, e-Government Centre), and come in text order without overlapping.
// The work is one pass over the words; keys are computed only for the words of capitalised
// runs, into reused strings (ICU's normalizer, used for non-ASCII words, may still allocate).
//
// Pure functions of their arguments; thread-safe.
//
//   std::vector<NameSpan> names = find_names(text, tokens, words);
//   std::vector<Hit> hits = matcher.match(text, tokens);
//   mark_hits_in_names(names, hits);  // Hit::in_name for "Cooperation" in the Center's name
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "themescan/attribution_lexicon.h"
#include "themescan/match.h"
#include "themescan/text.h"

namespace themescan {

enum class NameKind : std::uint8_t { kOrganisation, kPlace, kPerson };

struct NameSpan {
  Span span;  // from the first word's begin to the last word's end
  NameKind kind = NameKind::kOrganisation;
};

// The names in `text`, whose tokens are `tokens`, ordered by begin and not overlapping.
std::vector<NameSpan> find_names(std::string_view text, const TokenizedText& tokens,
                                 const AttributionLexicon& words);

// Sets Hit::in_name on every hit lying inside a name that is longer than the hit (a hit that
// is the whole name is the theme's own term: "Smart Nation" as a name and as an entry).
// Both lists are ordered by begin (as find_names and Matcher::match give them); linear.
void mark_hits_in_names(const std::vector<NameSpan>& names, std::vector<Hit>& hits);

}  // namespace themescan
