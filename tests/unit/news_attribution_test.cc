// Attribution on real-world news layouts and patterns: wire copy, UN meeting summaries, Russian
// and Spanish news, reported speech without "that", partial quotes, entity kinds and pronoun
// agreement. The texts imitate their sources (a 1987 oil wire story, a UN press summary, a
// regional news site); every expected speaker was checked by reading the text.
#include <string>

#include "attribution_test_util.h"

namespace {

using testutil::attribute;
using testutil::Attributed;
using themescan::QuoteType;
using themescan::SpeakerKind;

// A wire story, one paragraph per line (the layout tests cover the hard-wrapped original).
const char* const kWire =
    "KUWAIT SAYS OPEC OUTPUT PACT IS HOLDING\n"
    "KUWAIT, March 2 - Kuwait's oil minister, Sheikh Ali al-Khalifa al-Sabah, said in December "
    "that OPEC would defend its 18 dlr a barrel reference price.\n"
    "Kuwait pumped about 1.3 mln barrels a day last month, industry sources said.\n"
    "\"We will not sell one barrel below the official price,\" he said.\n"
    "He was quoted by the local daily al-Qabas as saying: \"The agreement is holding and prices "
    "will recover.\"\n"
    "In Jamaica, OPEC President Rilwanu Lukman, who is also Nigeria's oil minister, said the "
    "group would meet in Vienna in June as planned.\n"
    "\"Demand is weaker than the producers think,\" said E.F. Hutton Group analyst Michael Lewis.\n"
    "Bijan Moussavar-Rahmani of Harvard's Energy and Environment Policy Center said prices could "
    "fall to 15 dlrs by the summer.\n"
    "Shares of ChemLawn Corp rose 4-1/8 to 31-3/4 after Waste Management Inc raised its offer.\n"
    "\"They have to come back with a higher bid,\" an arbitrageur said.\n"
    "ChemLawn said in a statement that its board would meet on Sunday to study the offer.\n"
    "\"The discipline is there for now,\" the minister said.\n"
    "A spokesman for the U.S. Embassy in Kuwait told Reuters the talks were routine.\n";

}  // namespace

TEST_CASE("news attribution: wire copy gives people, not places, papers or dates") {
  const Attributed a = attribute(kWire);
  // "he said" after a sentence about Kuwait: the minister, not Kuwait.
  CHECK(a.speaker_of("We will not sell") == "Sheikh Ali al-Khalifa al-Sabah");
  const themescan::Speaker& minister = a.speaker("Sheikh Ali al-Khalifa al-Sabah");
  CHECK(minister.role == "oil minister");
  CHECK(minister.country == "Kuwait");
  CHECK(minister.kind == SpeakerKind::kPerson);
  // Quoted by a newspaper: the newspaper is the channel, the minister the speaker.
  CHECK(a.speaker_of("The agreement is holding") == "Sheikh Ali al-Khalifa al-Sabah");
  // A title resolves to the named person with it.
  CHECK(a.speaker_of("The discipline") == "Sheikh Ali al-Khalifa al-Sabah");
  // Names after their titles, with the organisation as affiliation.
  CHECK(a.speaker_of("Demand is weaker") == "Michael Lewis");
  CHECK(a.speaker("Michael Lewis").role == "analyst");
  CHECK(a.speaker("Michael Lewis").affiliation == "E.F. Hutton Group");
  CHECK(a.speaker_of("the group would meet") == "Rilwanu Lukman");
  CHECK(a.speaker("Rilwanu Lukman").role == "President");
  CHECK(a.speaker("Rilwanu Lukman").affiliation == "OPEC");
  CHECK(a.speaker_of("prices could fall") == "Bijan Moussavar-Rahmani");
  CHECK(a.speaker("Bijan Moussavar-Rahmani").affiliation == "Harvard's Energy and Environment Policy Center");
  // Unnamed sources and organisations.
  CHECK(a.speaker_of("They have to come back") == "an arbitrageur");
  CHECK(a.speaker("an arbitrageur").kind == SpeakerKind::kUnnamed);
  CHECK(a.speaker_of("its board would meet") == "ChemLawn");
  CHECK(a.speaker("ChemLawn").kind == SpeakerKind::kOrganisation);
  CHECK(a.speaker_of("the talks were routine") == "a spokesman");
  CHECK(a.speaker("a spokesman").affiliation == "U.S. Embassy");
  CHECK(a.speaker("a spokesman").country == "Kuwait");
  // Reported speech as news writes it: after a time, without "that", before ", sources said".
  CHECK(a.speaker_of("OPEC would defend") == "Sheikh Ali al-Khalifa al-Sabah");
  CHECK(a.quote("OPEC would defend").type == QuoteType::kIndirect);
  CHECK(a.speaker_of("Kuwait pumped") == "industry sources");
  CHECK(a.speaker("industry sources").kind == SpeakerKind::kGroup);
  // No place, publication or date is ever a speaker.
  for (const char* name : {"Kuwait", "KUWAIT", "Jamaica", "Qabas", "al-Qabas", "December",
                           "Sunday", "Reuters", "Embassy", "U.S. Embassy", "Environment Policy Center"}) {
    CHECK_MESSAGE(!a.has_speaker(name), name);
  }
}

