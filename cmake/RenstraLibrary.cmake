# How the project declares its own targets (docs/architecture.md, "Layers").
#
#   renstra_add_library(<name> [SHARED] [GENERATED] SOURCES <src>...
#                       [PUBLIC_DEPS <target>...] [PRIVATE_DEPS <target>...])
#   renstra_add_executable(<name> SOURCES <src>... [DEPS <target>...])
#   renstra_add_test(<name> SOURCES <src>... [DEPS <target>...]
#                    [DISCOVER_PROPERTIES <property> <value>...])
#
# Each applies the project's warnings (RENSTRA_WARNINGS, below) once, so no CMakeLists
# repeats them. A library also links renstra_source_root PUBLIC: that is how the
# repository root ("domain/money.h", "services/plan_app.h") reaches its own sources and
# everything that links it. Executables and tests get the root only through the
# libraries they link; nothing adds ${CMAKE_SOURCE_DIR} by hand.
#
# GENERATED marks code protoc writes (proto/, tests/services, tests/fuzz): it gets no
# warnings (the generated files are not ours to fix) and no source root (it includes
# only its own output directory, which the caller adds).

# Warnings as errors on the project's own code only.
set(RENSTRA_WARNINGS -Wall -Wextra -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 at -O2/-O3 reports false -Wrestrict overlaps inside std::string
  # (GCC PR105329/PR105651); with -Werror they would break the Release build.
  list(APPEND RENSTRA_WARNINGS -Wno-restrict)
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # Checks the ABSL_GUARDED_BY / ABSL_EXCLUSIVE_LOCKS_REQUIRED annotations: a guarded
  # member touched without its mutex, or a *Locked helper called without it, fails the
  # build. -beta adds the checks on annotated member functions' callers and scoped
  # lockables that clang 14 still marks experimental; the code passes them too.
  list(APPEND RENSTRA_WARNINGS -Wthread-safety -Wthread-safety-beta)
endif()

# The repository root as an include directory, for "layer/file.h" includes. Only
# libraries link it (PUBLIC), so a target sees the root because it links one of ours.
add_library(renstra_source_root INTERFACE)
target_include_directories(renstra_source_root INTERFACE ${CMAKE_SOURCE_DIR})

function(renstra_add_library name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "SHARED;GENERATED" ""
    "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "renstra_add_library(${name}): unknown arguments "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(type STATIC)
  if(arg_SHARED)
    set(type SHARED)
  endif()
  add_library(${name} ${type} ${arg_SOURCES})
  target_link_libraries(${name} PUBLIC ${arg_PUBLIC_DEPS} PRIVATE ${arg_PRIVATE_DEPS})
  if(NOT arg_GENERATED)
    target_link_libraries(${name} PUBLIC renstra_source_root)
    target_compile_options(${name} PRIVATE ${RENSTRA_WARNINGS})
  endif()
endfunction()

function(renstra_add_executable name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;DEPS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "renstra_add_executable(${name}): unknown arguments "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE ${arg_DEPS})
  target_compile_options(${name} PRIVATE ${RENSTRA_WARNINGS})
endfunction()

# A gtest binary, registered with gtest_discover_tests (DISCOVER_PROPERTIES are passed
# on as its PROPERTIES). DEPS name the gtest main and matchers it needs.
function(renstra_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;DEPS;DISCOVER_PROPERTIES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "renstra_add_test(${name}): unknown arguments "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  renstra_add_executable(${name} SOURCES ${arg_SOURCES} DEPS ${arg_DEPS})
  if(arg_DISCOVER_PROPERTIES)
    gtest_discover_tests(${name} PROPERTIES ${arg_DISCOVER_PROPERTIES})
  else()
    gtest_discover_tests(${name})
  endif()
endfunction()
