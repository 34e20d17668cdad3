// Attribution: every pattern of lexicons/reporting.verbs-driven quote attribution, the roster,
// indirect speech and the attribution lexicon parser.
#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "attribution_test_util.h"
#include "themescan/attribution.h"
#include "themescan/attribution_lexicon.h"
#include "themescan/quotes.h"

namespace {

using themescan::AttributionLexicon;
using themescan::Quote;
using themescan::QuoteType;
using themescan::Speaker;
using testutil::attribute;
using testutil::Attributed;

}  // namespace

TEST_CASE("attribution: “…,” Name stated.") {
  const Attributed a = attribute(
      "Kwame Mensah, Deputy Director of the Accra Digital Services Authority, spoke first.\n"
      "“Sovereignty is not isolation,” Mensah stated.\n");
  CHECK(a.speaker_of("Sovereignty") == "Kwame Mensah");
  CHECK(a.method_of("Sovereignty") == "trailing-verb");
  const Quote& q = a.quote("Sovereignty");
  CHECK(q.attribution.verb.slice(a.text) == "stated");
  CHECK(q.attribution.reference == themescan::SpeakerReference::kPartialName);
  CHECK(q.attribution.confidence == doctest::Approx(0.9));
  const Speaker& s = a.speaker("Kwame Mensah");
  CHECK(s.role == "Deputy Director");
  CHECK(s.affiliation == "Accra Digital Services Authority");
  CHECK(s.aliases == std::vector<std::string>{"Mensah"});
}

TEST_CASE("attribution: “…,” said Name, Title of Org.") {
  const Attributed a = attribute(
      "“Every city wants a dashboard,” said Marta Kowalczyk, Director of Infrastructure Planning "
      "at the Gdańsk Metropolitan Authority.\n");
  CHECK(a.speaker_of("Every city") == "Marta Kowalczyk");
  CHECK(a.method_of("Every city") == "trailing-verb");
  const Speaker& s = a.speaker("Marta Kowalczyk");
  CHECK(s.role == "Director of Infrastructure Planning");
  CHECK(s.affiliation == "Gdańsk Metropolitan Authority");
  CHECK(s.named);
}

TEST_CASE("attribution: Name noted: “…” on the same line and in the next paragraph") {
  const Attributed a = attribute(
      "Okafor noted: “Patents are not the goal.”\n\n"
      "Dmitry Fofanov noted:\n"
      "“The rapid transformation of the global digital landscape is drawing all nations in.”\n");
  CHECK(a.speaker_of("Patents") == "Okafor");
  CHECK(a.method_of("Patents") == "leading-verb");
  CHECK(a.speaker_of("The rapid") == "Dmitry Fofanov");
  CHECK(a.method_of("The rapid") == "leading-verb");
}

TEST_CASE("attribution: Name said that “…”") {
  const Attributed a = attribute(
      "Summing up, Li Wei said that “the cities that will cope best are the ones that plan.”\n");
  CHECK(a.speaker_of("the cities") == "Li Wei");
  CHECK(a.method_of("the cities") == "said-that");
  CHECK(a.count(QuoteType::kIndirect) == 0);  // the clause is the direct quote itself
}

TEST_CASE("attribution: split quotes “…,” he said, “…” share the speaker") {
  const Attributed a = attribute(
      "Harpreet Kaur (India) spoke next. “Cities get the headlines,” she said, “but most of our "
      "people live in villages.”\n");
  CHECK(a.speaker_of("Cities") == "Harpreet Kaur");
  CHECK(a.method_of("Cities") == "trailing-verb");
  CHECK(a.speaker_of("but most") == "Harpreet Kaur");
  CHECK(a.method_of("but most") == "split");
  CHECK(a.speaker("Harpreet Kaur").country == "India");
}

TEST_CASE("attribution: “…” — Name, Title, Org (press-release dash)") {
  const Attributed a = attribute(
      "“This facility is about more than racks and power.” — Youssef El Amrani, Chief Executive "
      "Officer, Casablanca Cloud Partners\n");
  CHECK(a.speaker_of("This facility") == "Youssef El Amrani");
  CHECK(a.method_of("This facility") == "dash");
  const Speaker& s = a.speaker("Youssef El Amrani");
  CHECK(s.role == "Chief Executive Officer");
  CHECK(s.affiliation == "Casablanca Cloud Partners");
}

TEST_CASE("attribution: According to Name, “…” and …,” according to an official") {
  const Attributed a = attribute(
      "According to Li Wei, “The question is no longer whether a city is smart.”\n"
      "“The first pilot will connect three registries,” according to a ministry official.\n");
  CHECK(a.speaker_of("The question") == "Li Wei");
  CHECK(a.method_of("The question") == "according-to");
  CHECK(a.speaker_of("The first pilot") == "a ministry official");
  CHECK_FALSE(a.speaker("a ministry official").named);
}

TEST_CASE("attribution: pronouns resolve to the most recent compatible person") {
  const Attributed a = attribute(
      "Ms. Anna Petrova chaired the panel. Mr. Ivan Sidorov presented the budget.\n"
      "“We will not cut the training fund,” she said.\n"
      "“Nor will we,” he said.\n");
  CHECK(a.speaker_of("We will not") == "Anna Petrova");
  CHECK(a.speaker_of("Nor will") == "Ivan Sidorov");
  CHECK(a.quote("We will not").attribution.reference == themescan::SpeakerReference::kPronoun);
  // Russian verb forms tell the gender: отметила is feminine.
  const Attributed ru = attribute(
      "Марина Лаптева, директор по развитию компании «Тексофт», отметила важность кадров. "
      "Олег Стрельников, руководитель департамента, рассказал о проекте.\n"
      "«Мы начали с бухгалтерии», — добавила она.\n");
  CHECK(ru.speaker_of("Мы начали") == "Марина Лаптева");
}

