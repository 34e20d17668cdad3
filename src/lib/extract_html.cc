// HTML -> article text (extract.h).
#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "extract_internal.h"
#include "themescan/decode.h"
#include "themescan/extract.h"

namespace themescan {
namespace {

using detail::attribute;
using detail::element_name;
using detail::node_text;
using detail::ParagraphBuilder;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is never article text.
bool is_dropped_element(std::string_view name) {
  return is_one_of(name, {"script", "style", "noscript", "template", "svg", "math", "nav", "aside",
                          "form", "button", "select", "textarea", "input", "label", "iframe",
                          "object", "embed", "canvas", "audio", "video", "map", "head", "menu",
                          "dialog", "link", "meta"});
}

// Elements that end a paragraph.
bool is_block_element(std::string_view name) {
  return is_one_of(name, {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
                          "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
                          "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "pre",
                          "address", "hr", "center", "header", "footer", "details", "summary",
                          "body", "html", "hgroup"});
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A word of an id or class ("cookie-banner" -> "cookie", "banner") that marks page furniture.
bool names_furniture(const std::string& value) {
  static constexpr std::array<std::string_view, 18> kWords{
      "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "share", "sharing",
      "social", "related", "newsletter", "advert", "advertisement", "promo", "sidebar", "subscribe",
      "paywall", "comments"};
  std::string word;
  const std::string text = lower(value) + ' ';
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
      continue;
    }
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
    word.clear();
  }
  return false;
}

bool is_hidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (lower(attribute(node, "aria-hidden")) == "true") return true;
  std::string style = lower(attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  const std::string role = lower(attribute(node, "role"));
  if (is_one_of(role, {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                       "alertdialog"})) {
    return true;
  }
  return names_furniture(attribute(node, "id")) || names_furniture(attribute(node, "class"));
}

bool is_quote_char_start(std::string_view s) {
  static constexpr std::array<std::string_view, 8> kOpen{"\"", "\xE2\x80\x9C", "\xC2\xAB",
                                                         "\xE2\x80\x9E", "'", "\xE2\x80\x98",
                                                         "\xE3\x80\x8C", "\xE2\x80\x9D"};
  return std::any_of(kOpen.begin(), kOpen.end(), [&](std::string_view q) { return s.starts_with(q); });
}

// Strips leading dashes and spaces of an attribution ("— Ana Ruiz" -> "Ana Ruiz").
std::string_view trim_attribution(std::string_view s) {
  for (;;) {
    if (s.starts_with(" ") || s.starts_with("-") || s.starts_with("~")) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xE2\x80\x94") || s.starts_with("\xE2\x80\x93") ||
               s.starts_with("\xE2\x80\x95")) {
      s.remove_prefix(3);
    } else {
      return s;
    }
  }
}

class HtmlWalker {
 public:
  explicit HtmlWalker(bool in_content) : in_content_(in_content) {}

  void walk(const xmlNode* node) {
    for (const xmlNode* child = node; child != nullptr; child = child->next) visit(child);
  }

  ParagraphBuilder& builder() { return b_; }

 private:
  void visit(const xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) b_.text(reinterpret_cast<const char*>(node->content), pre_ > 0);
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;
    const std::string name = element_name(node);
    if (is_dropped_element(name) || is_hidden(node)) return;
    // A page-level header or footer is furniture; an article's header holds its title.
    if (name == "footer" || (name == "header" && !in_content_)) return;
    if (name == "br") {
      if (quote_ > 0) b_.text(" ");
      else b_.line_break();
      return;
    }
    if (name == "blockquote" && quote_ == 0) {
      blockquote(node);
      return;
    }
    if (name == "q") {
      b_.raw("\xE2\x80\x9C");
      walk(node->children);
      b_.raw("\xE2\x80\x9D");
      return;
    }
    const bool block = is_block_element(name);
    if (block) paragraph_break();
    if (name == "pre") ++pre_;
    walk(node->children);
    if (name == "pre") --pre_;
    if (block) paragraph_break();
  }

  void paragraph_break() {
    if (quote_ > 0) b_.text(" ");
    else b_.end_paragraph();
  }

  // One paragraph: “the quoted paragraphs joined” — attribution (<cite> or <footer> inside).
  void blockquote(const xmlNode* node) {
    std::string attribution;
    HtmlWalker inner(in_content_);
    inner.quote_ = 1;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      const std::string name = element_name(child);
      if ((name == "cite" || name == "footer") && attribution.empty()) {
        attribution = std::string(trim_attribution(node_text(child)));
        continue;
      }
      inner.visit(child);
    }
    std::string quote = inner.b_.finish();
    while (!quote.empty() && (quote.back() == '\n' || quote.back() == ' ')) quote.pop_back();
    if (quote.empty()) return;
    b_.end_paragraph();
    const bool marked = is_quote_char_start(quote);
    if (!marked) b_.raw("\xE2\x80\x9C");
    b_.raw(quote);
    if (!marked) b_.raw("\xE2\x80\x9D");
    if (!attribution.empty()) {
      b_.raw(" \xE2\x80\x94 ");
      b_.raw(attribution);
    }
    b_.end_paragraph();
  }

  ParagraphBuilder b_;
  bool in_content_;
  int pre_ = 0;
  int quote_ = 0;
};

// Depth-first search for elements, not descending into dropped or hidden ones.
template <typename Visit>
void for_each_element(const xmlNode* node, const Visit& visit) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string name = element_name(node);
    if (!visit(node, name)) continue;
    for_each_element(node->children, visit);
  }
}

