// An LD_PRELOAD shim for the I/O-error torture test: makes fsync/fdatasync or
// write/pwrite fail on demand, for files under one path only, so the server's
// sockets and logs keep working while its database "disk" fails.
//
//   ONECASE_FAIL_IO_PATH     prefix of the files to fail (e.g. the database file)
//   ONECASE_FAIL_IO_CONTROL  a file whose first word says what fails now:
//                            "fsync" (EIO), "write" (EIO), "full" (writes fail with
//                            ENOSPC, as on a full disk), or anything else for nothing
//
// The control file is read on every intercepted call, so a test switches failures
// on and off while the server runs.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

template <typename Fn>
Fn real(const char* name) {
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}

// Reads the control file with raw syscalls (not intercepted, no allocation).
bool failing(const char* what) {
    const char* control = std::getenv("ONECASE_FAIL_IO_CONTROL");
    if (!control) return false;
    const int fd = ::open(control, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char mode[16] = {};
    const ssize_t n = ::read(fd, mode, sizeof mode - 1);
    ::close(fd);
    if (n <= 0) return false;
    const std::size_t len = std::strlen(what);
    return std::strncmp(mode, what, len) == 0 && (mode[len] == '\0' || mode[len] == '\n' || mode[len] == ' ');
}

bool targeted(int fd) {
    const char* prefix = std::getenv("ONECASE_FAIL_IO_PATH");
    if (!prefix) return false;
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char path[4096];
    const ssize_t n = ::readlink(link, path, sizeof path - 1);
    if (n <= 0) return false;
    path[n] = '\0';
    return std::strncmp(path, prefix, std::strlen(prefix)) == 0;
}

bool inject(int fd, const char* what) {
    if (!targeted(fd) || !failing(what)) return false;
    errno = EIO;
    return true;
}

bool inject_write(int fd) {
    if (!targeted(fd)) return false;
    if (failing("write")) {
        errno = EIO;
        return true;
    }
    if (failing("full")) {
        errno = ENOSPC;
        return true;
    }
    return false;
}

}  // namespace

extern "C" {

int fsync(int fd) {
    static auto next = real<int (*)(int)>("fsync");
    return inject(fd, "fsync") ? -1 : next(fd);
}

int fdatasync(int fd) {
    static auto next = real<int (*)(int)>("fdatasync");
    return inject(fd, "fsync") ? -1 : next(fd);
}

ssize_t write(int fd, const void* buf, size_t count) {
    static auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
    return inject_write(fd) ? -1 : next(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
    static auto next = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    return inject_write(fd) ? -1 : next(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
    static auto next = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    return inject_write(fd) ? -1 : next(fd, buf, count, offset);
}

}  // extern "C"
