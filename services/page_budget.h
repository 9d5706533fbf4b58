// PageBudget: how much one answer of a paged reader (ReadEvents, GetHistory,
// ListProposals) holds — at most a number of items and about kMaxPageBytes — so that a
// page always fits what a client accepts (the CLI takes answers up to 64 MiB; a page
// stops at 4 MiB) however large the items are. The first item always goes in, so a
// reader always makes progress.
//
// Thread safety: none; one per answer.
#ifndef RENSTRA_SERVICES_PAGE_BUDGET_H_
#define RENSTRA_SERVICES_PAGE_BUDGET_H_

#include <cstddef>

namespace renstra {

// Bytes of items per page. The largest request the server takes is 4 MiB
// (ServerOptions::max_receive_message_bytes), so one item never exceeds one page by
// much.
inline constexpr size_t kMaxPageBytes = 4u << 20;

class PageBudget {
 public:
  // `max_items` 0 = no count limit (only the bytes).
  PageBudget(size_t max_items, size_t max_bytes = kMaxPageBytes)
      : max_items_(max_items), max_bytes_(max_bytes) {}

  // True when an item of `bytes` goes in this page (and counts it); false when the page
  // is full: that item starts the next page.
  bool Take(size_t bytes) {
    if (items_ > 0 && ((max_items_ != 0 && items_ >= max_items_) || used_ + bytes > max_bytes_)) {
      return false;
    }
    ++items_;
    used_ += bytes;
    return true;
  }

  size_t items() const { return items_; }

 private:
  const size_t max_items_;
  const size_t max_bytes_;
  size_t items_ = 0;
  size_t used_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PAGE_BUDGET_H_
