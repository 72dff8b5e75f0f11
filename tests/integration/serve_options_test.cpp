// `onecase serve`'s command-line options that are checked before anything is opened:
// a value out of range stops the command with an error and creates no database.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "support.hpp"

namespace onecase::testing {
namespace {

TEST(ServeOptions, AThreadCountOutOfRangeIsRefusedBeforeAnythingIsOpened) {
    const auto db = std::filesystem::temp_directory_path() / ("onecase-threads-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(db);
    for (const char* threads : {"-1", "1025", "many"}) {
        const auto r = run_onecase_capturing({"serve", "--threads", threads, "--db", "sqlite:" + db.string(),
                                              "--listen", "127.0.0.1:0"});
        EXPECT_NE(r.status, 0) << threads;
        EXPECT_FALSE(std::filesystem::exists(db)) << threads << ": nothing is opened";
    }
}

}  // namespace
}  // namespace onecase::testing
