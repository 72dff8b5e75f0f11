#include "search/edit_variants.hpp"

#include <algorithm>

namespace onecase::search {

std::vector<std::string> one_edit_variants(std::string_view word) {
    const std::string w(word);
    std::vector<std::string> out;
    out.reserve(54 * w.size() + 26);
    for (std::size_t i = 0; i < w.size(); ++i) {
        out.push_back(w.substr(0, i) + w.substr(i + 1));  // deleted
        if (i + 1 < w.size() && w[i] != w[i + 1]) {
            std::string swapped = w;
            std::swap(swapped[i], swapped[i + 1]);
            out.push_back(std::move(swapped));
        }
    }
    for (std::size_t i = 0; i <= w.size(); ++i) {
        for (char c = 'a'; c <= 'z'; ++c) {
            out.push_back(w.substr(0, i) + c + w.substr(i));  // inserted
            if (i < w.size() && c != w[i]) {
                std::string changed = w;
                changed[i] = c;
                out.push_back(std::move(changed));
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::erase_if(out, [&](const std::string& v) { return v.empty() || v == w; });
    return out;
}

}  // namespace onecase::search
