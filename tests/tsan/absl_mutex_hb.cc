// Makes absl::Mutex visible to ThreadSanitizer when Abseil itself is not instrumented
// (Debian's libabsl_synchronization is built without -fsanitize=thread, so TSan sees
// none of its locking and reports every access guarded by an absl::Mutex as a race).
//
// Built as a shared library only with RENSTRA_TSAN and loaded with LD_PRELOAD by
// `deploy/sanitize.sh --tsan`, so it interposes the out-of-line absl::Mutex and
// absl::CondVar entry points (of the program, of gRPC, of everything), calls the real
// ones (dlsym RTLD_NEXT) and tells TSan about the happens-before they create: acquire
// after taking the lock, release before giving it up (also around Await and
// CondVar::Wait, which give it up while they wait). A Condition is evaluated by
// whichever thread holds the lock at the time (often another one, inside its Unlock), so
// the conditions passed to Await and LockWhen are wrapped to acquire before and release
// after each evaluation. It models ordering only, not ownership, so TSan's lock-order
// (deadlock) detection does not see these mutexes.
//
// Compiled without TSan itself; the __tsan_* hooks come from the program's runtime.
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

extern "C" {
void __tsan_acquire(void* addr) __attribute__((weak));
void __tsan_release(void* addr) __attribute__((weak));
}

namespace {

void Acquire(const void* mu) {
  if (__tsan_acquire != nullptr) __tsan_acquire(const_cast<void*>(mu));
}
void Release(const void* mu) {
  if (__tsan_release != nullptr) __tsan_release(const_cast<void*>(mu));
}

// The next definition of `symbol` (the real one in libabsl_synchronization).
template <typename F>
F Real(const char* symbol) {
  void* f = dlsym(RTLD_NEXT, symbol);
  if (f == nullptr) {
    std::fprintf(stderr, "absl_mutex_hb: no %s: %s\n", symbol, dlerror());
    std::abort();
  }
  return reinterpret_cast<F>(f);
}

// REAL(type, mangled name): the real function, looked up once.
#define REAL(type, name)                    \
  ([]() {                                   \
    static const auto f = Real<type>(name); \
    return f;                               \
  }())

using Cond = absl::Condition;

// A condition that evaluates `cond` with `mu`'s happens-before edges around it.
class Annotated {
 public:
  Annotated(const Cond& cond, const absl::Mutex* mu)
      : cond_(&cond), mu_(mu), wrapped_(&Annotated::Eval, this) {}
  const Cond& get() const { return wrapped_; }

 private:
  static bool Eval(void* self) {
    const auto* a = static_cast<const Annotated*>(self);
    Acquire(a->mu_);
    const bool met = a->cond_->Eval();
    Release(a->mu_);
    return met;
  }
  const Cond* cond_;
  const absl::Mutex* mu_;
  Cond wrapped_;
};
using VoidFn = void (*)(absl::Mutex*);
using BoolFn = bool (*)(absl::Mutex*);
using CondFn = void (*)(absl::Mutex*, const Cond&);
using CondBoolDurFn = bool (*)(absl::Mutex*, const Cond&, absl::Duration);
using CondBoolTimeFn = bool (*)(absl::Mutex*, const Cond&, absl::Time);
using WaitFn = void (*)(absl::CondVar*, absl::Mutex*);
using WaitDurFn = bool (*)(absl::CondVar*, absl::Mutex*, absl::Duration);
using WaitTimeFn = bool (*)(absl::CondVar*, absl::Mutex*, absl::Time);

}  // namespace

