// Tests for decode.h: document bytes -> valid UTF-8 text.
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "test_util.h"
#include "themescan/decode.h"

using themescan::decode_utf8;
using themescan::find_invalid_utf8;
using themescan::StatusCode;

namespace {

// The message of a decode that must fail with kBadInput.
std::string bad_input_message(std::string_view bytes) {
  const auto decoded = decode_utf8(bytes);
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.status().code() == StatusCode::kBadInput);
  return decoded.status().message();
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

TEST_CASE("decode: plain ASCII is returned unchanged") {
  const auto decoded = decode_utf8("Digital sovereignty, 2024.\n");
  REQUIRE(decoded.ok());
  CHECK(decoded->text == "Digital sovereignty, 2024.\n");
  CHECK_FALSE(decoded->had_bom);
  CHECK(decoded->encoding == "UTF-8");
}

TEST_CASE("decode: valid multi-byte UTF-8 is returned unchanged") {
  // 2-, 3- and 4-byte sequences: é, №, 主, 😀 (U+1F600), and the largest code point U+10FFFF.
  const std::string text = "caf\xC3\xA9 \xE2\x84\x96 \xE4\xB8\xBB \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF";
  const auto decoded = decode_utf8(text);
  REQUIRE(decoded.ok());
  CHECK(decoded->text == text);
  CHECK_FALSE(decoded->had_bom);
  CHECK(find_invalid_utf8(text) == std::string_view::npos);
}

TEST_CASE("decode: a UTF-8 byte-order mark is removed and reported") {
  const auto decoded = decode_utf8("\xEF\xBB\xBFSovereignty");
  REQUIRE(decoded.ok());
  CHECK(decoded->text == "Sovereignty");
  CHECK(decoded->had_bom);
  CHECK(decoded->encoding == "UTF-8");

  SUBCASE("a BOM alone gives an empty text") {
    const auto only_bom = decode_utf8(kBom);
    REQUIRE(only_bom.ok());
    CHECK(only_bom->text.empty());
    CHECK(only_bom->had_bom);
  }
  SUBCASE("only a leading BOM is removed") {
    const std::string text = std::string("a") + std::string(kBom) + "b";
    const auto inner = decode_utf8(text);
    REQUIRE(inner.ok());
    CHECK(inner->text == text);
    CHECK_FALSE(inner->had_bom);
  }
}

TEST_CASE("decode: empty input is OK") {
  const auto decoded = decode_utf8("");
  REQUIRE(decoded.ok());
  CHECK(decoded->text.empty());
  CHECK_FALSE(decoded->had_bom);
  CHECK(find_invalid_utf8("") == std::string_view::npos);
}

TEST_CASE("decode: invalid UTF-8 is rejected with the offset of the first bad sequence") {
  SUBCASE("invalid lead byte in the middle") {
    // 0x80 is a continuation byte without a lead byte.
    CHECK(bad_input_message("abc\x80xyz") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 3: 0x80)");
  }
  SUBCASE("lead byte followed by a non-continuation byte in the middle") {
    CHECK(bad_input_message("ab\xC3(cd") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 2: 0xC3)");
  }
  SUBCASE("truncated sequence at the end") {
    // The first two bytes of € (E2 82 AC).
    CHECK(bad_input_message("price 5\xE2\x82") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 7: 0xE2)");
  }
  SUBCASE("truncated 4-byte sequence at the end") {
    CHECK(bad_input_message("\xF0\x9F\x98") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 0: 0xF0)");
  }
  SUBCASE("overlong encoding C0 AF") {
    CHECK(bad_input_message("x\xC0\xAFy") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 1: 0xC0)");
  }
  SUBCASE("overlong 3-byte encoding E0 80 AF") {
    CHECK(bad_input_message("ok \xE0\x80\xAF") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 3: 0xE0)");
  }
  SUBCASE("encoded surrogate ED A0 80") {
    CHECK(bad_input_message("ab\xED\xA0\x80") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 2: 0xED)");
  }
  SUBCASE("code point above U+10FFFF (F4 90 80 80)") {
    CHECK(bad_input_message("\xF4\x90\x80\x80") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 0: 0xF4)");
  }
  SUBCASE("byte 0xFF") {
    CHECK(bad_input_message("abc\xFF") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 3: 0xFF)");
  }
  SUBCASE("bad byte after a long ASCII run (the 8-byte fast path)") {
    CHECK(bad_input_message("0123456789abcdefghij\xFE") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 20: 0xFE)");
  }
  SUBCASE("bad byte after valid multi-byte text") {
    // "суверенитет" is 22 bytes.
    CHECK(bad_input_message("\xD1\x81\xD1\x83\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD0\xBD\xD0\xB8"
                            "\xD1\x82\xD0\xB5\xD1\x82\xFF") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 22: 0xFF)");
  }
  SUBCASE("only the first bad sequence is reported") {
    CHECK(bad_input_message("a\xFF" "b\xC0\xAF") ==
          "not valid UTF-8 (first bad byte sequence at byte offset 1: 0xFF)");
  }
}

TEST_CASE("decode: offsets count the byte-order mark (offsets of the original file)") {
  // BOM (3 bytes) + "ab" + 0xFF: the bad byte is at offset 5 of the file.
  CHECK(bad_input_message(std::string(kBom) + "ab\xFF") ==
        "not valid UTF-8 (first bad byte sequence at byte offset 5: 0xFF)");
  CHECK(bad_input_message(std::string(kBom) + "x\xED\xA0\x80") ==
        "not valid UTF-8 (first bad byte sequence at byte offset 4: 0xED)");
  CHECK(bad_input_message(std::string(kBom) + "abcd" + std::string(1, '\0')) ==
        "binary file (NUL byte at byte offset 7)");
}

TEST_CASE("decode: a NUL byte marks a binary file") {
  CHECK(bad_input_message(std::string("ab\0cd", 5)) == "binary file (NUL byte at byte offset 2)");
  CHECK(bad_input_message(std::string("\0", 1)) == "binary file (NUL byte at byte offset 0)");
  SUBCASE("the NUL is reported even when a bad sequence comes first") {
    CHECK(bad_input_message(std::string("\xFF" "a\0", 3)) ==
          "binary file (NUL byte at byte offset 2)");
  }
}

TEST_CASE("find_invalid_utf8: offsets of the first bad sequence") {
  CHECK(find_invalid_utf8("plain ascii text longer than eight") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xC3\xA9\xC3") == 2);
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);          // overlong 2-byte form
  CHECK(find_invalid_utf8("12345678\xED\xBF\xBF") == 8);  // low surrogate DFFF
  CHECK(find_invalid_utf8("\xED\x9F\xBF") == std::string_view::npos);  // U+D7FF is fine
  CHECK(find_invalid_utf8("\xEF\xBB\xBF") == std::string_view::npos);  // a BOM is valid UTF-8
}

TEST_CASE("decode: the owning form gives the same text and errors, without a copy") {
  std::string bytes = "\xEF\xBB\xBFSovereignty";
  const auto decoded = themescan::decode_utf8_owned(std::move(bytes));
  REQUIRE(decoded.ok());
  CHECK(decoded->text == "Sovereignty");
  CHECK(decoded->had_bom);
  const auto bad = themescan::decode_utf8_owned(std::string("ab\xE9"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "not valid UTF-8 (first bad byte sequence at byte offset 2: 0xE9)");
}

// ---- decode(): other encodings ----------------------------------------------------------------

namespace {

themescan::DecodedText decoded_ok(std::string bytes, std::string encoding = "") {
  const auto decoded = themescan::decode(std::move(bytes), {.encoding = std::move(encoding)});
  REQUIRE_MESSAGE(decoded.ok(), decoded.status().message());
  return *decoded;
}

std::string decode_error(std::string bytes, std::string encoding = "") {
  const auto decoded = themescan::decode(std::move(bytes), {.encoding = std::move(encoding)});
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.status().code() == StatusCode::kBadInput);
  return decoded.status().message();
}

}  // namespace

TEST_CASE("decode: UTF-16 and UTF-32 with a byte-order mark") {
  // "Añ€𝄞" in each form, after its mark.
  const std::string expected = "A\xC3\xB1\xE2\x82\xAC\xF0\x9D\x84\x9E";
  const struct {
    std::string bytes;
    const char* encoding;
  } cases[] = {
      {std::string("\xFF\xFE" "A\0\xF1\0\xAC\x20\x34\xD8\x1E\xDD", 12), "UTF-16LE"},
      {std::string("\xFE\xFF" "\0A\0\xF1\x20\xAC\xD8\x34\xDD\x1E", 12), "UTF-16BE"},
      {std::string("\xFF\xFE\0\0" "A\0\0\0\xF1\0\0\0\xAC\x20\0\0\x1E\xD1\x01\0", 20), "UTF-32LE"},
      {std::string("\0\0\xFE\xFF" "\0\0\0A\0\0\0\xF1\0\0\x20\xAC\0\x01\xD1\x1E", 20), "UTF-32BE"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.encoding);
    const themescan::DecodedText text = decoded_ok(c.bytes);
    CHECK(text.text == expected);
    CHECK(text.encoding == c.encoding);
    CHECK(text.had_bom);
    CHECK(text.confidence == 100);
    CHECK(text.warning.empty());
  }
}

TEST_CASE("decode: a lone surrogate in UTF-16 is an error at its byte offset") {
  // BOM, "ab", a high surrogate followed by "c"; then a low surrogate alone at the end.
  CHECK(decode_error(std::string("\xFF\xFE" "a\0b\0\x00\xD8" "c\0", 10)) ==
        "not valid UTF-16LE (byte offset 6: 0x00)");
  CHECK(decode_error(std::string("\xFF\xFE" "a\0b\0c\0\x00\xDC", 10)) ==
        "not valid UTF-16LE (byte offset 8: 0x00)");
  // A NUL character in UTF-16 text is a binary file, as a NUL byte is in UTF-8.
  CHECK(decode_error(std::string("\xFF\xFE" "a\0\0\0", 6)) ==
        "binary file (a NUL character in the UTF-16LE text)");
}

TEST_CASE("decode: legacy encodings are detected, with their confidence") {
  // "Цифровой суверенитет и локализация данных обсуждались на форуме." in Windows-1251, repeated.
  std::string cp1251;
  for (int i = 0; i < 20; ++i) {
    cp1251 += "\xD6\xE8\xF4\xF0\xEE\xE2\xEE\xE9 \xF1\xF3\xE2\xE5\xF0\xE5\xED\xE8\xF2\xE5\xF2 \xE8 "
              "\xEB\xEE\xEA\xE0\xEB\xE8\xE7\xE0\xF6\xE8\xFF \xE4\xE0\xED\xED\xFB\xF5 "
              "\xEE\xE1\xF1\xF3\xE6\xE4\xE0\xEB\xE8\xF1\xFC \xED\xE0 \xF4\xEE\xF0\xF3\xEC\xE5.\n";
  }
  const themescan::DecodedText text = decoded_ok(cp1251);
  CHECK(text.encoding == "windows-1251");
  // One sentence repeated is not much to go on (a whole report scores higher, see the CLI tests).
  CHECK(text.confidence == 42);
  CHECK(text.warning == "encoding guessed as windows-1251 with low confidence (42/100); set it "
                        "with --encoding if the text looks wrong");
  CHECK(text.text.starts_with("Цифровой суверенитет и локализация данных"));
  // Three bytes are too few to guess from: Windows-1252, confidence 0, with a warning.
  const themescan::DecodedText guess = decoded_ok("ab\xFF");
  CHECK(guess.text == "ab\xC3\xBF");
  CHECK(guess.encoding == "windows-1252");
  CHECK(guess.confidence == 0);
  CHECK(guess.warning ==
        "encoding guessed as windows-1252 with low confidence (0/100); set it with --encoding if "
        "the text looks wrong");
}

TEST_CASE("decode: --encoding forces the encoding, by any name ICU knows") {
  const themescan::DecodedText koi8 = decoded_ok("\xF3\xD5\xD7\xC5\xD2\xC5\xCE\xC9\xD4\xC5\xD4", "koi8-r");
  CHECK(koi8.text == "Суверенитет");
  CHECK(koi8.encoding == "KOI8-R");
  CHECK(koi8.confidence == 100);
  CHECK(decoded_ok("caf\xE9", "cp1252").encoding == "windows-1252");
  CHECK(decoded_ok("caf\xC3\xA9", "UTF8").text == "caf\xC3\xA9");
  // Forced UTF-8 is strict: no guessing.
  CHECK(decode_error("caf\xE9", "utf-8").starts_with("not valid UTF-8"));
  // A forced UTF-16 reads its byte-order mark as a mark.
  const themescan::DecodedText utf16 = decoded_ok(std::string("\xFF\xFE" "h\0i\0", 6), "UTF-16");
  CHECK(utf16.text == "hi");
  CHECK(utf16.had_bom);
  CHECK(themescan::check_encoding_name("windows-1251").ok());
  CHECK(themescan::check_encoding_name("no-such-encoding").message() ==
        "unknown encoding 'no-such-encoding'");
}

TEST_CASE("decode: damaged UTF-8 is an error, control-character soup is binary") {
  // Mostly good UTF-8 with one bad byte stays UTF-8, and is reported.
  CHECK(decode_error("Суверенитет \xFF и локализация") ==
        "not valid UTF-8 (first bad byte sequence at byte offset 23: 0xFF)");
  std::string soup;
  for (int i = 0; i < 100; ++i) soup += "\x01\x02\x03\x90\xAA text";
  CHECK(decode_error(soup) == "binary file (mostly control characters)");
  // Valid UTF-8 made mostly of control characters is binary too.
  CHECK(decode_error(std::string(200, '\x1b') + "text") == "binary file (mostly control characters)");
  // Valid UTF-8 is never guessed at.
  const themescan::DecodedText plain = decoded_ok("caf\xC3\xA9");
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.confidence == 100);
}
