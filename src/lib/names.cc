// Names with a title in front: "OPEC President Rilwanu Lukman", "E.F. Hutton Group analyst
// Michael Lewis", "Secretary of State John Kerry", "Florida-based strategist Al Cardenas".
#include <algorithm>

#include "attribution_internal.h"
#include "themescan/document.h"

namespace themescan::detail {
namespace {

// The words of a title phrase are joined by spaces or hyphens (Florida-based), never by
// punctuation, and stay in one sentence outside quotes.
bool joined(const Context& c, std::size_t k) {
  if (k == 0 || c.words[k].sentence != c.words[k - 1].sentence || c.words[k].quoted) return false;
  const std::string_view gap = c.gap(k);
  if (gap == " " || gap == "-" || gap == "\u00A0" || gap == "\n" || gap == "\r\n") return true;
  // E.F. Hutton, U.S. House: the period of an initial or an abbreviation.
  return (gap == "." || gap == ". ") &&
         (c.keys[k - 1].size() == 1 || c.keys[k - 1].find('.') != std::string::npos ||
          c.is(WordClass::kHonorifics, k - 1));
}

// A word that names what someone does: a role (analyst, President, minister) or a lower-case
// noun of a described source (spokesman, official). Capitalised nouns of the unnamed list (Aunt
// Polly, Brother Tom) are parts of names, not titles.
bool title_word(const Context& c, std::size_t k) {
  // A capitalised honorific belongs to the name (Sen. Ted Cruz, Mr. Bennet) unless it follows
  // an organisation's name (Ohio State University Professor Paul Beck); in lower case it is a
  // title (Ohio State University professor Paul Beck).
  // It also titles a capitalised phrase it ends (Information Minister Wanjiru Kamau, Democratic
  // Sen. Ted Cruz), unless the word before it is a given name.
  if (c.is(WordClass::kHonorifics, k) && c.words[k].upper) {
    return k > 0 && (c.is(WordClass::kOrganisations, k - 1) || c.is_possessive(k - 1) ||
                     all_caps(c.words[k - 1].span.slice(c.text)) ||
                     (c.words[k - 1].upper && joined(c, k) && !c.is(WordClass::kGivenNames, k - 1) &&
                      !c.is(WordClass::kHonorifics, k - 1) && !c.is_function_word(k - 1)));
  }
  return c.is(WordClass::kRoles, k) || c.is(WordClass::kHonorifics, k) ||
         (!c.words[k].upper && c.is(WordClass::kUnnamed, k));
}

// Words that may stand in a title phrase before the name, besides capitalised words and title
// words: lower-case modifiers (former, chief, oil, election law), and the "of", "for", "and" of
// names such as Minister of Foreign Affairs or Energy and Environment Policy Center.
bool modifier_word(const Context& c, std::size_t k) {
  if (c.is(WordClass::kVerbs, k) || c.is(WordClass::kSources, k) || c.is(WordClass::kPronouns, k) ||
      c.is(WordClass::kComplementizers, k) || c.is_quantifier(k)) {
    return false;
  }
  if (in_list(c.keys[k], {"of", "for", "and", "de", "del", "du"})) return true;
  return !c.is_function_word(k) && !c.is_article(k);
}

// Where the name starts in a capitalised run that follows "of"/"for" after a title (Secretary
// of State John Kerry, Under-Secretary-General for Political Affairs Rosemary DiCarlo): at its
// first given name after the first word, else before its last two words; `end` when the run is
// too short to hold both a complement and a name.
std::size_t name_in_complement(const Context& c, std::size_t begin, std::size_t end) {
  if (end - begin < 3) return end;
  for (std::size_t k = begin + 1; k + 1 < end; ++k) {
    if (c.is(WordClass::kGivenNames, k)) return k;
  }
  // The last two words, a hyphenated one counting once (Helena Marsh-Oduya).
  std::size_t b = end;
  for (int words = 0; words < 2 && b > begin; ++words) {
    --b;
    while (b > begin && c.gap(b) == "-") --b;
  }
  return b > begin ? b : end;
}

// The end of a capitalised run from word k that may join its words with "and", "of", "for",
// "the" or "&" (Political and Peacebuilding Affairs Helena Marsh-Oduya).
std::size_t complement_end(const Context& c, std::size_t k, std::size_t limit) {
  std::size_t e = std::min(name_end(c, k), limit);
  while (e + 1 < limit && joined(c, e) && joined(c, e + 1) && !c.words[e].upper &&
         in_list(c.keys[e], {"and", "of", "for", "the", "de", "y", "et"}) && c.words[e + 1].upper) {
    const std::size_t next = std::min(name_end(c, e + 1), limit);
    if (next <= e + 1) break;
    e = next;
  }
  return e;
}

}  // namespace

TitledName titled_name(const Context& c, std::size_t i, std::size_t limit) {
  TitledName t;
  limit = std::min(limit, c.size());
  if (i >= limit || c.words[i].quoted) return t;
  std::size_t k = i;
  // the White House spokesman Josh Earnest, his campaign manager Jeff Weaver
  if (in_list(c.keys[k], {"the", "his", "her", "their", "its"}) && k + 1 < limit) ++k;
  const std::size_t first = k;
  std::size_t last_title = limit;  // the last title word seen
  bool complement = false;         // a title followed by "of" or "for"
  for (std::size_t steps = 0; k < limit && steps < 10; ++k, ++steps) {
    if (k > first && !joined(c, k)) break;
    if (c.words[k].upper && !title_word(c, k) && k > first) {
      const bool after_title = last_title + 1 == k;
      const bool after_of = complement && last_title + 2 <= k &&
                            in_list(c.keys[k - 1], {"of", "for", "the"});
      // "министр цифрового развития Татарстана Айдар Шайхутдинов": a title, its complement in
      // lower case (and the place it belongs to), then the name.
      const bool after_chain = last_title + 1 < k && !complement && !c.words[k - 1].upper &&
                               k - last_title <= 4;
      if (after_title || after_of || after_chain) {
        // After "of": the complement may join capitalised words with "and" or "of" (for Political
        // and Peacebuilding Affairs Helena Marsh-Oduya).
        std::size_t e = after_of ? complement_end(c, k, limit) : std::min(name_end(c, k), limit);
        std::size_t b = after_chain ? name_start(c, k, e) : k;
        if (after_chain && b == k && !c.is(WordClass::kGivenNames, k)) {
          b = e;  // the name starts at a given name after the place: Татарстана Айдар ...
          for (std::size_t g = k + 1; g + 1 < e; ++g) {
            if (c.is(WordClass::kGivenNames, g)) {
              b = g;
              break;
            }
          }
        }
        // "OPEC President Rilwanu Lukman": a later title word inside the run moves the name on.
        for (std::size_t r = k; r + 1 < e; ++r) {
          if (title_word(c, r)) b = r + 1;
        }
        if (after_of && b == k) b = name_in_complement(c, k, e);
        // "a leader of Cruz's South Carolina coalition": what a possessive owns is no name.
        if (b > k && c.is_possessive(b - 1)) b = e;
        // "a senior United Nations official": a run before the noun of a title modifies it.
        const bool modifier = e < limit && !c.words[e].upper && title_word(c, e) && joined(c, e);
        if (!modifier && b < e && (e - b >= 2 || c.is(WordClass::kGivenNames, b)) &&
            person_like(c, b, e) && !c.is_place(b, e)) {
          t.begin = i;
          t.name_begin = b;
          t.end = e;
          return t;
        }
      }
    }
    if (title_word(c, k)) {
      last_title = k;
      continue;
    }
    if (last_title < limit && k == last_title + 1 && in_list(c.keys[k], {"of", "for"})) {
      complement = true;
      continue;
    }
    if (!c.words[k].upper && !modifier_word(c, k)) break;
  }
  return t;
}

TitledName appositive_name(const Context& c, std::size_t i, std::size_t limit) {
  TitledName t;
  limit = std::min(limit, c.size());
  std::size_t k = i;
  if (k < limit && c.is_article(k) && !c.is_indefinite(k)) ++k;  // the, el, la, le
  bool title = false;
  for (std::size_t steps = 0; k < limit && steps < 12; ++k, ++steps) {
    if (k > i && has_any(c.gap(k), ",")) break;  // the comma before the name
    if (k > i && !joined(c, k)) return t;
    if (c.is(WordClass::kVerbs, k) || c.is(WordClass::kPronouns, k)) return t;
    if (title_word(c, k)) {
      title = true;
    } else if (title && c.words[k].upper && title_word(c, k - 1)) {
      // "Committee Chairman Rep. Jason Chaffetz, R-Utah": a name right after the title; what
      // follows the comma is no name in apposition.
      return t;
    } else if (!c.words[k].upper && !modifier_word(c, k) &&
               !(c.is_article(k) && k > i && in_list(c.keys[k - 1], {"of", "de", "du", "for"}))) {
      return t;
    }
  }
  if (!title || k >= limit || c.gap(k).find_first_not_of(", \u00A0") != std::string_view::npos ||
      c.words[k].sentence != c.words[k - 1].sentence) {
    return t;
  }
  const std::size_t e = std::min(name_end(c, k), limit);
  const std::size_t b = name_start(c, k, e);
  if (b >= e || !person_like(c, b, e) || (e - b < 2 && !c.is(WordClass::kGivenNames, b))) return t;
  // The name closes the apposition: a comma, a full stop or the end of the clause follows.
  if (e < limit && c.words[e].sentence == c.words[e - 1].sentence && !has_any(c.gap(e), ",.;:)")) {
    return t;
  }
  t.begin = i;
  t.name_begin = b;
  t.end = e;
  t.apposition = true;
  return t;
}

void apply_title(Context& c, std::int32_t speaker, const TitledName& t) {
  if (!t.ok()) return;
  Speaker& s = c.speakers[static_cast<std::size_t>(speaker)];
  std::size_t b = t.begin;
  if (in_list(c.keys[b], {"the", "his", "her", "their", "its"}) || (t.apposition && c.is_article(b))) ++b;
  if (t.apposition) {  // el superintendente de Irrigación, Óscar Pelegrina
    // "Kuwait's oil minister, Sheikh Ali ...": the possessive place or body is the country or
    // affiliation, the rest the role.
    if (c.words[b].upper && c.is_possessive(b) && b + 1 < t.name_begin) {
      std::string owner = collapse_spaces(c.slice(b, b + 1));
      owner.resize(owner.size() - (owner.ends_with("'s") ? 2 : 4));
      std::string& field = c.is_place(b, b + 1) ? s.country : s.affiliation;
      if (field.empty()) field = owner;
      ++b;
    }
    std::string role, affiliation;
    split_role(c, b, t.name_begin, &role, &affiliation);
    if (s.role.empty()) s.role = collapse_spaces(role);
    if (s.affiliation.empty() && !affiliation.empty()) s.affiliation = collapse_spaces(affiliation);
    return;
  }
  // A leading capitalised run that is an organisation (E.F. Hutton Group, OPEC, Harvard's) is the
  // affiliation, a place the country; the rest is the role.
  std::size_t lead = b;
  while (lead < t.name_begin && c.words[lead].upper && !title_word(c, lead)) ++lead;
  std::size_t role_begin = b;
  if (lead > b && lead < t.name_begin) {
    if (c.is_place(b, lead)) {
      if (s.country.empty()) s.country = collapse_spaces(c.slice(b, lead));
      role_begin = lead;
    } else if (c.is(WordClass::kOrganisations, lead - 1) || c.is_possessive(lead - 1) ||
               all_caps(c.words[lead - 1].span.slice(c.text)) ||
               c.is(WordClass::kOrganisations, b)) {
      if (s.affiliation.empty()) {
        std::string affiliation = collapse_spaces(c.slice(b, lead));
        if (c.is_possessive(lead - 1)) {
          affiliation.resize(affiliation.size() - (affiliation.ends_with("'s") ? 2 : 4));
        }
        s.affiliation = std::move(affiliation);
      }
      role_begin = lead;
    }
  }
  // "министр цифрового развития Татарстана Айдар Шайхутдинов": the place the title belongs to,
  // just before the name, is the country.
  std::size_t role_end = t.name_begin;
  while (role_end > role_begin + 1 && c.words[role_end - 1].upper && c.is_place(role_end - 1, role_end)) {
    --role_end;
  }
  if (role_end < t.name_begin && s.country.empty()) s.country = collapse_spaces(c.slice(role_end, t.name_begin));
  if (s.role.empty() && role_begin < role_end) {
    s.role = collapse_spaces(c.slice(role_begin, role_end));
  }
}

}  // namespace themescan::detail