TEST_CASE("attribution: unnamed sources keep their description") {
  const Attributed a = attribute(
      "“The numbers do not add up,” said one analyst.\n"
      "“Permits have been secured,” a spokeswoman for Northbridge Systems said.\n");
  CHECK(a.speaker_of("The numbers") == "one analyst");
  CHECK(a.speaker_of("Permits") == "a spokeswoman");
  const Speaker& s = a.speaker("a spokeswoman");
  CHECK_FALSE(s.named);
  CHECK(s.affiliation == "Northbridge Systems");
  CHECK(a.quote("Permits").attribution.reference == themescan::SpeakerReference::kDescription);
}

TEST_CASE("attribution: characters described by a possessive or a hyphenated noun") {
  const Attributed a = attribute(
      "Mary sat down.\n\n“She was ten years older,” said her husband.\n\n"
      "“That makes a hundred and fifty,” the saloon-keeper calculated; “and he is worth it.”\n\n"
      "“Go on,” the\nold waggoner said.\n");
  CHECK(a.speaker_of("She was") == "her husband");
  CHECK(a.speaker_of("That makes") == "the saloon-keeper");
  CHECK(a.method_of("That makes") == "trailing-verb");
  CHECK(a.quote("That makes").attribution.verb.slice(a.text) == "calculated");
  CHECK(a.speaker_of("and he is") == "the saloon-keeper");
  CHECK(a.speaker_of("Go on") == "the old waggoner");  // names are shown on one line
}

TEST_CASE("attribution: conversations between described characters") {
  // Turns alternate across a line of narration; the pronoun is the character last mentioned.
  const Attributed a = attribute(
      "Chapter One\n\n"
      "“Good night,” said the man with the basket.\n\n"
      "“Good night, Sir John,” said the parson.\n\n"
      "The pedestrian halted and turned round.\n\n"
      "“We met last market-day on this road.”\n\n"
      "“I did,” said the parson.\n\n"
      "“And once before that.”\n\n"
      "The parson rode a step nearer. Mr. Kronborg watched.\n\n"
      "The parson smiled. “It was only my whim,” he said.\n\n"
      "“Never heard it before,” said my brother’s wife.\n");
  // The parson calls the man Sir John, and so the man is named.
  CHECK(a.speaker_of("We met") == "Sir John");
  CHECK(a.speaker("Sir John").aliases == std::vector<std::string>{"the man"});
  CHECK(a.method_of("We met") == "turn-taking");
  CHECK(a.speaker_of("And once") == "Sir John");
  CHECK(a.speaker_of("It was only") == "the parson");  // not Mr. Kronborg, named before it
  CHECK(a.method_of("It was only") == "trailing-verb");
  CHECK(a.speaker_of("Never heard") == "my brother’s wife");
  CHECK(a.speaker("my brother’s wife").gender == 'f');
}

TEST_CASE("attribution: titles resolve to the person with that role") {
  const Attributed a = attribute(
      "Grace Mwangi, Minister for Digital Economy, opened the meeting.\n"
      "“We have digitised the queue,” the minister said.\n");
  CHECK(a.speaker_of("We have") == "Grace Mwangi");
  CHECK(a.quote("We have").attribution.reference == themescan::SpeakerReference::kTitle);
}

TEST_CASE("attribution: a description names the person who carries its title") {
  // "the doctor" is Dr. Archie, named earlier without any quote; "Capt." abbreviates captain.
  const Attributed a = attribute(
      "Dr. Archie came up the street at dusk.\n\n"
      "“Sit down,” said the doctor.\n\n"
      "Capt. Eldridge Temple and Mr. Gray were waiting.\n\n"
      "“All hands on deck,” the captain ordered.\n\n"
      "“What now?” asked the stranger.\n");
  CHECK(a.speaker_of("Sit down") == "Dr. Archie");
  CHECK(a.quote("Sit down").attribution.reference == themescan::SpeakerReference::kTitle);
  CHECK(a.speaker_of("All hands") == "Eldridge Temple");
  CHECK(a.speaker_of("What now") == "the stranger");  // no title: stays a description
}

TEST_CASE("attribution: a pronoun after the narration names a titled person by the title") {
  // "The doctor came back" is the latest mention of Dr. Archie before "he", later than
  // Mr. Kronborg's.
  const Attributed a = attribute(
      "Dr. Archie was barely thirty.\n\n"
      "“Good evening, Mr. Kronborg,” said the doctor.\n\n"
      "Mr. Kronborg coughed behind his hand.\n\n"
      "The doctor came back and threw a bag upon his desk. “All ready,” he announced.\n");
  CHECK(a.speaker_of("Good evening") == "Dr. Archie");
  CHECK(a.speaker_of("All ready") == "Dr. Archie");
  CHECK(a.quote("All ready").attribution.reference == themescan::SpeakerReference::kPronoun);
}

TEST_CASE("attribution: a word capitalised only because it opens a sentence is not a name") {
  const Attributed a = attribute(
      "Tom sat still, and finally the bell rang.\n\n"
      "Finally Tom said, “Yes, ma’am.”\n\n"
      "Then Becky said, “No.”\n\n"
      "Emily Watson went home. Emily Watson said, “Good night.”\n");
  CHECK(a.speaker_of("Yes, ma") == "Tom");
  CHECK(a.speaker_of("No.") == "Becky");
  CHECK(a.speaker_of("Good night") == "Emily Watson");
}

