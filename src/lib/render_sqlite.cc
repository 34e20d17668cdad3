#include "themescan/sqlite_writer.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "render_common.h"
#include "themescan/attribution.h"
#include "themescan/document.h"
#include "themescan/layout.h"
#include "themescan/score.h"
#include "themescan/version.h"

namespace themescan {
namespace {

// The tables; docs/sqlite-schema.md describes each column. Keep the two in step.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE documents(
  doc_id INTEGER PRIMARY KEY, path TEXT NOT NULL, line INTEGER, id TEXT, source TEXT,
  title TEXT, date TEXT, date_from TEXT, bytes INTEGER NOT NULL, encoding TEXT NOT NULL,
  layout TEXT NOT NULL, format TEXT NOT NULL, pages INTEGER, words INTEGER NOT NULL, sentences INTEGER NOT NULL,
  paragraphs INTEGER NOT NULL, quotes INTEGER NOT NULL, statements INTEGER NOT NULL);
CREATE TABLE themes(
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id), theme TEXT NOT NULL, rank INTEGER NOT NULL,
  hits INTEGER NOT NULL, distinct_entries INTEGER NOT NULL, score REAL NOT NULL,
  per_1k REAL NOT NULL, share REAL NOT NULL, top_terms TEXT NOT NULL,
  PRIMARY KEY(doc_id, theme));
CREATE TABLE evidence(
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id), theme TEXT NOT NULL, hit INTEGER NOT NULL,
  entry_theme TEXT NOT NULL, entry TEXT NOT NULL, label TEXT NOT NULL, kind TEXT NOT NULL,
  text TEXT NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL, page INTEGER, in_name INTEGER NOT NULL, counted INTEGER NOT NULL,
  left_context TEXT NOT NULL, right_context TEXT NOT NULL,
  PRIMARY KEY(doc_id, theme, hit));
CREATE TABLE speakers(
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id), speaker INTEGER NOT NULL,
  name TEXT NOT NULL, named INTEGER NOT NULL, is_group INTEGER NOT NULL, kind TEXT NOT NULL,
  role TEXT, affiliation TEXT, country TEXT, participation TEXT, gender TEXT, aliases TEXT NOT NULL,
  quotes INTEGER NOT NULL, statements INTEGER NOT NULL,
  PRIMARY KEY(doc_id, speaker));
CREATE TABLE speaker_themes(
  doc_id INTEGER NOT NULL, speaker INTEGER NOT NULL, theme TEXT NOT NULL, hits INTEGER NOT NULL,
  score REAL NOT NULL, PRIMARY KEY(doc_id, speaker, theme),
  FOREIGN KEY(doc_id, speaker) REFERENCES speakers(doc_id, speaker));
CREATE TABLE quotes(
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id), quote INTEGER NOT NULL, type TEXT NOT NULL,
  partial INTEGER NOT NULL, unclosed INTEGER NOT NULL, depth INTEGER NOT NULL,
  paragraph INTEGER NOT NULL, page INTEGER, speaker INTEGER, method TEXT NOT NULL,
  reference TEXT NOT NULL,
  confidence REAL NOT NULL, verb TEXT, text TEXT NOT NULL, span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL, PRIMARY KEY(doc_id, quote),
  FOREIGN KEY(doc_id, speaker) REFERENCES speakers(doc_id, speaker));
CREATE TABLE quote_themes(
  doc_id INTEGER NOT NULL, quote INTEGER NOT NULL, theme TEXT NOT NULL, hits INTEGER NOT NULL,
  score REAL NOT NULL, PRIMARY KEY(doc_id, quote, theme),
  FOREIGN KEY(doc_id, quote) REFERENCES quotes(doc_id, quote));
CREATE TABLE errors(
  error_id INTEGER PRIMARY KEY, path TEXT NOT NULL, line INTEGER, id TEXT, message TEXT NOT NULL);
CREATE TABLE lexicons(
  theme TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT, level INTEGER NOT NULL,
  parent TEXT, languages TEXT, entries INTEGER NOT NULL, exclusions INTEGER NOT NULL,
  source TEXT NOT NULL, hash TEXT NOT NULL);
)sql";

// Created after the rows are in (faster than keeping them up to date row by row).
constexpr const char* kIndexes = R"sql(
CREATE INDEX documents_date ON documents(date);
CREATE INDEX themes_theme ON themes(theme, doc_id);
CREATE INDEX evidence_theme ON evidence(theme, doc_id);
CREATE INDEX speakers_name ON speakers(name);
CREATE INDEX speaker_themes_theme ON speaker_themes(theme);
CREATE INDEX quotes_speaker ON quotes(doc_id, speaker);
CREATE INDEX quote_themes_theme ON quote_themes(theme);
)sql";

