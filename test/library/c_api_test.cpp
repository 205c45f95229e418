// Runs the C11 checks of c_api_checks.c.
#include <gtest/gtest.h>

extern "C" {
int coop_c_check_source_and_token(void);
int coop_c_check_callbacks(void);
int coop_c_check_sleep(void);
int coop_c_check_cond_wait(void);
int coop_c_check_sem_wait(void);
int coop_c_check_wait_fd(void);
int coop_c_check_threads(void);
int coop_c_check_process(void);
}

// 0, or the line of c_api_checks.c that failed.
TEST(CApi, SourceAndToken) { EXPECT_EQ(coop_c_check_source_and_token(), 0); }
TEST(CApi, Callbacks) { EXPECT_EQ(coop_c_check_callbacks(), 0); }
TEST(CApi, Sleep) { EXPECT_EQ(coop_c_check_sleep(), 0); }
TEST(CApi, CondWait) { EXPECT_EQ(coop_c_check_cond_wait(), 0); }
TEST(CApi, SemWait) { EXPECT_EQ(coop_c_check_sem_wait(), 0); }
TEST(CApi, WaitFd) { EXPECT_EQ(coop_c_check_wait_fd(), 0); }
TEST(CApi, Threads) { EXPECT_EQ(coop_c_check_threads(), 0); }
TEST(CApi, Process) { EXPECT_EQ(coop_c_check_process(), 0); }