TEST_CASE("attribution: Russian, Spanish and French patterns") {
  const Attributed ru = attribute(
      "Ильдар Хайруллин, заместитель генерального директора, открыл сессию.\n"
      "Хайруллин заявил: «Импортозамещение — это не замена, а развитие».\n"
      "По словам Хайруллина, «рынок готов».\n");
  CHECK(ru.speaker_of("Импортозамещение") == "Ильдар Хайруллин");
  CHECK(ru.speaker_of("рынок") == "Ильдар Хайруллин");  // genitive Хайруллина
  CHECK(ru.method_of("рынок") == "according-to");
  const Attributed es = attribute(
      "«Sin conectividad no hay servicios digitales», afirmó Javier Ortega Salinas, jefe de "
      "Infraestructura Tecnológica del Ministerio de Planificación.\n");
  CHECK(es.speaker_of("Sin conectividad") == "Javier Ortega Salinas");
  CHECK(es.speaker("Javier Ortega Salinas").role == "jefe de Infraestructura Tecnológica");
  CHECK(es.speaker("Javier Ortega Salinas").affiliation == "Ministerio de Planificación");
  const Attributed fr = attribute(
      "Awa Koné, directrice de l’innovation, a ouvert la séance. « Nous voulons des partenaires », "
      "a-t-elle ajouté.\n");
  CHECK(fr.speaker_of("Nous voulons") == "Awa Koné");
}

TEST_CASE("attribution: continuation, nearby narration and turn-taking") {
  const Attributed a = attribute(
      "Marta Kowalczyk (Poland) described the pilot. “The sensors paid for themselves,” she added. "
      "“What we underestimated was the cost of cleaning the data.”\n");
  CHECK(a.speaker_of("What we") == "Marta Kowalczyk");
  CHECK(a.method_of("What we") == "continuation");
  const Attributed dialogue = attribute(
      "“Shall we go?” asked Terry.\n\n"
      "“Not yet,” said Jeff.\n\n"
      "“Why not?”\n\n"
      "“It is too dark.”\n");
  CHECK(dialogue.speaker_of("Why not") == "Terry");
  CHECK(dialogue.method_of("Why not") == "turn-taking");
  CHECK(dialogue.speaker_of("It is too dark") == "Jeff");
  // Narration about somebody else between two quotes of a paragraph ends the continuation.
  const Attributed other = attribute(
      "Kate Holt (Ohio) lay in bed. “What's the matter?” said Tom Reed. Kate shook her head. "
      "“Nothing at all.”\n");
  CHECK(other.speaker_of("Nothing at all") == "Kate Holt");
  CHECK(other.method_of("Nothing at all") == "nearby");
  const Attributed nearby = attribute(
      "“Shall we go?” asked Terry.\n\n"
      "“I will drive.” Terry took the keys.\n");
  CHECK(nearby.speaker_of("I will drive") == "Terry");
  CHECK(nearby.method_of("I will drive") == "nearby");
  // The person the previous turn addressed answers it.
  const Attributed vocative = attribute(
      "Jeff (Ohio) and Terry (Texas) waited.\n\n"
      "“Wake up, Jeff,” said Terry.\n\n"
      "“Not yet.”\n");
  CHECK(vocative.speaker_of("Not yet") == "Jeff");
  CHECK(vocative.method_of("Not yet") == "turn-taking");
  // A quote that addresses a person by name is not theirs.
  const Attributed addressed = attribute(
      "“Shall we go?” asked Terry.\n\n"
      "“Wait, Terry.” Terry stopped.\n");
  CHECK(addressed.speaker_of("Wait") == "(none)");
}

TEST_CASE("attribution: vocatives and pronouns in a dialogue") {
  // “he answered” after Lord Henry's turn that addressed Basil is Basil; the vocative form is an
  // alias of the full name.
  const Attributed a = attribute(
      "“Come in,” said Basil Hallward.\n\n"
      "Lord Henry lay on the divan and smoked.\n\n"
      "“It is your best work, Basil, the best thing you have ever done,” said Lord Henry.\n\n"
      "“I don't think I shall send it anywhere,” he answered.\n");
  CHECK(a.speaker_of("I don't think") == "Basil Hallward");
  CHECK(a.speaker("Basil Hallward").aliases == std::vector<std::string>{"Basil"});
  // Two people taking turns: the pronoun that opens the next turn is the other one, even though
  // the last man named is the one who just spoke.
  const Attributed turns = attribute(
      "“Shall we go?” asked Terry.\n\n"
      "“Not yet,” said Jeff.\n\n"
      "“But why?” he asked.\n");
  CHECK(turns.speaker_of("But why") == "Terry");
  // A news report: a speaker's next paragraph (“he added”) stays theirs.
  const Attributed news = attribute(
      "“Prices fell,” said Jeff Ross.\n"
      "Analysts were divided.\n"
      "“Demand is weak,” said Tom Hill.\n"
      "“It will recover,” he added.\n");
  CHECK(news.speaker_of("It will recover") == "Tom Hill");
  // A vocative never makes a contraction or a word opening the quote a person.
  const Attributed words = attribute(
      "“Happily, the rain stopped,” said Jeff Ross.\n\n"
      "“No, I'd rather stay,” said Tom Hill.\n\n"
      "“Then go.”\n");
  CHECK(words.speaker_of("Then go") == "Jeff Ross");
  for (const Speaker& s : words.speakers) {
    CHECK(s.name != "Happily");
    CHECK(s.name != "I'd");
  }
  // The speaker a name inside the quote addresses answers, even one the narration never names.
  const Attributed named = attribute(
      "The door opened and a hand pulled the chair away.\n\n"
      "“Hulloa, Emma!” said Philip Carey.\n\n"
      "“Yes, I've come to fetch you.”\n");
  CHECK(named.speaker_of("Yes, I've") == "Emma");
  CHECK(named.method_of("Yes, I've") == "turn-taking");
  // A person met only as a vocative is mentioned by the narration too ("horrified Beatrice"),
  // so a she can stand for her.
  const Attributed beatrice = attribute(
      "Amory Blaine (Minneapolis) grew up in hotels. The incident horrified Beatrice.\n\n"
      "“I am feeling very old today, Amory,” she would sigh.\n\n"
      "“Yes, Beatrice.”\n");
  CHECK(beatrice.speaker_of("I am feeling") == "Beatrice");
  CHECK(beatrice.speaker("Beatrice").mentions.size() == 1);
  // A hard-wrapped line may break a name, and the partial form met first stays an alias.
  const Attributed wrapped = attribute(
      "“Daze my eyes,” said Durbeyfield, as the parson rode on.\n\n"
      "“Good night,” said a haggler named John\n"
      "Durbeyfield.\n");
  CHECK(wrapped.speaker_of("Daze") == "John Durbeyfield");
  CHECK(wrapped.speaker("John Durbeyfield").aliases == std::vector<std::string>{"Durbeyfield"});
  // The person the previous turn addressed (in any of its quotes) is the she of the next one,
  // even after narration in the same paragraph.
  const Attributed thea = attribute(
      "“Feel pretty sick, Thea?” asked Dr. Archie. “Why didn't you call somebody?”\n\n"
      "She looked at him while Mrs. Kronborg slept. “I thought you were here,” she said.\n");
  CHECK(thea.speaker_of("I thought") == "Thea");
  // "Happily, the architect ..." opens a sentence with an adverb, not a person in apposition.
  const Attributed happily = attribute(
      "Happily, the architect had foresight to build it strong.\n\n"
      "“What the devil is the matter?” he asked.\n");
  for (const Speaker& s : happily.speakers) CHECK(s.name != "Happily");
  // A name before a contraction (“Dinah’ll”) is named inside the quote: Dinah is not its speaker.
  const Attributed dinah = attribute(
      "“Down,” said Alice Liddell.\n\n"
      "Down, down, down. Alice soon began talking again. “Dinah’ll miss me very much to-night, I "
      "should think!” (Dinah was the cat.) Dinah (Oxford) slept.\n");
  CHECK(dinah.speaker_of("Dinah’ll") == "Alice Liddell");
  // A possessive is not part of the name.
  const Attributed possessive = attribute(
      "Philip sat at Miss Watkin's house.\n\n“Go home,” said Miss Watkin's.\n");
  for (const Speaker& s : possessive.speakers) CHECK(s.name != "Miss Watkin's");
}

