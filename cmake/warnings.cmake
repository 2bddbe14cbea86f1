# Applied to every target of ours through salon_module()/salon_warnings().
function(salon_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(SALON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(SALON_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# A module is every *.cpp under its folder (recursively); headers are included by
# path from the repository root (e.g. "app/core/money.h").
function(salon_module target dir)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${dir}/*.cpp)
  add_library(${target} STATIC ${srcs} ${ARGN})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
  salon_warnings(${target})
endfunction()
