# Writes a C++ file holding data/common-passwords.txt, so the binary always carries
# the list its password policy was built with.
file(READ ${IN} text)
set(body "// Generated from data/common-passwords.txt. Do not edit.\n#include \"access/common_passwords.hpp\"\nnamespace onecase::access {\nstd::string_view common_passwords_text() {\n  static constexpr std::string_view text = R\"onecase_list(${text})onecase_list\";\n  return text;\n}\n}  // namespace onecase::access\n")
file(WRITE ${OUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