TEST_CASE("attribution: a person is mentioned wherever the narration names them") {
  // “Tom said” (late) makes Tom a person; “But Tom did not wait” (earlier) is then a mention, so
  // “he said” stands for Tom, not for Sidney, the last man to speak.
  const Attributed a = attribute(
      "“It is black,” said Sidney.\n\n"
      "But Tom did not wait. As he went out at the door he said:\n\n"
      "“I'll lick you for that.”\n\n"
      "Later that day Tom said nothing more.\n");
  CHECK(a.speaker_of("I'll lick") == "Tom");
  CHECK(a.method_of("I'll lick") == "leading-verb");
  CHECK(a.speaker("Tom").mentions.size() == 2);
}

TEST_CASE("attribution: a colon lets the verb stand far from the quote") {
  const Attributed a = attribute(
      "Aunt Polly (Missouri) came in.\n\n"
      "She looked perplexed for a moment, and then said, not fiercely, but still loud enough for "
      "the furniture to hear:\n\n"
      "“Well, I lay if I get hold of you.”\n");
  CHECK(a.speaker_of("Well, I lay") == "Aunt Polly");
  CHECK(a.method_of("Well, I lay") == "leading-verb");
  CHECK(a.quote("Well, I lay").attribution.verb.slice(a.text) == "said");
  // A paragraph ending in a comma introduces the quote that opens the next one.
  const Attributed comma = attribute(
      "Henry Woodhouse (Hartfield) sat by the fire. When tea came, he said, as he had said at "
      "dinner,\n\n"
      "“Poor Miss Taylor!”\n");
  CHECK(comma.speaker_of("Poor Miss") == "Henry Woodhouse");
  // Without the colon, a verb that far from the quote introduces nothing.
  const Attributed far = attribute(
      "Aunt Polly (Missouri) came in.\n\n"
      "She said nothing at all for a long while, and looked out at the garden, “and waited”.\n");
  CHECK(far.count(QuoteType::kDirect) + far.count(QuoteType::kTerm) == 1);
  for (const Quote& q : far.quotes) CHECK(q.attribution.speaker < 0);
}

TEST_CASE("attribution: the narrator and the names a dialogue gives its speakers") {
  // “said I”: the narrator, whom no he or she stands for.
  const Attributed narrator = attribute(
      "Douglas (Essex) sat by the fire.\n\n"
      "“Is it a ghost story?” said I.\n\n"
      "“It is worse,” he answered.\n");
  CHECK(narrator.speaker_of("Is it") == "I");
  CHECK_FALSE(narrator.speaker("I").named);
  CHECK(narrator.speaker_of("It is worse") == "Douglas");
  // A description takes the name the other speaker calls it by.
  const Attributed stranger = attribute(
      "“Good evening,” said the stranger.\n\n"
      "“Good evening to you, Mr. Hale,” said Tom Reed.\n\n"
      "“You know my name?” said the stranger.\n");
  CHECK(stranger.speaker_of("You know") == "Mr. Hale");
  CHECK(stranger.speaker_of("Good evening,") == "Mr. Hale");
  CHECK(stranger.speaker("Mr. Hale").aliases == std::vector<std::string>{"the stranger"});
  // So does the narrator; a named speaker absorbs a name met only in quotes (Harry).
  const Attributed rudolf = attribute(
      "“You are nine-and-twenty, Rudolf,” said Rose Hill.\n\n"
      "“My dear Rose,” I answered, “why should I do anything?”\n\n"
      "“Rudolf!” exclaimed Rose.\n\n"
      "Later, in the studio, the painter spoke.\n\n"
      "“You don't understand me, Harry,” said Basil Hallward.\n\n"
      "“Not at all,” said Lord Henry.\n\n"
      "“You are vain, Harry,” said Basil Hallward.\n");
  CHECK(rudolf.speaker_of("My dear Rose") == "Rudolf");
  CHECK(rudolf.speaker("Rudolf").aliases == std::vector<std::string>{"I"});
  CHECK(rudolf.speaker_of("Rudolf!") == "Rose Hill");
  CHECK(rudolf.speaker("Lord Henry").aliases == std::vector<std::string>{"Harry"});
  for (const Speaker& s : rudolf.speakers) CHECK(s.name != "Harry");
  // The narrator never takes the name of someone the text makes speak for themselves.
  const Attributed three = attribute(
      "“Three years,” said Good.\n\n"
      "“I am going back to the veldt,” said I.\n\n"
      "“How very odd, eh, Good?” said Henry Curtis.\n\n"
      "“Odd indeed,” said Good.\n");
  CHECK(three.speaker_of("I am going") == "I");
  // ... and takes the other name it is called by.
  const Attributed quatermain = attribute(
      "“Three years,” said Good.\n\n"
      "“Shut up, Good!” said Henry Curtis. “And now, Quatermain, tell us.”\n\n"
      "“I will,” I answered.\n");
  CHECK(quatermain.speaker_of("I will") == "Quatermain");
  // Mrs. Pontellier is not Mr. Pontellier.
  const Attributed couple = attribute(
      "“It is hot,” said Mr. Pontellier.\n\n“It is,” said Mrs. Pontellier.\n");
  CHECK(couple.speaker_of("It is hot") == "Mr. Pontellier");
  CHECK(couple.speaker_of("It is,") == "Mrs. Pontellier");
}

