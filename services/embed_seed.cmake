# Generates a C++ source that embeds a file as a byte array (cmake -P script).
#   -DINPUT=<file> -DOUTPUT=<generated .cc> -DSOURCE_NAME=<name recorded as the source>
# Defines renstra::SeedDocument() and renstra::kSeedSourceName (see services/seed_data.h);
# another document's names with -DHEADER=<header> -DFUNCTION=<fn> -DNAME_CONSTANT=<name>.
if(NOT DEFINED HEADER)
  set(HEADER services/seed_data.h)
endif()
if(NOT DEFINED FUNCTION)
  set(FUNCTION SeedDocument)
endif()
if(NOT DEFINED NAME_CONSTANT)
  set(NAME_CONSTANT kSeedSourceName)
endif()
file(READ ${INPUT} hex HEX)
file(SIZE ${INPUT} size)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# 24 bytes per line keeps the generated file readable in a diff viewer.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){24})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}
"// Generated from ${SOURCE_NAME} by services/embed_seed.cmake. Do not edit.
#include \"${HEADER}\"

namespace renstra {
namespace {
const unsigned char kSeedBytes[${size} + 1] = {
${bytes}0x00};
}  // namespace

const std::string_view ${NAME_CONSTANT} = \"${SOURCE_NAME}\";

std::string_view ${FUNCTION}() {
  return std::string_view(reinterpret_cast<const char*>(kSeedBytes), ${size});
}

}  // namespace renstra
")
