# Applied to every target of ours through salon_module()/salon_warnings().
function(salon_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(SALON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(SALON_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  # Line tables are all a sanitizer report needs (function, file, line); full
  # debug info makes 600 MB binaries that take minutes to link in CI.
  add_compile_options(-g1)
  add_link_options(-fsanitize=address,undefined)
  # UBSan's per-check data holds millions of pointers; in a position-independent
  # executable the loader relocates each at every start (a second per CLI run,
  # and the CLI tests start the kiosk thousands of times). A fixed address needs none.
  add_link_options($<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>)
endif()

# lld links the large test binaries several times faster than ld.bfd (package lld).
find_program(SALON_LLD ld.lld)
if(SALON_LLD)
  add_link_options(-fuse-ld=lld)
endif()

# A module is every *.cpp under its folder (recursively); headers are included by
# path from the repository root (e.g. "app/core/money.h").
function(salon_module target dir)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${dir}/*.cpp)
  add_library(${target} STATIC ${srcs} ${ARGN})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
  salon_warnings(${target})
endfunction()