TEST_CASE("attribution: a dialogue chain alternates between its two speakers") {
  // The later attributed turns show whose the first ones were.
  const Attributed a = attribute(
      "The parson rode a step nearer.\n\n"
      "“Where do we live?”\n\n"
      "“You don't live anywhere.”\n\n"
      "“That's bad,” said Jack Durbeyfield.\n\n"
      "“It is,” said the parson.\n\n"
      "“And our lands?”\n");
  CHECK(a.speaker_of("Where do we") == "Jack Durbeyfield");
  CHECK(a.method_of("Where do we") == "turn-taking");
  CHECK(a.speaker_of("You don't live") == "the parson");
  CHECK(a.speaker_of("And our lands") == "Jack Durbeyfield");
  // A pronoun resolved to the wrong man is outvoted by a name on the other side of the chain:
  // Durbeyfield cannot speak both the even and the odd turns.
  const Attributed outvoted = attribute(
      "“Good night,” said Jack Durbeyfield.\n\n"
      "“Good night,” said the parson.\n\n"
      "Durbeyfield's name had been on his waggon, the clergyman explained.\n\n"
      "“At first I resolved not to disturb you,” said he.\n\n"
      "“Where do we live?”\n\n"
      "“You don't live anywhere.”\n\n"
      "“And what had I better do, sir?” asked Durbeyfield.\n");
  CHECK(outvoted.speaker_of("At first") == "the parson");
  CHECK(outvoted.method_of("At first") == "trailing-verb");
  CHECK(outvoted.speaker_of("Where do we") == "Jack Durbeyfield");
  CHECK(outvoted.speaker_of("You don't live") == "the parson");
  // Italics (_Sir John_) and dialect (o' South-Wessex) make no vocative.
  const Attributed dialect = attribute(
      "“You said '_Good night, Sir John_,' and there's not a man in the county o' South-Wessex "
      "like me,” said Jack Durbeyfield.\n\n“Indeed.”\n");
  for (const Speaker& s : dialect.speakers) {
    CHECK(s.name != "Sir John_");
    CHECK(s.name != "South-Wessex");
  }
  // Three people: no alternation is forced on the turns nobody attributed.
  const Attributed three = attribute(
      "The sisters sat by the fire.\n\n"
      "“I hate waiting.”\n\n"
      "“Christmas won't be Christmas,” grumbled Jo March.\n\n"
      "“It's so dreadful to be poor,” sighed Meg March.\n\n"
      "“We've got each other,” said Beth March.\n");
  CHECK(three.speaker_of("I hate waiting") == "(none)");
  // A name the previous turn's first quote never says still names the speaker it addresses
  // when the turn's second quote says it (“..., Pa'son Tringham?”).
  const Attributed second = attribute(
      "“There is no such family in England,” concluded the stranger.\n\n"
      "“Daze my eyes,” said Jack Durbeyfield. “How long has this been known, Parson Tringham?”\n\n"
      "“Some time,” said the stranger.\n");
  CHECK(second.speaker_of("Some time") == "Parson Tringham");
}

TEST_CASE("attribution: a given name tells the gender a pronoun needs") {
  // Annie is a she, so “he cried” is William's, though Annie spoke last.
  const Attributed a = attribute(
      "William Morel (Bestwood) came in.\n\n"
      "“I want to go,” said Annie.\n\n"
      "Then the door opened again. “Can I have my dinner?” he cried.\n");
  CHECK(a.speaker("Annie").gender == 'f');
  CHECK(a.speaker("William Morel").gender == 'm');
  CHECK(a.speaker_of("Can I have") == "William Morel");
  // "Name, said" after an apposition makes her a person; Maryam is a she.
  const Attributed news = attribute(
      "“We wanted something our parents could use,” said Arjun Menon, a student.\n"
      "Menon’s teammate, Maryam Al-Balushi, said the prototype runs locally. “We don’t send "
      "recordings abroad,” she said.\n");
  CHECK(news.speaker_of("We don’t send") == "Maryam Al-Balushi");
}

