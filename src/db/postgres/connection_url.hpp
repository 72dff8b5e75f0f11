#pragma once
// libpq connection URIs as we log them. Pure.
#include <string>
#include <string_view>

namespace onecase::db {

// `url` without its password and without its query string (which may carry
// `password=` or other secrets): postgresql://app:secret@db:5432/onecase?sslmode=require
// becomes postgresql://app@db:5432/onecase. Safe to log.
std::string redact_connection_url(std::string_view url);

}  // namespace onecase::db
