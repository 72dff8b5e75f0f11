#pragma once
// Logging goes through spdlog's default logger (stderr), set up once in main.
#include <spdlog/spdlog.h>
