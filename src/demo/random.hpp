#pragma once
// A small deterministic PRNG (splitmix64) with its own range mapping, because
// std:: distributions differ between standard library versions and the same seed
// must give the same service everywhere.
#include <cstdint>
#include <iterator>
#include <span>

namespace onecase::demo {

// Mixes a seed with a stream number and an index into an independent seed, so each
// person (or team) can be generated alone, in any order, on any thread.
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t z = seed ^ (stream * 0xd1342543de82ef95ULL) ^ (index * 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n) for n > 0 (Lemire's multiply-shift; its bias is below 2^-40
    // for every n used here, far under anything a demo can show).
    std::uint64_t below(std::uint64_t n) {
        return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }
    // Uniform in [lo, hi], lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    // True with probability p (53-bit resolution).
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

    // A uniformly chosen element of a non-empty container or array.
    template <typename C>
    const auto& pick(const C& items) {
        return items[below(std::size(items))];
    }
    // Index drawn in proportion to integer weights (not all zero).
    std::size_t weighted(std::span<const int> weights) {
        std::uint64_t total = 0;
        for (int w : weights) total += static_cast<std::uint64_t>(w);
        std::uint64_t roll = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const auto w = static_cast<std::uint64_t>(weights[i]);
            if (roll < w) return i;
            roll -= w;
        }
        return weights.size() - 1;
    }

private:
    std::uint64_t state_;
};

}  // namespace onecase::demo
