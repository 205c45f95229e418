// Broken code around every construct the thread analysis and the loop
// analysis look at: the check must never crash, whatever it is given.
// RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-detached-infinite-loop' -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not='PLEASE submit'
// RUN: not %coop_tidy %s -checks='-*,coop-detached-infinite-loop' -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not='PLEASE submit'
// CHECK: error: use of undeclared identifier
// CHECK: Found compiler error(s).
#include <thread>
#include <vector>

int work();
void a() { std::thread t(undeclared_fn); t.detach(); for (;;) work(); }
void b() { std::thread t; t.detach(); }
void c() { std::thread([] { for (;;) undeclared(); }).detach(); }
void d() { std::thread([] { while (undeclared_flag) work(); }).detach(); }
void e() { std::thread([] { for (;;) { if (x) break; } }).detach(); }
template <class T> void f(T t) {
  std::thread(t).detach();
  std::thread([t] { for (;;) t.go(); }).detach();
}
struct S {
  void run();
  std::thread t{&S::run, this};
  ~S() { t.detach(); }
};
void S::run() { for (;;) { int x = ; } }
void g() { pthread_create(nullptr, nullptr, nullptr, nullptr); }
void h() { std::thread t(&S::nonexistent, nullptr); t.detach(); }
void i() { std::vector<std::thread> v; v.emplace_back(); for (auto &t : v) t.detach(); }
void j() { std::thread t(j); t = std::thread(); t.detach(); }
void k() { auto l = [](auto x) { for (;;) work(); }; std::thread(l, 1).detach(); }
void m() { std::thread t([] { goto *ptr; for (;;); }); t.detach(); }
void n() { std::thread(std::bind()).detach(); }
void o() { std::thread((void (*)())0).detach(); }
void p() { std::thread(nullptr).detach(); }
void q() { std::thread(q, 1, 2, 3).detach(); }
void r() { for (;;) { try { throw; } catch (Unknown &) { return; } } }
void s() { std::thread(r).detach(); while (true) { switch (undeclared) { case 1: break; } } }
void u() { std::thread([] { do { } while (); }).detach(); }
