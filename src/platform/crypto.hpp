#pragma once
// Passwords, tokens and hashes, all through libsodium.
#include <string>
#include <string_view>

namespace onecase::platform {

// Initialises libsodium; call once at start. Throws if it cannot.
void init_crypto();

// argon2id hash in libsodium's encoded form (algorithm, parameters and salt included).
std::string hash_password(std::string_view password);

// Constant-time check of a password against an encoded hash.
bool verify_password(std::string_view password, const std::string& encoded_hash);

// `bytes` random bytes, URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);

// Lower-case hex SHA-256, for storing bearer and session tokens.
std::string sha256_hex(std::string_view data);

// Constant-time equality of two strings.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace onecase::platform
