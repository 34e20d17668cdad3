# themescan_embed_files(OUTPUT file.cc FILES a b ...)
# Generates a C++ source defining `themescan::detail::kBuiltinFiles`: the name and the exact bytes
# of each file. The generation runs at build time, so editing a lexicon rebuilds the binary.
function(themescan_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${EMBED_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${EMBED_OUTPUT}" "-DFILES=${EMBED_FILES}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_files.cmake"
    DEPENDS ${EMBED_FILES} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_files.cmake"
    COMMENT "Embedding ${CMAKE_CURRENT_LIST_LENGTH} lexicon files"
    VERBATIM)
endfunction()
