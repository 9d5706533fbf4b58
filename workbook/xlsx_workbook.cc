#include "workbook/xlsx_workbook.h"

#include <charconv>
#include <cstring>
#include <pugixml.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace renstra {
namespace {

// Element and attribute names without their namespace prefix: writers differ in the
// prefix they give the spreadsheet namespace ("c" or "x:c").
std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == name) return c;
  }
  return {};
}

// The relationship id attribute ("r:id") whatever its prefix.
std::string RelationshipId(pugi::xml_node node) {
  for (pugi::xml_attribute a : node.attributes()) {
    const std::string_view name(a.name());
    if (name.find(':') != std::string_view::npos && LocalName(a.name()) == "id") return a.value();
  }
  return "";
}

absl::StatusOr<pugi::xml_document*> Parse(ZipArchive& zip, const std::string& part,
                                          pugi::xml_document* doc) {
  RENSTRA_ASSIGN_OR_RETURN(std::string xml, zip.Read(part));
  const pugi::xml_parse_result parsed = doc->load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: not a readable .xlsx file: ", part, " is not well-formed XML (",
                     parsed.description(), " at byte ", parsed.offset, ")"));
  }
  return doc;
}

// "xl/" + "worksheets/sheet1.xml", or an absolute target "/xl/worksheets/sheet1.xml".
std::string Resolve(const std::string& dir, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string base = dir;
  std::string rest = target;
  while (absl::StartsWith(rest, "../")) {
    rest = rest.substr(3);
    const size_t slash = base.find_last_of('/', base.size() >= 2 ? base.size() - 2 : 0);
    base = slash == std::string::npos ? "" : base.substr(0, slash + 1);
  }
  return base + rest;
}

std::string DirOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// Relationship id -> (type, part) of `rels_part`, when present.
absl::StatusOr<std::map<std::string, std::pair<std::string, std::string>>> ReadRels(
    ZipArchive& zip, const std::string& rels_part, const std::string& dir) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  if (!zip.Has(rels_part)) return out;
  pugi::xml_document doc;
  RENSTRA_RETURN_IF_ERROR(Parse(zip, rels_part, &doc).status());
  for (pugi::xml_node r : Child(doc, "Relationships").children()) {
    if (LocalName(r.name()) != "Relationship") continue;
    out[r.attribute("Id").value()] = {r.attribute("Type").value(),
                                      Resolve(dir, r.attribute("Target").value())};
  }
  return out;
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s; phonetic
// guides (<rPh>) are not part of the text.
std::string ItemText(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c : item.children()) {
    const std::string_view name = LocalName(c.name());
    if (name == "t") out += c.text().get();
    if (name == "r") out += Child(c, "t").text().get();
  }
  return out;
}

