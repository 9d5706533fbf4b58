// WorkflowCommands: the `renstra` subcommands of the revision workflow (propose,
// proposal show|list|submit|withdraw|revise, review, inbox, revision open|ratify|list,
// plan lock), registered on the CLI11 application and run against a Client.
//
// Every command that writes sends a request id (a fresh random one, or --request-id to
// retry a command safely). Answers print as text (proposal_printer.h), or with --json
// in protobuf's JSON mapping. Changes are given as repeatable options
// (change_parser.h) and sent in the order they were typed.
//
// Ownership: holds the parsed arguments; the CLI::App objects belong to the caller's
// application. Thread safety: not thread-safe (one command per process).
#ifndef RENSTRA_CLIENTS_WORKFLOW_COMMANDS_H_
#define RENSTRA_CLIENTS_WORKFLOW_COMMANDS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clients/change_parser.h"
#include "clients/client.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace renstra {

class WorkflowCommands {
 public:
  WorkflowCommands() = default;
  WorkflowCommands(const WorkflowCommands&) = delete;
  WorkflowCommands& operator=(const WorkflowCommands&) = delete;

  // Adds propose, proposal, review, inbox and revision to `app`, and lock to `plan`.
  void Register(CLI::App* app, CLI::App* plan);

  // Runs the command that was parsed and returns the exit status; std::nullopt when
  // none of these commands was given.
  std::optional<int> Run(Client& client);

 private:
  // The change options of one command (propose or proposal revise).
  struct ChangeOptions {
    std::map<const CLI::Option*, ChangeKind> kinds;
    std::vector<std::string> specs[5];
  };
  static void AddChangeOptions(CLI::App* command, ChangeOptions* options);
  // --request-id and --json, for the commands that write.
  void AddWriteFlags(CLI::App* command);
  // The request id to send: --request-id, else a fresh random one.
  std::string RequestId() const;
  // The message for a failed write; a call that may have landed (no answer) says how
  // to retry it safely.
  static int FailWrite(const grpc::Status& status, const Client& client,
                       const std::string& request_id);
  // The changes in command-line order; false (with *error) if one does not parse.
  static bool CollectChanges(const CLI::App* command, const ChangeOptions& options,
                             std::vector<v1::Change>* changes, std::string* error);

  int Propose(Client& client);
  int Revise(Client& client);
  int SubmitOrWithdraw(Client& client, bool submit);
  int Review(Client& client);
  int ShowProposal(Client& client);
  int ListProposals(Client& client);
  int Inbox(Client& client);
  int OpenRevision(Client& client);
  int Ratify(Client& client);
  int ListRevisions(Client& client);
  int Lock(Client& client);

  // Subcommands (owned by the application).
  CLI::App* propose_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* submit_ = nullptr;
  CLI::App* withdraw_ = nullptr;
  CLI::App* revise_ = nullptr;
  CLI::App* review_ = nullptr;
  CLI::App* inbox_ = nullptr;
  CLI::App* open_ = nullptr;
  CLI::App* ratify_ = nullptr;
  CLI::App* revisions_ = nullptr;
  CLI::App* lock_ = nullptr;

  // Parsed arguments.
  std::string proposal_id_;
  std::string title_;
  std::string justification_;
  std::string note_;
  std::string status_;
  uint32_t page_size_ = 0;
  bool submit_flag_ = false;
  bool approve_ = false;
  bool reject_ = false;
  bool return_ = false;
  bool json_ = false;
  std::string revision_name_;
  bool dry_run_ = false;
  bool accept_findings_ = false;
  std::string accept_reason_;
  std::string legal_basis_;
  std::string signer_;
  std::string effective_date_;
  std::string reason_;
  std::vector<std::string> proposal_ids_;
  ChangeOptions propose_changes_;
  ChangeOptions revise_changes_;
  std::string request_id_;
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_WORKFLOW_COMMANDS_H_
