// Attribution of direct quotes: speaker phrases next to reporting verbs, before or after the
// quote, then split quotes, continuations and turn-taking.
#include "themescan/attribution.h"

#include <algorithm>
#include <set>
#include <map>

#include "attribution_internal.h"
#include "themescan/document.h"

namespace themescan {
namespace detail {
namespace {

bool has_dash(std::string_view gap) {
  return gap.find("\u2014") != std::string_view::npos || gap.find("\u2013") != std::string_view::npos ||
         gap.find(" - ") != std::string_view::npos;
}

// Words [b, e) name an organisation that can speak as itself: a name ending in an organisation
// word ("the Tax Foundation", "Security Pacific Corp"), an acronym (DNC, NATO) or a publication
// reporting on its own ("The New York Times reported"; one quoting someone is only the channel:
// "told Reuters" never makes Reuters the speaker, as it is no subject there). Never a place.
bool organisation_name(const Context& c, std::size_t b, std::size_t e) {
  if (e <= b || c.is_place(b, e)) return false;
  return c.is(WordClass::kOrganisations, e - 1) || c.is_publication(b, e) || c.known_organisation(b, e) ||
         (e == b + 1 && all_caps(c.words[b].span.slice(c.text)));
}

NounPhrase make(SpeakerReference reference, std::size_t begin, std::size_t end,
                std::int32_t speaker) {
  return {reference, begin, end, speaker};
}

// A place among the modifiers [b, head) of a described source is where it is from: "the
// Vermont senator", "a New Hampshire official" -> country. A demonym ("a Brazilian delegate")
// stays in the description only.
void place_modifier(Context& c, std::int32_t speaker, std::size_t b, std::size_t head) {
  Speaker& s = c.speakers[static_cast<std::size_t>(speaker)];
  for (std::size_t k = b; k < head && s.country.empty(); ++k) {
    if (!c.words[k].upper || c.is_article(k)) continue;
    const std::size_t e = std::min(name_end(c, k), head);
    if (e > k && c.is_place(k, e) && c.value(WordClass::kPlaces, e - 1) != "demonym") {
      s.country = collapse_spaces(c.slice(k, e));
    }
    if (e > k) k = e - 1;
  }
}

// After an unnamed source: "a spokeswoman for Northbridge Systems" -> the affiliation.
std::size_t read_for_affiliation(Context& c, std::int32_t speaker, std::size_t k, std::size_t limit) {
  if (k + 1 >= limit || !(c.keys[k] == "for" || c.keys[k] == "of" || c.keys[k] == "at")) return k;
  std::size_t b = k + 1;
  const std::size_t article = b;
  if (c.is_article(b) && !c.is_indefinite(b)) ++b;
  std::size_t e = std::min(name_end(c, b), limit);
  Speaker& s = c.speakers[static_cast<std::size_t>(speaker)];
  // "a spokesman for the embassy": an organisation named by its noun.
  if (e == b && b > article && b < limit && c.is(WordClass::kOrganisations, b) && !c.words[b].quoted) {
    if (s.affiliation.empty()) s.affiliation = c.slice(article, b + 1);
    return b + 1;
  }
  if (e == b) return k;
  if (c.is_place(b, e)) {
    if (s.country.empty()) s.country = c.slice(b, e);
  } else if (s.affiliation.empty()) {
    s.affiliation = c.slice(b, e);
  }
  // "a spokesman for the U.S. Embassy in Kuwait": the place after it.
  if (e + 1 < limit && c.keys[e] == "in" && !c.breaks(e, ",.;:!?()")) {
    const std::size_t pe = std::min(name_end(c, e + 1), limit);
    if (pe > e + 1 && c.is_place(e + 1, pe)) {
      if (s.country.empty()) s.country = c.slice(e + 1, pe);
      return pe;
    }
  }
  return e;
}

// A person named at [b, e): known or new, with a role read from an apposition after it.
NounPhrase person_phrase(Context& c, std::size_t b, std::size_t e, std::size_t limit) {
  const std::int32_t s = c.person(b, e);
  c.add_mention(s, b, e);
  const bool full = c.slice(b, e) == c.speakers[static_cast<std::size_t>(s)].name;
  if (e < limit) read_apposition(c, s, e);
  return make(full ? SpeakerReference::kName : SpeakerReference::kPartialName, b, e, s);
}

constexpr std::size_t kTitleWindow = 2000;  // words searched back for Dr. Archie

// The person that a description's head noun names by title ("the doctor": Dr. Archie), known to
// the roster or named with that title in the last kTitleWindow words; -1 when there is none.
std::int32_t titled_person(Context& c, std::size_t before, std::string_view head) {
  if (const std::int32_t s = c.resolve_title_noun(before, head); s >= 0) return s;
  for (std::size_t k = before; k-- > 0 && before - k <= kTitleWindow;) {
    if (c.words[k].quoted || !c.words[k].upper) continue;
    if (c.keys[k] != head && !(c.is(WordClass::kHonorifics, k) && abbreviates(c.keys[k], head))) {
      continue;
    }
    const std::size_t e = name_end(c, k);
    if (e > k + 1 && person_like(c, k + 1, e)) return c.person(k, e);
  }
  return -1;
}

// A description whose head noun at word `head` belongs to a place or body: "the representative
// of Kenya", "the delegate for the European Union", "Kuwait's oil minister". The person with that
// title and that country or affiliation when the text named one ("Sheikh Ali ... the minister"),
// else an unnamed speaker keyed by head and owner. Not ok() when the description has no owner.
NounPhrase owned_description(Context& c, std::size_t i, std::size_t head, std::size_t limit) {
  std::size_t owner_b = 0, owner_e = 0, end = head + 1;
  const bool definite = c.is_article(i) && !c.is_indefinite(i);
  if (c.words[i].upper && c.is_possessive(i) && i < head) {
    owner_b = i;
    owner_e = i + 1;
  } else if (definite && end + 1 < limit && in_list(c.keys[end], {"of", "for", "from"}) &&
             !c.breaks(end, ",.;:!?()")) {
    std::size_t b = end + 1;
    if (c.keys[b] == "the" && b + 1 < limit) ++b;
    const std::size_t e = std::min(name_end(c, b), limit);
    if (e > b && (c.is_place(b, e) || organisation_name(c, b, e) || c.is(WordClass::kOrganisations, e - 1))) {
      owner_b = b;
      owner_e = e;
      end = e;
    }
  }
  if (owner_e == 0) return {};
  std::string owner = collapse_spaces(c.slice(owner_b, owner_e));
  if (c.is_possessive(owner_e - 1)) owner.resize(owner.size() - (owner.ends_with("'s") ? 2 : 4));
  const bool place = c.is_place(owner_b, owner_e);
  // A named person with that title who speaks for the same country or body.
  const std::string& noun = c.keys[head];
  for (std::size_t s = 0; s < c.speakers.size(); ++s) {
    const Speaker& p = c.speakers[s];
    if (!p.named || p.kind != SpeakerKind::kPerson || p.role.empty()) continue;
    if ((p.country == owner || p.affiliation == owner) &&
        c.lexicon.list(WordClass::kRoles).contains(noun) &&
        p.role.find(std::string(c.words[head].span.slice(c.text))) != std::string::npos) {
      const auto id = static_cast<std::int32_t>(s);
      c.add_mention(id, i, end);
      return make(SpeakerReference::kTitle, i, end, id);
    }
  }
  std::string key;
  for (std::size_t k = c.is_article(i) || owner_b == i ? i + 1 : i; k <= head; ++k) key += c.keys[k] + " ";
  key += "| " + c.keys[owner_b];
  for (std::size_t k = owner_b + 1; k < owner_e; ++k) key += " " + c.keys[k];
  const std::int32_t s = c.unnamed_speaker(i, end, false, key);
  Speaker& speaker = c.speakers[static_cast<std::size_t>(s)];
  if (place && speaker.country.empty()) speaker.country = owner;
  if (!place && speaker.affiliation.empty()) speaker.affiliation = owner;
  c.add_mention(s, i, end);
  return make(SpeakerReference::kDescription, i, end, s);
}

constexpr std::uint32_t kDescribedWindow = 6;  // paragraphs searched back for "the official"

// The unnamed source introduced with an indefinite article whose description ends in the noun
// at word `head` ("a ministry official" for "the official"), mentioned last before word i and
// at most kDescribedWindow paragraphs back; -1 when none is.
std::int32_t described_before(const Context& c, std::size_t i, std::size_t head) {
  const std::uint32_t offset = c.words[i].span.begin;
  const std::uint32_t paragraph = c.words[i].paragraph;
  const std::string_view noun = c.words[head].span.slice(c.text);
  std::int32_t best = -1;
  std::uint32_t best_at = 0;
  for (std::size_t s = 0; s < c.speakers.size(); ++s) {
    const Speaker& speaker = c.speakers[s];
    if (speaker.kind != SpeakerKind::kUnnamed || speaker.mentions.empty()) continue;
    const std::string& name = speaker.name;
    if (!(name.starts_with("a ") || name.starts_with("an ") || name.starts_with("one ")) ||
        name.size() < noun.size() || name.compare(name.size() - noun.size(), noun.size(), noun) != 0) {
      continue;
    }
    for (const Span& mention : speaker.mentions) {
      if (mention.begin < offset && (best < 0 || mention.begin > best_at)) {
        best = static_cast<std::int32_t>(s);
        best_at = mention.begin;
      }
    }
  }
  if (best >= 0 && c.words[c.word_at_or_after(best_at)].paragraph + kDescribedWindow < paragraph) {
    return -1;
  }
  return best;
}

constexpr std::uint32_t kOrganisationWindow = 12;  // paragraphs searched back for "the company"

// The named organisation mentioned last before word `before`, at most kOrganisationWindow
// paragraphs back; -1 when there is none.
std::int32_t last_organisation(const Context& c, std::size_t before) {
  const std::uint32_t offset = c.words[before].span.begin;
  const std::uint32_t paragraph = c.words[before].paragraph;
  std::int32_t best = -1;
  std::uint32_t best_at = 0;
  for (std::size_t s = 0; s < c.speakers.size(); ++s) {
    const Speaker& speaker = c.speakers[s];
    if (speaker.kind != SpeakerKind::kOrganisation || !speaker.named) continue;
    for (const Span& mention : speaker.mentions) {
      if (mention.begin < offset && (best < 0 || mention.begin > best_at)) {
        best = static_cast<std::int32_t>(s);
        best_at = mention.begin;
      }
    }
  }
  if (best >= 0 && c.words[c.word_at_or_after(best_at)].paragraph + kOrganisationWindow < paragraph) {
    return -1;
  }
  return best;
}

// Group, title or description starting at word i (the speakers, the minister, one analyst).
NounPhrase common_phrase_after(Context& c, std::size_t i, std::size_t limit) {
  const bool definite = c.is_article(i) && !c.is_indefinite(i);
  std::size_t k = i;
  if (c.is_article(k) || c.is_quantifier(k)) ++k;
  for (std::size_t steps = 0; k < limit && steps < 4; ++k, ++steps) {
    if (k > i && c.breaks(k, ",.;:!?()")) break;
    // "my brother’s wife": a possessive is not the head of the phrase.
    if (c.is_possessive(k) && k + 1 < limit && !c.breaks(k + 1, ",.;:!?()")) continue;
    if (c.is(WordClass::kGroups, k)) {
      const std::int32_t s = c.unnamed_speaker(i, k + 1, true);
      c.add_mention(s, i, k + 1);
      return make(SpeakerReference::kGroup, i, k + 1, s);
    }
    // "the company said", "his office put out a statement": an organisation, the one named
    // last before when there is one (ChemLawn ... the company said).
    if (definite && !c.words[k].upper && k == i + 1 &&
        (c.is(WordClass::kOrganisations, k) || c.value(WordClass::kPublications, k) == "noun") &&
        (k + 1 >= limit || c.breaks(k + 1, ",.;:!?()") ||
         !(c.words[k + 1].upper || c.is(WordClass::kRoles, k + 1) || c.is(WordClass::kUnnamed, k + 1)))) {
      std::int32_t s = last_organisation(c, i);
      if (s < 0) {
        s = c.unnamed_speaker(i, k + 1, false);
        c.speakers[static_cast<std::size_t>(s)].kind = SpeakerKind::kOrganisation;
      }
      c.add_mention(s, i, k + 1);
      return make(SpeakerReference::kTitle, i, k + 1, s);
    }
    // "the representative of Kenya", "Kuwait's representative": a described delegate or
    // official keyed by the country or body it speaks for, so that each is a speaker of its own.
    if ((c.is(WordClass::kUnnamed, k) || c.is(WordClass::kRoles, k)) &&
        !(k + 1 < limit && !c.breaks(k + 1, ",.;:!?()") &&
          (c.is(WordClass::kUnnamed, k + 1) || c.is(WordClass::kRoles, k + 1)))) {
      if (NounPhrase owned = owned_description(c, i, k, limit); owned.ok()) return owned;
    }
    if (definite && c.is(WordClass::kRoles, k)) {
      if (const std::int32_t s = c.resolve_title(i, k); s >= 0) {
        c.add_mention(s, i, k + 1);
        return make(SpeakerReference::kTitle, i, k + 1, s);
      }
    }
    // The head of "a Republican strategist" is its last noun.
    if ((c.is(WordClass::kUnnamed, k) || c.is(WordClass::kRoles, k)) && k + 1 < limit &&
        !c.breaks(k + 1, ",.;:!?()") && !c.words[k + 1].quoted &&
        (c.is(WordClass::kUnnamed, k + 1) || c.is(WordClass::kRoles, k + 1) ||
         c.is(WordClass::kGroups, k + 1))) {
      continue;
    }
    if (c.is(WordClass::kUnnamed, k) || (c.is(WordClass::kRoles, k) && k > i)) {
      // "a ministry official said ... The official added": the described source met last with
      // that head noun.
      if (definite && c.keys[i] == "the" && k == i + 1) {
        if (const std::int32_t s = described_before(c, i, k); s >= 0) {
          c.add_mention(s, i, k + 1);
          return make(SpeakerReference::kTitle, i, k + 1, s);
        }
      }
      // "the boy" after "William, a boy of seven".
      if (definite && c.keys[i] == "the" && c.generic_descriptions) {
        if (const std::int32_t s = c.resolve_title_noun(i, c.keys[k]); s >= 0) {
          c.add_mention(s, i, k + 1);
          return make(SpeakerReference::kTitle, i, k + 1, s);
        }
      }
      // "the mother" or "his wife" in a story with one Mrs. Morel; "the father", "her husband"
      // with one Mr.
      if (definite && c.generic_descriptions && k == i + 1) {
        const std::string& noun = c.keys[k];
        const char* title = noun == "mother" || noun == "wife" ? "mrs"
                            : noun == "father" || noun == "husband" ? "mr" : nullptr;
        if (const std::int32_t s = title ? c.only_titled(title) : -1; s >= 0) {
          c.add_mention(s, i, k + 1);
          return make(SpeakerReference::kTitle, i, k + 1, s);
        }
      }
      const std::int32_t s = c.unnamed_speaker(i, k + 1, false);
      c.add_mention(s, i, k + 1);
      place_modifier(c, s, i, k);  // the Vermont senator, a Florida-based strategist
      read_for_affiliation(c, s, k + 1, limit);
      return make(SpeakerReference::kDescription, i, k + 1, s);
    }
    if (c.words[k].upper && k > i) {
      // the Rabbit, poor Alice: a character named by a capitalised noun; after "of" or "de" a
      // capitalised word is what a title belongs to (el superintendente de Irrigación).
      const std::size_t e = std::min(name_end(c, k), limit);
      // "one Clinton aide", "Border Patrol agents", "a New Hampshire Republican": capitalised
      // words before the noun of a described source or group say where it is from.
      if (e < limit && !c.breaks(e, ",.;:!?()") &&
          (c.is(WordClass::kUnnamed, e) || c.is(WordClass::kGroups, e))) {
        k = e - 1;
        continue;
      }
      // "the Democratic presidential candidate": a capitalised modifier, lower-case ones and the
      // noun of a title.
      if (definite && k == i + 1 && e == k + 1) {
        std::size_t n = e;
        while (n < limit && n < e + 2 && !c.words[n].upper && !c.breaks(n, ",.;:!?()") &&
               !c.is(WordClass::kRoles, n) && !c.is_function_word(n) && !c.is(WordClass::kVerbs, n)) {
          ++n;
        }
        if (n < limit && !c.breaks(n, ",.;:!?()") && c.is(WordClass::kRoles, n)) {
          k = n - 1;
          continue;
        }
      }
      if (e > k + 1 && (c.is(WordClass::kUnnamed, e - 1) || c.is(WordClass::kGroups, e - 1)) &&
          (c.is_place(k, e - 1) || c.is(WordClass::kOrganisations, e - 2))) {
        k = e - 2;
        continue;
      }
      const bool complement = in_list(c.keys[k - 1], {"of", "de", "del", "du", "for", "at"});
      if (!complement && person_like(c, k, e) && (definite || !c.is_article(i))) {
        NounPhrase np = person_phrase(c, k, e, limit);
        if (definite && k == i + 1) c.add_alias(np.speaker, c.slice(i, e));
        return np;
      }
      break;
    }
    // "one of the judges"
    const bool connector = c.keys[k] == "of" || c.is_article(k);
    if (c.is(WordClass::kVerbs, k) || (k > i && !connector && steps >= 2)) break;
    if (k > i && c.breaks(k, ",.;:!?()")) break;
  }
  // "said the doctor", "the old man asked", "said her husband", "the saloon-keeper": a definite
  // article or a possessive and one to three lower-case words (not adverbs in -ly or function
  // words; a hyphenated compound counts as one) standing for a character.
  const bool possessive = c.keys[i] == "his" || c.keys[i] == "her" || c.keys[i] == "their";
  if (!definite || (c.keys[i] != "the" && !possessive) || !c.generic_descriptions) return {};
  std::size_t e = i + 1;
  std::size_t nouns = 0;
  while (e < limit && !c.words[e].upper && !c.words[e].quoted && !c.keys[e].ends_with("ly") &&
         !c.is_function_word(e) && !c.is_article(e) && !c.is(WordClass::kVerbs, e)) {
    const std::string_view gap = c.gap(e);
    if (e > i + 1 && gap == "-") {  // saloon-keeper
      ++e;
      continue;
    }
    if (nouns == 3 || (e > i + 1 && c.breaks(e, ",.;:!?()"))) break;
    ++nouns;
    ++e;
  }
  if (nouns == 0 || nouns == 3 || (possessive && nouns > 2)) return {};
  if (!possessive) {  // "the doctor" after Dr. Archie is Dr. Archie
    if (const std::int32_t s = titled_person(c, i, c.keys[e - 1]); s >= 0) {
      c.add_mention(s, i, e);
      return make(SpeakerReference::kTitle, i, e, s);
    }
  }
  const std::int32_t s = c.unnamed_speaker(i, e, false);
  c.add_mention(s, i, e);
  return make(SpeakerReference::kDescription, i, e, s);
}

}  // namespace

double reference_confidence(SpeakerReference reference) {
  switch (reference) {
    case SpeakerReference::kName: return 0.95;
    case SpeakerReference::kPartialName: return 0.9;
    case SpeakerReference::kDescription: return 0.9;
    case SpeakerReference::kGroup: return 0.85;
    case SpeakerReference::kTitle: return 0.8;
    case SpeakerReference::kPronoun: return 0.8;
    case SpeakerReference::kNone: return 0;
  }
  return 0;
}

// “said I”, “I answered”: the narrator of a story, a speaker named "I" for whom no he or she
// stands (direct quotes only).
NounPhrase narrator_at(Context& c, std::size_t i) {
  if (!c.generic_descriptions || c.words[i].quoted || c.words[i].span.slice(c.text) != "I") return {};
  if (c.narrator < 0) {
    Speaker narrator;
    narrator.name = "I";
    narrator.named = false;
    c.narrator = c.add_speaker(std::move(narrator));
  }
  c.add_mention(c.narrator, i, i + 1);
  return make(SpeakerReference::kPronoun, i, i + 1, c.narrator);
}

constexpr std::size_t kIntroductionWindow = 200;  // words searched back for "a man"

// “he answered” when no man has been named or has spoken: the character of that gender that
// the narration introduced last ("a man", "the old woman", "a small boy"): an article, at most
// three lower-case words and a gendered noun of the `unnamed` list, outside quotes. -1 when none.
std::int32_t introduced_character(Context& c, std::size_t before, char gender) {
  const std::size_t stop = before > kIntroductionWindow ? before - kIntroductionWindow : 0;
  for (std::size_t k = before; k-- > stop;) {
    if (c.words[k].quoted || !c.is(WordClass::kUnnamed, k)) continue;
    const std::string_view noun_gender = c.value(WordClass::kUnnamed, k);
    if (noun_gender.empty() || noun_gender[0] != gender || c.is_possessive(k)) continue;
    for (std::size_t b = k; b-- > 0 && k - b <= 4;) {
      if (c.words[b].quoted || c.words[b].sentence != c.words[k].sentence) break;
      if (c.is_article(b)) {
        if (c.keys[b] != "the" && c.keys[b] != "a" && c.keys[b] != "an") break;
        return c.unnamed_speaker(b, k + 1, false);
      }
      if (c.words[b].upper || c.is(WordClass::kVerbs, b) || c.is_function_word(b)) break;
    }
  }
  return -1;
}

// A he, she or they at word k: the person it stands for (resolve_pronoun), else for a direct
// quote the character the narration introduced last.
NounPhrase pronoun_at(Context& c, std::size_t k) {
  const std::string_view gender = c.value(WordClass::kPronouns, k);
  const char g = gender.empty() ? 0 : gender[0];
  // Outside a dialogue, a pronoun stands for the subject of the sentences before it.
  std::int32_t s = c.partner < 0 ? subject_antecedent(c, k, g) : -1;
  if (s < 0) s = c.resolve_pronoun(k, g);
  if (s < 0 && c.generic_descriptions && (g == 'm' || g == 'f')) s = introduced_character(c, k, g);
  return make(SpeakerReference::kPronoun, k, k + 1, s);
}

// A person named after their title: the name's speaker, with the title's role and affiliation.
NounPhrase titled_phrase(Context& c, const TitledName& t, std::size_t limit) {
  NounPhrase np = person_phrase(c, t.name_begin, t.end, limit);
  apply_title(c, np.speaker, t);
  return np;
}

NounPhrase speaker_after(Context& c, std::size_t i, std::size_t limit) {
  i = skip_time(c, i, limit);  // said Tuesday Name, dijo el lunes el superintendente
  if (i >= limit || c.words[i].quoted) return {};
  if (NounPhrase np = narrator_at(c, i); np.ok()) return np;
  if (c.is(WordClass::kPronouns, i)) return pronoun_at(c, i);
  if (const TitledName t = titled_name(c, i, limit); t.ok()) return titled_phrase(c, t, limit);
  if (c.words[i].upper && !c.is_article(i) && !c.is(WordClass::kGroups, i) &&
      !c.is_quantifier(i)) {
    const std::size_t e = std::min(name_end(c, i), limit);
    const std::size_t b = name_start(c, i, e);
    if (person_like(c, b, e)) return person_phrase(c, b, e, limit);
    if (organisation_name(c, i, e)) {  // an organisation speaking as itself
      const std::int32_t s = c.organisation(i, e);
      c.add_mention(s, i, e);
      return make(SpeakerReference::kName, i, e, s);
    }
  }
  NounPhrase np = common_phrase_after(c, i, limit);
  // "said the White House spokesman, Josh Earnest", "dijo el superintendente de Irrigación,
  // Óscar Pelegrina": a title and then the name in apposition.
  if (np.reference == SpeakerReference::kDescription || np.reference == SpeakerReference::kTitle ||
      np.reference == SpeakerReference::kNone) {
    if (const TitledName t = appositive_name(c, i, limit); t.ok()) return titled_phrase(c, t, limit);
  }
  return np;
}

// The end of an organisation's name from word b up to `limit`: capitalised words that may be
// joined by "and", "of", "for", "&" or a possessive (Harvard's Energy and Environment Policy
// Center, the Center for Strategic and International Studies); b when there is none.
std::size_t organisation_end(const Context& c, std::size_t b, std::size_t limit) {
  std::size_t e = b;
  while (e < limit && c.words[e].upper && !c.words[e].quoted) {
    e = std::min(name_end(c, e), limit);
    if (e == b) return b;
    if (e + 1 < limit && !c.breaks(e, ",.;:!?()") && in_list(c.keys[e], {"and", "of", "for", "&"}) &&
        c.words[e + 1].upper) {
      ++e;
      continue;
    }
    if (e < limit && c.is_possessive(e - 1) && c.words[e].upper && !c.breaks(e, ",.;:!?()")) continue;
    break;
  }
  return e;
}

// The person named before the apposition that starts at word b ("Mike DuHaime, a Republican
// strategist, said"; "Ed Rendell (D), a Clinton supporter, praised"), with the apposition as
// role when there is none.
NounPhrase name_before_apposition(Context& c, std::size_t b, std::size_t lower) {
  if (b <= lower + 1 || !has_any(c.gap(b), ",")) return {};
  std::size_t end = b;
  // "(D)", "(R-La.)": a party tag between the name and the apposition.
  if (c.gap(end).find(')') != std::string_view::npos) {
    std::size_t open = end;
    while (open > lower + 1 && end - open < 4 && c.gap(open - 1).find('(') == std::string_view::npos) --open;
    if (open <= lower + 1 || c.gap(open - 1).find('(') == std::string_view::npos) return {};
    end = open - 1;
  }
  std::size_t start = end;
  while (start > lower && end - start < 6 && c.words[start - 1].upper &&
         c.words[start - 1].sentence == c.words[end - 1].sentence &&
         (start == end || !c.breaks(start, ",.;:!?()"))) {
    --start;
  }
  if (start == end || name_end(c, start) < end) return {};
  const std::size_t name_b = name_start(c, start, end);
  if (!person_like(c, name_b, end) || (end - name_b < 2 && c.find_person(name_b, end, name_b) < 0)) {
    return {};
  }
  return person_phrase(c, name_b, end, end);
}

NounPhrase speaker_before(Context& c, std::size_t end, std::size_t lower) {
  if (end == 0 || end <= lower) return {};
  const std::size_t k = end - 1;
  if (c.words[k].quoted) return {};
  if (NounPhrase np = narrator_at(c, k); np.ok()) return np;
  if (c.is(WordClass::kPronouns, k)) return pronoun_at(c, k);
  // Walk back to the earliest start of a phrase that ends exactly at `end`.
  for (std::size_t b = std::max(lower, end > 12 ? end - 12 : 0); b < end; ++b) {
    if (c.words[b].sentence != c.words[k].sentence) continue;
    // No punctuation inside the phrase, but the period of an initial or a title (James B.
    // Comey, the U.S. Embassy, Mr. Bennet).
    bool punctuated = false;
    for (std::size_t j = b + 1; j <= k && !punctuated; ++j) {
      const std::string_view gap = c.gap(j);
      if (!has_any(gap, ".;:!?")) continue;
      punctuated = !((gap == ". " || gap == ".") &&
                     (c.keys[j - 1].size() == 1 || c.keys[j - 1].find('.') != std::string::npos ||
                      c.is(WordClass::kHonorifics, j - 1)));
    }
    if (punctuated) continue;
    // "industry sources said", "oil analysts said": a modifier before the noun of a group or a
    // described source starts the phrase too.
    const bool modified = b + 1 < end && !c.words[b].upper && !c.is_function_word(b) &&
                          !c.is(WordClass::kVerbs, b) && !c.breaks(b + 1, ",.;:!?()") &&
                          (c.is(WordClass::kGroups, b + 1) || c.is(WordClass::kUnnamed, b + 1));
    const bool starts = c.words[b].upper || c.is_article(b) || c.is_quantifier(b) ||
                        c.is(WordClass::kGroups, b) || c.is(WordClass::kUnnamed, b) || modified;
    if (!starts) continue;
    // "Kuwait's representative said", "Kuwait's oil minister said".
    if (c.words[b].upper && c.is_possessive(b) && b + 1 < end) {
      if (NounPhrase np = common_phrase_after(c, b, end); np.ok() && np.end == end) return np;
    }
    // "Steele, who was lieutenant governor when Perez was on the council, said": a phrase after
    // a preposition is no subject.
    // ... nor one after a participle: "Helena Marsh-Oduya, briefing the Council, said".
    const auto governed = [&](std::size_t w) {  // the word before w governs it
      return w > lower && !c.breaks(w, ",;:()") && !c.words[w - 1].upper &&
             (in_list(c.keys[w - 1], {"in", "on", "at", "of", "for", "with", "to", "from", "by",
                                      "about", "into", "over", "under", "than", "like", "after",
                                      "before"}) ||
              (c.keys[w - 1].size() > 4 && c.keys[w - 1].ends_with("ing")));
    };
    if (governed(b) && (!c.words[b].upper || c.keys[b - 1].ends_with("ing"))) continue;
    if (b > lower + 1 && c.words[b].upper && c.is_article(b - 1) && governed(b - 1)) continue;
    // "E.F. Hutton Group analyst Michael Lewis said", "McConnell spokesman Don Stewart said".
    if (const TitledName t = titled_name(c, b, end); t.ok() && t.end == end) {
      return titled_phrase(c, t, end);
    }
    // A description followed by its affiliation: "a spokeswoman for Northbridge Systems said".
    if (c.is_article(b) || c.is_quantifier(b) || c.is(WordClass::kGroups, b) ||
        c.is(WordClass::kUnnamed, b) || !c.words[b].upper || modified) {
      NounPhrase np = common_phrase_after(c, b, end);
      if (np.reference == SpeakerReference::kNone) continue;
      const std::size_t after = np.end == end ? end
                                : np.speaker >= 0 && np.reference == SpeakerReference::kDescription
                                    ? read_for_affiliation(c, np.speaker, np.end, end)
                                    : np.end;
      if (after != end) continue;
      // "Mike DuHaime, a Republican strategist, said": the description is an apposition of the
      // name before it, who is the speaker.
      // (An apposition closes with a comma: in "an interview with Mika Brzezinski, the
      // Democratic presidential candidate stated" the description is the subject.)
      // ("Jeff Bechdel, chairman of America Rising (a Republican PAC), tweeted": no article.)
      if ((np.reference == SpeakerReference::kDescription || np.reference == SpeakerReference::kTitle) &&
          (c.is_article(b) || ((c.is(WordClass::kRoles, b) || c.is(WordClass::kUnnamed, b)) &&
                               has_any(c.gap(b), ","))) &&
          (end >= c.size() || has_any(c.gap(end), ",()"))) {
        if (NounPhrase named = name_before_apposition(c, b, lower); named.ok()) return named;
      }
      return np;
    }
    const std::size_t name_b = name_start(c, b, end);
    // "Bijan Moussavar-Rahmani of Harvard's Energy and Environment Policy Center said": a name,
    // then of/at/from and the organisation it speaks for.
    if (const std::size_t e = name_end(c, b); e < end && e > name_b && person_like(c, name_b, e) &&
        in_list(c.keys[e], {"of", "at", "from", "with"}) && !c.breaks(e, ",.;:!?()")) {
      const std::size_t org = e + 1 < end && c.keys[e + 1] == "the" ? e + 2 : e + 1;
      if (org < end && organisation_end(c, org, end) == end) {
        NounPhrase np = person_phrase(c, name_b, e, e);
        Speaker& s = c.speakers[static_cast<std::size_t>(np.speaker)];
        if (s.affiliation.empty() && !c.is_place(org, end)) s.affiliation = collapse_spaces(c.slice(org, end));
        if (s.country.empty() && c.is_place(org, end)) s.country = collapse_spaces(c.slice(org, end));
        return np;
      }
    }
    if (name_end(c, b) != end) continue;
    if (person_like(c, name_b, end)) return person_phrase(c, name_b, end, end);
    if (organisation_name(c, b, end)) {
      const std::int32_t s = c.organisation(b, end);
      c.add_mention(s, b, end);
      return make(SpeakerReference::kName, b, end, s);
    }
  }
  return {};
}

}  // namespace detail

const char* attribution_method_name(AttributionMethod method) {
  switch (method) {
    case AttributionMethod::kNone: return "none";
    case AttributionMethod::kTrailingVerb: return "trailing-verb";
    case AttributionMethod::kLeadingVerb: return "leading-verb";
    case AttributionMethod::kSaidThat: return "said-that";
    case AttributionMethod::kAccordingTo: return "according-to";
    case AttributionMethod::kDash: return "dash";
    case AttributionMethod::kSplit: return "split";
    case AttributionMethod::kContinuation: return "continuation";
    case AttributionMethod::kNearby: return "nearby";
    case AttributionMethod::kTurnTaking: return "turn-taking";
    case AttributionMethod::kReported: return "reported";
  }
  return "none";
}

const char* speaker_kind_name(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kPerson: return "person";
    case SpeakerKind::kOrganisation: return "organisation";
    case SpeakerKind::kGroup: return "group";
    case SpeakerKind::kUnnamed: return "unnamed";
  }
  return "person";
}

