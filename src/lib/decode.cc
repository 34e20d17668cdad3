#include "themescan/decode.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

namespace themescan {
namespace {

// Length of the well-formed UTF-8 sequence starting at p[i] (Unicode Table 3-7), or 0.
// ICU's U8_NEXT would do the same per character with 32-bit indices; documents may be larger
// and most bytes are ASCII, which the caller skips eight at a time.
std::size_t sequence_length(const unsigned char* p, std::size_t i, std::size_t n) {
  const unsigned char b0 = p[i];
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && p[i + k] >= lo && p[i + k] <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (b0 == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t block;
      std::memcpy(&block, p + i, 8);
      if ((block & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t len = sequence_length(p, i, n);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

namespace {

// Whether `bytes` can be a document: a UTF-8 BOM (reported in *had_bom) followed by valid UTF-8
// without NUL bytes, at most kMaxDocumentBytes long.
Status check_document(std::string_view bytes, bool* had_bom) {
  *had_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  const std::size_t bom = *had_bom ? kUtf8Bom.size() : 0;
  bytes.remove_prefix(bom);
  if (bytes.size() > kMaxDocumentBytes) {
    return Status(StatusCode::kBadInput,
                  fmt::format("document too large ({} bytes; the limit is 2 GiB)", bytes.size()));
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status(StatusCode::kBadInput,
                  fmt::format("binary file (NUL byte at byte offset {})", nul + bom));
  }
  if (const std::size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    return Status(StatusCode::kBadInput,
                  fmt::format("not valid UTF-8 (first bad byte sequence at byte offset {}: 0x{:02X})",
                              bad + bom, static_cast<unsigned char>(bytes[bad])));
  }
  return Status::Ok();
}

}  // namespace

Result<DecodedText> decode_utf8(std::string_view bytes) {
  DecodedText out;
  if (Status status = check_document(bytes, &out.had_bom); !status.ok()) return status;
  out.text.assign(bytes.substr(out.had_bom ? kUtf8Bom.size() : 0));
  return out;
}

Result<DecodedText> decode_utf8_owned(std::string bytes) {
  DecodedText out;
  if (Status status = check_document(bytes, &out.had_bom); !status.ok()) return status;
  if (out.had_bom) bytes.erase(0, kUtf8Bom.size());
  out.text = std::move(bytes);
  return out;
}

namespace {

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterClose>;

struct DetectorClose {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

Status bad_input(std::string message) { return Status(StatusCode::kBadInput, std::move(message)); }

// "utf8", "UTF-8", "utf_8": the names of UTF-8.
bool is_utf8_name(std::string_view name) {
  std::string folded;
  for (const char c : name) {
    if (c != '-' && c != '_') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return folded == "utf8";
}

// `bytes` in `encoding` as UTF-8. A sequence that is invalid in the encoding, or a byte with no
// character in it, is an error naming its byte offset (counted from `base`).
Result<std::string> to_utf8(std::string_view bytes, const char* encoding, std::size_t base) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(encoding, &status));
  if (U_FAILURE(status)) return bad_input(fmt::format("unknown encoding '{}'", encoding));
  ConverterPtr target(ucnv_open("UTF-8", &status));
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, fmt::format("ICU converter: {}", u_errorName(status)));
  }
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  const char* from = bytes.data();
  char* to = out.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (bool first = true;; first = false) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &to, out.data() + out.size(), &from,
                   bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                   pivot + std::size(pivot), first, true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t used = static_cast<std::size_t>(to - out.data());
    out.resize(out.size() * 2);
    to = out.data() + used;
  }
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(source.get(), invalid, &length, &ignored);
    const std::size_t at = static_cast<std::size_t>(from - bytes.data()) -
                           static_cast<std::size_t>(std::max<int8_t>(length, 0));
    return bad_input(fmt::format("not valid {} (byte offset {}: 0x{:02X})", encoding, base + at,
                                 static_cast<unsigned char>(bytes[std::min(at, bytes.size() - 1)])));
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
  return out;
}

// Checks converted text like check_document does for UTF-8 input.
Status check_converted(const std::string& text, const std::string& encoding) {
  if (text.size() > kMaxDocumentBytes) {
    return bad_input(fmt::format("document too large ({} bytes of UTF-8; the limit is 2 GiB)", text.size()));
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    return bad_input(fmt::format("binary file (a NUL character in the {} text)", encoding));
  }
  return Status::Ok();
}

// A byte-order mark other than UTF-8's: the encoding and the mark's length.
struct Bom {
  const char* encoding;
  std::size_t length;
};
std::optional<Bom> unicode_bom(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return Bom{"UTF-32LE", 4};
  if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return Bom{"UTF-32BE", 4};
  if (bytes.starts_with("\xFF\xFE")) return Bom{"UTF-16LE", 2};
  if (bytes.starts_with("\xFE\xFF")) return Bom{"UTF-16BE", 2};
  return std::nullopt;
}

constexpr std::size_t kDetectSample = 1 << 20;  // bytes looked at to guess an encoding

// Text has few control characters; executables, images and archives have many.
constexpr std::size_t kBinarySample = 64 * 1024;
bool mostly_control(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kBinarySample);
  const auto control = std::count_if(sample.begin(), sample.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
  });
  return static_cast<std::size_t>(control) * 10 > sample.size();
}

// Whether text with invalid UTF-8 is still UTF-8 (damaged: cut short, a few bad bytes) rather
// than another encoding: it has at least as many well-formed multi-byte sequences as bad bytes.
// Legacy 8-bit text almost never forms well-formed UTF-8 sequences.
bool damaged_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = std::min(bytes.size(), kDetectSample);
  std::size_t multibyte = 0, bad = 0;
  for (std::size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = sequence_length(p, i, n);
    if (length == 0) {
      ++bad;
      ++i;
    } else {
      ++multibyte;
      i += length;
    }
  }
  return multibyte >= bad;
}

// Not UTF-8: ICU's charset detector's candidates, best first; the first that converts the whole
// text wins.
Result<DecodedText> detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, kDetectSample);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) count = 0;
  // When ICU has no candidate (too little text), Windows-1252 and then ISO-8859-1, which has a
  // character for every byte, are tried with confidence 0.
  std::vector<std::pair<const char*, int32_t>> candidates;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status)) break;
    candidates.emplace_back(name, confidence);
  }
  candidates.emplace_back("windows-1252", 0);
  candidates.emplace_back("ISO-8859-1", 0);
  for (const auto& [name, confidence] : candidates) {
    // UTF-8 failed already; UTF-16/32 are read only with a byte-order mark.
    if (std::string_view(name).starts_with("UTF")) continue;
    Result<std::string> text = to_utf8(bytes, name, 0);
    if (!text.ok()) continue;
    DecodedText out;
    out.text = std::move(*text);
    out.encoding = name;
    out.confidence = confidence;
    if (confidence < kLowConfidence) {
      out.warning = fmt::format("encoding guessed as {} with low confidence ({}/100); set it with "
                                "--encoding if the text looks wrong",
                                name, confidence);
    }
    return out;
  }
  return bad_input("not valid UTF-8, and no other encoding fits it; name one with --encoding");
}

}  // namespace

