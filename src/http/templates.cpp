#include "http/templates.hpp"

#include <kainjow/mustache.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace onecase::http {

namespace mst = kainjow::mustache;

namespace {

// The library's set() and push_back() take a child by const reference and copy it
// whole, so building a view bottom-up copied every subtree once per level above it (a
// tenth of a case page's time). Children are moved into place instead: set() a
// placeholder, then move-assign over the one the container now holds. The containers
// are the data's own, not const objects, so writing through them is sound.
mst::data to_data(const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::object: {
            mst::data d{mst::data::type::object};
            for (const auto& [k, child] : v.get_object()) {
                const std::string key(k);
                d.set(key, mst::data{false});
                *const_cast<mst::data*>(d.get(key)) = to_data(child);
            }
            return d;
        }
        case boost::json::kind::array: {
            mst::data d{mst::data::type::list};
            auto& list = const_cast<mst::basic_list<std::string>&>(d.list_value());
            list.reserve(v.get_array().size());
            for (const auto& child : v.get_array()) list.push_back(to_data(child));
            return d;
        }
        // An empty string is false, so `{{#x}}...{{/x}}` hides an absent value; in
        // Mustache a present-but-empty string would otherwise count as true.
        case boost::json::kind::string:
            if (v.get_string().empty()) return mst::data{false};
            return mst::data{std::string(v.get_string())};
        case boost::json::kind::bool_: return mst::data{v.get_bool()};
        case boost::json::kind::int64: return mst::data{std::to_string(v.get_int64())};
        case boost::json::kind::uint64: return mst::data{std::to_string(v.get_uint64())};
        case boost::json::kind::double_: return mst::data{std::to_string(v.get_double())};
        case boost::json::kind::null: return mst::data{false};
    }
    return mst::data{false};
}

}  // namespace

struct Templates::Impl {
    std::map<std::string, std::unique_ptr<mst::mustache>> templates;
    // Files named _*.mustache are partials: any template includes one with {{>_name}}.
    std::map<std::string, std::string> partials;
};

Templates::Templates(const std::string& directory) : impl_(std::make_unique<Impl>()) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(directory)) throw std::runtime_error("template directory not found: " + directory);
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.path().extension() != ".mustache") continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        auto t = std::make_unique<mst::mustache>(ss.str());
        if (!t->is_valid()) {
            throw std::runtime_error("template " + entry.path().string() + ": " + t->error_message());
        }
        const auto stem = entry.path().stem().string();
        if (stem.rfind('_', 0) == 0) impl_->partials[stem] = ss.str();
        impl_->templates[stem] = std::move(t);
    }
}

Templates::~Templates() = default;

std::string Templates::render(const std::string& name, const boost::json::value& view) const {
    const auto& t = impl_->templates.at(name);
    auto data = to_data(view);
    if (data.is_object()) {
        for (const auto& [partial_name, text] : impl_->partials) {
            data.set(partial_name, mst::partial{[&text = text] { return text; }});
        }
    }
    return t->render(data);
}

std::string Templates::render_page(const std::string& name, const boost::json::value& view,
                                   boost::json::object layout_view) const {
    layout_view["content"] = render(name, view);
    return render("layout", layout_view);
}

}  // namespace onecase::http