TEST_CASE("attribution: narration before a turn, and characters the narration introduces") {
  // The last sentence of the narration before the quote is about its speaker.
  const Attributed a = attribute(
      "“Tom!” called Polly Sawyer.\n\n"
      "No answer.\n\n"
      "There was a slight noise behind her and she turned just in time to seize a small boy.\n\n"
      "“What have you been doing in there?”\n");
  CHECK(a.speaker_of("What have you") == "Polly Sawyer");
  CHECK(a.method_of("What have you") == "nearby");
  // No man is named: “he answered” is the man the narration introduced.
  const Attributed b = attribute(
      "Carrie Meeber (Wisconsin) sat by the window. A young man in a grey hat took the seat "
      "behind her.\n\n"
      "“I didn't say that,” she said.\n\n"
      "“Oh,” he answered, “I thought you did.”\n");
  CHECK(b.speaker_of("Oh") == "a young man");
  CHECK(b.speaker_of("I thought") == "a young man");
  CHECK(b.speaker_of("I didn't") == "Carrie Meeber");
  // Nouns of characters in the unnamed list: dame, lad, stranger, ...
  const Attributed c = attribute(
      "“Goodwives,” said a hard-featured dame of fifty, “I'll tell ye a piece of my mind.”\n\n"
      "“Who be you?” asked the lad.\n");
  CHECK(c.speaker_of("Goodwives") == "a hard-featured dame");
  CHECK(c.speaker("a hard-featured dame").gender == 'f');
  CHECK(c.speaker_of("Who be you") == "the lad");
}

TEST_CASE("attribution: names in address open a dialogue nobody attributes") {
  // Jim is asked, answers, and keeps answering every other turn.
  const Attributed a = attribute(
      "The soldier who had fetched the rumor bustled about.\n\n"
      "“What's up, Jim?”\n\n"
      "“The army's going to move.”\n\n"
      "“How do you know it is?”\n\n"
      "“Well, believe me or not, just as you like.”\n");
  CHECK(a.speaker_of("The army's") == "Jim");
  CHECK(a.speaker_of("Well, believe") == "Jim");
  CHECK(a.speaker_of("What's up") == "(none)");
  // Words of address may stand between the comma and the name; a place after a preposition is
  // no vocative.
  const Attributed b = attribute(
      "“Say a bouquet, sister Jemima, 'tis more genteel,” said Miss Pinkerton.\n\n"
      "“Well, a booky as big almost as a haystack.”\n");
  CHECK(b.speaker_of("Well, a booky") == "Jemima");
  const Attributed french = attribute(
      "« Nos étudiants partent à Paris, à Montréal ou à Pékin », a souligné Mamadou Traoré.\n\n"
      "« C'est dommage. »\n");
  CHECK(french.speaker_of("C'est dommage") == "(none)");
  for (const Speaker& s : french.speakers) CHECK(s.name != "Montréal");
  // A shouted name of a known person is a vocative too.
  const Attributed shout = attribute(
      "Tom (Missouri) hid in the closet.\n\n"
      "“Y-o-u-u TOM!” cried Polly Sawyer.\n\n"
      "“Nothing.”\n");
  CHECK(shout.speaker_of("Nothing") == "Tom");
  // The person addressed just before a chain is its unknown side.
  const Attributed before = attribute(
      "“Hulloa, Emma!” said Philip Carey.\n\n"
      "The nurse bent down and kissed him.\n\n"
      "“Am I to come home?” said Philip Carey.\n\n"
      "“Yes, I've come to fetch you.”\n\n"
      "“You've got a new dress on.”\n");
  CHECK(before.speaker_of("Yes, I've") == "Emma");
  CHECK(before.speaker_of("You've got") == "Philip Carey");
  const Attributed shouted = attribute(
      "Tom Sawyer (Missouri) hid in the closet.\n\n"
      "“Y-o-u-u TOM!”\n\n"
      "There was a slight noise behind her and Aunt Polly turned to seize a small boy.\n\n"
      "“There! What you been doing in there?” asked Aunt Polly.\n\n"
      "“Nothing.”\n\n"
      "“Nothing! Look at your hands,” said Aunt Polly.\n\n"
      "“I don't know, aunt.”\n");
  CHECK(shouted.speaker_of("Nothing.") == "Tom Sawyer");
  CHECK(shouted.speaker_of("I don't know") == "Tom Sawyer");
  // A semicolon may close the attribution of a split quote; "spoken" is a verb of speech.
  const Attributed semicolon = attribute(
      "“This is a handy cove,” says Billy Bones at length; “and a pleasant grog-shop.”\n\n"
      "“Ma, I'm going,” Henry Fleming had spoken.\n");
  CHECK(semicolon.speaker_of("and a pleasant") == "Billy Bones");
  CHECK(semicolon.method_of("and a pleasant") == "split");
  CHECK(semicolon.quote("Ma, I'm").attribution.verb.slice(semicolon.text) == "spoken");
  // An auxiliary after the quote is narration going on, not a verb of speech.
  const Attributed auxiliary = attribute(
      "“And how is your little Darkie?” I was a dull black, so he called me Darkie.\n\n"
      "“Come with me!” Nora Kelly could not say more.\n");
  CHECK(auxiliary.speaker_of("And how") == "(none)");
  CHECK(auxiliary.speaker_of("Come with") == "(none)");
  // Verbs of speech from fiction: grumbled.
  const Attributed c = attribute("“These chumps make me tired,” grumbled Stewart Snyder.\n");
  CHECK(c.speaker_of("These chumps") == "Stewart Snyder");
  CHECK(c.quote("These chumps").attribution.verb.slice(c.text) == "grumbled");
}

