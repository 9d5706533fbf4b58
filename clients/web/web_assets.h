// The console's static files (clients/web/static/), embedded in renstra-web at build
// time by clients/web/embed_assets.cmake: no file to install beside the binary, nothing
// fetched from elsewhere, so the console works on an offline intranet.
// Thread safety: immutable data.
#ifndef RENSTRA_CLIENTS_WEB_WEB_ASSETS_H_
#define RENSTRA_CLIENTS_WEB_WEB_ASSETS_H_

#include <string_view>

namespace renstra::web {

struct WebAsset {
  std::string_view name;  // "app.js", "masuk.html", ...
  std::string_view content_type;
  std::string_view bytes;
};

// The file `name` of clients/web/static/, or null.
const WebAsset* FindAsset(std::string_view name);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_WEB_ASSETS_H_
