# CTest script: `cmake --install` puts the binary and the lexicons in the usual places, and the
# installed binary runs from another folder with its built-in lexicons.
# Arguments: -DBUILD_DIR=... -DPREFIX=... -DREPORT=...
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(path bin/themescan share/themescan/lexicons/README.md share/themescan/lexicons/talent.lex
             share/themescan/lexicons/sovereignty.lex share/doc/themescan/README.md
             share/doc/themescan/schema/document.schema.json)
  if(NOT EXISTS "${PREFIX}/${path}")
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/themescan" --top 1 "${REPORT}"
                WORKING_DIRECTORY "${PREFIX}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "localisation")
  message(FATAL_ERROR "installed binary failed (${rc}): ${out}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
