#include "themescan/extract.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <utility>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "extract_internal.h"

namespace themescan {
namespace {

constexpr std::array<std::pair<std::string_view, InputFormat>, 7> kFormatNames{{
    {"auto", InputFormat::kAuto},
    {"text", InputFormat::kText},
    {"jsonl", InputFormat::kJsonl},
    {"csv", InputFormat::kCsv},
    {"html", InputFormat::kHtml},
    {"pdf", InputFormat::kPdf},
    {"docx", InputFormat::kDocx},
}};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The first bytes say HTML: optional BOM and white space, then "<!doctype html", "<html" or an
// XML declaration followed by <html.
bool looks_like_html(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && is_space(head.front())) head.remove_prefix(1);
  const std::string start = lower_ascii(head.substr(0, 512));
  if (start.starts_with("<!doctype html") || start.starts_with("<html")) return true;
  return start.starts_with("<?xml") && start.find("<html") != std::string::npos;
}

}  // namespace

std::optional<InputFormat> parse_input_format(std::string_view name) {
  for (const auto& [key, format] : kFormatNames) {
    if (key == name) return format;
  }
  return std::nullopt;
}

std::string_view input_format_name(InputFormat format) {
  for (const auto& [key, value] : kFormatNames) {
    if (value == format) return key;
  }
  return "text";
}

InputFormat detect_input_format(std::string_view path, std::string_view head) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  const std::string extension = dot == std::string_view::npos ? "" : lower_ascii(name.substr(dot));
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return InputFormat::kHtml;
  if (extension == ".pdf") return InputFormat::kPdf;
  if (extension == ".docx") return InputFormat::kDocx;
  if (extension == ".csv" || extension == ".tsv") return InputFormat::kCsv;
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::kJsonl;
  // A name that does not say (standard input, "report", "report.txt" saved from a browser):
  // the magic numbers of the binary formats, and an HTML start.
  if (head.starts_with("%PDF-")) return InputFormat::kPdf;
  if (head.starts_with("PK\x03\x04")) return InputFormat::kDocx;
  if (looks_like_html(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::vector<std::string> folder_extensions(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return {".txt", ".md", ".html", ".htm", ".pdf", ".docx"};
    case InputFormat::kText: return {".txt", ".md"};
    case InputFormat::kJsonl: return {".jsonl", ".ndjson"};
    case InputFormat::kCsv: return {".csv", ".tsv"};
    case InputFormat::kHtml: return {".html", ".htm", ".xhtml"};
    case InputFormat::kPdf: return {".pdf"};
    case InputFormat::kDocx: return {".docx"};
  }
  return {".txt", ".md"};
}

Result<ExtractedText> extract_document(InputFormat format, std::string_view bytes,
                                       const DecodeOptions& decode) {
  switch (format) {
    case InputFormat::kHtml: return extract_html(bytes, decode);
    case InputFormat::kPdf: return extract_pdf(bytes);
    case InputFormat::kDocx: return extract_docx(bytes);
    default: break;
  }
  return Result<ExtractedText>(StatusCode::kInternal,
                               "extract_document: not a document format (html, pdf or docx)");
}

std::uint32_t page_of(const std::vector<std::uint64_t>& pages, std::uint64_t offset) {
  if (pages.empty()) return 0;
  const auto after = std::upper_bound(pages.begin(), pages.end(), offset);
  return static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(after - pages.begin(), 1));
}

namespace detail {

void ParagraphBuilder::text(std::string_view s, bool preformatted) {
  if (preformatted) {
    if (pending_space_ && !current_.empty()) current_ += ' ';
    pending_space_ = false;
    for (const char c : s) {
      if (c == '\r') continue;
      current_ += c;
    }
    return;
  }
  for (const char c : s) {
    if (is_space(c)) {
      pending_space_ = true;
      continue;
    }
    if (pending_space_ && !current_.empty() && current_.back() != '\n') current_ += ' ';
    pending_space_ = false;
    current_ += c;
  }
}

void ParagraphBuilder::raw(std::string_view s) {
  if (pending_space_ && !current_.empty() && current_.back() != '\n') current_ += ' ';
  pending_space_ = false;
  current_ += s;
}

void ParagraphBuilder::line_break() {
  while (!current_.empty() && current_.back() == ' ') current_.pop_back();
  if (!current_.empty()) current_ += '\n';
  pending_space_ = false;
}

void ParagraphBuilder::end_paragraph() {
  pending_space_ = false;
  while (!current_.empty() && (current_.back() == ' ' || current_.back() == '\n' ||
                               current_.back() == '\t')) {
    current_.pop_back();
  }
  if (current_.empty()) return;
  if (!out_.empty()) out_ += "\n\n";
  out_ += current_;
  current_.clear();
}

std::string ParagraphBuilder::finish() {
  end_paragraph();
  if (!out_.empty()) out_ += '\n';
  return std::move(out_);
}

std::string node_text(const xmlNode* node) {
  ParagraphBuilder builder;
  xmlChar* content = xmlNodeGetContent(node);
  if (content != nullptr) {
    builder.text(reinterpret_cast<const char*>(content));
    xmlFree(content);
  }
  std::string text = builder.finish();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string attribute(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string element_name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return lower_ascii(reinterpret_cast<const char*>(node->name));
}

namespace {
extern "C" void ignore_xml_error(void*, const char*, ...) {}
extern "C" void ignore_structured_error(void*, xmlErrorPtr) {}
}  // namespace

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // libxml2's error handlers are per thread: set them on every calling thread.
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, ignore_xml_error);
    xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
    silenced = true;
  }
}

}  // namespace detail
}  // namespace themescan
