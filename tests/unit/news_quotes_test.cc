// Quotes as news writes them, beyond "..., said Name": headlines, "Name:" transcripts, titles
// in capitals, fragments in the writer's sentence, documents and bodies that speak, and the
// names, titles and works that must not be taken for speakers or quotes. The texts imitate
// their sources (agency copy, a US political story, a campaign-ad story, a Russian regional
// site); every expected value was checked by reading the text.
#include <string>

#include "attribution_test_util.h"

namespace {

using testutil::attribute;
using testutil::Attributed;
using themescan::QuoteType;
using themescan::SpeakerKind;

}  // namespace

TEST_CASE("news quotes: a headline quotes the person it leads with, and Name: opens a quote") {
  const Attributed a = attribute(
      "Okafor: ‘Ten More Months’ for Refinery Deal\n"
      "LAGOS, May 6 (Reuters) - Nigeria's petroleum minister, Adaeze Okafor, said on Tuesday "
      "the government would not sign the refinery agreement before the end of the year.\n"
      "Union leader Musa Bello told reporters the workers would strike if the deal was delayed.\n"
      "Asked about the delay at a news conference, the two gave short answers.\n"
      "Okafor: “We have waited ten years. We can wait ten more months.” Bello: “The unions "
      "will not accept another delay.”\n");
  // The headline's quote, without a verb of speech: the person the headline leads with.
  CHECK(a.quote("Ten More Months").type == QuoteType::kDirect);
  CHECK(a.speaker_of("Ten More Months") == "Adaeze Okafor");
  // Transcript style: a surname and a colon; Bello is the Musa Bello of the text.
  CHECK(a.speaker_of("We have waited") == "Adaeze Okafor");
  CHECK(a.method_of("We have waited") == "leading-verb");
  CHECK(a.speaker_of("The unions will not") == "Musa Bello");
  // Reported speech: after a time and without "that", and after "told reporters".
  CHECK(a.quote("the government would not sign").type == QuoteType::kIndirect);
  CHECK(a.speaker_of("the government would not sign") == "Adaeze Okafor");
  CHECK(a.speaker_of("the workers would strike") == "Musa Bello");
  CHECK(!a.has_speaker("LAGOS"));
  CHECK(!a.has_speaker("Reuters"));
}

TEST_CASE("news quotes: a single lower-case word quoted in a headline is a scare quote") {
  const Attributed a = attribute(
      "Is the ‘recovery’ real? Economists are split\n"
      "Factory orders rose for a third month in April, the Commerce Department said.\n");
  CHECK(a.quote("recovery").type == QuoteType::kTerm);
}

TEST_CASE("news quotes: titles before names, party tags and inverted verbs") {
  const Attributed a = attribute(
      "NAIROBI, June 12 - The government will open a second data centre next year.\n"
      "“The tender is closed and the talks are over,” said Information Minister Wanjiru Kamau.\n"
      "Committee Chairman Rep. Jason Chaffetz, R-Utah, said the hearing would start with the "
      "director. “There’s no reason why the bureau should not share that information,” he said.\n"
      "“The Border Patrol has done an incredible job, given its resources,” said Gen. Barry R. "
      "McCaffrey, the White House drug policy director in the Clinton administration.\n"
      "So far, Sanders has shown little interest in raising money for others. But Sen. Richard "
      "J. Durbin (D-Ill.), noting the size of Sanders's following, said, “Let me tell you, he's "
      "got a heck of an email list.”\n"
      "Because of how Democrats crafted the primary schedule, explained Simon Rosenberg, “there "
      "is a scenario where it is hard to see how she gets any coverage.”\n");
  // A capitalised honorific that ends a title phrase is part of the title, not of the name.
  CHECK(a.speaker_of("The tender is closed") == "Wanjiru Kamau");
  CHECK(a.speaker("Wanjiru Kamau").role == "Information Minister");
  // "he" after a sentence whose subject is Chaffetz; "R-Utah" after the comma is no name.
  CHECK(a.speaker_of("There’s no reason") == "Jason Chaffetz");
  CHECK(!a.has_speaker("R-Utah"));
  CHECK(a.speaker_of("The Border Patrol") == "Barry R. McCaffrey");
  CHECK(!a.has_speaker("Gen"));
  // The party tag's "Ill." does not end the sentence; the subject is Durbin, not Sanders.
  CHECK(a.speaker_of("Let me tell you") == "Richard J. Durbin");
  // "..., explained Name, “...”": the name after the verb speaks.
  CHECK(a.speaker_of("there is a scenario") == "Simon Rosenberg");
}

