# libFuzzer targets (tests/fuzz), built with clang into their own tree by scripts/fuzz:
#   cmake -S . -B build-fuzz -G Ninja -DONECASE_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
# Each target compiles only the pure sources it exercises, with coverage
# instrumentation, AddressSanitizer and UndefinedBehaviorSanitizer; header-only
# Boost (Beast, JSON) is compiled in so the parsers are instrumented too.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ONECASE_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
endif()

set(FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1)
set(FUZZ_LINK -fsanitize=fuzzer,address,undefined)

# Boost.JSON's compiled part, instrumented, shared by the targets that parse JSON.
add_library(fuzz_boost_json STATIC ${CMAKE_SOURCE_DIR}/tests/fuzz/boost_json.cpp)
target_compile_options(fuzz_boost_json PRIVATE ${FUZZ_FLAGS})
target_compile_definitions(fuzz_boost_json PUBLIC BOOST_JSON_NO_LIB)
target_link_libraries(fuzz_boost_json PUBLIC Boost::headers)

function(onecase_fuzz_target name)
  cmake_parse_arguments(F "" "" "SOURCES;DEPS" ${ARGN})
  set(srcs)
  foreach(s ${F_SOURCES})
    list(APPEND srcs ${CMAKE_SOURCE_DIR}/src/${s})
  endforeach()
  add_executable(${name}_fuzz ${CMAKE_SOURCE_DIR}/tests/fuzz/${name}_fuzz.cpp ${srcs})
  target_include_directories(${name}_fuzz PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests/fuzz)
  target_compile_options(${name}_fuzz PRIVATE ${FUZZ_FLAGS} ${ONECASE_WARNINGS})
  target_link_options(${name}_fuzz PRIVATE ${FUZZ_LINK})
  target_link_libraries(${name}_fuzz PRIVATE Boost::headers ${F_DEPS})
  set_target_properties(${name}_fuzz PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  list(APPEND ONECASE_FUZZ_TARGETS ${name}_fuzz)
  set(ONECASE_FUZZ_TARGETS ${ONECASE_FUZZ_TARGETS} PARENT_SCOPE)
endfunction()

set(FUZZ_DATES platform/clock.cpp platform/date_arithmetic.cpp)
onecase_fuzz_target(http_request SOURCES http/request.cpp http/beast_request.cpp)
onecase_fuzz_target(router SOURCES http/router.cpp http/request.cpp http/response.cpp DEPS fuzz_boost_json)
onecase_fuzz_target(json_body
  SOURCES risk/tier_json.cpp risk/tier_inputs.cpp risk/tiering.cpp risk/change_level.cpp risk/protect_level.cpp
          risk/assessment_rules.cpp enforcement/policy_rules.cpp contacts/enforcement_rules.cpp contacts/order_type.cpp
          contacts/rules.cpp ${FUZZ_DATES}
  DEPS fuzz_boost_json fmt::fmt)
onecase_fuzz_target(search_query
  SOURCES search/people_query.cpp search/history_query.cpp search/excerpt.cpp search/english_stem.cpp people/name_keys.cpp
          platform/identifiers.cpp ${FUZZ_DATES}
  DEPS fmt::fmt ${STEMMER_LIBRARY})
add_custom_target(fuzz_targets DEPENDS ${ONECASE_FUZZ_TARGETS})
