// sqlite_writer: a corpus as one SQLite database (--format sqlite -o corpus.db), for dashboards
// and BI tools that read SQLite directly (Metabase, Superset, Grafana, Datasette).
//
// Tables (docs/sqlite-schema.md gives every column): documents, themes (a row per document and
// theme shown), evidence (a row per hit of a theme shown), quotes, quote_themes, speakers,
// speaker_themes, errors (a row per input that failed), lexicons (the loaded themes with their
// sources and hashes) and meta (schema version, themescan version, options). Keys are
// (doc_id, ...) with doc_id the document's place in the output, from 1; indexes cover the usual
// joins and filters (theme, date, speaker name).
//
// The database is built in a temporary file next to the target inside one transaction, and
// moved onto the target only by finish(): a run that fails or is interrupted leaves the target
// as it was (an existing database is replaced atomically, never half-written). Not thread-safe:
// one thread adds the documents, in output order.
//
//   Result<SqliteWriter> db = SqliteWriter::create("corpus.db", lexicon, options);
//   db->add_document(result);            // for each document
//   db->add_error(failure);              // for each input that failed
//   Status done = db->finish();          // commit, then rename onto corpus.db
#pragma once

#include <memory>
#include <string>

#include "themescan/analyzer.h"
#include "themescan/lexicon.h"
#include "themescan/render.h"
#include "themescan/status.h"

namespace themescan {

// "themescan.sqlite/1": the meta table's schema_version; bumped when a column is removed or renamed.
inline constexpr const char* kSqliteSchema = "themescan.sqlite/1";

class SqliteWriter {
 public:
  // Creates the temporary database next to `path` and its tables. `lexicon` and `options` must
  // outlive the writer. Errors name `path`.
  static Result<SqliteWriter> create(const std::string& path, const Lexicon& lexicon,
                                     const RenderOptions& options, bool count_names);

  SqliteWriter(SqliteWriter&&) noexcept;
  SqliteWriter& operator=(SqliteWriter&&) noexcept;
  ~SqliteWriter();  // without finish(): the temporary file is removed, the target untouched

  Status add_document(const DocumentResult& result);
  Status add_error(const FailedInput& failure);

  // Writes the lexicons and meta tables, creates the indexes, commits, and renames the
  // temporary file onto the target.
  Status finish();

 private:
  struct State;
  explicit SqliteWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace themescan
