# Every dependency comes from a Debian 12 package (see scripts/setup.sh for the list).
find_package(ICU 70 REQUIRED COMPONENTS uc i18n)
find_package(fmt 9 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)  # quanteda YAML dictionaries (lexicon_import.cc)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(SQLite3 3.31 REQUIRED)  # --format sqlite (render_sqlite.cc)
find_package(LibXml2 2.9 REQUIRED)   # HTML and DOCX input (extract_html.cc, extract_docx.cc)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip>=1.5)            # DOCX input
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp>=0.89)  # PDF input

# RE2: Debian 12 ships only a pkg-config file (no CMake package); prefer a CMake package when
# one exists (newer distributions), else fall back to pkg-config.
find_package(re2 CONFIG QUIET)
if(TARGET re2::re2)
  add_library(themescan::re2 ALIAS re2::re2)
else()
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(themescan::re2 ALIAS PkgConfig::RE2)
endif()

# RE2 has no version API and Debian's re2.pc says 0.0.0; record the package version for --version.
set(THEMESCAN_RE2_VERSION "unknown")
find_program(DPKG_QUERY dpkg-query)
if(DPKG_QUERY)
  execute_process(COMMAND ${DPKG_QUERY} -W -f=\${Version} libre2-dev
    OUTPUT_VARIABLE _re2_version OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
  if(_rc EQUAL 0 AND _re2_version)
    set(THEMESCAN_RE2_VERSION "${_re2_version}")
  endif()
endif()
