// Shared pieces of the extractors (extract.h): a text builder that turns a stream of inline
// text and block boundaries into blank-line-separated paragraphs, and libxml2 helpers.
#pragma once

#include <string>
#include <string_view>

#include <libxml/tree.h>

namespace themescan::detail {

// Collects paragraphs. Inline text is appended with white space runs collapsed to one space
// (unless `preformatted`); end_paragraph() closes the current paragraph (empty ones vanish);
// line_break() starts a new line inside it. The result has one paragraph per line, paragraphs
// separated by one blank line, no trailing white space.
class ParagraphBuilder {
 public:
  void text(std::string_view s, bool preformatted = false);
  void line_break();
  void end_paragraph();
  // Appends raw text to the current paragraph (no collapsing), e.g. quotation marks.
  void raw(std::string_view s);
  bool paragraph_empty() const { return current_.empty(); }
  std::size_t size() const { return out_.size() + current_.size(); }
  std::string finish();

 private:
  std::string out_;
  std::string current_;
  bool pending_space_ = false;
};

// The text content of an element (all descendants), white space collapsed and trimmed.
std::string node_text(const xmlNode* node);

// An attribute value, "" when absent.
std::string attribute(const xmlNode* node, const char* name);

// The element's local name, lower-cased ASCII ("" for non-elements).
std::string element_name(const xmlNode* node);

// Silences libxml2's error output and initialises it once (thread-safe).
void init_libxml();

}  // namespace themescan::detail