constexpr std::size_t kTopTerms = 5;

// A value to bind: NULL, an integer, a real or text (copied by SQLite).
struct Value {
  enum Kind { kNull, kInt, kReal, kText } kind = kNull;
  std::int64_t i = 0;
  double d = 0;
  std::string_view s;
  Value() = default;
  Value(std::nullopt_t) {}                                    // NOLINT
  Value(bool v) : kind(kInt), i(v ? 1 : 0) {}                 // NOLINT
  Value(int v) : kind(kInt), i(v) {}                          // NOLINT
  Value(std::uint32_t v) : kind(kInt), i(v) {}                // NOLINT
  Value(std::uint64_t v) : kind(kInt), i(static_cast<std::int64_t>(v)) {}  // NOLINT
  Value(std::int64_t v) : kind(kInt), i(v) {}                 // NOLINT
  Value(double v) : kind(kReal), d(v) {}                      // NOLINT
  Value(std::string_view v) : kind(kText), s(v) {}            // NOLINT
  Value(const std::string& v) : kind(kText), s(v) {}          // NOLINT
  Value(const char* v) : kind(kText), s(v) {}                 // NOLINT
};

// Text, or NULL when empty (JSON's string_or_null).
Value text_or_null(std::string_view text) { return text.empty() ? Value() : Value(text); }

// The PDF page a span starts on; NULL for inputs without pages.
Value page_value(const DocumentResult& r, Span span) {
  return r.pages.empty() ? Value() : Value(page_of(r.pages, span.begin));
}

// A prepared INSERT, reused for every row.
class Insert {
 public:
  Insert() = default;
  Insert(Insert&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
  Insert& operator=(Insert&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }
  ~Insert() { close(); }
  void close() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  // INSERT INTO table VALUES (?, ?, ...) with `columns` placeholders.
  int prepare(sqlite3* db, const char* table, int columns) {
    std::string sql = fmt::format("INSERT INTO {} VALUES (", table);
    for (int i = 0; i < columns; ++i) sql += i ? ",?" : "?";
    sql += ")";
    return sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  }

  int run(std::initializer_list<Value> values) {
    int index = 1;
    for (const Value& v : values) {
      int rc = SQLITE_OK;
      switch (v.kind) {
        case Value::kNull: rc = sqlite3_bind_null(stmt_, index); break;
        case Value::kInt: rc = sqlite3_bind_int64(stmt_, index, v.i); break;
        case Value::kReal: rc = sqlite3_bind_double(stmt_, index, v.d); break;
        case Value::kText:
          rc = sqlite3_bind_text64(stmt_, index, v.s.data(), v.s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
          break;
      }
      if (rc != SQLITE_OK) return rc;
      ++index;
    }
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string aliases_json(const std::vector<std::string>& aliases) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const std::string& alias : aliases) array.push_back(alias);
  return array.dump();
}

}  // namespace

struct SqliteWriter::State {
  std::string path;    // as given, for messages
  std::string target;  // the file finish() replaces (a symbolic link's target)
  std::string temp;    // the file being written
  const Lexicon* lexicon = nullptr;
  const RenderOptions* options = nullptr;
  bool count_names = false;
  sqlite3* db = nullptr;
  Insert documents, themes, evidence, speakers, speaker_themes, quotes, quote_themes, errors;
  std::int64_t doc_id = 0, error_id = 0;

  void close_statements() {
    for (Insert* insert : {&documents, &themes, &evidence, &speakers, &speaker_themes, &quotes,
                           &quote_themes, &errors}) {
      insert->close();
    }
  }

  ~State() {
    // Statements first, then the connection, then the unfinished file.
    close_statements();
    if (db) sqlite3_close(db);
    if (!temp.empty()) ::unlink(temp.c_str());
  }

  Status fail(std::string_view what) const {
    return Status(StatusCode::kIoError,
                  fmt::format("cannot write {}: {}", path, db ? sqlite3_errmsg(db) : what));
  }
  Status check(int rc) const { return rc == SQLITE_OK ? Status::Ok() : fail(sqlite3_errstr(rc)); }
  Status exec(const char* sql) const { return check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr)); }
};

SqliteWriter::SqliteWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
SqliteWriter::SqliteWriter(SqliteWriter&&) noexcept = default;
SqliteWriter& SqliteWriter::operator=(SqliteWriter&&) noexcept = default;
SqliteWriter::~SqliteWriter() = default;

