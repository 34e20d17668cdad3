// Tests for normalize.h: word -> match key (NFKC_Casefold, ’ -> ', optional accent folding).
#include <string>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/normalize.h"

using themescan::Normalizer;

namespace {
const Normalizer kPlain{};
const Normalizer kFolding({.fold_accents = true});
}  // namespace

TEST_CASE("normalize: case variants of an ASCII word give the same key") {
  CHECK(kPlain.key("Sovereignty") == "sovereignty");
  CHECK(kPlain.key("SOVEREIGNTY") == "sovereignty");
  CHECK(kPlain.key("sovereignty") == "sovereignty");
  CHECK(kPlain.key("5G") == "5g");
  CHECK(kPlain.key("") == "");
  CHECK(kFolding.key("SOVEREIGNTY") == "sovereignty");
}

TEST_CASE("normalize: Cyrillic is case folded") {
  CHECK(kPlain.key("СУВЕРЕНИТЕТ") == "суверенитет");
  CHECK(kPlain.key("Суверенитет") == "суверенитет");
  CHECK(kPlain.key("суверенитет") == "суверенитет");
}

TEST_CASE("normalize: full case folding (German sharp s)") {
  CHECK(kPlain.key("STRASSE") == "strasse");
  CHECK(kPlain.key("Straße") == "strasse");
  CHECK(kPlain.key("STRAẞE") == "strasse");  // capital sharp s U+1E9E
  CHECK(kPlain.key("Straße") == kPlain.key("STRASSE"));
}

TEST_CASE("normalize: NFKC compatibility forms") {
  CHECK(kPlain.key("ＡＢＣ") == "abc");  // fullwidth Latin
  CHECK(kPlain.key("\xEF\xAC\x81") == "fi");  // U+FB01 LATIN SMALL LIGATURE FI
  CHECK(kPlain.key("\xEF\xAC\x81nance") == "finance");
  CHECK(kPlain.key("ｶﾀｶﾅ") == "カタカナ");  // halfwidth katakana
}

TEST_CASE("normalize: the right single quotation mark becomes an apostrophe") {
  CHECK(kPlain.key("Russia\xE2\x80\x99s") == "russia's");
  CHECK(kPlain.key("Russia's") == "russia's");
  CHECK(kPlain.key("l\xE2\x80\x99\xC3\xA9\x63onomie") == "l'\xC3\xA9\x63onomie");  // l’économie
  CHECK(kFolding.key("l\xE2\x80\x99\xC3\xA9\x63onomie") == "l'economie");
}

TEST_CASE("normalize: accents are kept unless fold_accents is set") {
  CHECK(kPlain.key("Localización") == "localización");
  CHECK(kPlain.key("localización") != kPlain.key("localizacion"));
  CHECK(kFolding.key("Localización") == "localizacion");
  CHECK(kFolding.key("localización") == kFolding.key("localizacion"));
  CHECK(kFolding.key("ÉCONOMIE") == "economie");
  CHECK(kFolding.key("Straße") == "strasse");
}

TEST_CASE("normalize: composed and decomposed é give the same key") {
  const std::string composed = "caf\xC3\xA9";     // U+00E9
  const std::string decomposed = "cafe\xCC\x81";  // e + U+0301
  REQUIRE(composed != decomposed);
  SUBCASE("without folding: both become the composed form") {
    CHECK(kPlain.key(composed) == "caf\xC3\xA9");
    CHECK(kPlain.key(decomposed) == "caf\xC3\xA9");
  }
  SUBCASE("with folding: both lose the accent") {
    CHECK(kFolding.key(composed) == "cafe");
    CHECK(kFolding.key(decomposed) == "cafe");
  }
}

TEST_CASE("normalize: accent folding also folds Russian й and ё (documented)") {
  CHECK(kPlain.key("Китай") == "китай");
  CHECK(kFolding.key("Китай") == "китаи");
  CHECK(kFolding.key("й") == "и");
  CHECK(kPlain.key("Ёлка") == "ёлка");
  CHECK(kFolding.key("Ёлка") == "елка");
}

TEST_CASE("normalize: Chinese and Thai words are unchanged") {
  CHECK(kPlain.key("数字主权") == "数字主权");
  CHECK(kPlain.key("ดิจิทัล") == "ดิจิทัล");
}

TEST_CASE("normalize: key(word, out) replaces the contents of out") {
  std::string out = "previous contents";
  kPlain.key("ABC", out);
  CHECK(out == "abc");
  kPlain.key("СУВЕРЕНИТЕТ", out);
  CHECK(out == "суверенитет");
  kPlain.key("", out);
  CHECK(out == "");
  CHECK(kFolding.options().fold_accents);
  CHECK_FALSE(kPlain.options().fold_accents);
}
