// Credentials of the CLI: the bearer token (from --token-file, else $RENSTRA_TOKEN) and
// the CA certificate a TLS channel pins (--ca).
//
// Thread safety: reads files and the environment; call from one thread at start.
// Errors: false with *error set to a one-line message starting with "renstra: ".
#ifndef RENSTRA_CLIENTS_CREDENTIALS_H_
#define RENSTRA_CLIENTS_CREDENTIALS_H_

#include <string>

namespace renstra {

// The token: the first line of `token_file` (trimmed) when it is not empty, else the
// value of $RENSTRA_TOKEN (trimmed), else "" (no credentials). An unreadable or empty
// token file is an error.
bool LoadToken(const std::string& token_file, std::string* token, std::string* error);

// The PEM text of `path`; an unreadable file or one without a PEM certificate is an
// error.
bool LoadCaPem(const std::string& path, std::string* pem, std::string* error);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CREDENTIALS_H_