namespace absl {
ABSL_NAMESPACE_BEGIN

void Mutex::Lock() {
  REAL(VoidFn, "_ZN4absl7debian35Mutex4LockEv")(this);
  Acquire(this);
}
void Mutex::ReaderLock() {
  REAL(VoidFn, "_ZN4absl7debian35Mutex10ReaderLockEv")(this);
  Acquire(this);
}
bool Mutex::TryLock() {
  const bool locked = REAL(BoolFn, "_ZN4absl7debian35Mutex7TryLockEv")(this);
  if (locked) Acquire(this);
  return locked;
}
bool Mutex::ReaderTryLock() {
  const bool locked = REAL(BoolFn, "_ZN4absl7debian35Mutex13ReaderTryLockEv")(this);
  if (locked) Acquire(this);
  return locked;
}
void Mutex::Unlock() {
  Release(this);
  REAL(VoidFn, "_ZN4absl7debian35Mutex6UnlockEv")(this);
}
void Mutex::ReaderUnlock() {
  Release(this);
  REAL(VoidFn, "_ZN4absl7debian35Mutex12ReaderUnlockEv")(this);
}

void Mutex::LockWhen(const Condition& cond) {
  REAL(CondFn, "_ZN4absl7debian35Mutex8LockWhenERKNS0_9ConditionE")
  (this, Annotated(cond, this).get());
  Acquire(this);
}
void Mutex::ReaderLockWhen(const Condition& cond) {
  REAL(CondFn, "_ZN4absl7debian35Mutex14ReaderLockWhenERKNS0_9ConditionE")
  (this, Annotated(cond, this).get());
  Acquire(this);
}
bool Mutex::LockWhenWithTimeout(const Condition& cond, absl::Duration timeout) {
  const bool met = REAL(CondBoolDurFn,
                        "_ZN4absl7debian35Mutex19LockWhenWithTimeoutERKNS0_9ConditionENS0_"
                        "8DurationE")(this, Annotated(cond, this).get(), timeout);
  Acquire(this);
  return met;
}
bool Mutex::LockWhenWithDeadline(const Condition& cond, absl::Time deadline) {
  const bool met = REAL(CondBoolTimeFn,
                        "_ZN4absl7debian35Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_"
                        "4TimeE")(this, Annotated(cond, this).get(), deadline);
  Acquire(this);
  return met;
}
bool Mutex::ReaderLockWhenWithTimeout(const Condition& cond, absl::Duration timeout) {
  const bool met = REAL(CondBoolDurFn,
                        "_ZN4absl7debian35Mutex25ReaderLockWhenWithTimeoutERKNS0_9ConditionENS0_"
                        "8DurationE")(this, Annotated(cond, this).get(), timeout);
  Acquire(this);
  return met;
}
bool Mutex::ReaderLockWhenWithDeadline(const Condition& cond, absl::Time deadline) {
  const bool met = REAL(CondBoolTimeFn,
                        "_ZN4absl7debian35Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_"
                        "4TimeE")(this, Annotated(cond, this).get(), deadline);
  Acquire(this);
  return met;
}

void Mutex::Await(const Condition& cond) {
  Release(this);
  REAL(CondFn, "_ZN4absl7debian35Mutex5AwaitERKNS0_9ConditionE")(this, Annotated(cond, this).get());
  Acquire(this);
}
bool Mutex::AwaitWithTimeout(const Condition& cond, absl::Duration timeout) {
  Release(this);
  const bool met = REAL(CondBoolDurFn,
                        "_ZN4absl7debian35Mutex16AwaitWithTimeoutERKNS0_9ConditionENS0_8DurationE")(
      this, Annotated(cond, this).get(), timeout);
  Acquire(this);
  return met;
}
bool Mutex::AwaitWithDeadline(const Condition& cond, absl::Time deadline) {
  Release(this);
  const bool met =
      REAL(CondBoolTimeFn, "_ZN4absl7debian35Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE")(
          this, Annotated(cond, this).get(), deadline);
  Acquire(this);
  return met;
}

void CondVar::Wait(Mutex* mu) {
  Release(mu);
  REAL(WaitFn, "_ZN4absl7debian37CondVar4WaitEPNS0_5MutexE")(this, mu);
  Acquire(mu);
}
bool CondVar::WaitWithTimeout(Mutex* mu, absl::Duration timeout) {
  Release(mu);
  const bool timed_out = REAL(WaitDurFn,
                              "_ZN4absl7debian37CondVar15WaitWithTimeoutEPNS0_5MutexENS0_"
                              "8DurationE")(this, mu, timeout);
  Acquire(mu);
  return timed_out;
}
bool CondVar::WaitWithDeadline(Mutex* mu, absl::Time deadline) {
  Release(mu);
  const bool timed_out = REAL(WaitTimeFn,
                              "_ZN4absl7debian37CondVar16WaitWithDeadlineEPNS0_5MutexENS0_"
                              "4TimeE")(this, mu, deadline);
  Acquire(mu);
  return timed_out;
}

ABSL_NAMESPACE_END
}  // namespace absl