const char* speaker_reference_name(SpeakerReference reference) {
  switch (reference) {
    case SpeakerReference::kNone: return "none";
    case SpeakerReference::kName: return "name";
    case SpeakerReference::kPartialName: return "partial-name";
    case SpeakerReference::kPronoun: return "pronoun";
    case SpeakerReference::kTitle: return "title";
    case SpeakerReference::kDescription: return "description";
    case SpeakerReference::kGroup: return "group";
  }
  return "none";
}

}  // namespace themescan

namespace themescan {
namespace detail {
namespace {

struct Window {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin >= end; }
};

std::uint32_t paragraph_at(const Context& c, std::uint32_t offset) {
  const auto& paragraphs = c.tokens.paragraphs;
  const auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                                   [](std::uint32_t o, const Span& p) { return o < p.begin; });
  return it == paragraphs.begin() ? 0 : static_cast<std::uint32_t>(it - paragraphs.begin() - 1);
}

// Words after the closing mark, up to the end of the clause: “…,” said Name, Title.
Window after_quote(const Context& c, const Quote& q, std::uint32_t next_quote) {
  const std::size_t b = c.word_at_or_after(q.outer.end);
  if (b >= c.size() || c.words[b].span.begin >= next_quote) return {};
  const std::string_view gap0 = c.text.substr(q.outer.end, c.words[b].span.begin - q.outer.end);
  if (has_any(gap0, ".!?;") || c.words[b].paragraph != paragraph_at(c, q.outer.end - 1)) return {};
  std::size_t e = b + 1;
  // "said Mr. Pontellier": the period of an honorific or an initial does not end the clause.
  // "said E.F. Hutton Group analyst Michael Lewis": initials too.
  const auto abbreviation = [&](std::size_t k) {
    const std::string_view gap = c.gap(k + 1);
    return (gap == ". " || gap == ".") && (c.is(WordClass::kHonorifics, k) || c.keys[k].size() == 1 ||
                                           c.keys[k].find('.') != std::string::npos);
  };
  while (e < c.size() && e - b < 12 && c.words[e].span.begin < next_quote && !c.words[e].quoted &&
         (!has_any(c.gap(e), ".!?;:") || abbreviation(e - 1)) &&
         c.words[e].paragraph == c.words[b].paragraph) {
    ++e;
  }
  return {b, e};
}

// Words before the opening mark in its sentence (Name noted: “…”), or the last sentence of the
// previous paragraph when that ends with a colon or a comma and the quote opens its paragraph
// (“it was impossible for him not to say exactly as he had said at dinner,”).
// Whether the gap before word k ends a sentence: ".", "!", "?" or ";", but not the point of an
// abbreviation that closes a bracket (Sen. Richard J. Durbin (D-Ill.), noting ...).
bool ends_sentence(const Context& c, std::size_t k) {
  const std::string_view gap = c.gap(k);
  if (!has_any(gap, ".!?;")) return false;
  return !(gap.starts_with(".)") && !has_any(gap.substr(1), ".!?;"));
}

Window before_quote(const Context& c, const Quote& q) {
  const std::size_t hi = c.word_at_or_after(q.outer.begin);
  std::size_t lo = hi;
  while (lo > 0 && !c.words[lo - 1].quoted && c.words[lo - 1].paragraph == q.paragraph &&
         (lo == hi || !ends_sentence(c, lo))) {
    --lo;
  }
  if (lo < hi) {
    const std::string_view before =
        c.text.substr(c.words[hi - 1].span.end, q.outer.begin - c.words[hi - 1].span.end);
    if (has_any(before, ".!?;")) return {};
    return {lo, hi};
  }
  if (q.paragraph == 0 || lo == 0) return {};
  const Span previous = c.tokens.paragraphs[q.paragraph - 1];
  if (previous.empty() || (c.text[previous.end - 1] != ':' && c.text[previous.end - 1] != ',')) {
    return {};
  }
  while (lo > 0 && !c.words[lo - 1].quoted && c.words[lo - 1].paragraph == q.paragraph - 1 &&
         (lo == hi || !has_any(c.gap(lo), ".!?;"))) {
    --lo;
  }
  return {lo, hi};
}

Span words_span(const Context& c, std::size_t begin, std::size_t length) {
  return {c.words[begin].span.begin, c.words[begin + length - 1].span.end};
}

void learn_gender(Context& c, const NounPhrase& np) {
  if (np.reference != SpeakerReference::kPronoun || np.speaker < 0) return;
  const std::string_view gender = c.value(WordClass::kPronouns, np.begin);
  Speaker& s = c.speakers[static_cast<std::size_t>(np.speaker)];
  if (s.gender == 0 && !gender.empty() && (gender[0] == 'm' || gender[0] == 'f')) s.gender = gender[0];
}

bool set(Context& c, Quote& q, const NounPhrase& np, Span verb, AttributionMethod method,
         double factor) {
  if (!np.ok()) return false;
  learn_gender(c, np);
  q.attribution = {np.speaker, verb, method, np.reference,
                   reference_confidence(np.reference) * factor};
  return true;
}

// “…,” Name stated. / “…,” said Name. / “…” — Name, Title / “…,” according to an official.
bool attribute_after(Context& c, Quote& q, Window w) {
  if (w.empty()) return false;
  std::size_t k = w.begin;
  // French: “…”, a déclaré Awa Koné / a-t-il ajouté.
  if (c.keys[k] == "a" && k + 1 < w.end && (c.keys[k + 1] == "t" || c.is(WordClass::kVerbs, k + 1))) {
    ++k;
    if (c.keys[k] == "t") ++k;
  }
  const std::string_view gap0 =
      c.text.substr(q.outer.end, c.words[w.begin].span.begin - q.outer.end);
  // “…,” Oliver K. Hedge, who appraises golf courses for Cushman & Wakefield, said.
  if (c.words[k].upper && !c.words[k].quoted) {
    const std::size_t e = name_end(c, k);
    if (e > k && e < c.size() && c.gap(e).find_first_not_of(", \u00A0") == std::string_view::npos &&
        has_any(c.gap(e), ",") && person_like(c, name_start(c, k, e), e)) {
      for (std::size_t v = e + 1; v < c.size() && v < e + 18; ++v) {
        if (c.words[v].quoted || c.words[v].sentence != c.words[k].sentence) break;
        if (!has_any(c.gap(v), ",")) continue;
        const std::size_t m = c.match(WordClass::kVerbs, v);
        if (m == 0 || !c.value(WordClass::kVerbs, v).empty()) continue;
        const std::size_t b = name_start(c, k, e);
        NounPhrase np = person_phrase(c, b, e, e + 1);
        return set(c, q, np, words_span(c, v, m), AttributionMethod::kTrailingVerb, 0.95);
      }
    }
  }
  for (std::size_t v = k; v < w.end && v < k + 6; ++v) {
    if (const std::size_t m = c.match(WordClass::kSources, v); m > 0 && v == k) {
      return set(c, q, speaker_after(c, v + m, w.end), words_span(c, v, m),
                 AttributionMethod::kAccordingTo, 1.0);
    }
    const std::size_t m = c.match(WordClass::kVerbs, v);
    if (m == 0 || c.value(WordClass::kVerbs, v) == "noun") continue;
    const Span verb = words_span(c, v, m);
    if (v == k) {
      if (c.value(WordClass::kVerbs, v) == "frame") return false;  // “…,” calling him ...
      return set(c, q, speaker_after(c, v + m, w.end), verb, AttributionMethod::kTrailingVerb, 1.0);
    }
    // “We are not terrorists.” Mr. Zahed said: “The attack ...”: a colon after the verb
    // introduces the next quote.
    if (v + m < c.size() && c.gap(v + m).find(':') != std::string_view::npos) return false;
    NounPhrase np = speaker_before(c, v, k);
    if (!np.ok() && v > k + 1) np = speaker_before(c, v - 1, k);  // she also said
    if (np.ok() && np.begin == k) {
      return set(c, q, np, verb, AttributionMethod::kTrailingVerb, 1.0);
    }
    return false;
  }
  if (has_dash(gap0)) {
    const NounPhrase np = speaker_after(c, k, w.end);
    if (np.reference == SpeakerReference::kName || np.reference == SpeakerReference::kPartialName) {
      return set(c, q, np, {}, AttributionMethod::kDash, 0.95);
    }
  }
  // A verb the lexicon does not list, in a sentence the quote leaves open (“…,” grumbled Jo /
  // “…!” Jo grumbled): the quote ends in , ! ? or a dash and a lower-case word follows it.
  const std::string_view inside = c.text.substr(q.span.begin, q.span.size());
  const bool open_end = inside.ends_with(",") || inside.ends_with("!") || inside.ends_with("?") ||
                        inside.ends_with("\u2014") || inside.ends_with("-");
  if (!open_end || k + 1 >= w.end) return false;
  // was, had, could, ...: the narration goes on (“…?” I was a dull black), nobody speaks.
  const auto auxiliary = [&](std::size_t v) {
    return c.is_function_word(v) ||
           in_list(c.keys[v], {"is", "was", "were", "are", "am", "be", "been", "had", "has", "have",
                               "did", "do", "does", "would", "could", "should", "will", "shall",
                               "can", "may", "might", "must"});
  };
  if (!c.words[k].upper && !c.is(WordClass::kPronouns, k) && !c.is_article(k)) {
    if (auxiliary(k)) return false;
    const NounPhrase np = speaker_after(c, k + 1, w.end);
    if (np.reference != SpeakerReference::kDescription && np.end <= k + 4) {
      return set(c, q, np, words_span(c, k, 1), AttributionMethod::kTrailingVerb, 0.85);
    }
    return false;
  }
  const NounPhrase np = speaker_after(c, k, w.end);
  if (np.ok() && np.end < w.end && !c.words[np.end].upper && !auxiliary(np.end) &&
      np.reference != SpeakerReference::kDescription) {
    return set(c, q, np, words_span(c, np.end, 1), AttributionMethod::kTrailingVerb, 0.85);
  }
  // “…,” the saloon-keeper calculated; — after a comma the sentence goes on, so a description
  // and one lower-case word are its speaker and verb.
  if (inside.ends_with(",") && c.is_article(k)) {
    for (std::size_t v = k + 2; v < w.end && v <= k + 4; ++v) {
      if (c.words[v].upper || c.gap(v) != " ") continue;
      const NounPhrase d = common_phrase_after(c, k, v);
      if (d.ok() && d.end == v) {
        return set(c, q, d, words_span(c, v, 1), AttributionMethod::kTrailingVerb, 0.8);
      }
    }
  }
  return false;
}

// Name noted: “…” / Name said that “…” / According to Name, “…” / said Alice, “…”
bool attribute_before(Context& c, Quote& q, Window w) {
  if (w.empty()) return false;
  for (std::size_t k = w.begin; k < w.end; ++k) {
    if (const std::size_t m = c.match(WordClass::kSources, k); m > 0) {
      if (set(c, q, speaker_after(c, k + m, w.end), words_span(c, k, m),
              AttributionMethod::kAccordingTo, 0.95)) {
        return true;
      }
    }
  }
  // "Clinton: “Our goal is ...”", "Bush: “The mission is ...”": a name and a colon, in
  // transcripts and lists of positions.
  if (w.end - w.begin <= 4) {
    const std::string_view gap =
        c.text.substr(c.words[w.end - 1].span.end, q.outer.begin - c.words[w.end - 1].span.end);
    if (gap.find(':') != std::string_view::npos &&
        gap.find_first_not_of(": \u00A0") == std::string_view::npos) {
      const std::size_t b = name_start(c, w.begin, w.end);
      if (name_end(c, w.begin) == w.end && person_like(c, b, w.end)) {
        std::int32_t s = c.find_person(b, w.end, b);
        // A name the roster did not admit ("Jeb Bush and Hillary Clinton reject the term"): a
        // person when it has a given name, or is a surname the text gives a given name for.
        if (s < 0 && (c.is(WordClass::kGivenNames, b) || (w.end == b + 1 && c.surname_elsewhere(b)))) {
          s = c.person(b, w.end);
        }
        if (s >= 0) {
          c.add_mention(s, b, w.end);
          return set(c, q, make(SpeakerReference::kPartialName, b, w.end, s), {},
                     AttributionMethod::kLeadingVerb, 0.8);
        }
      }
    }
  }
  // “She looked perplexed, and then said, not fiercely, but loud enough to hear:” — a colon
  // introduces the quote, so the verb may be far from it and its subject opens the sentence.
  const std::string_view lead =
      c.text.substr(c.words[w.end - 1].span.end, q.outer.begin - c.words[w.end - 1].span.end);
  const bool colon = lead.find(':') != std::string_view::npos;
  for (std::size_t v = w.end; v-- > w.begin;) {
    const std::size_t m = c.match(WordClass::kVerbs, v);
    if (m == 0 || c.value(WordClass::kVerbs, v) == "noun") continue;
    // "He was quoted by the local daily al-Qabas as saying:": the one quoted, not the paper.
    if (v > w.begin && c.keys[v - 1] == "as") {
      for (std::size_t u = v - 1; u-- > w.begin;) {
        if (!in_list(c.keys[u], {"quoted", "cited"})) continue;
        NounPhrase np = clause_subject(c, u, w.begin);
        if (np.ok()) return set(c, q, np, words_span(c, v, m), AttributionMethod::kLeadingVerb, 0.9);
        break;
      }
    }
    // The subject that opens the sentence: "So she lifted up her voice and shouted:".
    const auto sentence_subject = [&]() {
      NounPhrase np;
      for (std::size_t k = w.begin; !np.ok() && k < v && k < w.begin + 3; ++k) {
        np = speaker_after(c, k, v);
        if (!c.is_function_word(k) && !c.common_capital(k) && !c.keys[k].ends_with("ly")) break;
      }
      return np;
    };
    // Adverbs between the verb and the quote do not count: "He concluded so eloquently and
    // timelessly, “With malice toward none ...”".
    std::size_t distance = 0;
    for (std::size_t k = v + m; k < w.end; ++k) {
      distance += !(c.keys[k].size() > 4 && c.keys[k].ends_with("ly")) && !in_list(c.keys[k], {"and", "so"});
    }
    if (distance > 4) {
      if (!colon) return false;
      NounPhrase np = speaker_before(c, v, w.begin);
      if (!np.ok()) np = sentence_subject();
      return set(c, q, np, words_span(c, v, m), AttributionMethod::kLeadingVerb, 0.8);
    }
    const Span verb = words_span(c, v, m);
    bool that = false;
    for (std::size_t k = v + m; k < w.end; ++k) that |= c.is(WordClass::kComplementizers, k);
    const AttributionMethod method =
        that ? AttributionMethod::kSaidThat : AttributionMethod::kLeadingVerb;
    std::size_t subject_end = v;
    if (v > w.begin && c.keys[v - 1] == "a") --subject_end;  // French: Awa Koné a déclaré que
    // "Because of how Democrats crafted the primary schedule, explained Rosenberg, “...”": a
    // verb after a comma with a name right after it is inverted.
    if (has_any(c.gap(v), ",") && !participle(c, v) && v + m < w.end && c.words[v + m].upper &&
        !c.words[v + m].quoted && c.gap(v + m).find_first_not_of(" \t\r\n\u00A0") == std::string_view::npos) {
      if (NounPhrase np = speaker_after(c, v + m, w.end);
          np.ok() && (np.reference == SpeakerReference::kName || np.reference == SpeakerReference::kPartialName) &&
          has_any(c.text.substr(c.words[np.end - 1].span.end,
                                np.end < c.size() ? c.words[np.end].span.begin - c.words[np.end - 1].span.end
                                                  : std::string_view::npos),
                  ",:")) {
        return set(c, q, np, words_span(c, v, m), AttributionMethod::kLeadingVerb, 0.9);
      }
    }
    // "Mrs. Clinton shook her head and said, “No.”": the second of two verbs shares the
    // subject of the sentence, not the object of the first ("her head").
    if (v > w.begin + 1 && in_list(c.keys[v - 1], {"and", "then"}) && !c.breaks(v - 1, ",;:")) {
      if (NounPhrase np = narration_subject(c, q); np.ok()) {
        return set(c, q, np, words_span(c, v, m), AttributionMethod::kLeadingVerb, 0.9);
      }
    }
    // "..., calling him “a disgrace”": not the phrase before the comma, but the subject of the
    // verb before the participle.
    NounPhrase np = participle(c, v) || has_any(c.gap(subject_end), ",")
                        ? clause_subject(c, v, w.begin)
                        : speaker_before(c, subject_end, w.begin);
    if (!np.ok() && subject_end > w.begin + 1 && !c.words[subject_end - 1].upper) {
      np = speaker_before(c, subject_end - 1, w.begin);  // Name also said
    }
    if (!np.ok()) np = clause_subject(c, subject_end, w.begin);
    // said Alice, “…” (not: called his rival “totally scripted”, where the object follows)
    if (!np.ok() && !embedded(c, q)) np = speaker_after(c, v + m, w.end);
    return set(c, q, np, verb, method, 0.95);
  }
  return false;
}

// “…,” he said, “…”: the text between two quotes is an attribution ending in a comma or dash.
bool split_between(const Context& c, const Quote& first, const Quote& second) {
  if (first.attribution.speaker < 0 || first.attribution.verb.empty()) return false;
  if (first.outer.end > second.outer.begin) return false;
  std::string_view between = c.text.substr(first.outer.end, second.outer.begin - first.outer.end);
  // “...,” says he at length; “...”: a semicolon may close the attribution too.
  while (!between.empty() && (between.back() == ' ' || between.back() == '\n')) between.remove_suffix(1);
  const bool semicolon = between.ends_with(";");
  if (semicolon) between.remove_suffix(1);
  if (has_any(between, ".!?;") ||
      paragraph_at(c, first.outer.end - 1) != paragraph_at(c, second.outer.begin)) {
    return false;
  }
  while (!between.empty() && (between.back() == ' ' || between.back() == '\xA0')) between.remove_suffix(1);
  if (between.ends_with("\xC2")) between.remove_suffix(1);
  return semicolon || between.ends_with(",") || between.ends_with(":") || has_dash(between);
}

// True when the quote's first letter is lower case (“a welfare transfer payment.”).
bool starts_lower(const Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  return first < end && !c.words[first].upper && c.tokens.words[first].kind == WordKind::kLetter &&
         c.keys[first] != "i";
}

// True when a reporting verb follows the closing mark after a comma or dash, then a pronoun or
// a capitalised word: “…,” she said / «…», — отметила она / «…», — сказал Петров.
bool verb_follows(const Context& c, const Quote& q, std::uint32_t next_quote) {
  const Window w = after_quote(c, q, next_quote);
  if (w.empty() || w.end - w.begin < 2) return false;
  const std::string_view lead = c.text.substr(q.outer.end, c.words[w.begin].span.begin - q.outer.end);
  const std::string_view inside = q.span.slice(c.text);
  if (!has_any(lead, ",") && !has_dash(lead) && !inside.ends_with(",")) return false;
  std::size_t v = w.begin;
  if (c.keys[v] == "a" && v + 1 < w.end) ++v;  // a-t-elle ajouté
  const std::size_t m = c.match(WordClass::kVerbs, v);
  if (m == 0 || c.value(WordClass::kVerbs, v) == "noun" || v + m >= w.end) return false;
  // "on MSNBC's “Morning Joe,” calling it a no-brainer": a participle goes on with the
  // sentence; it does not say who spoke the quote.
  if (c.keys[v].ends_with("ing")) return false;
  return c.is(WordClass::kPronouns, v + m) || c.words[v + m].upper || c.keys[v + m] == "t";
}

// True when `verb` starts with a reporting verb or source phrase of the lexicon.
bool lexicon_verb(const Context& c, Span verb) {
  if (verb.empty()) return false;
  const std::size_t k = c.word_at_or_after(verb.begin);
  return c.is(WordClass::kVerbs, k) || c.is(WordClass::kSources, k);
}

// A person named at word k (a known name, not a new one) or a he/she pronoun.
NounPhrase known_person_at(Context& c, std::size_t k) {
  if (k >= c.size() || c.words[k].quoted) return {};
  if (c.is(WordClass::kPronouns, k)) {
    const std::string_view gender = c.value(WordClass::kPronouns, k);
    if (gender != "m" && gender != "f") return {};
    return pronoun_at(c, k);
  }
  const std::size_t e = name_end(c, k);
  if (e == k || !person_like(c, k, e)) return {};
  const std::int32_t s = c.find_person(k, e, k);
  if (s < 0) return {};
  return make(SpeakerReference::kPartialName, k, e, s);
}

// Turn-taking reaches back this many paragraphs to the last turn, and the conversation's
// previous speaker at most this many paragraphs before that.
constexpr std::uint32_t kTurnGap = 3;
constexpr std::uint32_t kConversationGap = 4;

// Whether the quote is in the document's headline: a first paragraph of at most 25 words that
// more paragraphs follow. (A single lower-case word there is a scare quote: Could an 'accident'
// by Janet Yellen derail Clinton?)
bool in_headline(const Context& c, const Quote& q) {
  if (q.paragraph != 0 || c.tokens.paragraphs.size() < 2) return false;
  if (const auto [first, end] = c.words_within(q.span); end <= first + 1) return false;
  std::size_t words = 0;
  while (words < c.size() && words <= 25 && c.words[words].paragraph == 0) ++words;
  return words <= 25;
}

// A headline's quote without a verb of speech is the words of the person or organisation the
// headline leads with: "Darrell Scott: ‘You Find Me an Aberration ...’", "Trump Makes Campaign
// Announcement For Speech Against ‘Crooked Hillary Clinton.’": the first words before the quote
// that name someone the story knows.
bool attribute_headline(Context& c, Quote& q) {
  if (!in_headline(c, q)) return false;
  const std::size_t first = c.word_at_or_after(q.outer.begin);
  for (std::size_t k = 0; k < first; ++k) {
    if (!c.words[k].upper || c.words[k].quoted) continue;
    for (std::size_t e = std::min(first, k + 3); e > k; --e) {
      if (e - k > 1 && !c.words[e - 1].upper) continue;
      const std::int32_t s = c.find_person(k, e, first);
      if (s < 0 || c.named_inside(s, q.span)) continue;
      c.add_mention(s, k, e);
      return set(c, q, make(SpeakerReference::kName, k, e, s), {}, AttributionMethod::kNearby, 0.5);
    }
  }
  return false;
}

// Whether only white space comes before the quote's opening mark in its paragraph.
bool opens_paragraph(const Context& c, const Quote& q) {
  const std::size_t before = c.word_at_or_after(q.outer.begin);
  return before == 0 || c.words[before - 1].paragraph != q.paragraph;
}

// Whether a sentence of narration between two quotes of a paragraph opens with another known
// person or a he/she standing for one (“…,” said the doctor. She shook her head. “…”): then
// the second quote is not simply the first one's continuation.
bool other_subject_between(Context& c, const Quote& previous, const Quote& q) {
  const std::size_t from = c.word_at_or_after(previous.outer.end);
  const std::size_t to = c.word_at_or_after(q.outer.begin);
  for (std::size_t k = from; k < to; ++k) {
    if (c.words[k].quoted || k == 0 || c.words[k].sentence == c.words[k - 1].sentence) continue;
    const NounPhrase np = known_person_at(c, k);
    if (np.ok()) return np.speaker != previous.attribution.speaker;
  }
  return false;
}

// No pattern matched: the subject of the narration right after the quote in its paragraph
// (“…” Carl thrust his hands ...), else the last person or he/she before it in the paragraph,
// unless the quote addresses that person by name (“Why, Emil! ...”).
bool attribute_nearby(Context& c, Quote& q) {
  const auto accept = [&](NounPhrase np) {
    if (!np.ok() || c.named_inside(np.speaker, q.span)) return false;
    return set(c, q, np, {}, AttributionMethod::kNearby, 0.5);
  };
  if (accept(narration_subject(c, q))) return true;
  const std::uint32_t last = paragraph_at(c, q.outer.end - 1);
  const std::size_t after = c.word_at_or_after(q.outer.end);
  if (after < c.size() && c.words[after].paragraph == last && accept(known_person_at(c, after))) {
    return true;
  }
  for (std::size_t k = c.word_at_or_after(q.outer.begin); k-- > 0;) {
    if (c.words[k].paragraph != q.paragraph) break;
    if (c.words[k].quoted) continue;
    if (accept(known_person_at(c, k))) return true;
  }
  return false;
}

// An English contraction: I'd, I’ve, D'you, Aren't, Yes'm.
bool contraction(std::string_view word) {
  for (const std::string_view apostrophe : {"'", "\u2019"}) {
    const std::size_t at = word.find(apostrophe);
    if (at == std::string_view::npos) continue;
    if (in_list(word.substr(at + apostrophe.size()), {"d", "ve", "re", "ll", "m", "t", "s"})) {
      return true;
    }
  }
  return false;
}

// Words that stand before a name in address: my dear Basil, sister Jemima, poor Tom.
bool address_word(std::string_view key) {
  return in_list(key, {"my", "dear", "dearest", "oh", "sister", "brother", "aunt", "uncle",
                       "cousin", "poor", "old", "young", "little", "good", "sweet", "darling"});
}

// The person a quote addresses by name (“It is your best work, Basil, the best ...”, “Hulloa,
// Emma!”, “Harry, ...”, “... my dear Basil.”): a name that opens the quote or follows a comma,
// "dear" or "oh", and that punctuation or the end of the quote follows. A known person gets the
// form used as an alias (“Basil” for Basil Hallward); a new name becomes a person. -1 when the
// quote addresses nobody by name.
std::int32_t addressee(Context& c, const Quote& q) {
  // Not a structured binding: the lambda below captures these, which clang 14 cannot do.
  const std::pair<std::size_t, std::size_t> within = c.words_within(q.span);
  const std::size_t first = within.first, end = within.second;
  for (std::size_t k = first; k < end; ++k) {
    if (!c.words[k].upper) continue;
    // After a comma, also past one or two words of address: “..., sister Jemima, ...”,
    // “... my dear Basil.”, “Oh, Rudolf”.
    std::size_t lead = k;
    while (lead > first && k - lead < 2 && !c.words[lead - 1].upper && address_word(c.keys[lead - 1])) {
      --lead;
    }
    const bool opens = k == first || has_any(c.gap(k), ",") ||
                       (lead < k && (lead == first || has_any(c.gap(lead), ",") ||
                                     c.keys[lead] == "dear" || c.keys[lead] == "oh"));
    const std::size_t e = quoted_name_end(c, k, end - 1);
    if (e == k || c.is_possessive(e - 1)) continue;
    // "Bush, Christie, Rubio or Kasich": a name in a list is no one addressed.
    const auto name_word = [&](std::size_t w) {  // a capitalised word that is a name
      return w > first && w < end && c.words[w].upper && !c.is_function_word(w) &&
             !c.common_capital(w) && !c.is(WordClass::kPronouns, w) && c.keys[w] != "i";
    };
    const bool listed_before = k > first && has_any(c.gap(k), ",") && name_word(k - 1);
    const bool listed_after = e + 1 < end &&
                              ((has_any(c.gap(e), ",") && name_word(e)) ||
                               (in_list(c.keys[e], {"and", "or"}) && name_word(e + 1)));
    if (listed_before || listed_after) continue;
    // A shouted name (“Y-o-u-u TOM!”) is a vocative when the person is known.
    const bool caps = all_caps(c.slice(k, e)) && !c.is_function_word(k);
    std::int32_t known = caps ? c.find_person(k, e, first) : -1;
    const bool shouted = caps && known >= 0;
    if (!shouted && (!opens || !person_like(c, k, e))) continue;
    if (in_list(c.keys[k], {"god", "heaven", "heavens"})) continue;
    if (contraction(c.slice(k, e))) continue;  // I'd, D'you, Aren't, Yes'm
    if (c.slice(k, e).find('_') != std::string_view::npos) continue;  // _Sir John_ (italics)
    const std::string_view after =
        e < end ? c.gap(e)
                : c.text.substr(c.words[e - 1].span.end, q.span.end - c.words[e - 1].span.end);
    const std::size_t mark = after.find_first_not_of(" \n");
    if (mark != std::string_view::npos && std::string_view(",.!?;:").find(after[mark]) == std::string_view::npos &&
        !after.substr(mark).starts_with("\u2014")) {
      continue;
    }
    if (!caps) known = c.find_person(k, e, first);
    if (known >= 0) {
      c.add_alias(known, c.slice(k, e));
      return known;
    }
    // A capital opening the quote may open its sentence (“Happily, ...”): only a name met before.
    if (k == first) continue;
    return c.person(k, e);
  }
  return -1;
}

// Dialogue chains: turns (paragraphs with direct quotes) that follow each other with no
// narration between them. Where the turns attributed by a pattern show two people taking turns
// (one on the even turns, the other on the odd ones), every turn that only turn-taking or
// nothing attributed is given to the person whose turn it is. This corrects a greedy guess that
// one wrong pronoun sent off by one (the later “asked Durbeyfield” shows whose turns they were),
// and fills the turns before a chain's first attributed one.
struct DialogueTurn {
  std::size_t first = 0;  // index into `direct` of the turn's first quote
  std::size_t end = 0;    // one past its last
  std::uint32_t last_paragraph = 0;
};

// The direct quotes grouped by the paragraphs they share: one group per turn of a dialogue.
std::vector<DialogueTurn> dialogue_turns(const std::vector<Quote>& quotes,
                                         const std::vector<std::size_t>& direct) {
  std::vector<DialogueTurn> turns;
  for (std::size_t n = 0; n < direct.size(); ++n) {
    const Quote& q = quotes[direct[n]];
    const std::uint32_t last = q.paragraph + q.paragraphs - 1;
    if (!turns.empty() && turns.back().last_paragraph >= q.paragraph) {
      turns.back().end = n + 1;
      turns.back().last_paragraph = std::max(turns.back().last_paragraph, last);
      continue;
    }
    turns.push_back({n, n + 1, last});
  }
  return turns;
}

// Whether turn `t` follows turn `t - 1` with no narration between them.
bool adjacent(const std::vector<Quote>& quotes, const std::vector<std::size_t>& direct,
              const std::vector<DialogueTurn>& turns, std::size_t t) {
  return t > 0 && t < turns.size() &&
         quotes[direct[turns[t].first]].paragraph == turns[t - 1].last_paragraph + 1;
}

void realternate_chains(Context& c, std::vector<Quote>& quotes, const std::vector<std::size_t>& direct,
                        const std::vector<std::int32_t>& addressed,
                        const std::vector<DialogueTurn>& turns) {
  const auto guessed = [](AttributionMethod m) {
    return m == AttributionMethod::kTurnTaking || m == AttributionMethod::kNone;
  };
  std::size_t begin = 0;
  while (begin < turns.size()) {
    std::size_t end = begin + 1;
    while (adjacent(quotes, direct, turns, end)) ++end;
    // Votes for the speaker of the even and the odd turns, from the turns a pattern attributed.
    std::map<std::int32_t, int> party_votes[2];
    for (std::size_t t = begin; t < end && end - begin >= 3; ++t) {
      const Attribution& a = quotes[direct[turns[t].first]].attribution;
      if (a.speaker < 0 || guessed(a.method) || a.method == AttributionMethod::kContinuation) continue;
      party_votes[(t - begin) % 2][a.speaker] += a.reference == SpeakerReference::kPronoun ? 1 : 2;
    }
    std::int32_t party[2] = {-1, -1};
    for (int side = 0; side < 2; ++side) {
      int most = 0;
      for (const auto& [speaker, votes] : party_votes[side]) {
        if (votes > most) party[side] = speaker, most = votes;
      }
    }
    // One person on both sides: a pronoun guessed wrong on the side with fewer votes (“said he”
    // for the parson, with “asked Durbeyfield” on the other side). That side's turns by that
    // person are the other one's.
    std::int32_t outvoted[2] = {-1, -1};
    if (party[0] >= 0 && party[0] == party[1]) {
      const int w0 = party_votes[0][party[0]];
      const int w1 = party_votes[1][party[1]];
      const int weak = w0 < w1 ? 0 : 1;
      if (w0 != w1) {
        outvoted[weak] = party[weak];
        party[weak] = -1;
        party_votes[weak].clear();
      }
    }
    // A side unknown: the person the other side's turns address by name, else the last other
    // person to speak before the chain.
    for (int side = 0; side < 2; ++side) {
      if (party[side] >= 0) continue;
      std::map<std::int32_t, int> called;
      const auto count_addressees = [&](std::size_t t) {
        for (std::size_t n = turns[t].first; n < turns[t].end; ++n) {
          if (addressed[n] >= 0 && addressed[n] != party[1 - side]) ++called[addressed[n]];
        }
      };
      for (std::size_t t = begin + static_cast<std::size_t>(1 - side); t < end; t += 2) {
        count_addressees(t);
      }
      // Also the turns of that person, or of nobody known, just before the chain (“Hulloa,
      // Emma!” he said. / The nurse bent down. / “Am I to come home?” he asked. / “Yes, I've
      // come to fetch you.”; “Y-o-u-u TOM!” / She seized a small boy. / “There! What you been
      // doing?” / “Nothing.”).
      for (std::size_t t = begin; party[1 - side] >= 0 && t-- > 0 && begin - t <= 2;) {
        const Quote& head = quotes[direct[turns[t].first]];
        if (head.paragraph + 3 < quotes[direct[turns[begin].first]].paragraph) break;
        if (head.attribution.speaker == party[1 - side] || head.attribution.speaker < 0) {
          count_addressees(t);
        }
      }
      int most = 0;
      for (const auto& [speaker, count] : called) {
        if (count > most) party[side] = speaker, most = count;
      }
      for (std::size_t t = begin; party[side] < 0 && outvoted[side] >= 0 && t-- > 0 && begin - t <= 6;) {
        const std::int32_t s = quotes[direct[turns[t].first]].attribution.speaker;
        if (s >= 0 && s != party[1 - side]) party[side] = s;
      }
    }
    // More than two people, or turns that do not alternate: leave the chain alone.
    const bool two = party_votes[0].size() <= 1 && party_votes[1].size() <= 1;
    if (two && party[0] != party[1]) {
      for (std::size_t t = begin; t < end && end - begin >= 3; ++t) {
        const std::int32_t speaker = party[(t - begin) % 2];
        Quote& head = quotes[direct[turns[t].first]];
        const bool wrong_pronoun = head.attribution.reference == SpeakerReference::kPronoun &&
                                   head.attribution.speaker == outvoted[(t - begin) % 2];
        if (speaker < 0 || !(guessed(head.attribution.method) || wrong_pronoun) ||
            !opens_paragraph(c, head) || addressed[turns[t].first] == speaker) {
          continue;
        }
        for (std::size_t n = turns[t].first; n < turns[t].end; ++n) {
          Attribution& a = quotes[direct[n]].attribution;
          if (n > turns[t].first && !guessed(a.method) && a.method != AttributionMethod::kContinuation &&
              a.method != AttributionMethod::kSplit) {
            break;
          }
          if (n == turns[t].first && wrong_pronoun) {  // the pattern stays, the person changes
            a.speaker = speaker;
            a.confidence *= 0.6;
            continue;
          }
          if (wrong_pronoun) {
            a.speaker = speaker;
            continue;
          }
          a = {speaker, {}, n == turns[t].first ? AttributionMethod::kTurnTaking
                                                : AttributionMethod::kContinuation,
               SpeakerReference::kNone, 0.5};
        }
      }
    }
    begin = end;
  }
}

// The person a quote's speaker says they are: “I am Mary Lennox”, “My name is Awa Koné”, “I
// am Parson Tringham, the antiquary”. A name of two words, or after a title, or a given name, or
// a known person (not “I am English”). -1 when the quote has no such words.
std::int32_t self_introduction(Context& c, const Quote& q) {
  const auto [first, end] = c.words_within(q.span);
  for (std::size_t k = first; k + 1 < end; ++k) {
    std::size_t j = 0;
    if (c.keys[k] == "i" && c.keys[k + 1] == "am") j = k + 2;
    else if (c.keys[k] == "i'm" || c.keys[k] == "i\u2019m") j = k + 1;
    else if (k + 2 < end && c.keys[k] == "my" && c.keys[k + 1] == "name" && c.keys[k + 2] == "is") j = k + 3;
    if (j == 0 || j >= end || !c.words[j].upper) continue;
    const std::size_t e = quoted_name_end(c, j, end - 1);
    if (e == j) continue;
    std::size_t b = j;
    while (b + 1 < e && (c.is(WordClass::kRoles, b) || c.is(WordClass::kHonorifics, b))) ++b;
    if (!person_like(c, b, e) || contraction(c.slice(b, e))) continue;
    const std::int32_t known = c.find_person(b, e, first);
    const bool titled = b > j || !c.value(WordClass::kHonorifics, j).empty();
    if (known < 0 && e - b < 2 && !titled && c.value(WordClass::kGivenNames, b).empty()) continue;
    return known >= 0 ? known : c.person(b, e);
  }
  return -1;
}

// Folds speaker `from` into `into`: its mentions, name and aliases, and what `into` lacks of its
// role, affiliation, country and gender. Quotes are re-pointed once all folds are known.
void merge_speaker(Context& c, std::int32_t from, std::int32_t into) {
  Speaker& source = c.speakers[static_cast<std::size_t>(from)];
  Speaker& target = c.speakers[static_cast<std::size_t>(into)];
  target.mentions.insert(target.mentions.end(), source.mentions.begin(), source.mentions.end());
  source.mentions.clear();
  const auto fill = [](std::string& mine, const std::string& theirs) {
    if (mine.empty()) mine = theirs;
  };
  fill(target.role, source.role);
  fill(target.affiliation, source.affiliation);
  fill(target.country, source.country);
  if (target.gender == 0) target.gender = source.gender;
  std::vector<std::string> aliases = std::move(source.aliases);
  aliases.insert(aliases.begin(), source.name);
  for (const std::string& alias : aliases) c.add_alias(into, alias);
}

// A dialogue names its speakers: the person one turn addresses (“My dear Rose”, “Rudolf!”) is
// the one who speaks the turn before or after it. A speaker the text only describes ("the
// parson", the narrator "I") takes the name it is called by most often; a named speaker absorbs
// a name met only in quotes (“Harry” for Lord Henry). Returns, per speaker, the one it was
// folded into (itself when none).
std::vector<std::int32_t> name_from_vocatives(Context& c, std::vector<Quote>& quotes,
                                              const std::vector<std::size_t>& direct,
                                              const std::vector<std::int32_t>& addressed,
                                              const std::vector<DialogueTurn>& turns) {
  std::map<std::int32_t, std::map<std::int32_t, int>> votes;  // speaker -> name -> turns
  for (std::size_t t = 0; t < turns.size(); ++t) {
    for (std::size_t n = turns[t].first; n < turns[t].end; ++n) {
      const std::int32_t name = addressed[n];
      const std::int32_t speaker = quotes[direct[n]].attribution.speaker;
      if (name < 0 || speaker < 0) continue;
      // "a New Hampshire Republican", "one Clinton aide": a source the text keeps unnamed on
      // purpose takes no name from the quotes around it.
      const auto unnamed_source = [&](std::int32_t s) {
        const std::string& said = c.speakers[static_cast<std::size_t>(s)].name;
        return !c.speakers[static_cast<std::size_t>(s)].named &&
               (said.starts_with("a ") || said.starts_with("an ") || said.starts_with("one ") ||
                said.starts_with("another "));
      };
      const auto vote = [&](std::size_t other) {
        const Quote& head = quotes[direct[turns[other].first]];
        const std::int32_t s = head.attribution.speaker;
        if (s >= 0 && s != speaker && s != name && opens_paragraph(c, head) && !unnamed_source(s)) {
          ++votes[s][name];
        }
      };
      // The turn before and the one after, with at most one paragraph of narration between.
      const auto near = [&](std::size_t later) {
        return later > 0 && later < turns.size() &&
               quotes[direct[turns[later].first]].paragraph <= turns[later - 1].last_paragraph + 2;
      };
      if (near(t)) vote(t - 1);
      if (near(t + 1)) vote(t + 1);
    }
  }
  // Speakers who say who they are: “I am Mary Lennox,” the little girl said.
  std::vector<std::pair<std::int32_t, std::int32_t>> introductions;  // speaker, name
  for (const std::size_t i : direct) {
    const std::int32_t speaker = quotes[i].attribution.speaker;
    if (speaker < 0 || c.speakers[static_cast<std::size_t>(speaker)].group) continue;
    if (const std::int32_t name = self_introduction(c, quotes[i]); name >= 0 && name != speaker) {
      introductions.emplace_back(speaker, name);
    }
  }
  std::vector<std::int32_t> folded(c.speakers.size());
  for (std::size_t s = 0; s < folded.size(); ++s) folded[s] = static_cast<std::int32_t>(s);
  const auto root = [&](std::int32_t s) {
    while (folded[static_cast<std::size_t>(s)] != s) s = folded[static_cast<std::size_t>(s)];
    return s;
  };
  // The name each speaker is called by most often (-1 on a tie), and how often.
  const auto best_name = [&](const std::map<std::int32_t, int>& names, auto eligible) {
    std::pair<std::int32_t, int> best{-1, 0};
    bool tie = false;
    for (const auto& [name, count] : names) {
      if (!eligible(name)) continue;
      if (count > best.second) {
        best = {name, count}, tie = false;
      } else if (count == best.second) {
        tie = true;
      }
    }
    return tie ? std::pair<std::int32_t, int>{-1, 0} : best;
  };
  const auto at = [&](std::int32_t s) -> Speaker& { return c.speakers[static_cast<std::size_t>(s)]; };
  // First the described speakers take names, then named speakers absorb names met only in
  // quotes, called so at least twice (one vote is too easily a neighbouring conversation's).
  std::vector<bool> took(c.speakers.size(), false);
  // A person whom the text names as the speaker of quotes of their own is not the narrator
  // (“eh, Good?” said to Good, next to the narrator's turn): the narrator takes only a name
  // that nobody else answers to.
  std::vector<bool> speaks(c.speakers.size(), false);
  for (const std::size_t i : direct) {
    const Attribution& a = quotes[i].attribution;
    if (a.speaker >= 0 && (a.reference == SpeakerReference::kName ||
                           a.reference == SpeakerReference::kPartialName)) {
      speaks[static_cast<std::size_t>(a.speaker)] = true;
    }
  }
  for (const auto& [speaker, name] : introductions) {
    const std::int32_t a = root(speaker);
    const std::int32_t b = root(name);
    if (a == b) continue;
    if (!at(a).named) {  // the description or the narrator is that person
      merge_speaker(c, a, b);
      folded[static_cast<std::size_t>(a)] = b;
    } else if (at(b).mentions.empty() && !speaks[static_cast<std::size_t>(b)]) {
      merge_speaker(c, b, a);  // a named speaker's other name
      folded[static_cast<std::size_t>(b)] = a;
    }
  }
  for (const bool named_pass : {false, true}) {
    for (const auto& [speaker, names] : votes) {
      const bool narrator = root(speaker) == c.narrator;
      const auto [name, count] = best_name(names, [&](std::int32_t n) {
        return !narrator || !speaks[static_cast<std::size_t>(root(n))];
      });
      if (name < 0) continue;
      const std::int32_t a = root(speaker);
      const std::int32_t b = root(name);
      if (a == b || at(a).group || at(b).group || !at(b).named) continue;
      if (!named_pass && !at(a).named) {
        merge_speaker(c, a, b);
        folded[static_cast<std::size_t>(a)] = b;
        took[static_cast<std::size_t>(b)] = true;
      } else if (!named_pass && !at(speaker).named && at(b).mentions.empty() &&
                 !speaks[static_cast<std::size_t>(b)]) {
        // A description that said who it is ("I am Parson Tringham") keeps the name the other
        // speaker calls it by ("Pa'son Tringham") as an alias.
        merge_speaker(c, b, a);
        folded[static_cast<std::size_t>(b)] = a;
      } else if (named_pass && at(a).named && at(b).mentions.empty() && count >= 2 &&
                 !took[static_cast<std::size_t>(b)]) {
        merge_speaker(c, b, a);
        folded[static_cast<std::size_t>(b)] = a;
      }
    }
  }
  // A described speaker who talks with the same people as exactly one named speaker of a
  // compatible gender, and never with that speaker, is that speaker: "the child" talks with
  // Winterbourne, as Randolph does; "the visitor" with Mrs. Copperfield, as Miss Betsey does.
  // Partners: speakers of adjacent turns, at least twice (a conversation goes back and forth;
  // consecutive quotes of a news report, each by someone else, meet once).
  std::map<std::pair<std::int32_t, std::int32_t>, int> exchanges;
  for (std::size_t t = 1; t < turns.size(); ++t) {
    if (!adjacent(quotes, direct, turns, t)) continue;
    const std::int32_t a = quotes[direct[turns[t].first]].attribution.speaker;
    const std::int32_t b = quotes[direct[turns[t - 1].first]].attribution.speaker;
    if (a < 0 || b < 0 || root(a) == root(b)) continue;
    ++exchanges[std::minmax(root(a), root(b))];
  }
  std::map<std::int32_t, std::set<std::int32_t>> partners;
  for (const auto& [pair, count] : exchanges) {
    if (count < 2) continue;
    partners[pair.first].insert(pair.second);
    partners[pair.second].insert(pair.first);
  }
  for (const auto& [described, talks_with] : partners) {
    if (at(described).named || at(described).group || described == c.narrator) continue;
    // Candidates are the partners of its partners.
    std::set<std::int32_t> candidates;
    for (const std::int32_t partner : talks_with) {
      for (const std::int32_t person : partners.at(partner)) {
        if (person == described || !at(person).named || at(person).group ||
            talks_with.count(person) > 0) {
          continue;
        }
        if (at(described).gender != 0 && at(person).gender != 0 &&
            at(described).gender != at(person).gender) {
          continue;
        }
        candidates.insert(person);
      }
    }
    if (candidates.size() == 1 && root(described) == described) {
      merge_speaker(c, described, *candidates.begin());
      folded[static_cast<std::size_t>(described)] = *candidates.begin();
    }
  }
  for (std::size_t s = 0; s < folded.size(); ++s) folded[s] = root(static_cast<std::int32_t>(s));
  for (Quote& q : quotes) {
    if (q.attribution.speaker >= 0 && static_cast<std::size_t>(q.attribution.speaker) < folded.size()) {
      q.attribution.speaker = folded[static_cast<std::size_t>(q.attribution.speaker)];
    }
  }
  return folded;
}

// A quote that opens its paragraph right after a paragraph of narration: the person the
// narration's last sentence is about (“... and she turned just in time to seize a small boy.”
// “There! What you been doing?”): its first he, she or known name, unless the quote addresses
// them.
bool attribute_after_narration(Context& c, Quote& q) {
  if (q.paragraph == 0 || !opens_paragraph(c, q)) return false;
  const std::size_t hi = c.word_at_or_after(q.outer.begin);
  if (hi == 0 || c.words[hi - 1].paragraph + 1 != q.paragraph) return false;
  std::size_t lo = hi;
  while (lo > 0 && c.words[lo - 1].paragraph == q.paragraph - 1) {
    if (c.words[lo - 1].quoted) return false;  // the paragraph has a quote: not narration
    --lo;
  }
  std::size_t sentence = hi - 1;
  while (sentence > lo && c.words[sentence - 1].sentence == c.words[hi - 1].sentence) --sentence;
  for (std::size_t k = sentence; k < hi; ++k) {
    const NounPhrase np = known_person_at(c, k);
    if (!np.ok()) continue;
    if (c.named_inside(np.speaker, q.span)) return false;
    return set(c, q, np, {}, AttributionMethod::kNearby, 0.45);
  }
  return false;
}

}  // namespace
}  // namespace detail