TEST_CASE("news quotes: a fragment in the writer's sentence is its subject's words") {
  const Attributed a = attribute(
      "Sen. Ted Cruz (R-Texas) said on Thursday that his rival had changed his mind on trade.\n"
      "During Tuesday's debate, Cruz made an unprompted call for an end to sugar subsidies, "
      "calling them “corporate welfare.” Rubio has supported the subsidies.\n"
      "Hillary Clinton said on Monday that her husband would work on jobs. Asked whether he would hold a "
      "cabinet post, Mrs. Clinton shook her head and said, “No.”\n"
      "In an interview with the hosts Joe Scarborough and Mika Brzezinski, the Democratic "
      "presidential candidate stated that the remarks do not “fit with what I thought I knew "
      "about him.”\n"
      "Susan Sarandon, the actress, backs Bernie Sanders. “I think Bernie would encourage "
      "people,” she said.\n"
      "Asked about her own vote if Clinton faces Trump, who has insulted women, Mexicans and "
      "Muslims, she replied: “I don’t know. I’m going to see what happens.”\n");
  // No verb of speech: the subject of the sentence the fragment is in, not the next sentence's.
  CHECK(a.quote("corporate welfare").type == QuoteType::kDirect);
  CHECK(a.quote("corporate welfare").partial);
  CHECK(a.speaker_of("corporate welfare") == "Ted Cruz");
  // The second of two verbs shares the subject: not "her head".
  CHECK(a.speaker_of("No.") == "Hillary Clinton");
  CHECK(!a.has_speaker("her head"));
  // No comma closes an apposition after Brzezinski: the description is the subject.
  CHECK(a.speaker_of("fit with what I thought") == "the Democratic presidential candidate");
  CHECK(a.speaker("Mika Brzezinski").role.empty());
  CHECK(!a.has_speaker("Democratic"));
  // The people named inside the opening participle are not who "she" is.
  CHECK(a.speaker_of("I don’t know") == "Susan Sarandon");
}

TEST_CASE("news quotes: documents and bodies speak; works, shows and labels are terms") {
  const Attributed a = attribute(
      "Some 55 percent of voters said they do not believe the governor “cares about people like "
      "me,” according to a Quinnipiac poll conducted in February.\n"
      "“The speech will be delivered at the New Hampshire Institute of Politics,” according to "
      "the Trump campaign.\n"
      "The anti-Trump spot, “Trumpcare,” links his support for universal coverage to Clinton.\n"
      "Rudy Giuliani trashed the director on MSNBC’s “Morning Joe,” calling it a “no-brainer” to "
      "prosecute.\n"
      "Many of them are derisively known as “rabbit patches” or “goat farms.”\n"
      "“Related:”\n"
      "Cruz says in the spot titled “Dangerous,” warning against letting in the refugees.\n");
  CHECK(a.speaker_of("cares about people like me") == "a Quinnipiac poll");
  CHECK(a.speaker("a Quinnipiac poll").kind == SpeakerKind::kUnnamed);
  CHECK(a.speaker_of("The speech will be delivered") == "the Trump campaign");
  for (const char* term : {"Trumpcare", "Morning Joe", "rabbit patches", "goat farms", "Related:",
                           "Dangerous"}) {
    CHECK_MESSAGE(a.quote(term).type == QuoteType::kTerm, term);
  }
  // Giuliani's word is still his.
  CHECK(a.quote("no-brainer").type == QuoteType::kDirect);
  CHECK(a.speaker_of("no-brainer") == "Rudy Giuliani");
}

TEST_CASE("news quotes: a region named by its adjective is a place, never a speaker") {
  const Attributed a = attribute(
      "Власти Курганской области с 2026 года начнут компенсировать фермерам стоимость дронов.\n"
      "В пресс-службе правительства Курганской области сообщили, что порядок подачи заявок "
      "будет опубликован до 1 декабря.\n");
  CHECK(!a.has_speaker("Курганской"));
  CHECK(a.speakers.empty());
}
