#pragma once
// Server-side HTML: Mustache templates from web/templates, escaped by default. A
// page template is rendered, then layout.mustache with the page in {{{content}}}.
// View models are JSON values, so a page and its API twin can share them.
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <string>

namespace onecase::http {

class Templates {
public:
    // Loads every *.mustache file in `directory`; throws if it is missing or a
    // template does not parse.
    explicit Templates(const std::string& directory);
    ~Templates();

    // Renders `name` (without .mustache) with `view`; throws std::out_of_range for
    // an unknown template.
    std::string render(const std::string& name, const boost::json::value& view) const;

    // Renders `name` inside the layout; `layout_view` supplies title, user, csrf, ...
    std::string render_page(const std::string& name, const boost::json::value& view,
                            boost::json::object layout_view) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace onecase::http