std::vector<Speaker> attribute_quotes(std::string_view text, const TokenizedText& tokens,
                                      const AttributionLexicon& words, std::vector<Quote>& quotes) {
  using namespace detail;
  Context c(text, tokens, words, quotes);
  build_roster(c);
  // The people quotes address by name are known before the roster's narration mentions are
  // gathered, so that “horrified Beatrice” counts for the Beatrice of “Yes, Beatrice.”
  std::vector<std::int32_t> addressee_of(quotes.size(), -1);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (quotes[i].type == QuoteType::kDirect && quotes[i].depth == 0) {
      addressee_of[i] = addressee(c, quotes[i]);
    }
  }
  finish_roster(c);
  // A short passage that names a show, book, slogan or phrase is a term even with punctuation
  // inside its marks (NBC's “Meet the Press.”, the phrase “self-deportation.”), unless a verb of
  // speech follows it (“Choke!” blared the front page).
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    if (q.type != QuoteType::kDirect || q.depth != 0 || q.unclosed || q.paragraphs > 1) continue;
    const auto [first, end] = c.words_within(q.span);
    if (end - first > 12) continue;
    // A label alone in its paragraph ("Related:" above links on a web page) quotes no one.
    if (end - first <= 3 && q.span.slice(text).ends_with(":") && opens_paragraph(c, q) &&
        (end >= c.size() || c.words[end].paragraph != q.paragraph)) {
      q.type = QuoteType::kTerm;
      continue;
    }
    // A second name joined to a first one: known as “rabbit patches” or “goat farms.”
    if (i > 0 && quotes[i - 1].type == QuoteType::kTerm && quotes[i - 1].depth == 0 &&
        quotes[i - 1].paragraph == q.paragraph && end - first <= 4) {
      const std::string_view between =
          text.substr(quotes[i - 1].outer.end, q.outer.begin - quotes[i - 1].outer.end);
      std::string_view rest = between;
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
      while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
      if (rest == "or" || rest == "and" || rest == "nor") {
        q.type = QuoteType::kTerm;
        continue;
      }
    }
    // Embedded in the sentence, or in apposition after a noun naming works (the spot,
    // “Trumpcare,” links ...).
    if (!embedded(c, q) && !titled_apposition(c, q)) continue;
    std::uint32_t next = static_cast<std::uint32_t>(text.size());
    for (std::size_t j = i + 1; j < quotes.size(); ++j) {
      if (quotes[j].depth == 0) {
        next = quotes[j].outer.begin;
        break;
      }
    }
    if (names_a_title(c, q) && !verb_follows(c, q, next)) q.type = QuoteType::kTerm;
  }
  // A short quote that a reporting verb or source phrase attributes is a statement, not a term:
  // «Мы начали с бухгалтерии», — добавила она. / По словам Лаптевой, «рынок готов».
  // (These trials learn no genders: a “she” tried on a term is no evidence about anyone.)
  std::vector<char> genders;
  for (const Speaker& s : c.speakers) genders.push_back(s.gender);
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    if (q.type != QuoteType::kTerm || q.depth != 0) continue;
    std::uint32_t next = static_cast<std::uint32_t>(text.size());
    for (std::size_t j = i + 1; j < quotes.size(); ++j) {
      if (quotes[j].depth == 0) {
        next = quotes[j].outer.begin;
        break;
      }
    }
    // “...,” she said after a show's title is still the show's: She told NBC's “Meet the Press”.
    // (and the spot titled “Dangerous,”: a verb of speech before it is about the spot)
    const std::size_t lead = c.word_at_or_after(q.outer.begin);
    const bool title = embedded(c, q) &&
                       (title_case(c, q) ||
                        (lead > 0 && in_list(c.keys[lead - 1], {"titled", "entitled", "dubbed",
                                                                "nicknamed", "headlined"})));
    Quote trial = q;
    if (!title && (attribute_after(c, trial, after_quote(c, q, next)) ||
                   attribute_before(c, trial, before_quote(c, q))) &&
        lexicon_verb(c, trial.attribution.verb)) {
      q.type = QuoteType::kDirect;
    } else if (verb_follows(c, q, next)) {
      // «Это важный шаг», — отметила она: a statement even when "she" finds nobody.
      q.type = QuoteType::kDirect;
    } else if (!names_a_title(c, q) && (sentence_frame(c, q).ok() || in_headline(c, q))) {
      // A fragment inside someone's reported speech: called the plan “a disaster”. A headline
      // quotes the story's speaker in a few words: DNC issues ‘deep and sincere apology’.
      q.type = QuoteType::kDirect;
    }
  }
  for (std::size_t s = 0; s < c.speakers.size(); ++s) c.speakers[s].gender = s < genders.size() ? genders[s] : 0;
  std::vector<std::size_t> direct;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (quotes[i].type == QuoteType::kDirect && quotes[i].depth == 0) direct.push_back(i);
  }
  c.generic_descriptions = true;
  struct Turn {
    std::uint32_t paragraph;
    std::int32_t speaker;
    bool opens;  // the paragraph's first quote opens it: a turn of dialogue, not a fragment
  };
  std::vector<Turn> turns;  // the speaker of the last attributed quote of each paragraph
  std::vector<std::int32_t> addressed(direct.size(), -1);  // per direct quote, see addressee()
  for (std::size_t n = 0; n < direct.size(); ++n) addressed[n] = addressee_of[direct[n]];
  for (std::size_t n = 0; n < direct.size(); ++n) {
    Quote& q = quotes[direct[n]];
    const Quote* previous = n > 0 ? &quotes[direct[n - 1]] : nullptr;
    // A pronoun never stands for the person the quote addresses; after someone's turn it stands
    // for the other person of the conversation when it can (“…,” he answered).
    c.addressed = addressed[n];
    c.partner = -1;
    if (!turns.empty() && turns.back().paragraph + 1 == q.paragraph) {
      // The person the previous turn addressed (“Feel pretty sick, Thea?” he asked. / She
      // looked at him. “I thought you were here,” she said.)
      const std::int32_t spoke = turns.back().speaker;
      for (std::size_t m = n; m-- > 0 && c.partner < 0;) {
        const Quote& before = quotes[direct[m]];
        if (before.paragraph + before.paragraphs - 1 != turns.back().paragraph) break;
        if (before.attribution.speaker == spoke && addressed[m] >= 0 && addressed[m] != spoke) {
          c.partner = addressed[m];
        }
      }
    }
    if (!turns.empty() && turns.back().paragraph + 1 == q.paragraph && opens_paragraph(c, q)) {
      const std::int32_t spoke = turns.back().speaker;
      // Two people already taking turns, paragraph after paragraph.
      const std::size_t t = turns.size() - 1;
      // (Quotes that open their paragraphs: a fragment quoted in narration is no turn.)
      if (c.partner < 0 && t > 0 && turns[t - 1].paragraph + 1 == turns[t].paragraph &&
          turns[t - 1].speaker != spoke && turns[t].opens && turns[t - 1].opens) {
        c.partner = turns[t - 1].speaker;
      }
    }
    const std::uint32_t next_begin = n + 1 < direct.size()
                                         ? quotes[direct[n + 1]].outer.begin
                                         : static_cast<std::uint32_t>(text.size());
    const std::uint32_t last_paragraph = q.paragraph + q.paragraphs - 1;
    bool done = attribute_after(c, q, after_quote(c, q, next_begin));
    if (!done && previous && split_between(c, *previous, q)) {
      q.attribution = previous->attribution;
      q.attribution.method = AttributionMethod::kSplit;
      q.attribution.confidence *= 0.95;
      done = true;
    }
    if (!done) done = attribute_before(c, q, before_quote(c, q));
    if (!done) {
      const Frame frame = sentence_frame(c, q);
      done = set(c, q, frame.speaker, frame.verb, frame.method, 0.9);
    }
    if (!done && previous && previous->attribution.speaker >= 0 &&
        previous->paragraph + previous->paragraphs - 1 == q.paragraph &&
        !other_subject_between(c, *previous, q)) {
      q.attribution = previous->attribution;
      q.attribution.method = AttributionMethod::kContinuation;
      q.attribution.verb = {};
      q.attribution.confidence = 0.7;
      done = true;
    }
    if (!done) done = attribute_headline(c, q);
    if (!done) done = attribute_nearby(c, q);
    // Dialogue: the previous turn addressed a person by name (“Wake up, Philip”): they answer.
    // A name known only from quotes (“Harry” for Lord Henry) may be someone already in the
    // conversation, so the turns below come first for it.
    const std::int32_t answers =
        previous && previous->paragraph + previous->paragraphs == q.paragraph &&
                addressed[n - 1] >= 0 && addressed[n - 1] != previous->attribution.speaker &&
                addressed[n - 1] != addressed[n]
            ? addressed[n - 1]
            : -1;
    if (!done && answers >= 0 && !c.speakers[static_cast<std::size_t>(answers)].mentions.empty()) {
      q.attribution = {answers, {}, AttributionMethod::kTurnTaking, SpeakerReference::kNone, 0.6};
      done = true;
    }
    // Two people in conversation take turns: a quote that opens its paragraph, soon after the
    // last turn, is the other one's (unless it names them: then it is addressed to them).
    if (!done && !turns.empty() && turns.back().paragraph < q.paragraph &&
        turns.back().paragraph + kTurnGap >= q.paragraph && opens_paragraph(c, q)) {
      const Turn& last = turns.back();
      for (std::size_t t = turns.size() - 1; t-- > 0 && !done;) {
        if (turns[t].paragraph + kConversationGap < last.paragraph) break;
        if (turns[t].speaker == last.speaker) continue;
        if (c.named_inside(turns[t].speaker, q.span)) break;
        q.attribution = {turns[t].speaker, {}, AttributionMethod::kTurnTaking,
                         SpeakerReference::kNone,
                         turns[t].paragraph + 1 == last.paragraph && last.paragraph + 1 == q.paragraph
                             ? 0.6 : 0.5};
        done = true;
      }
    }
    if (!done && answers >= 0) {
      q.attribution = {answers, {}, AttributionMethod::kTurnTaking, SpeakerReference::kNone, 0.5};
      done = true;
    }
    if (!done) done = attribute_after_narration(c, q);
    if (done && q.attribution.speaker >= 0) {
      const std::size_t first = c.word_at_or_after(q.span.begin);
      if (c.turns.empty() || c.turns.back().word < first) {
        c.turns.push_back({first, q.attribution.speaker});
      }
      bool opens = opens_paragraph(c, q);
      if (!turns.empty() && turns.back().paragraph == last_paragraph) {
        opens = turns.back().opens;
        turns.pop_back();
      }
      turns.push_back({last_paragraph, q.attribution.speaker, opens});
    }
  }
  c.generic_descriptions = false;
  c.addressed = -1;
  c.partner = -1;
  for (const std::size_t n : direct) quotes[n].partial = embedded(c, quotes[n]) || starts_lower(c, quotes[n]);
  const std::vector<DialogueTurn> dialogue = dialogue_turns(quotes, direct);
  realternate_chains(c, quotes, direct, addressed, dialogue);
  std::vector<std::int32_t> folded = name_from_vocatives(c, quotes, direct, addressed, dialogue);
  find_reported_speech(c, quotes);
  for (std::size_t s = folded.size(); s < c.speakers.size(); ++s) {
    folded.push_back(static_cast<std::int32_t>(s));
  }

  // Speakers in order of first mention; quotes re-pointed.
  for (Speaker& s : c.speakers) std::sort(s.mentions.begin(), s.mentions.end(),
                                          [](Span a, Span b) { return a.begin < b.begin; });
  // Speakers found while trying patterns that did not attribute anything are dropped; the
  // roster (people the text introduces) is kept whether quoted or not.
  std::vector<bool> used(c.speakers.size(), false);
  for (const Quote& q : quotes) {
    if (q.attribution.speaker >= 0) used[static_cast<std::size_t>(q.attribution.speaker)] = true;
  }
  std::vector<std::int32_t> order;
  for (std::size_t i = 0; i < c.speakers.size(); ++i) {
    if ((i < c.roster_size || used[i]) && folded[i] == static_cast<std::int32_t>(i)) {
      order.push_back(static_cast<std::int32_t>(i));
    }
  }
  const auto first = [&](std::int32_t s) {
    return c.speakers[static_cast<std::size_t>(s)].mentions.empty() ? UINT32_MAX : c.speakers[static_cast<std::size_t>(s)].mentions.front().begin;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::int32_t a, std::int32_t b) { return first(a) < first(b); });
  std::vector<std::int32_t> new_index(c.speakers.size(), -1);
  std::vector<Speaker> speakers;
  for (std::size_t i = 0; i < order.size(); ++i) {
    new_index[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
    speakers.push_back(std::move(c.speakers[static_cast<std::size_t>(order[i])]));
  }
  for (Quote& q : quotes) {
    if (q.attribution.speaker >= 0) {
      q.attribution.speaker = new_index[static_cast<std::size_t>(q.attribution.speaker)];
      Speaker& s = speakers[static_cast<std::size_t>(q.attribution.speaker)];
      if (s.named && !s.group && s.participation.empty() && q.type == QuoteType::kDirect) {
        s.participation = "speaker";
      }
    }
  }
  return speakers;
}

}  // namespace themescan
