#include "themescan/decode.h"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

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

}  // namespace themescan
