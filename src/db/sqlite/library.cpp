#include "db/sqlite/library.hpp"

#include <sqlite3.h>

#include <mutex>

namespace onecase::db {

void prepare_sqlite_library() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Memory statistics make every sqlite3_malloc and sqlite3_free take one global
        // mutex, which the server's reader threads then queue on: a profile of
        // case-history searches on eight connections put a tenth of the server's time
        // in that lock. onecase reads no SQLite memory statistics and sets no heap limit.
        // If something opened SQLite before us the library is initialised and refuses
        // (SQLITE_MISUSE); the statistics then stay on, which is only slower.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

}  // namespace onecase::db
