// Shared state of the attribution passes (roster.cc, attribution.cc, reported_speech.cc).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <string_view>
#include <utility>
#include <vector>

#include "themescan/attribution.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/normalize.h"
#include "themescan/quotes.h"
#include "themescan/text.h"

namespace themescan::detail {

// True when `gap` (text between words) holds any of `chars`.
std::string name_index_key(std::string_view word);

// "dr" for "doctor", "capt" for "captain": the same first letter, then the abbreviation's
// letters in order.
bool abbreviates(std::string_view abbreviation, std::string_view noun);

// True when `key` is one of the words in `list`.
inline bool in_list(std::string_view key, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

inline bool has_any(std::string_view gap, std::string_view chars) {
  return gap.find_first_of(chars) != std::string_view::npos;
}

struct Word {
  Span span;
  std::uint32_t sentence = 0;
  std::uint32_t paragraph = 0;
  bool upper = false;   // starts with an upper-case or title-case letter
  bool quoted = false;  // inside the marks of a quote (direct or term)
};

// A speaker reference found in the text: words [begin, end) naming a speaker.
struct NounPhrase {
  SpeakerReference reference = SpeakerReference::kNone;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::int32_t speaker = -1;  // resolved speaker, -1 when it could not be resolved
  bool ok() const { return reference != SpeakerReference::kNone && speaker >= 0; }
};

class Context {
 public:
  Context(std::string_view text, const TokenizedText& tokens, const AttributionLexicon& lexicon,
          const std::vector<Quote>& quotes);

  std::string_view text;
  const TokenizedText& tokens;
  const AttributionLexicon& lexicon;
  std::vector<Word> words;
  std::vector<std::string> keys;  // normalised, possessive 's removed
  std::vector<Speaker> speakers;

  struct Mention {
    std::size_t word = 0;  // first word of the mention
    std::int32_t speaker = -1;
  };
  std::vector<Mention> mentions;  // person mentions outside quotes, in text order
  // Speakers of the quotes attributed so far, at the quote's first word, in text order: a
  // pronoun may stand for the last one who spoke even when the text never named them
  // ("said the parson. ... he said").
  std::vector<Mention> turns;

  std::size_t size() const { return words.size(); }
  // The text between word i-1 and word i (from the start of the text for i == 0, to its end for
  // i == size()).
  std::string_view gap(std::size_t i) const;
  // Whether word i starts a new phrase: its gap has one of `marks`, or it starts a paragraph
  // (a line break inside a hard-wrapped paragraph is only a space).
  bool breaks(std::size_t i, std::string_view marks) const;
  std::string_view slice(std::size_t begin, std::size_t end) const;  // words [begin, end)
  std::size_t match(WordClass word_class, std::size_t i) const;      // words matched at i
  std::string_view value(WordClass word_class, std::size_t i) const;  // its ' | value'
  bool is(WordClass word_class, std::size_t i) const { return match(word_class, i) > 0; }
  bool is_possessive(std::size_t i) const;  // brother’s, Rose's (the key drops the 's)
  bool is_article(std::size_t i) const;     // the, a, an, one, el, la, le, ...
  bool is_indefinite(std::size_t i) const;  // a, an, one, un, una, une
  bool is_quantifier(std::size_t i) const;  // several, many, some, несколько, ...
  bool is_function_word(std::size_t i) const;  // I, it, then, in, ...: never part of a name
  // Word i is the lower-case noun of a region, province or district (области, края, oblast).
  bool before_division(std::size_t i) const;
  // The key of word k is, somewhere in the text, a capitalised surname after a given name (Bush
  // in "Jeb Bush"). The set is built once, on first use.
  bool surname_elsewhere(std::size_t k) const;
  // Words [begin, end) name a place: every word is covered by the gazetteer ("New Hampshire",
  // "Kuwait’s", "Mexico City", "Brazilian"). A place is never a speaker.
  // Also a capitalised word before the noun of an administrative division: "Курганской
  // области", "Kurgan oblast", "la provincia".
  bool is_place(std::size_t begin, std::size_t end) const {
    return covered(WordClass::kPlaces, begin, end) || before_division(end);
  }
  // Words [begin, end) name a publication (Reuters, the daily al-Qabas): the channel of a quote.
  bool is_publication(std::size_t begin, std::size_t end) const {
    return covered(WordClass::kPublications, begin, end);
  }
  bool is_calendar(std::size_t i) const { return is(WordClass::kCalendar, i); }  // Monday, June
  // Words [begin, end) are all words that the text uses in an organisation's name elsewhere:
  // "ChemLawn" after "ChemLawn Corp", "Verdant" after "Verdant Pharmaceuticals Inc".
  bool known_organisation(std::size_t begin, std::size_t end) const;
  // Finds the words of organisation names (a capitalised run ending in an organisation word);
  // build_roster() calls it first.
  void collect_organisation_words();
  // Words [begin, end) are, one entry after the other, all entries of `word_class`.
  bool covered(WordClass word_class, std::size_t begin, std::size_t end) const;
  // A capitalised word only because it opens a sentence or a quote ("Finally Tom said"): the
  // text has it in lower case elsewhere and never capitalised inside a sentence.
  bool common_capital(std::size_t i) const { return i < common_capital_.size() && common_capital_[i]; }
  // The first word at or after byte offset `offset` (size() when none).
  std::size_t word_at_or_after(std::uint32_t offset) const;
  // The words [first, end) that lie wholly inside `span` (a quote's text).
  std::pair<std::size_t, std::size_t> words_within(Span span) const;

  // Speakers
  std::int32_t add_speaker(Speaker speaker);
  // The speaker for a group or description named by words [begin, end), created when new.
  std::int32_t unnamed_speaker(std::size_t begin, std::size_t end, bool group);
  // The same, found by `key` instead of its name's words: "Kuwait's representative" and "the
  // representative of Kuwait" are one delegate.
  std::int32_t unnamed_speaker(std::size_t begin, std::size_t end, bool group, const std::string& key);
  // The most recent person mentioned before word `before` whose gender is compatible.
  std::int32_t resolve_pronoun(std::size_t before, char gender) const;
  // The most recent person before word `before` whose role or participation has word i.
  std::int32_t resolve_title(std::size_t before, std::size_t role_word) const;
  // Adds the speakers not yet in the role index (all of them again with `rebuild`: roles given
  // while the roster was built).
  void index_roles(bool rebuild) const;
  // The person, most recently mentioned before word `before`, whose name carries the title that
  // the description's head noun `head` names: "the doctor" for Dr. Archie, "the captain" for
  // Captain Eldridge. An honorific abbreviation stands for a noun that starts with its first
  // letter and contains its letters in order (dr: doctor, capt: captain). -1 when none is.
  std::int32_t resolve_title_noun(std::size_t before, std::string_view head) const;
  // The character that "the KEY ..." names, its head at word k (after the article): the person
  // titled with it (the doctor: Dr. Archie) or a described character with that description (the
  // parson); -1 when none is.
  std::int32_t described_at(std::size_t k) const;
  // The gender that an honorific among words [begin, end) gives (Mrs.: 'f'), else the first
  // word's given name (William: 'm'), or 0.
  char name_gender(std::size_t begin, std::size_t end) const;
  // A person named by words [begin, end): a known one (full name or part of it), else -1.
  std::int32_t find_person(std::size_t begin, std::size_t end, std::size_t before) const;
  // The person named by words [begin, end), added to the roster when new.
  std::int32_t person(std::size_t begin, std::size_t end);
  // The same for an organisation speaking as itself ("ChemLawn", "the DNC").
  std::int32_t organisation(std::size_t begin, std::size_t end);
  // The one speaker named with that title ("mrs"), or -1 when none or several are.
  std::int32_t only_titled(std::string_view title) const;
  // Lets "the KEY" (the doctor, the boy) refer back to the named speaker.
  void add_title(std::int32_t speaker, const std::string& key);
  // Records a mention; it also counts for pronoun resolution while the roster is being built.
  void add_mention(std::int32_t speaker, std::size_t begin, std::size_t end);
  // True when words of the speaker's name occur inside `span` (a quote addressing them).
  bool named_inside(std::int32_t speaker, Span span) const;
  void add_alias(std::int32_t speaker, std::string_view written);  // white space collapsed
  void set_name(std::int32_t speaker, std::size_t begin, std::size_t end);
  // The person the quote being attributed addresses by name (-1: none): a pronoun never stands
  // for them.
  std::int32_t addressed = -1;
  // In a dialogue, the other person in the conversation: a pronoun that opens the next turn
  // stands for them when it can (-1: none).
  std::int32_t partner = -1;
  std::int32_t narrator = -1;  // the speaker "I" of a story told in the first person, once met
  bool roster_done = false;
  // "said the doctor": a definite noun phrase as an unnamed speaker (direct quotes only).
  bool generic_descriptions = false;
  std::size_t roster_size = 0;  // speakers admitted by build_roster()

 private:
  Normalizer normalizer_;
  std::vector<std::vector<std::string>> name_keys_;  // per speaker: keys of the name's words
  // match() per word and class: the words matched, or kUnknownMatch before the first look-up.
  static constexpr std::uint8_t kUnknownMatch = 0xFF;
  mutable std::vector<std::uint8_t> match_cache_;
  std::vector<bool> common_capital_;  // per word, see common_capital()
  std::unordered_set<std::string> organisation_words_;  // see known_organisation()
  // Per speaker: the keys of the name's words with its honorifics (dr, archie), filled by
  // person().
  std::vector<std::vector<std::string>> title_keys_;
  std::unordered_map<std::string, std::vector<std::int32_t>> title_index_;  // title key -> speakers
  std::unordered_map<std::string, std::int32_t> unnamed_index_;  // key of an unnamed speaker's name
  // Speakers by the index key of each of their name words (name_index_key), so a name is looked
  // up among the few speakers who share a word with it, not among all of them.
  std::unordered_map<std::string, std::vector<std::int32_t>> name_index_;
  // Per speaker: the words where the roster mentions them, ascending; and the spans of all their
  // mentions, to add each once.
  // Per speaker: the gender a mention's honorific or given name gave (name_gender), so that
  // Mrs. Pontellier is not taken for Mr. Pontellier nor Mrs. Morel for William Morel; 0 when none
  // did.
  std::vector<char> name_gender_;
  std::vector<std::vector<std::size_t>> mention_words_;
  std::vector<std::unordered_set<std::uint64_t>> mention_spans_;
  // Per speaker: for a character described, not named ("the doctor"), the keys of the
  // description without its article or possessive ({"doctor"}); empty otherwise.
  std::vector<std::vector<std::string>> description_keys_;
  std::unordered_map<std::string, std::vector<std::int32_t>> description_index_;  // by first key

  void mark_common_capitals();
  // Role words -> named speakers with them in their role or participation (resolve_title).
  mutable std::unordered_set<std::string_view> surnames_;
  mutable bool surnames_built_ = false;
  mutable std::map<std::string, std::vector<std::int32_t>> role_index_;
  mutable std::size_t role_indexed_ = 0;  // speakers [0, role_indexed_) are in role_index_
  // The last word k < before, at most `window` words back and not inside a quote, where the
  // description of an unnamed character of this gender appears; its speaker, or -1.
  std::int32_t recent_description(std::size_t before, char gender, std::size_t window,
                                  std::size_t* at) const;
};

// roster.cc
// Three or more ASCII capitals and no lower-case ASCII letter: an acronym or a shouted word.
bool all_caps(std::string_view word);
// End of the capitalised name starting at word i ("Vadim Glushchenko", "Mr. Bennet",
// "Rosa Quispe Mamani", "Pierre-Yves Lemaire"), or i when there is none.
std::size_t name_end(const Context& context, std::size_t i);
// The same for a name inside a quote (“Good night, Sir John”): words [i, end) up to word `last`.
std::size_t quoted_name_end(const Context& context, std::size_t i, std::size_t last);
// The first word of the name in a capitalised run [begin, end): past role words (Minister
// Grace Mwangi) and places (Florida Gov. Rick Scott, Татарстана Рустам Галимзянов).
std::size_t name_start(const Context& c, std::size_t begin, std::size_t end);
// The first word at or after i past a time expression (Tuesday, on Monday night, el lunes).
std::size_t skip_time(const Context& c, std::size_t i, std::size_t limit);
// True when words [begin, end) can be a person's name (no organisation or role word ...).
bool person_like(const Context& context, std::size_t begin, std::size_t end);
// Splits "Director of Infrastructure Planning at the Gdańsk Metropolitan Authority" (words
// [begin, end)) into a role and an affiliation.
void split_role(const Context& c, std::size_t begin, std::size_t end, std::string* role,
                std::string* affiliation);
// Reads "Name, Role of Org" / "Name (Country)" after a name ending at word `end` into speaker
// `speaker`. Returns the first word after the apposition (end when there is none).
std::size_t read_apposition(Context& context, std::int32_t speaker, std::size_t end);
// The roster: people the text introduces (roster_size is then their number).
void build_roster(Context& context);
// Records every narration mention of the people known so far (the roster's, and those that
// quotes address by name) and closes the roster.
void finish_roster(Context& context);

// names.cc
// A person named after a title in front of the name, with what it belongs to: "OPEC President
// Rilwanu Lukman", "E.F. Hutton Group analyst Michael Lewis", "McConnell spokesman Don
// Stewart", "Secretary of State John Kerry", "Florida-based strategist Al Cardenas". Honorifics
// (Mr., Sen., Dr.) stay part of the name and make no title here.
struct TitledName {
  std::size_t begin = 0;       // first word of the phrase (title and what comes before it)
  std::size_t name_begin = 0;  // first word of the name
  std::size_t end = 0;         // one past the name's last word
  bool apposition = false;     // the name follows the title after a comma
  bool ok() const { return end > name_begin; }
};
// The titled name that starts at word i and ends at most at word `limit`; !ok() when none does.
TitledName titled_name(const Context& c, std::size_t i, std::size_t limit);
// A title, what it belongs to and then the name in apposition, starting at word i: "the White
// House spokesman, Josh Earnest", "el superintendente de Irrigación, Óscar Pelegrina", "la
// ministra de Economía, Ana Ruiz"; !ok() when there is none.
TitledName appositive_name(const Context& c, std::size_t i, std::size_t limit);
// Gives the speaker the title's role, and its organisation or place as affiliation or country
// (when those are still empty).
void apply_title(Context& c, std::int32_t speaker, const TitledName& t);

// frames.cc
// A quote's frame: who says it and with which verb, found in its sentence.
struct Frame {
  NounPhrase speaker;
  Span verb;
  AttributionMethod method = AttributionMethod::kNone;
  bool ok() const { return speaker.ok(); }
};
// The subject of the verb at word v in a sentence starting at word `begin`: the phrase before
// it past adverbs, auxiliaries and times ("Ryan has repeatedly said", "Trump on Tuesday
// called"), the antecedent of "who", or the phrase opening the clause when an apposition ends at
// the verb ("Jeb Bush, the former Florida governor, who ..., called").
NounPhrase clause_subject(Context& c, std::size_t v, std::size_t begin);
// Whether the verb at word v is a participle after a comma (", adding that ..."): its subject is
// that of the verb before it.
bool participle(const Context& c, std::size_t v);
// The verb of speech or source phrase of the quote's sentence and its subject: the nearest one
// before the opening mark ("Hollande denounced Trump’s remarks as “hurtful”"), else one after
// the closing mark ("Trump’s “excesses” are sickening, Hollande said").
Frame sentence_frame(Context& c, const Quote& q);
// The person a pronoun at word `before` stands for by the subjects of the sentences before
// it: the subject of the nearest sentence (past quoted words, conjunctions and a leading
// adverbial) that is a known person agreeing in gender, looking back at most 6 sentences and 3
// paragraphs, and following pronoun subjects back to their own antecedent ("Then he began ...").
// -1 when none is.
std::int32_t subject_antecedent(Context& c, std::size_t before, char gender);
// The known person that the narration before the quote in its sentence is about, its subject
// ("Cruz made an unprompted call for ..., calling them “corporate welfare.”"); -1 when the
// quote opens its sentence or the subject is no known person. (begin and end are the words of
// the narration, not of the subject.)
NounPhrase narration_subject(Context& c, const Quote& q);
// Whether the quote runs on from the words before it in its sentence without punctuation (a
// fragment in the writer's sentence: called the plan “a disaster”), rather than being
// introduced by a colon or comma or standing alone.
bool embedded(const Context& c, const Quote& q);
// Whether the quote names a title, a phrase or a slogan rather than quoting words: title case
// (“Meet the Press”), or after so-called, the phrase, a show, a book, known as, titled.
bool names_a_title(const Context& c, const Quote& q);
// Whether the quote, in title case, stands in apposition after a noun naming works: the spot,
// “Trumpcare,” links ...; a documentary, “Citizen Carly,” in which ...
bool titled_apposition(const Context& c, const Quote& q);
// Whether every word of four letters or more in the quote is capitalised, and the first is.
bool title_case_words(const Context& c, const Quote& q);
// Whether the quote is in title case: every word of four letters or more capitalised (“Meet the
// Press”, “Opening Belle,”), outside the first paragraph (a headline capitalises every word).
bool title_case(const Context& c, const Quote& q);

// attribution.cc
NounPhrase speaker_after(Context& context, std::size_t i, std::size_t limit);
NounPhrase speaker_before(Context& context, std::size_t end, std::size_t lower);
double reference_confidence(SpeakerReference reference);

// reported_speech.cc
void find_reported_speech(Context& context, std::vector<Quote>& quotes);

}  // namespace themescan::detail
