// CleanCell: the text of a cell of a table in the Renstra document, as the parsers read
// it — inline markup (<b>, </i>, ...: tags of at most 4 letters) removed, non-breaking
// spaces made plain, and trimmed. Shared by the T-C.27 parser and the cascade parser
// so that both tables read a cell the same way.
#ifndef RENSTRA_DOMAIN_CELL_TEXT_H_
#define RENSTRA_DOMAIN_CELL_TEXT_H_

#include <string>
#include <string_view>

namespace renstra {

std::string CleanCell(std::string_view raw);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CELL_TEXT_H_
