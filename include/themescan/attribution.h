// attribution: who said each quote, the speaker roster, and reported (indirect) speech.
//
// Rules, not a model. Reporting verbs, "according to" phrases, pronouns, role words and the
// other word lists come from an AttributionLexicon (lexicons/reporting.verbs), so users extend
// them without rebuilding. For every direct quote the patterns are tried in this order:
//   “…,” Name stated. / “…,” said Name, Title of Org. / “…,” she added. / “…” — Name, Title
//   Name noted: “…”  (also when the quote opens the next paragraph) / Name said that “…”
//   According to Name, “…” / “…,” according to a ministry official.
//   the second half of a split quote (“…,” he said, “…”) takes the first half's speaker;
//   a further quote in the same paragraph continues the last attributed one;
//   otherwise the person the narration next to the quote is about ("Carl thrust his hands ...")
//   unless the quote addresses that person by name;
//   in dialogue, an unattributed turn goes to the other speaker of a two-person exchange.
// A pronoun resolves to the most recent person mentioned outside quotes whose gender does not
// contradict it; a title ("the minister", "la directrice") to the person with that role; a
// described source ("a spokeswoman", "one analyst") or a group ("Speakers") becomes an unnamed
// speaker with the description as its name.
//
// The roster holds every person the text introduces by apposition ("Name, Director of Org"),
// brackets ("Name (Nicaragua)"), a reporting verb or "moderated by", quoted or not. Later
// mentions by surname or part of the name ("Glushchenko", genitive "Лаптевой") are grouped.
//
// Indirect speech (Name said that ..., Speakers agreed that ..., He emphasized the need for ...,
// ..., according to an official) is added to the quotes as QuoteType::kIndirect.
//
// Linear in the number of words apart from name look-ups, which are bounded by the roster size.
// Stateless and thread-safe.
//
//   std::vector<Quote> quotes = find_quotes(text, tokens);
//   std::vector<Speaker> speakers = attribute_quotes(text, tokens, words, quotes);
//   for (const Quote& q : quotes)
//     if (q.attribution.speaker >= 0) std::cout << speakers[q.attribution.speaker].name << '\n';
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "themescan/attribution_lexicon.h"
#include "themescan/quotes.h"
#include "themescan/text.h"

namespace themescan {

// What kind of source a speaker is.
enum class SpeakerKind : std::uint8_t {
  kPerson,        // a named person: "Vadim Glushchenko", "Mr. Rubio"
  kOrganisation,  // an organisation speaking as itself: "ChemLawn", "the company", "the DNC"
  kGroup,         // people speaking together: "Speakers", "participants", "delegates"
  kUnnamed,       // a described, unnamed source: "a spokeswoman", "one analyst", "the
                  // representative of Kenya"
};

struct Speaker {
  std::string name;           // as first given in full; for an unnamed source its description
                              // ("a spokeswoman"); for a group the group ("Speakers")
  bool named = true;          // false for unnamed sources and groups
  bool group = false;
  SpeakerKind kind = SpeakerKind::kPerson;
  std::string role;           // "Director", "Deputy Mayor"; empty when not given
  std::string affiliation;    // "Center for Global IT Cooperation"; empty when not given
  std::string country;        // from brackets: "Naima Díaz (Nicaragua)"; empty when not given
  std::string participation;  // "moderator" or "speaker" when the text says so, else empty
  char gender = 0;            // 'm', 'f' (from honorifics, pronouns, Russian forms) or 0
  std::vector<Span> mentions;         // every place the text names this speaker, in text order
  std::vector<std::string> aliases;   // the distinct forms used ("Glushchenko", "the minister")
  std::uint32_t quotes = 0;           // direct quotes attributed to the speaker (Analyzer)
  std::uint32_t statements = 0;       // indirect quotes attributed to the speaker (Analyzer)
  std::vector<ThemeCount> themes;     // summed over both (Analyzer)
};

// Attributes every direct quote in `quotes` (filling Quote::attribution), appends the indirect
// quotes found in the text (keeping `quotes` sorted by span.begin) and returns the speakers,
// in order of first mention. Terms are never attributed.
std::vector<Speaker> attribute_quotes(std::string_view text, const TokenizedText& tokens,
                                      const AttributionLexicon& words, std::vector<Quote>& quotes);

// Stable names for JSON: "trailing-verb", "leading-verb", "said-that", "according-to", "dash",
// "split", "continuation", "nearby", "turn-taking", "reported", "none".
const char* attribution_method_name(AttributionMethod method);
// "name", "partial-name", "pronoun", "title", "description", "group", "none".
const char* speaker_reference_name(SpeakerReference reference);
// "person", "organisation", "group", "unnamed".
const char* speaker_kind_name(SpeakerKind kind);

}  // namespace themescan