Result<SqliteWriter> SqliteWriter::create(const std::string& path, const Lexicon& lexicon,
                                          const RenderOptions& options, bool count_names) {
  auto state = std::make_unique<State>();
  state->path = path;
  state->lexicon = &lexicon;
  state->options = &options;
  state->count_names = count_names;
  const auto io_error = [&](int error) {
    return Status(StatusCode::kIoError, fmt::format("cannot write {}: {}", path, std::strerror(error)));
  };
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    return io_error(S_ISDIR(info.st_mode) ? EISDIR : EINVAL);
  }
  state->target = path;
  std::error_code ec;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) {
    const auto resolved = std::filesystem::canonical(path, ec);
    if (!ec) state->target = resolved.string();
  }
  std::string name = state->target + ".tmp.XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return io_error(errno);
  state->temp = name;
  // The new database gets the mode of the one it replaces, else 0666 less the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  const mode_t mode = ::stat(state->target.c_str(), &info) == 0 ? (info.st_mode & 07777) : (0666 & ~mask);
  const bool moded = ::fchmod(fd, mode) == 0;
  const int error = errno;
  ::close(fd);
  if (!moded) return io_error(error);

  if (sqlite3_open_v2(name.c_str(), &state->db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    return state->fail("cannot open");
  }
  // The file is private until the rename, so no journal is needed: a failure discards it.
  for (const char* sql : {"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
                          "PRAGMA locking_mode=EXCLUSIVE", "PRAGMA foreign_keys=OFF", "BEGIN", kSchema}) {
    if (Status status = state->exec(sql); !status.ok()) return status;
  }
  struct Table {
    Insert* insert;
    const char* name;
    int columns;
  };
  for (const Table& t : {Table{&state->documents, "documents", 18}, Table{&state->themes, "themes", 9},
                         Table{&state->evidence, "evidence", 16}, Table{&state->speakers, "speakers", 14},
                         Table{&state->speaker_themes, "speaker_themes", 5},
                         Table{&state->quotes, "quotes", 16}, Table{&state->quote_themes, "quote_themes", 5},
                         Table{&state->errors, "errors", 5}}) {
    if (Status status = state->check(t.insert->prepare(state->db, t.name, t.columns)); !status.ok()) {
      return status;
    }
  }
  return SqliteWriter(std::move(state));
}