TEST_CASE("news attribution: UN delegates are speakers of their own, keyed by their country") {
  const Attributed a = attribute(
      "SECURITY COUNCIL EXTENDS MISSION IN SOUTH SUDAN\n"
      "Under-Secretary-General for Political Affairs Rosemary DiCarlo, briefing the Council, said "
      "that the ceasefire was holding in most of the country.\n"
      "The representative of Kenya said his delegation supported the renewal.\n"
      "The representative of Brazil said the text should have included a review clause.\n"
      "\"We are ready to do more,\" the representative of Kenya said.\n"
      "\"Patience is not a strategy,\" Kuwait's representative said.\n"
      "Speaking in explanation of vote, the representative of France said that his country had "
      "voted in favour.\n");
  CHECK(a.speaker_of("the ceasefire") == "Rosemary DiCarlo");
  CHECK(a.speaker("Rosemary DiCarlo").role == "Under-Secretary-General for Political Affairs");
  CHECK(a.speaker_of("his delegation supported") == "the representative of Kenya");
  CHECK(a.speaker_of("We are ready") == "the representative of Kenya");
  CHECK(a.speaker_of("the text should") == "the representative of Brazil");
  CHECK(a.speaker("the representative of Brazil").country == "Brazil");
  CHECK(a.speaker_of("Patience") == "Kuwait's representative");
  CHECK(a.speaker("Kuwait's representative").country == "Kuwait");
  CHECK(a.speaker_of("his country had") == "the representative of France");
  CHECK(!a.has_speaker("the representative"));
}

TEST_CASE("news attribution: Russian title before the name, and the moderator") {
  const Attributed a = attribute(
      "Модератором сессии выступил Алексей Петров, директор Центра цифровых компетенций.\n"
      "«Мы запускаем облачную платформу для малого бизнеса», — заявил министр цифрового развития "
      "Татарстана Айдар Шайхутдинов.\n"
      "«Сроки реальные», — добавил Петров.\n");
  CHECK(a.speaker_of("Мы запускаем") == "Айдар Шайхутдинов");
  CHECK(a.speaker("Айдар Шайхутдинов").role == "министр цифрового развития");
  CHECK(a.speaker_of("Сроки реальные") == "Алексей Петров");
  CHECK(a.speaker("Алексей Петров").participation == "moderator");
  CHECK(!a.has_speaker("Татарстана Айдар Шайхутдинов"));
}

TEST_CASE("news attribution: a fragment in reported speech is a partial quote; titles stay terms") {
  const Attributed a = attribute(
      "Senator Maria Lopez called the plan \"a disaster\" and said the deal was \"dead on "
      "arrival.\"\n"
      "She told NBC's \"Meet the Press\" that the vote would be close.\n"
      "Critics call it the so-called \"nuclear option\".\n");
  const themescan::Quote& disaster = a.quote("a disaster");
  CHECK(disaster.type == QuoteType::kDirect);
  CHECK(disaster.partial);
  CHECK(a.speaker_of("a disaster") == "Maria Lopez");
  CHECK(a.quote("dead on arrival").partial);
  CHECK(a.speaker_of("dead on arrival") == "Maria Lopez");
  CHECK(a.quote("Meet the Press").type == QuoteType::kTerm);
  CHECK(a.quote("nuclear option").type == QuoteType::kTerm);
}

TEST_CASE("news attribution: a described source keeps the place among its modifiers") {
  // Nobody in the story is a senator, so "the Vermont senator" is a described source of its own
  // (not the previous turn's speaker), from Vermont; the possessive is not part of its name.
  const Attributed a = attribute(
      "\"We support the bill,\" the representative of Kenya said.\n\n"
      "\"We abstained,\" the representative of Brazil said.\n\n"
      "\"This bill is a mess,\" the Vermont senator said.\n\n"
      "\"Turnout will be low,\" a New Hampshire official said.\n\n"
      "\"No,\" a Brazilian delegate said.\n\n"
      "The Ohio governor’s answer was that \"the state will pay.\"\n");
  CHECK(a.speaker_of("This bill is a mess") == "the Vermont senator");
  CHECK(a.speaker("the Vermont senator").country == "Vermont");
  CHECK(a.speaker("the Vermont senator").kind == SpeakerKind::kUnnamed);
  CHECK(a.speaker_of("Turnout will be low") == "a New Hampshire official");
  CHECK(a.speaker("a New Hampshire official").country == "New Hampshire");
  // A demonym describes; it is not a country.
  CHECK(a.speaker_of("No") == "a Brazilian delegate");
  CHECK(a.speaker("a Brazilian delegate").country.empty());
  CHECK(a.speaker_of("the state will pay") == "the Ohio governor");
  CHECK(a.speaker("the Ohio governor").country == "Ohio");
}