TEST_CASE("attribution: a person introduced by a description is the description later") {
  const Attributed a = attribute(
      "William, a boy of seven, fled off after breakfast.\n\n"
      "“Can I have my dinner?” he cried.\n\n"
      "“Not yet,” said the mother.\n\n"
      "“They'll be beginning,” the boy half cried.\n");
  CHECK(a.speaker("William").gender == 'm');
  CHECK(a.speaker_of("Can I have") == "William");
  CHECK(a.speaker_of("They'll be") == "William");
  CHECK(a.quote("They'll be").attribution.reference == themescan::SpeakerReference::kTitle);
  CHECK(a.speaker_of("Not yet") == "the mother");
  // "X, commonly called Y" (also "known as"): one person; the narrator called by that name is him.
  const Attributed called = attribute(
      "You will get a fair idea of Allan Quatermain, commonly called Hunter Quatermain.\n\n"
      "“And now, Quatermain, tell us,” said Henry Curtis.\n\n"
      "“I will,” I answered.\n");
  CHECK(called.speaker_of("I will") == "Allan Quatermain");
  const std::vector<std::string>& forms = called.speaker("Allan Quatermain").aliases;
  CHECK(std::find(forms.begin(), forms.end(), "Hunter Quatermain") != forms.end());
  for (const Speaker& s : called.speakers) CHECK(s.name != "Hunter Quatermain");
  // "the mother" in a story with one Mrs.: Mrs. Morel; with two, nobody in particular.
  const Attributed mother = attribute(
      "Mrs. Morel (Bestwood) did her work.\n\n"
      "“Can I have my dinner?” asked William Morel.\n\n"
      "“As soon as it's done,” replied the mother.\n");
  CHECK(mother.speaker_of("As soon") == "Mrs. Morel");
  const Attributed two = attribute(
      "Mrs. Morel (Bestwood) and Mrs. Kirk (Bestwood) did their work.\n\n"
      "“As soon as it's done,” replied the mother.\n");
  CHECK(two.speaker_of("As soon") == "the mother");
  // "a classmate named Stewart Snyder" introduces a person.
  const Attributed named = attribute(
      "A classmate named Stewart Snyder walked beside her.\n\n"
      "“I just love common workmen,” glowed Carol.\n\n"
      "He rammed his red fists into his pockets, and he stammered:\n\n"
      "“I know. You get people.”\n");
  CHECK(named.speaker_of("I know") == "Stewart Snyder");
  CHECK(named.speaker("Stewart Snyder").mentions.size() == 1);
}

TEST_CASE("attribution: a speaker who says who they are") {
  const Attributed a = attribute(
      "“I am Mary Lennox,” the little girl said, drawing herself up stiffly.\n\n"
      "“I am English,” said the stranger.\n");
  CHECK(a.speaker_of("I am Mary") == "Mary Lennox");
  CHECK(a.speaker("Mary Lennox").aliases == std::vector<std::string>{"the little girl"});
  CHECK(a.speaker_of("I am English") == "the stranger");
  // The description keeps the name the other speaker calls it by as an alias.
  const Attributed b = attribute(
      "“I am Parson Tringham, the antiquary,” said the parson.\n\n"
      "“Daze my eyes, Pa'son Tringham!” said Jack Durbeyfield.\n\n"
      "“It is true,” said the parson.\n");
  CHECK(b.speaker_of("It is true") == "Parson Tringham");
  const std::vector<std::string>& aliases = b.speaker("Parson Tringham").aliases;
  CHECK(std::find(aliases.begin(), aliases.end(), "Pa'son Tringham") != aliases.end());
  CHECK(std::find(aliases.begin(), aliases.end(), "the parson") != aliases.end());
}

TEST_CASE("attribution: a described speaker who talks with the same people as one named speaker") {
  const Attributed a = attribute(
      "“Will you give me a lump of sugar?” asked the child.\n\n"
      "“Yes, you may take one,” said Winterbourne.\n\n"
      "“Oh, blazes; it's hard!” said the child.\n\n"
      "“Take care you don't hurt your teeth,” said Winterbourne.\n\n"
      "Later the boy's sister came down the path.\n\n"
      "“Randolph, what are you doing?” said Daisy Miller.\n\n"
      "“I'm going up the Alps,” replied Randolph.\n\n"
      "“That's the way they come down,” said Winterbourne.\n\n"
      "“He's an American man!” cried Randolph.\n");
  CHECK(a.speaker_of("Will you give") == "Randolph");
  CHECK(a.speaker_of("Oh, blazes") == "Randolph");
  const std::vector<std::string>& forms = a.speaker("Randolph").aliases;
  CHECK(std::find(forms.begin(), forms.end(), "the child") != forms.end());
  // Consecutive quotes of a news report, each by someone else, are no conversation.
  const Attributed news = attribute(
      "“We wanted something our parents could use,” said Arjun Menon.\n"
      "“We don't send recordings abroad,” said Maryam Al-Balushi.\n"
      "“Hackathons are a recruitment tool,” said one of the judges.\n"
      "“Come to the closing night,” said Karim Haddad.\n");
  CHECK(news.speaker_of("Hackathons") == "one of the judges");
}

TEST_CASE("attribution: indirect speech") {
  const Attributed a = attribute(
      "Vadim Glushchenko, Director of the Center for Global IT Cooperation, took part. He "
      "emphasized the growing global demand for Russian digital solutions.\n"
      "Speakers agreed that countries need resilient IT ecosystems.\n"
      "Carvalho said that the municipality would publish its tenders.\n"
      "The pilot would be financed by a regional bank, according to a ministry official.\n"
      "According to the communique, the roadmap is final.\n");
  REQUIRE(a.count(QuoteType::kIndirect) == 4);
  CHECK(a.speaker_of("the growing global demand") == "Vadim Glushchenko");
  CHECK(a.quote("the growing global demand").span.slice(a.text) ==
        "the growing global demand for Russian digital solutions");
  CHECK(a.speaker_of("countries need") == "Speakers");
  CHECK(a.speaker("Speakers").group);
  CHECK(a.speaker_of("the municipality") == "Carvalho");
  CHECK(a.method_of("the municipality") == "reported");
  CHECK(a.speaker_of("The pilot") == "a ministry official");
  // A document is not a speaker.
  for (const Quote& q : a.quotes) CHECK_FALSE(q.span.slice(a.text).starts_with("the roadmap"));
}