Status check_encoding_name(const std::string& name) {
  if (is_utf8_name(name)) return Status::Ok();
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInvalidArgument, fmt::format("unknown encoding '{}'", name));
  }
  return Status::Ok();
}

Result<DecodedText> decode(std::string bytes, const DecodeOptions& options) {
  const bool forced = !options.encoding.empty() && !is_utf8_name(options.encoding);
  const std::optional<Bom> bom = forced ? std::nullopt : unicode_bom(bytes);
  if (!forced && !bom) {
    if (options.encoding.empty() && bytes.size() <= kMaxDocumentBytes + kUtf8Bom.size() &&
        bytes.find('\0') == std::string::npos) {
      if (mostly_control(bytes)) return bad_input("binary file (mostly control characters)");
      const std::size_t start = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
      if (find_invalid_utf8(std::string_view(bytes).substr(start)) != std::string_view::npos) {
        if (damaged_utf8(bytes)) return decode_utf8_owned(std::move(bytes));  // its error
        Result<DecodedText> detected = detect(bytes);
        if (detected.ok()) {
          if (Status status = check_converted(detected->text, detected->encoding); !status.ok()) return status;
        }
        return detected;
      }
    }
    return decode_utf8_owned(std::move(bytes));  // UTF-8, or its error (size, NUL, bad bytes)
  }
  DecodedText out;
  std::size_t skip = 0;
  const char* encoding = options.encoding.c_str();
  if (bom) {
    skip = bom->length;
    encoding = bom->encoding;
    out.had_bom = true;
  }
  // ICU's "UTF-16" and "UTF-32" read a byte-order mark themselves.
  const bool marked = forced && unicode_bom(bytes).has_value();
  Result<std::string> text = to_utf8(std::string_view(bytes).substr(skip), encoding, skip);
  if (!text.ok()) return text.status();
  std::string().swap(bytes);
  out.text = std::move(*text);
  if (out.text.starts_with(kUtf8Bom)) {  // a forced UTF-16 or UTF-32 reads its mark as U+FEFF
    out.text.erase(0, kUtf8Bom.size());
    out.had_bom = true;
  }
  out.encoding = encoding;
  if (forced) {  // the standard name of what the user typed: cp1251 -> windows-1251
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(encoding, &status));
    const char* internal = U_SUCCESS(status) ? ucnv_getName(converter.get(), &status) : nullptr;
    const char* standard = internal ? ucnv_getStandardName(internal, "IANA", &status) : nullptr;
    if (U_SUCCESS(status) && standard) out.encoding = standard;
    if (marked && (out.encoding.starts_with("UTF-16") || out.encoding.starts_with("UTF-32"))) {
      out.had_bom = true;
    }
  }
  if (Status checked = check_converted(out.text, out.encoding); !checked.ok()) return checked;
  return out;
}

}  // namespace themescan
