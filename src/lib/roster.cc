// The speaker roster: capitalised names admitted as people by their context (apposition,
// brackets, a reporting verb, "moderated by"), with role, affiliation and country.
#include <algorithm>
#include <unordered_set>

#include "attribution_internal.h"
#include "text_util.h"

namespace themescan::detail {
namespace {

// Punctuation that ends an apposition segment or a name.
// Line breaks are not listed: hard-wrapped text breaks lines inside a phrase, and a paragraph
// break always ends the sentence, which every use checks.
constexpr std::string_view kSegmentEnd = ",.;:()!?\"";

bool has_dash_or_quote(std::string_view gap) {
  for (std::string_view mark : {"\u2014", "\u2013", "\u201C", "\u201D", "\u00AB", "\u00BB",
                                "\u201E", "\u2018", "\u2019"}) {
    if (gap.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

bool segment_break(const Context& c, std::size_t k) {
  const std::string_view gap = c.gap(k);
  return k >= c.size() || has_any(gap, kSegmentEnd) || has_dash_or_quote(gap) ||
         c.words[k].sentence != c.words[k - 1].sentence || c.words[k].quoted;
}

// The end of the segment starting at word `begin`: up to the next comma, bracket, full stop, ...
std::size_t segment_end(const Context& c, std::size_t begin, std::size_t max_words) {
  std::size_t k = begin + 1;
  while (k < c.size() && k - begin < max_words && !segment_break(c, k)) ++k;
  return std::min(k, c.size());
}


bool any_of_class(const Context& c, WordClass word_class, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    if (c.is(word_class, k)) return true;
  }
  return false;
}

// Organisation-like text: has an organisation word, or is a short run of capitalised words.
bool organisation_like(const Context& c, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  if (any_of_class(c, WordClass::kOrganisations, begin, end)) return true;
  if (end - begin > 5 || any_of_class(c, WordClass::kRoles, begin, end)) return false;
  for (std::size_t k = begin; k < end; ++k) {
    if (!c.words[k].upper && !c.is(WordClass::kParticles, k)) return false;
  }
  return true;
}

std::string strip_elided_article(std::string_view text) {
  for (std::string_view prefix : {"l\u2019", "l'", "L\u2019", "L'"}) {
    if (text.starts_with(prefix)) return std::string(text.substr(prefix.size()));
  }
  return std::string(text);
}

}  // namespace

// Splits "Director of Infrastructure Planning at the Gdańsk Metropolitan Authority" into a role
// and an affiliation.
void split_role(const Context& c, std::size_t begin, std::size_t end, std::string* role,
                std::string* affiliation) {
  const auto after_article = [&](std::size_t k) {
    return k < end && c.is_article(k) && !c.is_indefinite(k) ? k + 1 : k;
  };
  std::size_t split = end, org = end;
  for (std::size_t k = end - 1; k > begin; --k) {  // the last "at"
    if (c.keys[k] == "at" || c.keys[k] == "à") {
      split = k;
      org = after_article(k + 1);
      break;
    }
  }
  const auto is_of = [&](std::size_t k) {
    const std::string& key = c.keys[k];
    return key == "of" || key == "de" || key == "du" || key == "des" || key == "del" || key == "d";
  };
  for (std::size_t k = begin + 1; split == end && k + 1 < end; ++k) {  // "of the", "de la", "del"
    if (is_of(k) && (c.keys[k] == "del" || c.keys[k] == "du" ||
                     (c.is_article(k + 1) && !c.is_indefinite(k + 1)))) {
      split = k;
      org = after_article(k + 1);
    }
  }
  for (std::size_t k = begin + 1; split == end && k + 1 < end; ++k) {  // "of Almada"
    if (is_of(k) && organisation_like(c, k + 1, end) && c.words[k + 1].upper) {
      split = k;
      org = k + 1;
    }
  }
  if (split == end && !c.words[begin].upper) {  // заместитель директора Ассоциации ...
    for (std::size_t k = begin + 1; k < end; ++k) {
      if (c.words[k].upper) {
        split = org = k;
        break;
      }
    }
  }
  *role = std::string(c.slice(begin, split));
  if (org < end) *affiliation = strip_elided_article(c.slice(org, end));
}

namespace {

bool role_within(const Context& c, std::size_t begin, std::size_t end, std::size_t first_words) {
  // A hyphenated compound is one word: the club's 78-year-old president.
  for (std::size_t k = begin, words = 0; k < end && words < first_words; ++k) {
    if (c.is(WordClass::kRoles, k)) return true;
    if (k + 1 >= end || c.gap(k + 1) != "-") ++words;
  }
  return false;
}

char gender_from_role(std::string_view key) {
  for (std::string_view f : {"directora", "investigadora", "coordinadora", "jefa", "ministra",
                             "alcaldesa", "fundadora", "directrice", "fondatrice", "chargée",
                             "chercheuse", "spokeswoman"}) {
    if (key == f) return 'f';
  }
  return 0;
}

}  // namespace

namespace {

// Words [i, end) of a capitalised name, up to word `last`, all inside a quote or all outside.
std::size_t name_run_end(const Context& c, std::size_t i, std::size_t last_allowed) {
  std::size_t last = i;
  while (last + 1 <= last_allowed && last + 1 < c.size() && last + 1 - i < 6) {
    const std::size_t next = last + 1;
    const std::string_view gap = c.gap(next);
    // Mr. Bennet, John F. Kennedy, the U.S. Embassy: a period after a title or an initial.
    const bool title = c.is(WordClass::kHonorifics, last) || c.keys[last].size() == 1 ||
                       c.keys[last].find('.') != std::string::npos;
    // A hard-wrapped line may break a name: "Hunter\nQuatermain".
    const bool joined = gap == " " || gap == "-" || gap == "\u00A0" || gap == "\n" || gap == "\r\n" ||
                        (title && (gap == ". " || gap == ".\n"));
    if (!joined || c.words[next].quoted != c.words[i].quoted) break;
    // A headline capitalises its verb: "Francois Hollande Says Donald Trump ...".
    if (c.words[next].upper && c.is(WordClass::kVerbs, next) && c.value(WordClass::kVerbs, next) != "noun") {
      break;
    }
    if (c.words[next].upper) {
      last = next;
    } else if (c.is(WordClass::kParticles, next) && next + 1 <= last_allowed && next + 1 < c.size() &&
               c.words[next + 1].upper && (c.gap(next + 1) == " " || c.gap(next + 1) == "-")) {
      // Pierre de Coubertin, Ali al-Khalifa al-Sabah.
      last = next + 1;
    } else {
      break;
    }
  }
  return last + 1;
}

}  // namespace

bool all_caps(std::string_view word) {
  // The possessive's s is not part of the word: MSNBC's, CNN’s.
  for (const std::string_view suffix : {"'s", "\u2019s"}) {
    if (word.ends_with(suffix)) word.remove_suffix(suffix.size());
  }
  int letters = 0;
  for (char ch : word) {
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') ++letters;
  }
  return letters >= 3;
}

std::size_t name_end(const Context& c, std::size_t i) {
  if (i >= c.size() || !c.words[i].upper || c.words[i].quoted || c.common_capital(i)) return i;
  return name_run_end(c, i, c.size());
}

std::size_t quoted_name_end(const Context& c, std::size_t i, std::size_t last) {
  if (i >= c.size() || !c.words[i].upper || !c.words[i].quoted || c.common_capital(i)) return i;
  return name_run_end(c, i, last);
}

std::size_t name_start(const Context& c, std::size_t begin, std::size_t end) {
  // A newspaper or organisation keeps its place: the New York Times, Bank of England.
  if (c.is_publication(begin, end) || c.is(WordClass::kOrganisations, end - 1)) return begin;
  std::size_t b = begin;
  while (b + 1 < end) {
    if (c.is(WordClass::kRoles, b) && !c.is(WordClass::kGivenNames, b)) {
      ++b;
      continue;
    }
    // "Florida Gov. Rick Scott", "Татарстана Рустам Галимзянов": a place before the name.
    // ... but not when one word would be left: Rosario Beltrán is a name.
    const std::size_t m = c.match(WordClass::kPlaces, b);
    if (m == 0 || b + m + 1 >= end || c.is(WordClass::kGivenNames, b) ||
        c.is(WordClass::kHonorifics, b)) {
      break;
    }
    b += m;
  }
  return b;
}

std::size_t skip_time(const Context& c, std::size_t i, std::size_t limit) {
  const auto time_word = [&](std::size_t k) {
    return c.is_calendar(k) ||
           in_list(c.keys[k], {"night", "morning", "afternoon", "evening", "noche", "mañana",
                               "tarde", "soir", "matin"});
  };
  std::size_t k = i;
  while (k < limit && !c.words[k].quoted) {
    if (c.is_calendar(k)) {
      ++k;
    } else if (k + 1 < limit && in_list(c.keys[k], {"on", "in", "el", "le", "в", "во", "last", "this", "earlier", "late", "early"}) &&
               time_word(k + 1)) {
      k += 2;
    } else if (k > i && time_word(k)) {
      ++k;
    } else {
      break;
    }
  }
  return k;
}

bool person_like(const Context& c, std::size_t begin, std::size_t end) {
  if (begin >= end || c.is_article(begin)) return false;
  // A party tag after a name: R-Utah, D-Calif.
  if (end == begin + 2 && in_list(c.keys[begin], {"r", "d", "i"}) && c.gap(begin + 1) == "-") return false;
  // "the local daily al-Qabas", "the newspaper Kommersant": a publication's name.
  if (begin > 0 && c.value(WordClass::kPublications, begin - 1) == "noun" && !c.breaks(begin, ",.;:!?()")) {
    return false;
  }
  // Places, publications and dates are never people ("Kuwait", "New Hampshire", "Reuters",
  // "Sunday"); a title or a given name says the run is a person all the same ("Sen. Jordan",
  // "George Washington").
  // A known person's name ("Cuban" for Mark Cuban) too.
  const bool personal = c.is(WordClass::kHonorifics, begin) || c.is(WordClass::kGivenNames, begin) ||
                        c.find_person(begin, end, begin) >= 0;
  if (!personal && (c.is_place(begin, end) || c.is_publication(begin, end) ||
                    c.known_organisation(begin, end))) {
    return false;
  }
  // More than four capitalised words without a given name or a particle are a title or a
  // headline ("Funding Gaps Threaten Sahel Transitions"), not a name.
  if (end - begin > 4 && !personal) {
    bool particle = false;
    for (std::size_t k = begin; k < end; ++k) particle = particle || c.is(WordClass::kParticles, k);
    if (!particle) return false;
  }
  for (std::size_t k = begin; k < end; ++k) {
    if (c.is_function_word(k) || (c.is_calendar(k) && !personal)) return false;
    if (c.is(WordClass::kOrganisations, k) || c.is(WordClass::kGroups, k) ||
        c.is(WordClass::kPronouns, k) || c.is(WordClass::kVerbs, k) ||
        c.is(WordClass::kSources, k) || c.is(WordClass::kRoles, k) ||
        all_caps(c.words[k].span.slice(c.text))) {
      return false;
    }
  }
  // A lone honorific ("Mr.") is not a name.
  return !(end - begin == 1 && c.is(WordClass::kHonorifics, begin));
}

std::size_t read_apposition(Context& c, std::int32_t speaker, std::size_t end) {
  if (end >= c.size() || c.words[end].sentence != c.words[end - 1].sentence) return end;
  Speaker& s = c.speakers[static_cast<std::size_t>(speaker)];
  const std::string_view gap = c.gap(end);
  const std::size_t open = gap.find('(');
  if (open != std::string_view::npos && gap.find_first_not_of(" \t\r\n\u00A0(") == std::string_view::npos) {
    std::size_t close = end + 1;
    while (close < c.size() && close - end < 8 && c.gap(close).find(')') == std::string_view::npos) {
      ++close;
    }
    if (close >= c.size() && c.text.find(')', c.words[close - 1].span.end) == std::string_view::npos) {
      return end;
    }
    if (close - end > 7) return end;
    if (any_of_class(c, WordClass::kOrganisations, end, close) ||
        any_of_class(c, WordClass::kRoles, end, close)) {
      std::string role, affiliation;
      split_role(c, end, close, &role, &affiliation);
      if (!role_within(c, end, close, 3)) {
        if (s.affiliation.empty()) s.affiliation = std::string(c.slice(end, close));
      } else {
        if (s.role.empty()) s.role = role;
        if (s.affiliation.empty()) s.affiliation = affiliation;
      }
    } else if (close - end <= 3 && organisation_like(c, end, close)) {
      if (s.country.empty()) s.country = std::string(c.slice(end, close));
    }
    return close;
  }
  if (gap.find_first_not_of(" \t\r\n\u00A0") != 0 || gap.find(',') == std::string_view::npos ||
      has_any(gap.substr(gap.find(',') + 1), kSegmentEnd)) {
    return end;
  }
  const std::size_t seg = segment_end(c, end, 16);
  if (!role_within(c, end, seg, 4)) return end;
  // "In an interview with Mika Brzezinski, the Democratic presidential candidate stated that
  // ...": a segment that runs into a verb of speech is the next clause's subject, not an
  // apposition (but "a lawyer who said" is one).
  for (std::size_t j = end + 1; j < seg; ++j) {
    if (in_list(c.keys[j], {"who", "which", "that", "whose", "whom"})) break;
    if (!c.words[j].upper && c.is(WordClass::kVerbs, j) && c.value(WordClass::kVerbs, j) != "noun") {
      return end;
    }
  }
  std::string role, affiliation;
  split_role(c, end, seg, &role, &affiliation);
  if (s.role.empty()) s.role = role;
  if (s.affiliation.empty()) s.affiliation = affiliation;
  if (s.gender == 0) s.gender = gender_from_role(c.keys[end]);
  if (role.find("oderat") != std::string::npos) s.participation = "moderator";
  std::size_t after = seg;
  // "Name, Chief Executive Officer, Casablanca Cloud Partners" (press-release style).
  if (after < c.size() && c.gap(after).find_first_not_of(" ,") == std::string_view::npos &&
      c.words[after].sentence == c.words[after - 1].sentence) {
    const std::size_t next = segment_end(c, after, 8);
    const bool last = next >= c.size() || c.words[next].sentence != c.words[after].sentence ||
                      has_any(c.gap(next), ".");
    if (organisation_like(c, after, next) && last) {
      if (s.affiliation.empty()) s.affiliation = std::string(c.slice(after, next));
      after = next;
    }
  }
  return after;
}

void build_roster(Context& c) {
  c.collect_organisation_words();
  // A headline capitalises every word ("Violence Spreading towards Coastal States, Senior
  // Official Tells Security Council"): its people are introduced again in the text below.
  // It is told from a list of names by its common words: capitalised there, in lower case in the
  // text.
  std::vector<bool> headline(c.tokens.paragraphs.size(), false);
  {
    std::unordered_set<std::string_view> lower;
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (!c.words[k].upper) lower.insert(c.keys[k]);
    }
    std::vector<std::uint32_t> long_words(headline.size(), 0), capitalised(headline.size(), 0),
        common(headline.size(), 0);
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (c.keys[k].size() < 4 || c.words[k].quoted) continue;
      const std::uint32_t p = c.words[k].paragraph;
      ++long_words[p];
      capitalised[p] += c.words[k].upper;
      common[p] += c.words[k].upper && lower.contains(c.keys[k]);
    }
    for (std::size_t p = 0; p < headline.size(); ++p) {
      // Short, and not ended like a sentence.
      const Span span = c.tokens.paragraphs[p];
      const char last = span.empty() ? '.' : c.text[span.end - 1];
      headline[p] = long_words[p] >= 3 && long_words[p] <= 24 && common[p] >= 3 &&
                    capitalised[p] * 10 >= long_words[p] * 8 && last != '.' && last != ';';
    }
  }
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (headline[c.words[i].paragraph]) continue;
    // "Kuwait's oil minister, Sheikh Ali al-Khalifa al-Sabah, said": the person after the title.
    const auto clause_opens = [&](std::size_t k) {  // "KUWAIT, March 2 - Kuwait's oil minister"
      const std::string_view gap = c.gap(k);
      return k == 0 || c.breaks(k, ",.;:!?()") || c.words[k].sentence != c.words[k - 1].sentence ||
             gap.find(" - ") != std::string_view::npos || gap.find("\u2014") != std::string_view::npos ||
             gap.find("\u2013") != std::string_view::npos;
    };
    if (const TitledName t = appositive_name(c, i, c.size()); t.ok() && clause_opens(i)) {
      const std::int32_t s = c.person(t.name_begin, t.end);
      c.add_mention(s, t.name_begin, t.end);
      apply_title(c, s, t);
      i = std::max(i, read_apposition(c, s, t.end) - 1);
      continue;
    }
    // "OPEC President Rilwanu Lukman", "E.F. Hutton Group analyst Michael Lewis": a person.
    if (const TitledName t = titled_name(c, i, c.size()); t.ok()) {
      const std::int32_t s = c.person(t.name_begin, t.end);
      c.add_mention(s, t.name_begin, t.end);
      apply_title(c, s, t);
      i = std::max(i, read_apposition(c, s, t.end) - 1);
      continue;
    }
    const std::size_t e = name_end(c, i);
    if (e == i) continue;
    const std::size_t b = name_start(c, i, e);  // Minister Grace Mwangi, Florida Gov. Rick Scott
    if (!person_like(c, b, e)) {
      i = e - 1;
      continue;
    }
    const std::string_view after = c.gap(e);
    const std::size_t comma = after.find(',');
    // "Name, Director of ...", and "Mark Cuban, the billionaire owner of ...": a given name and
    // an apposition that opens with an article.
    const bool comma_after = e < c.size() && comma != std::string_view::npos &&
                             after.find_first_not_of(" \t\r\n\u00A0") == comma &&
                             after.find_first_not_of(" ,\u00A0") == std::string_view::npos;
    const bool apposition = comma_after && (role_within(c, e, segment_end(c, e, 16), 4) ||
                                            (e - b >= 2 && c.is(WordClass::kGivenNames, b) &&
                                             c.is_article(e) && !c.words[e].upper));
    const bool bracket = e < c.size() && after.find_first_not_of(" \t\r\n\u00A0") == after.find('(') &&
                         after.find('(') != std::string_view::npos;
    // "Maryam Al-Balushi said", and "Menon’s teammate, Maryam Al-Balushi, said".
    // "Maryam Al-Balushi said", "Schlafly also noted", "Cruz openly admitted".
    std::size_t verb_at = e;
    while (verb_at < c.size() && verb_at < e + 2 && c.gap(verb_at) == " " && !c.words[verb_at].upper &&
           (in_list(c.keys[verb_at], {"also", "then", "later", "again", "once", "first", "repeatedly"}) ||
            (c.keys[verb_at].size() > 4 && c.keys[verb_at].ends_with("ly")))) {
      ++verb_at;
    }
    const bool verb_after = e < c.size() && (after == " " || after == "\u00A0" || after == ", ") &&
                            verb_at < c.size() && c.is(WordClass::kVerbs, verb_at) &&
                            c.value(WordClass::kVerbs, verb_at) != "noun";
    // "said Name", not "call Name" (a verb that frames quoted words has its object after it).
    const bool verb_before = b > 0 && (c.gap(b) == " " || c.gap(b) == "\u00A0") &&
                             ((c.is(WordClass::kVerbs, b - 1) && c.value(WordClass::kVerbs, b - 1) != "frame") ||
                              c.is(WordClass::kSources, b - 1) ||
                              (b > 1 && c.match(WordClass::kSources, b - 2) == 2));
    // "a classmate named Stewart Snyder", "un campesino llamado Juan".
    const bool named = b > 0 && in_list(c.keys[b - 1], {"named", "called", "llamado", "llamada",
                                                         "nommé", "nommée"});
    const bool by = b > 1 && e - b >= 2 &&
                    (c.keys[b - 1] == "by" || c.keys[b - 1] == "por" || c.keys[b - 1] == "par");
    // "Модератором сессии выступил Алексей Петров", "La moderadora fue Ana Ruiz": the
    // moderator's noun a few words before the name in its sentence.
    bool moderator = false;
    for (std::size_t k = b; k-- > 0 && b - k <= 4 && e - b >= 2;) {
      if (c.words[k].sentence != c.words[b].sentence || c.words[k].quoted) break;
      const std::string& key = c.keys[k];
      if (key.starts_with("модератор") || key.starts_with("moderador") ||
          key.starts_with("modérat") || key == "moderator") {
        moderator = true;
        break;
      }
    }
    const bool titled = (b > i && e - b >= 2) ||
                        (e - b >= 2 && !c.value(WordClass::kHonorifics, b).empty());
    // "William, a boy of seven, fled": a person described by a noun of the unnamed list, who
    // is then "the boy".
    std::size_t noun = 0;
    if (e + 1 < c.size() && after == ", " && c.is_article(e) && !c.words[e].quoted &&
        (c.keys[e] == "a" || c.keys[e] == "an" || c.keys[e] == "the")) {
      for (std::size_t k = e + 1; k < c.size() && k <= e + 3 && !c.words[k].upper; ++k) {
        if (c.is(WordClass::kUnnamed, k)) {
          noun = k;
          break;
        }
        if (c.breaks(k + 1, ",.;:!?()") || c.is(WordClass::kVerbs, k)) break;
      }
    }
    // "Allan Quatermain, commonly called Hunter Quatermain": one person, the second name an alias.
    std::size_t alias_b = 0, alias_e = 0;
    if (after == ", " && e + 1 < c.size()) {
      std::size_t k = e;
      if (!c.words[k].upper && in_list(c.keys[k], {"commonly", "usually", "also", "generally",
                                                   "better"})) {
        ++k;
      }
      if (k < c.size() && in_list(c.keys[k], {"called", "nicknamed"})) {
        alias_b = k + 1;
      } else if (k + 1 < c.size() && c.keys[k] == "known" && c.keys[k + 1] == "as") {
        alias_b = k + 2;
      }
      alias_e = alias_b > 0 ? name_end(c, alias_b) : 0;
      if (alias_e <= alias_b || !person_like(c, alias_b, alias_e)) alias_b = alias_e = 0;
    }
    const std::int32_t known = c.find_person(b, e, b);
    if (!(apposition || bracket || verb_after || verb_before || by || titled || noun || named ||
          moderator || alias_e > 0) &&
        known < 0) {
      i = e - 1;
      continue;
    }
    const std::int32_t s = c.person(b, e);
    c.add_mention(s, b, e);
    if (alias_e > 0) {
      c.add_mention(s, alias_b, alias_e);
      i = alias_e - 1;
      continue;
    }
    Speaker& speaker = c.speakers[static_cast<std::size_t>(s)];
    if (noun) {
      c.add_title(s, c.keys[noun]);
      const std::string_view gender = c.value(WordClass::kUnnamed, noun);
      if (speaker.gender == 0 && !gender.empty()) speaker.gender = gender[0];
    }
    if (titled && speaker.role.empty()) speaker.role = std::string(c.slice(i, b));
    if ((by && c.keys[b - 2].starts_with("moderat")) || moderator) speaker.participation = "moderator";
    if (by && (c.keys[b - 2].starts_with("chair") || c.keys[b - 2].starts_with("host"))) {
      speaker.participation = "moderator";
    }
    if (bracket || apposition) {
      // "Speakers included ... Naima Díaz (Nicaragua)": a listed participant.
      if (speaker.participation.empty()) {
        for (std::size_t k = i; k-- > 0 && c.words[k].sentence == c.words[i].sentence;) {
          if (c.is(WordClass::kGroups, k)) {
            speaker.participation = "speaker";
            break;
          }
        }
      }
      i = std::max(i, read_apposition(c, s, e) - 1);
    } else {
      i = e - 1;
    }
    // Russian past tense tells the gender: отметила / отметил.
    if (verb_after && speaker.gender == 0) {
      const std::string& verb = c.keys[verb_at];
      if (verb.ends_with("ла")) speaker.gender = 'f';
      else if (verb.ends_with("л")) speaker.gender = 'm';
    }
  }
  c.roster_size = c.speakers.size();
}

void finish_roster(Context& c) {
  // Second pass: every other mention of a person the first pass found, before or after the one
  // that introduced them (“No Tom.” ... “said Tom”), so that pronouns can stand for them.
  for (std::size_t i = 0; i < c.size(); ++i) {
    const std::size_t e = name_end(c, i);
    if (e == i) continue;
    if (person_like(c, i, e)) {
      if (const std::int32_t s = c.find_person(i, e, i); s >= 0) c.add_mention(s, i, e);
    }
    i = e - 1;
  }
  std::stable_sort(c.mentions.begin(), c.mentions.end(),
                   [](const Context::Mention& a, const Context::Mention& b) { return a.word < b.word; });
  c.roster_done = true;
  c.index_roles(true);
}

}  // namespace themescan::detail