// The character set a page declares in its first 4 KiB (<meta charset>, http-equiv
// Content-Type), lower-cased; "" when none.
std::string declared_charset(std::string_view bytes) {
  const std::string head = lower(std::string(bytes.substr(0, 4096)));
  std::size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    at += 7;
    std::size_t i = at;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) != 0 ||
                                 head[end] == '-' || head[end] == '_' || head[end] == ':' ||
                                 head[end] == '.')) {
      ++end;
    }
    if (end > i) return head.substr(i, end - i);
  }
  return {};
}

std::string date_from_json_ld(const std::string& script) {
  const std::size_t key = script.find("\"datePublished\"");
  if (key == std::string::npos) return {};
  const std::size_t open = script.find('"', script.find(':', key) + 1);
  if (open == std::string::npos) return {};
  const std::size_t close = script.find('"', open + 1);
  if (close == std::string::npos || close - open > 64) return {};
  return script.substr(open + 1, close - open - 1);
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

Result<ExtractedText> extract_html(std::string_view bytes, const DecodeOptions& decode_options) {
  detail::init_libxml();
  ExtractedText out;
  // To UTF-8 first, so the parser never guesses: the encoding given, a byte-order mark, the
  // declared charset, else UTF-8 or detection.
  DecodeOptions options = decode_options;
  const bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                   bytes.starts_with("\xFE\xFF");
  std::string charset = declared_charset(bytes);
  if (charset == "utf8") charset = "utf-8";
  if (options.encoding.empty() && !bom && !charset.empty() && check_encoding_name(charset).ok()) {
    options.encoding = charset;
  }
  Result<DecodedText> decoded = decode(std::string(bytes), options);
  if (!decoded.ok()) return decoded.status();
  out.encoding = decoded->encoding;
  const std::string& html = decoded->text;
  if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Result<ExtractedText>(StatusCode::kBadInput, "HTML page too large");
  }
  if (html.find_first_not_of(" \t\r\n\f") == std::string::npos) return out;  // an empty page
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_COMPACT));
  if (doc == nullptr) return Result<ExtractedText>(StatusCode::kBadInput, "not an HTML page");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Result<ExtractedText>(StatusCode::kBadInput, "empty HTML page");

  // Metadata: title and date.
  std::string og_title, title_element, meta_date, json_ld_date;
  for_each_element(root, [&](const xmlNode* node, const std::string& name) {
    if (name == "title" && title_element.empty()) title_element = node_text(node);
    if (name == "meta" && meta_date.empty()) {
      std::string key = lower(attribute(node, "property"));
      if (key.empty()) key = lower(attribute(node, "name"));
      if (key.empty()) key = lower(attribute(node, "itemprop"));
      const std::string content = attribute(node, "content");
      if (key == "og:title" && og_title.empty()) og_title = content;
      if (is_one_of(key, {"article:published_time", "og:published_time", "datepublished", "date",
                          "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
                          "pubdate", "publishdate", "sailthru.date", "parsely-pub-date"})) {
        meta_date = content;
      }
    }
    if (name == "script" && json_ld_date.empty() &&
        lower(attribute(node, "type")) == "application/ld+json") {
      xmlChar* text = xmlNodeGetContent(node);
      if (text != nullptr) {
        json_ld_date = date_from_json_ld(reinterpret_cast<const char*>(text));
        xmlFree(text);
      }
    }
    return true;
  });

  // The content: the <article> with most text, else <main>, else the whole page.
  const xmlNode* content = nullptr;
  std::size_t content_size = 0;
  const xmlNode* main = nullptr;
  for_each_element(root, [&](const xmlNode* node, const std::string& name) {
    if (is_dropped_element(name) || is_hidden(node)) return false;
    if (name == "article") {
      const std::size_t size = node_text(node).size();
      if (size > content_size) {
        content = node;
        content_size = size;
      }
      return false;  // an article inside an article is part of it
    }
    if ((name == "main" || lower(attribute(node, "role")) == "main") && main == nullptr) main = node;
    return true;
  });
  if (content == nullptr) content = main;

  // The title: the first <h1> of the content, else of the page, else og:title, else <title>.
  const xmlNode* h1 = nullptr;
  const auto find_h1 = [&](const xmlNode* node, const std::string& name) {
    if (h1 != nullptr || is_dropped_element(name) || is_hidden(node)) return false;
    if (name == "h1") h1 = node;
    return h1 == nullptr;
  };
  if (content != nullptr) for_each_element(content->children, find_h1);
  const bool h1_outside = h1 == nullptr;
  if (h1 == nullptr) for_each_element(root, find_h1);
  if (h1 != nullptr && !node_text(h1).empty()) {
    out.title = node_text(h1);
  } else if (!og_title.empty()) {
    out.title = og_title;
  } else if (!title_element.empty()) {
    out.title = title_element;
  }

  HtmlWalker walker(content != nullptr);
  if (content != nullptr && h1 != nullptr && h1_outside) {
    walker.builder().text(node_text(h1));  // the page's headline, above the article
    walker.builder().end_paragraph();
  }
  if (content != nullptr) {
    walker.walk(content->children);
  } else {
    walker.walk(root->children);
  }
  out.text = walker.builder().finish();

  // The date: metadata, else the first <time datetime> of the content.
  if (!meta_date.empty()) out.date = meta_date;
  else if (!json_ld_date.empty()) out.date = json_ld_date;
  if (!out.date) {
    for_each_element(content != nullptr ? content : root,
                     [&](const xmlNode* node, const std::string& name) {
                       if (out.date || is_dropped_element(name)) return false;
                       if (name == "time" && !attribute(node, "datetime").empty()) {
                         out.date = attribute(node, "datetime");
                       }
                       return !out.date;
                     });
  }
  return out;
}

}  // namespace themescan