Status SqliteWriter::add_document(const DocumentResult& r) {
  State& s = *state_;
  const Lexicon& lexicon = *s.lexicon;
  const std::int64_t doc = ++s.doc_id;
  std::uint32_t direct = 0, indirect = 0;
  for (const Quote& q : r.quotes) {
    direct += q.type == QuoteType::kDirect;
    indirect += q.type == QuoteType::kIndirect;
  }
  const std::string_view title = r.meta.title ? std::string_view(*r.meta.title)
                                 : r.title    ? r.title->slice(r.text)
                                              : std::string_view();
  const std::string date = r.meta.date.value_or("");
  Status status = s.check(s.documents.run(
      {doc, r.path, r.meta.line ? Value(r.meta.line) : Value(), text_or_null(r.meta.id),
       text_or_null(r.meta.source), text_or_null(title), text_or_null(date), text_or_null(r.meta.date_from),
       r.bytes, r.encoding, layout_name(r.layout), input_format_name(r.format),
       r.pages.empty() ? Value() : Value(static_cast<std::uint64_t>(r.pages.size())), r.counts.words, r.counts.sentences,
       r.counts.paragraphs, direct, indirect}));
  if (!status.ok()) return status;

  for (const ThemeScore* score : select_themes(r, lexicon, *s.options)) {
    const Theme& theme = lexicon.themes()[score->theme];
    std::string terms;
    for (std::size_t i = 0; i < score->terms.size() && i < kTopTerms; ++i) {
      terms += fmt::format("{}{}:{}", terms.empty() ? "" : ";", entry_of(lexicon, score->terms[i]).display(),
                           score->terms[i].count);
    }
    status = s.check(s.themes.run({doc, theme.id, score->rank, score->hits, score->distinct,
                                   detail::round4(score->score), detail::round4(score->per_1k),
                                   detail::round4(score->share), terms}));
    if (!status.ok()) return status;
    for (const std::uint32_t index : score->evidence) {
      const Hit& hit = r.hits[index];
      const Entry& entry = entry_of(lexicon, hit);
      const Snippet snippet = make_snippet(r.text, hit.span, s.options->snippet_chars);
      status = s.check(s.evidence.run(
          {doc, theme.id, index, lexicon.themes()[hit.theme].id, entry.text, entry.display(),
           detail::entry_kind_name(entry.kind), hit.span.slice(r.text), hit.span.begin, hit.span.end,
           hit.sentence, page_value(r, hit.span), hit.in_name, hit_counts(hit, r.names_counted), snippet.left, snippet.right}));
      if (!status.ok()) return status;
    }
  }

  for (std::size_t i = 0; i < r.speakers.size(); ++i) {
    const Speaker& p = r.speakers[i];
    const char* gender = p.gender == 'm' ? "m" : p.gender == 'f' ? "f" : "";
    status = s.check(s.speakers.run({doc, static_cast<std::uint64_t>(i), p.name, p.named, p.group,
                                     speaker_kind_name(p.kind), text_or_null(p.role),
                                     text_or_null(p.affiliation), text_or_null(p.country),
                                     text_or_null(p.participation), text_or_null(gender),
                                     aliases_json(p.aliases), p.quotes, p.statements}));
    if (!status.ok()) return status;
    for (const ThemeCount& t : p.themes) {
      status = s.check(s.speaker_themes.run({doc, static_cast<std::uint64_t>(i), lexicon.themes()[t.theme].id,
                                             t.hits, detail::round4(t.score)}));
      if (!status.ok()) return status;
    }
  }

  for (std::size_t i = 0; i < r.quotes.size(); ++i) {
    const Quote& q = r.quotes[i];
    const Attribution& a = q.attribution;
    status = s.check(s.quotes.run(
        {doc, static_cast<std::uint64_t>(i), detail::quote_type_name(q.type), q.partial, q.unclosed,
         q.depth, q.paragraph, page_value(r, q.span), a.speaker >= 0 ? Value(static_cast<std::int64_t>(a.speaker)) : Value(),
         attribution_method_name(a.method), speaker_reference_name(a.reference),
         detail::round4(a.confidence), text_or_null(a.verb.slice(r.text)), q.span.slice(r.text),
         q.span.begin, q.span.end}));
    if (!status.ok()) return status;
    for (const ThemeCount& t : q.themes) {
      status = s.check(s.quote_themes.run({doc, static_cast<std::uint64_t>(i), lexicon.themes()[t.theme].id,
                                           t.hits, detail::round4(t.score)}));
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

Status SqliteWriter::add_error(const FailedInput& failure) {
  State& s = *state_;
  return s.check(s.errors.run({++s.error_id, failure.path, failure.line ? Value(failure.line) : Value(),
                               text_or_null(failure.id), failure.message}));
}

Status SqliteWriter::finish() {
  State& s = *state_;
  const Lexicon& lexicon = *s.lexicon;
  Insert lexicons, meta;
  if (Status status = s.check(lexicons.prepare(s.db, "lexicons", 10)); !status.ok()) return status;
  for (const Theme& theme : lexicon.themes()) {
    const std::string_view parent =
        theme.parent >= 0 ? std::string_view(lexicon.themes()[static_cast<std::size_t>(theme.parent)].id)
                          : std::string_view();
    Status status = s.check(lexicons.run({theme.id, theme.label, text_or_null(theme.description), theme.level,
                                          text_or_null(parent), text_or_null(theme.languages),
                                          static_cast<std::uint64_t>(theme.entry_count()),
                                          static_cast<std::uint64_t>(theme.exclusion_count()),
                                          theme.source, theme.hash}));
    if (!status.ok()) return status;
  }
  if (Status status = s.check(meta.prepare(s.db, "meta", 2)); !status.ok()) return status;
  const std::pair<const char*, std::string> rows[] = {
      {"schema_version", kSqliteSchema},
      {"themescan_version", version()},
      {"count_names", s.count_names ? "true" : "false"},
      {"min_hits", std::to_string(s.options->min_hits)},
      {"top", std::to_string(s.options->top)},
      {"documents", std::to_string(s.doc_id)},
      {"errors", std::to_string(s.error_id)},
  };
  for (const auto& [key, value] : rows) {
    if (Status status = s.check(meta.run({key, value})); !status.ok()) return status;
  }
  lexicons.close();
  meta.close();
  for (const char* sql : {kIndexes, "COMMIT"}) {
    if (Status status = s.exec(sql); !status.ok()) return status;
  }
  // Close (statements first), make the file durable, then move it onto the target.
  s.close_statements();
  const int closed = sqlite3_close(s.db);
  s.db = nullptr;
  if (closed != SQLITE_OK) return s.fail(sqlite3_errstr(closed));
  const auto io_error = [&](int error) {
    return Status(StatusCode::kIoError, fmt::format("cannot write {}: {}", s.path, std::strerror(error)));
  };
  const int fd = ::open(s.temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(errno);
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced) return io_error(error);
  if (::rename(s.temp.c_str(), s.target.c_str()) != 0) return io_error(errno);
  s.temp.clear();
  return Status::Ok();
}

}  // namespace themescan
