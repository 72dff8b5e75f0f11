#include "demo/deferred_indexes.hpp"

namespace onecase::demo {

DeferredIndexes::DeferredIndexes(db::Connection& conn, const std::vector<std::string>& tables) : conn_(conn) {
    for (const auto& table : tables) {
        for (auto& sql : conn.drop_secondary_indexes(table)) definitions_.push_back(std::move(sql));
    }
}

void DeferredIndexes::rebuild() {
    for (const auto& sql : definitions_) conn_.execute_script(sql);
    definitions_.clear();
}

}  // namespace onecase::demo
