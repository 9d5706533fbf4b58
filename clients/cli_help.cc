#include "clients/cli_help.h"

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"

namespace renstra {
namespace {

constexpr char kHelpFlagText[] = "Tampilkan bantuan ini lalu keluar";

// CLI11's option group (every option of ours is in the default one) and its labels.
constexpr char kDefaultGroup[] = "Options";

class IndonesianFormatter : public CLI::Formatter {
 public:
  IndonesianFormatter() {
    label("Usage", "Penggunaan");
    label("OPTIONS", "OPSI");
    label("SUBCOMMAND", "SUBPERINTAH");
    label("SUBCOMMANDS", "SUBPERINTAH");
    label("Positionals", "Argumen");
    label("REQUIRED", "WAJIB");
    label("Env", "Lingkungan");
    label("Needs", "Perlu");
    label("Excludes", "Tidak bersama");
  }

  // The default group's name is not a label in CLI11 2.1: it is the group's title.
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    if (group == kDefaultGroup) group = "Opsi";
    return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
  }

  // CLI11 writes " " + the type name first (when the option has no option_text); the
  // rest (default, REQUIRED, Excludes) goes through the labels.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string opts = CLI::Formatter::make_option_opts(opt);
    const std::string type = opt->get_type_name();
    if (opt->get_option_text().empty() && !type.empty() &&
        opts.compare(0, type.size() + 1, " " + type) == 0) {
      opts.replace(1, type.size(), IndonesianTypeName(type));
    }
    return opts;
  }
};

std::string FailureMessage(const CLI::App* app, const CLI::Error& e) {
  std::string message = std::string(e.what()) + "\n";
  if (app->get_help_ptr() != nullptr) {
    message +=
        "Jalankan dengan " + app->get_help_ptr()->get_name() + " untuk keterangan lebih lanjut.\n";
  }
  return message;
}

}  // namespace

std::string IndonesianTypeName(const std::string& type_name) {
  static const auto* const kWords = new std::map<std::string, std::string>{
      {"TEXT", "TEKS"},     {"INT", "BULAT"},        {"UINT", "CACAH"},
      {"FLOAT", "DESIMAL"}, {"POSITIVE", "POSITIF"}, {"NONNEGATIVE", "NONNEGATIF"},
      {"FILE", "BERKAS"},   {"DIR", "DIREKTORI"},    {"in", "dalam"},
  };
  std::string out;
  size_t i = 0;
  bool in_set = false;  // inside "{a,b}": accepted values, kept as typed
  while (i < type_name.size()) {
    const char c = type_name[i];
    if (c == '{') in_set = true;
    if (c == '}') in_set = false;
    if (in_set || !std::isalpha(static_cast<unsigned char>(c))) {
      out += c;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < type_name.size() &&
           (std::isalnum(static_cast<unsigned char>(type_name[end])) || type_name[end] == '_')) {
      ++end;
    }
    const std::string word = type_name.substr(i, end - i);
    const auto found = kWords->find(word);
    out += found == kWords->end() ? word : found->second;
    i = end;
  }
  return out;
}

void UseIndonesianHelp(CLI::App* app) {
  app->formatter(std::make_shared<IndonesianFormatter>());
  app->set_help_flag("-h,--help", kHelpFlagText);
  app->group("Subperintah");
  app->failure_message(FailureMessage);
}

}  // namespace renstra
