// CLI help in Bahasa Indonesia: the furniture CLI11 prints around the texts of
// `renstra --help` and of every subcommand's --help ("Usage:", "Options:", "REQUIRED",
// "TEXT", ...) and after a usage error ("Run with --help for more information."),
// through CLI11's own customisation points: a Formatter subclass with its labels, the
// app's help flag, the subcommands' group and the failure message.
//
// The descriptions of commands and options are written in Indonesian where they are
// declared; this only changes what CLI11 adds. The message of a usage error itself
// ("--file is required") is CLI11's and stays as it is.
//
// Call UseIndonesianHelp on the main app before adding any option or subcommand:
// subcommands inherit the formatter, the help flag and the group when they are created.
// Not thread-safe (like CLI::App); the formatter is immutable once made.
#ifndef RENSTRA_CLIENTS_CLI_HELP_H_
#define RENSTRA_CLIENTS_CLI_HELP_H_

#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

// Makes `app` (and the subcommands added to it afterwards) print help in Indonesian.
void UseIndonesianHelp(CLI::App* app);

// A CLI11 type name in Indonesian, word by word: "TEXT" -> "TEKS", "FLOAT:POSITIVE" ->
// "DESIMAL:POSITIF", "INT:INT in [1 - 4]" -> "BULAT:BULAT dalam [1 - 4]"; a set of
// accepted values ("TEXT:{tsv,csv}" -> "TEKS:{tsv,csv}") and our own placeholders
// ("KODE:TAHUN=RUPIAH") are kept.
std::string IndonesianTypeName(const std::string& type_name);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLI_HELP_H_
