#include "clients/credentials.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace renstra {
namespace {

std::string Trim(const std::string& s) {
  const char* kSpace = " \t\r\n\f\v";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

// A token travels in an HTTP/2 header: only visible ASCII may be in it (gRPC aborts
// the process on anything else).
bool Printable(const std::string& token) {
  for (char c : token) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

bool LoadToken(const std::string& token_file, std::string* token, std::string* error) {
  if (token_file.empty()) {
    const char* env = std::getenv("RENSTRA_TOKEN");
    *token = env == nullptr ? "" : Trim(env);
    if (!Printable(*token)) {
      *error =
          "renstra: RENSTRA_TOKEN holds characters a token cannot have (spaces, line "
          "breaks or non-ASCII)";
      return false;
    }
    return true;
  }
  std::ifstream in(token_file);
  std::string line;
  if (!in || !std::getline(in, line)) {
    *error = "renstra: cannot read the token file " + token_file;
    return false;
  }
  *token = Trim(line);
  if (token->empty()) {
    *error = "renstra: the token file " + token_file + " has no token on its first line";
    return false;
  }
  if (!Printable(*token)) {
    *error = "renstra: the token in " + token_file +
             " holds characters a token cannot have (spaces or non-ASCII)";
    return false;
  }
  return true;
}

bool LoadCaPem(const std::string& path, std::string* pem, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "renstra: cannot read the CA certificate " + path;
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  *pem = text.str();
  if (pem->find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    *error = "renstra: " + path + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
    return false;
  }
  return true;
}

}  // namespace renstra