WorkbookCell::Format FormatOfCode(std::string_view code) {
  // Drop quoted literals, [colour]/[locale] sections and escaped characters.
  std::string bare;
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const size_t close = code.find(']', i);
      if (close == std::string_view::npos) break;
      i = close;
    } else {
      bare += static_cast<char>(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  if (bare.find('%') != std::string::npos) return WorkbookCell::Format::kPercent;
  if (bare.find_first_of("ydmhs") != std::string::npos) return WorkbookCell::Format::kDate;
  return WorkbookCell::Format::kPlain;
}

WorkbookCell::Format FormatOfId(int id, const std::map<int, std::string>& custom) {
  auto it = custom.find(id);
  if (it != custom.end()) return FormatOfCode(it->second);
  if (id == 9 || id == 10) return WorkbookCell::Format::kPercent;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return WorkbookCell::Format::kDate;
  return WorkbookCell::Format::kPlain;
}

// Style index (the s attribute) -> format class, from styles.xml's cellXfs.
absl::StatusOr<std::vector<WorkbookCell::Format>> ReadStyles(ZipArchive& zip,
                                                             const std::string& part) {
  std::vector<WorkbookCell::Format> out;
  if (part.empty() || !zip.Has(part)) return out;
  pugi::xml_document doc;
  RENSTRA_RETURN_IF_ERROR(Parse(zip, part, &doc).status());
  const pugi::xml_node sheet = Child(doc, "styleSheet");
  std::map<int, std::string> custom;
  for (pugi::xml_node f : Child(sheet, "numFmts").children()) {
    if (LocalName(f.name()) == "numFmt") {
      custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    }
  }
  for (pugi::xml_node xf : Child(sheet, "cellXfs").children()) {
    if (LocalName(xf.name()) == "xf") {
      out.push_back(FormatOfId(xf.attribute("numFmtId").as_int(), custom));
    }
  }
  return out;
}

// "D12" -> (12, 4); false when it is no cell reference.
bool ParseRef(std::string_view ref, int* row, int* column) {
  size_t i = 0;
  int64_t c = 0;
  while (i < ref.size() && absl::ascii_isupper(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + (ref[i] - 'A' + 1);
    if (c > 16384) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  int64_t r = 0;
  for (; i < ref.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
  }
  if (r == 0) return false;
  *row = static_cast<int>(r);
  *column = static_cast<int>(c);
  return true;
}

struct SheetContext {
  const std::vector<std::string>* shared = nullptr;
  const std::vector<WorkbookCell::Format>* styles = nullptr;
  int64_t* cells_left = nullptr;
  int64_t max_cells = 0;
};

absl::Status ReadSheet(ZipArchive& zip, const std::string& part, const SheetContext& context,
                       XlsxSheetCells* sheet) {
  pugi::xml_document doc;
  RENSTRA_RETURN_IF_ERROR(Parse(zip, part, &doc).status());
  const pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
  auto bad = [&](const std::string& what) {
    return absl::InvalidArgumentError(absl::StrCat("workbook: not a readable .xlsx file: sheet \"",
                                                   sheet->name, "\" (", part, "): ", what));
  };
  int row = 0;
  for (pugi::xml_node r : data.children()) {
    if (LocalName(r.name()) != "row") continue;
    // A row or cell without its reference follows the previous one (the format allows
    // writers to leave them out).
    row = r.attribute("r") ? r.attribute("r").as_int() : row + 1;
    if (row < 1 || row > 1048576) return bad(absl::StrCat("row number ", r.attribute("r").value()));
    int column = 0;
    for (pugi::xml_node c : r.children()) {
      if (LocalName(c.name()) != "c") continue;
      int cell_row = row;
      if (c.attribute("r")) {
        if (!ParseRef(c.attribute("r").value(), &cell_row, &column) || cell_row != row) {
          return bad(
              absl::StrCat("cell reference \"", c.attribute("r").value(), "\" in row ", row));
        }
      } else {
        ++column;
      }
      const std::string_view type = c.attribute("t").value();
      const pugi::xml_node v = Child(c, "v");
      const pugi::xml_node f = Child(c, "f");
      WorkbookCell cell;
      if (type == "inlineStr") {
        cell.text = ItemText(Child(c, "is"));
      } else if (!v) {
        if (!f) continue;  // a formatted blank cell
        cell.kind = WorkbookCell::Kind::kNoValue;
        cell.text = f.text().get();
      } else if (type == "s") {
        const int64_t index = v.text().as_llong(-1);
        if (index < 0 || index >= static_cast<int64_t>(context.shared->size())) {
          return bad(absl::StrCat("cell ", XlsxCellRef(row, column), " names shared string ",
                                  v.text().get(), ", which the workbook does not have"));
        }
        cell.text = (*context.shared)[static_cast<size_t>(index)];
      } else if (type == "str") {
        cell.text = v.text().get();
      } else if (type == "b") {
        cell.kind = WorkbookCell::Kind::kBool;
        cell.text = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
      } else if (type == "e") {
        cell.kind = WorkbookCell::Kind::kError;
        cell.text = v.text().get();
      } else if (type.empty() || type == "n") {
        cell.kind = WorkbookCell::Kind::kNumber;
        const std::string_view text(v.text().get());
        const std::from_chars_result read =
            std::from_chars(text.data(), text.data() + text.size(), cell.number);
        if (read.ec != std::errc() || read.ptr != text.data() + text.size()) {
          return bad(absl::StrCat("cell ", XlsxCellRef(row, column), " holds \"",
                                  std::string(text.substr(0, 40)), "\", which is no number"));
        }
        const int64_t style = c.attribute("s").as_llong(0);
        if (style > 0 && style < static_cast<int64_t>(context.styles->size())) {
          cell.format = (*context.styles)[static_cast<size_t>(style)];
        }
      } else {
        return bad(absl::StrCat("cell ", XlsxCellRef(row, column), " has the unknown type \"",
                                std::string(type.substr(0, 20)), "\""));
      }
      if (cell.kind == WorkbookCell::Kind::kText && cell.text.empty()) continue;
      if (--*context.cells_left < 0) {
        return absl::ResourceExhaustedError(absl::StrCat("workbook: more than ", context.max_cells,
                                                         " cells, the limit of a workbook"));
      }
      sheet->cells[{row, column}] = std::move(cell);
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string XlsxColumnLetters(int column) {
  std::string out;
  for (int n = column; n > 0; n = (n - 1) / 26) out.insert(out.begin(), 'A' + (n - 1) % 26);
  return out;
}

std::string XlsxCellRef(int row, int column) {
  return absl::StrCat(XlsxColumnLetters(column), row);
}

absl::StatusOr<XlsxWorkbook> ReadXlsxWorkbook(std::string_view bytes, const XlsxLimits& limits) {
  RENSTRA_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(bytes, limits.zip));
  // The package's root relationships name the workbook part.
  std::string workbook_part = "xl/workbook.xml";
  std::string custom_part;
  RENSTRA_ASSIGN_OR_RETURN(auto root_rels, ReadRels(*zip, "_rels/.rels", ""));
  for (const auto& [id, rel] : root_rels) {
    if (absl::EndsWith(rel.first, "/officeDocument")) workbook_part = rel.second;
    if (absl::EndsWith(rel.first, "/custom-properties")) custom_part = rel.second;
  }
  XlsxWorkbook book;
  if (!custom_part.empty() && zip->Has(custom_part)) {
    pugi::xml_document doc;
    RENSTRA_RETURN_IF_ERROR(Parse(*zip, custom_part, &doc).status());
    for (pugi::xml_node p : Child(doc, "Properties").children()) {
      if (LocalName(p.name()) != "property") continue;
      const pugi::xml_node value = Child(p, "lpwstr");
      if (value) book.custom_properties[p.attribute("name").value()] = value.text().get();
    }
  }
  pugi::xml_document workbook;
  RENSTRA_RETURN_IF_ERROR(Parse(*zip, workbook_part, &workbook).status());
  const std::string dir = DirOf(workbook_part);
  RENSTRA_ASSIGN_OR_RETURN(
      auto rels,
      ReadRels(*zip, absl::StrCat(dir, "_rels/", workbook_part.substr(dir.size()), ".rels"), dir));
  std::string shared_part, styles_part;
  for (const auto& [id, rel] : rels) {
    if (absl::EndsWith(rel.first, "/sharedStrings")) shared_part = rel.second;
    if (absl::EndsWith(rel.first, "/styles")) styles_part = rel.second;
  }
  std::vector<std::string> shared;
  if (!shared_part.empty() && zip->Has(shared_part)) {
    pugi::xml_document doc;
    RENSTRA_RETURN_IF_ERROR(Parse(*zip, shared_part, &doc).status());
    for (pugi::xml_node si : Child(doc, "sst").children()) {
      if (LocalName(si.name()) == "si") shared.push_back(ItemText(si));
    }
  }
  RENSTRA_ASSIGN_OR_RETURN(std::vector<WorkbookCell::Format> styles, ReadStyles(*zip, styles_part));

  std::vector<XlsxSheetCells>& out = book.sheets;
  int64_t cells_left = limits.max_cells;
  const SheetContext context{&shared, &styles, &cells_left, limits.max_cells};
  for (pugi::xml_node s : Child(Child(workbook, "workbook"), "sheets").children()) {
    if (LocalName(s.name()) != "sheet") continue;
    if (static_cast<int64_t>(out.size()) >= limits.max_sheets) {
      return absl::ResourceExhaustedError(absl::StrCat("workbook: more than ", limits.max_sheets,
                                                       " sheets, the limit of a workbook"));
    }
    XlsxSheetCells sheet;
    sheet.name = s.attribute("name").value();
    auto rel = rels.find(RelationshipId(s));
    // A chart sheet or dialog sheet has no cells to read.
    if (rel == rels.end() || !absl::EndsWith(rel->second.first, "/worksheet")) {
      out.push_back(std::move(sheet));
      continue;
    }
    RENSTRA_RETURN_IF_ERROR(ReadSheet(*zip, rel->second.second, context, &sheet));
    out.push_back(std::move(sheet));
  }
  if (out.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: not a readable .xlsx file: ", workbook_part, " lists no sheet"));
  }
  return book;
}

}  // namespace renstra