TEST_CASE("attribution: roster keeps listed participants, moderators and countries") {
  const Attributed a = attribute(
      "The session was moderated by Dmitry Fofanov, Digital Attaché of the Russian Trade Mission "
      "in the Republic of Cuba. Speakers included Naima Díaz (Nicaragua) and Paul Lalovich "
      "(Singapore). The Global Digital Forum in Nizhny Novgorod hosted it.\n");
  REQUIRE(a.speakers.size() == 3);
  CHECK(a.speakers[0].name == "Dmitry Fofanov");
  CHECK(a.speakers[0].participation == "moderator");
  CHECK(a.speakers[0].role == "Digital Attaché");
  CHECK(a.speakers[0].affiliation == "Russian Trade Mission in the Republic of Cuba");
  CHECK(a.speakers[1].name == "Naima Díaz");
  CHECK(a.speakers[1].country == "Nicaragua");
  CHECK(a.speakers[1].participation == "speaker");
  CHECK(a.speakers[2].country == "Singapore");
}

TEST_CASE("attribution: terms are never attributed; every attributed quote has a method") {
  const Attributed a = attribute(
      "Harpreet Kaur spoke about so-called “smart villages”. “Cities get the headlines,” Kaur "
      "noted.\n");
  for (const Quote& q : a.quotes) {
    if (q.type == QuoteType::kTerm) {
      CHECK(q.attribution.speaker == -1);
      CHECK(q.attribution.method == themescan::AttributionMethod::kNone);
    } else {
      CHECK(q.attribution.speaker >= 0);
      CHECK(q.attribution.method != themescan::AttributionMethod::kNone);
      CHECK(q.attribution.confidence > 0);
    }
  }
}

TEST_CASE("attribution: a 1 MB paragraph with stray marks stays fast") {
  std::string text = "Anna Petrova said: “";
  while (text.size() < (1u << 20)) text += "word, said she, “and more ";
  const auto start = std::chrono::steady_clock::now();
  const Attributed a = attribute(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5.0);
  CHECK_FALSE(a.quotes.empty());
}

TEST_CASE("attribution lexicon: errors name the file and line") {
  const auto error = [](std::string_view content) {
    const auto result = AttributionLexicon::parse("verbs.txt", content, testutil::tokenizer());
    REQUIRE_FALSE(result.ok());
    return result.status().message();
  };
  CHECK(error("said\n") == "verbs.txt:1: entry before the first '@section NAME'");
  CHECK(error("@section adverbs\n") ==
        "verbs.txt:1: unknown section 'adverbs' (known: verbs, sources, complementizers, "
        "pronouns, honorifics, roles, unnamed, groups, organisations, particles, given-names, "
        "places, calendar, publications)");
  CHECK(error("@section verbs\nsaid\nsaid\n") == "verbs.txt:3: duplicate entry 'said' (same as line 2)");
  CHECK(error("@section places\nkenya | town\n") ==
        "verbs.txt:2: bad value 'town' in 'places' (allowed: country, city, region, demonym)");
  CHECK(error("@section pronouns\nhe | x\n") ==
        "verbs.txt:2: bad value 'x' in 'pronouns' (allowed: m, f, p, n)");
  CHECK(error("@section roles\nhead | m\n") == "verbs.txt:2: entries in 'roles' take no ' | value'");
  CHECK(error("@section verbs\n--*\n") == "verbs.txt:2: entry '--*' has no words (only punctuation or symbols)");
  CHECK(error("@section groups\nspeakers\n") ==
        "verbs.txt:2: no reporting verbs (an '@section verbs' with at least one entry is required)");
  CHECK(error("@format 2\n") == "verbs.txt:1: unsupported format version '2' (this themescan reads version 1)");
  CHECK(error("@section verbs\nsa*id\n") == "verbs.txt:2: entry 'sa*id': '*' is only allowed at the end");
}

TEST_CASE("attribution lexicon: stems, phrases and elisions match") {
  const auto result = AttributionLexicon::parse(
      "v.txt", "@section verbs\nemphasi*\npointed out\n@section complementizers\nqu\n",
      testutil::tokenizer());
  REQUIRE(result.ok());
  const themescan::WordList& verbs = result->list(themescan::WordClass::kVerbs);
  CHECK(verbs.contains("emphasized"));
  CHECK(verbs.contains("emphasised"));
  CHECK_FALSE(verbs.contains("emphatic"));
  const std::vector<std::string> keys = {"pointed", "out", "that"};
  CHECK(verbs.match(keys, 0).length == 2);
  CHECK(result->list(themescan::WordClass::kComplementizers).contains("qu'il"));
  const auto builtin = AttributionLexicon::builtin(testutil::tokenizer());
  REQUIRE(builtin.ok());
  CHECK(builtin->list(themescan::WordClass::kVerbs).contains("заявила"));
  CHECK(builtin->list(themescan::WordClass::kVerbs).contains("señaló"));
  // The gazetteer (places.words) is part of the built-in lexicon.
  CHECK(builtin->list(themescan::WordClass::kPlaces).contains("kenya"));
  CHECK(builtin->source() == "builtin:reporting.verbs, builtin:places.words");
}

TEST_CASE("attribution lexicon: two files are one lexicon; a duplicate across them names both") {
  using File = AttributionLexicon::File;
  const auto two = AttributionLexicon::parse(
      std::vector<File>{{"v.txt", "@section verbs\nsaid\n"}, {"p.txt", "@section places\nkenya | country\n"}},
      testutil::tokenizer());
  REQUIRE(two.ok());
  CHECK(two->list(themescan::WordClass::kPlaces).contains("kenya"));
  CHECK(two->list(themescan::WordClass::kVerbs).contains("said"));
  const auto dup = AttributionLexicon::parse(
      std::vector<File>{{"v.txt", "@section verbs\nsaid\n"}, {"p.txt", "@section verbs\nsaid\n"}},
      testutil::tokenizer());
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.status().message() == "p.txt:2: duplicate entry 'said' (same as v.txt:2)");
  // Only the first file must have verbs.
  const auto no_verbs = AttributionLexicon::parse(
      std::vector<File>{{"v.txt", "@section places\nkenya | country\n"}}, testutil::tokenizer());
  REQUIRE_FALSE(no_verbs.ok());
}
