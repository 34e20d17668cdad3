# Warnings and sanitizers live on INTERFACE targets so no global flags are needed.
add_library(themescan_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(themescan_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
endif()

add_library(themescan_sanitizers INTERFACE)
if(THEMESCAN_SANITIZE)
  target_compile_options(themescan_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(themescan_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
if(THEMESCAN_FUZZ)  # coverage feedback for libFuzzer in every target
  target_compile_options(themescan_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
